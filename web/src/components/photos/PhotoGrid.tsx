import { Link } from 'react-router';
import type { PhotoSummary } from '../../api/types.ts';
import { Skeleton } from '../Skeleton.tsx';

/** What a thumbnail says to someone who cannot see it: whose photo, and its caption when there is one. */
export function photoAlt(photo: Pick<PhotoSummary, 'author' | 'caption'>): string {
  const caption = photo.caption.trim();
  return caption ? `Photo by ${photo.author.display_name}: ${caption}` : `Photo by ${photo.author.display_name}`;
}

/** Square thumbnails, newest first, each opening its photo page. */
export function PhotoGrid({ photos, label }: { photos: PhotoSummary[]; label: string }) {
  return (
    <ul className="photo-grid" aria-label={label}>
      {photos.map((photo, index) => (
        <li key={photo.id} className="photo-grid__item">
          {/* data-item-index: "Load more" moves focus to the first new photo. */}
          <Link className="photo-grid__link" to={`/photos/${encodeURIComponent(photo.id)}`} data-item-index={index}>
            <img
              src={photo.thumbnail_url}
              alt={photoAlt(photo)}
              width={photo.width}
              height={photo.height}
              loading={index < 6 ? 'eager' : 'lazy'}
              decoding="async"
            />
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The grid's shape while the first photos load. */
export function PhotoGridSkeleton({ count = 6 }: { count?: number }) {
  return (
    <div className="photo-grid" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} shape="block" aspectRatio="1 / 1" />
      ))}
    </div>
  );
}
