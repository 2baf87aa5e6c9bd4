import { Link } from 'react-router';
import type { HashtagItem } from '../../api/types.ts';
import { formatDateTime, formatRelative } from '../../lib/dates.ts';
import { Byline } from './AccountRow.tsx';
import { RichText } from './RichText.tsx';

/** Where an item carrying the tag lives, and what to call the way there. */
function destination(item: HashtagItem): { to: string; label: string; what: string } | null {
  if (item.kind === 'set') return { to: `/sets/${encodeURIComponent(item.id)}`, label: 'View the set', what: 'A set' };
  if (item.kind === 'photo') return { to: `/photos/${encodeURIComponent(item.id)}`, label: 'View the photo', what: 'A photo' };
  if (item.kind === 'comment' && item.target) {
    if (item.target.kind === 'product') return { to: `/products/${encodeURIComponent(item.target.id)}`, label: 'View the piece', what: 'A comment on a piece' };
    if (item.target.kind === 'set') return { to: `/sets/${encodeURIComponent(item.target.id)}`, label: 'View the set', what: 'A comment on a set' };
  }
  return null;
}

const kindNames: Record<HashtagItem['kind'], string> = { comment: 'A comment', set: 'A set', photo: 'A photo' };

/** One use of a hashtag: who, when, the words (tags and handles linked), and the way to it. */
export function HashtagItemCard({ item, index }: { item: HashtagItem; index: number }) {
  const to = destination(item);
  return (
    <article className="tag-item" tabIndex={-1} data-item-index={index} aria-label={`${to?.what ?? kindNames[item.kind]} by ${item.by.display_name}`}>
      <Byline account={item.by}>
        <span className="byline__aside">
          {to?.what ?? kindNames[item.kind]} ·{' '}
          <time dateTime={item.created_at} title={formatDateTime(item.created_at)}>
            {formatRelative(item.created_at)}
          </time>
        </span>
      </Byline>
      {item.kind === 'photo' && item.image_url && to && (
        <Link className="tag-item__photo" to={to.to} tabIndex={-1} aria-hidden="true">
          <img src={item.image_url} alt="" loading="lazy" decoding="async" />
        </Link>
      )}
      <RichText className="tag-item__text" text={item.text} />
      {to && (
        <p className="tag-item__link">
          <Link to={to.to}>{to.label}</Link>
        </p>
      )}
    </article>
  );
}
