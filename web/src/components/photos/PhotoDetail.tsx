import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { PhotoView } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useAnnouncement } from '../../hooks/useAnnouncement.ts';
import { formatDateTime, formatRelative } from '../../lib/dates.ts';
import { cityName } from '../../lib/words.ts';
import { Comments } from '../comments/Comments.tsx';
import { LiveRegion } from '../LiveRegion.tsx';
import { Byline } from '../social/AccountRow.tsx';
import { RichText } from '../social/RichText.tsx';
import { SocialActions } from '../social/SocialActions.tsx';
import { photoAlt } from './PhotoGrid.tsx';
import { PhotoTags } from './PhotoTags.tsx';

export interface PhotoDetailProps {
  photo: PhotoView;
  /** Recognition of a photo just posted is still running: its pieces may appear in a moment. */
  recognising?: boolean;
}

/**
 * A photo page: the image, who posted it where and when, the caption, love and share, the pieces in
 * it (each with "Not this item" for members), comments.
 */
export function PhotoDetail({ photo, recognising = false }: PhotoDetailProps) {
  const { member } = useAuth();
  const target = useMemo(() => ({ kind: 'photo' as const, id: photo.id }), [photo.id]);
  // Tags corrections took off stay off while the page is open, even if it is read again.
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [announcement, announce] = useAnnouncement();
  const tags = photo.products.filter((p) => !removed.has(p.product.id));
  const title = `${photo.author.display_name}’s look`;
  const place = photo.city ? cityName(photo.city.name, photo.city.country) : null;

  return (
    <div className="page photo-page">
      <div className="photo-page__layout">
        <figure className="photo-page__figure">
          <picture>
            {photo.feed_webp_url && <source type="image/webp" srcSet={photo.feed_webp_url} />}
            <img
              className="photo-page__image"
              src={photo.feed_url}
              alt={photoAlt(photo)}
              width={photo.width}
              height={photo.height}
              decoding="async"
            />
          </picture>
        </figure>
        <div className="photo-page__info">
          <p className="page-header__eyebrow">Member photo</p>
          <h1 className="photo-page__title" tabIndex={-1} data-page-title>
            {title}
          </h1>
          <Byline account={photo.author}>
            <span className="byline__aside">
              {place && <>{place} · </>}
              <time dateTime={photo.posted_at} title={formatDateTime(photo.posted_at)}>
                {formatRelative(photo.posted_at)}
              </time>
            </span>
          </Byline>
          {photo.caption && (
            <RichText className="photo-page__caption" text={photo.caption} mentions={photo.mentions} hashtags={photo.hashtags} />
          )}
          <SocialActions target={target} title={title} loved={photo.loved} loves={photo.loves} />
        </div>
      </div>
      {(tags.length > 0 || recognising) && (
        <section className="product-extra" aria-labelledby="shop-look-title" aria-busy={recognising}>
          <h2 id="shop-look-title" className="product-extra__title">
            Shop this look
          </h2>
          {recognising && tags.length === 0 && (
            <p className="photo-page__status" role="status">
              Looking for the pieces in your photo…
            </p>
          )}
          {tags.length > 0 && (
            <PhotoTags
              photoId={photo.id}
              tags={tags}
              canCorrect={member !== null}
              onRemoved={(productId, productTitle) => {
                setRemoved((was) => new Set([...was, productId]));
                announce(`${productTitle} was taken off this photo.`);
              }}
            />
          )}
        </section>
      )}
      {!recognising && tags.length === 0 && member?.handle === photo.author.handle && (
        <p className="photo-page__status">
          We didn’t recognise a piece from the collection in this photo. <Link to="/shop-the-photo">Shop the photo</Link> to find similar ones.
        </p>
      )}
      <LiveRegion message={announcement} />
      <Comments key={photo.id} target={target} />
    </div>
  );
}
