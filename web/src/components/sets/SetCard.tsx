import { Link } from 'react-router';
import type { SetSummary } from '../../api/types.ts';
import { countOf } from '../../lib/words.ts';
import { Badge } from '../Badge.tsx';
import { ProductImage } from '../shop/ProductImage.tsx';

/** The cover, or up to four of the pieces' images in a grid when the set has no cover yet. */
export function SetCover({ cover, previews, eager = false }: { cover: string | null; previews: string[]; eager?: boolean }) {
  if (cover) return <img className="set-cover" src={cover} alt="" loading={eager ? 'eager' : 'lazy'} decoding="async" />;
  const tiles = [0, 1, 2, 3].map((i) => previews[i] ?? null);
  return (
    <div className="set-cover set-cover--tiles">
      {tiles.map((src, i) => (src ? <ProductImage key={i} src={src} alt="" eager={eager} /> : <span key={i} className="set-cover__blank" />))}
    </div>
  );
}

/**
 * A set in a grid: its cover and title (the one link, stretched over the card), how many pieces,
 * and a "Private" badge on the owner's own private sets.
 */
export function SetCard({ set, index, eager }: { set: SetSummary; index?: number; eager?: boolean }) {
  return (
    <article className="set-card">
      <div className="set-card__media">
        <SetCover cover={set.cover_url} previews={set.previews} eager={eager} />
        {set.visibility === 'private' && (
          <div className="product-badges">
            <Badge tone="ink">Private</Badge>
          </div>
        )}
      </div>
      <h3 className="set-card__title">
        <Link to={`/sets/${encodeURIComponent(set.id)}`} className="set-card__link" data-item-index={index}>
          {set.title}
        </Link>
      </h3>
      <p className="set-card__meta">
        {countOf(set.item_count, 'piece', 'pieces')}
        {set.loves > 0 && <> · {countOf(set.loves, 'love', 'loves')}</>}
      </p>
    </article>
  );
}

export function SetGrid({ sets, label }: { sets: SetSummary[]; label: string }) {
  return (
    <ul className="product-grid set-grid" aria-label={label}>
      {sets.map((set, index) => (
        <li key={set.id} className="product-grid__item">
          <SetCard set={set} index={index} eager={index < 4} />
        </li>
      ))}
    </ul>
  );
}
