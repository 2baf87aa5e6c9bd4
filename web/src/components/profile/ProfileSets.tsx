import { useRef } from 'react';
import { fetchAccountSets } from '../../api/sets.ts';
import type { Profile, SetSummary } from '../../api/types.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import { ButtonLink } from '../Button.tsx';
import { EmptyState } from '../EmptyState.tsx';
import { Icon } from '../Icon.tsx';
import { LoadMore } from '../LoadMore.tsx';
import { ProductGridSkeleton } from '../shop/ProductGrid.tsx';
import { SetGrid } from '../sets/SetCard.tsx';
import { RetryNotice } from '../RetryNotice.tsx';

/** A profile's sets; on your own profile, with "New set" (and your private sets too). */
export function ProfileSets({ profile, own }: { profile: Profile; own: boolean }) {
  const list = usePagedList(
    `sets:${profile.handle}`,
    async (cursor, signal) => {
      const page = await fetchAccountSets(profile.handle, cursor, signal);
      return { items: page.sets, next: page.next };
    },
    (set: SetSummary) => set.id,
  );
  const container = useRef<HTMLDivElement>(null);
  const newSet = (
    <ButtonLink to="/sets/new" size="sm">
      <Icon name="plus" size={18} />
      New set
    </ButtonLink>
  );

  return (
    <div className="profile-panel">
      {own && list.items.length > 0 && <div className="profile-panel__toolbar">{newSet}</div>}
      {list.status === 'loading' && <ProductGridSkeleton count={4} />}
      {list.status === 'failed' && (
        <RetryNotice title="We couldn’t load the sets" message={list.problem} onRetry={list.retry} />
      )}
      {(list.status === 'missing' || (list.status === 'ready' && list.items.length === 0)) && (
        <EmptyState icon="sets" title="No sets yet" headingLevel={3} action={own ? newSet : undefined}>
          <p>
            {own
              ? 'Put pieces together into a look — shoes, a bag, the dress — and share it, or buy it all at once.'
              : `Looks ${profile.display_name} puts together from several pieces will appear here.`}
          </p>
        </EmptyState>
      )}
      {list.items.length > 0 && (
        <div ref={container}>
          <SetGrid sets={list.items} label={`Sets by ${profile.display_name}`} />
          <LoadMore {...list} label="Load more sets" container={container} />
        </div>
      )}
    </div>
  );
}
