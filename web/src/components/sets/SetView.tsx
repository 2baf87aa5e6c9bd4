import { useMemo } from 'react';
import type { ProductSet } from '../../api/types.ts';
import { formatDate } from '../../lib/dates.ts';
import { Badge } from '../Badge.tsx';
import { ButtonLink } from '../Button.tsx';
import { Comments } from '../comments/Comments.tsx';
import { Icon } from '../Icon.tsx';
import { Notice } from '../Notice.tsx';
import { Byline } from '../social/AccountRow.tsx';
import { RichText } from '../social/RichText.tsx';
import { SocialActions } from '../social/SocialActions.tsx';
import { SetCover } from './SetCard.tsx';
import { SetPieces } from './SetPieces.tsx';

/** A set's page: cover, title, owner and description; love and share; its pieces; comments. */
export function SetView({ set, notice }: { set: ProductSet; notice?: string | null }) {
  const target = useMemo(() => ({ kind: 'set' as const, id: set.id }), [set.id]);
  const previews = set.items.flatMap(({ product }) => product.images.slice(0, 1)).slice(0, 4);

  return (
    <div className="page set-page">
      {notice && <Notice tone="warning">{notice}</Notice>}
      <div className="set-page__layout">
        <div className="set-page__cover">
          <SetCover cover={set.cover_url} previews={previews} eager />
        </div>
        <div className="set-page__info">
          <p className="page-header__eyebrow">Set</p>
          <h1 className="set-page__title" tabIndex={-1} data-page-title>
            {set.title}
          </h1>
          <Byline account={set.owner}>
            <span className="byline__aside">{formatDate(set.created_at)}</span>
          </Byline>
          {set.visibility === 'private' && (
            <p className="set-page__private">
              <Badge tone="ink">Private</Badge> Only you can see this set.
            </p>
          )}
          {set.description && <RichText className="set-page__description" text={set.description} />}
          <SocialActions target={target} title={set.title} loved={set.loved} loves={set.loves}>
            {set.can_edit && (
              <ButtonLink to={`/sets/${encodeURIComponent(set.id)}/edit`} variant="secondary" size="sm">
                <Icon name="edit" size={18} />
                Edit set
              </ButtonLink>
            )}
          </SocialActions>
        </div>
      </div>
      <SetPieces key={set.updated_at} set={set} />
      <Comments key={set.id} target={target} />
    </div>
  );
}
