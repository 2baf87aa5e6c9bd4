import { useMemo } from 'react';
import type { PhotoView } from '../../api/types.ts';
import { formatDateTime, formatRelative } from '../../lib/dates.ts';
import { cityName } from '../../lib/words.ts';
import { Comments } from '../comments/Comments.tsx';
import { ProductGrid } from '../shop/ProductGrid.tsx';
import { Byline } from '../social/AccountRow.tsx';
import { RichText } from '../social/RichText.tsx';
import { SocialActions } from '../social/SocialActions.tsx';
import { photoAlt } from './PhotoGrid.tsx';

/** A photo page: the image, who posted it where and when, the caption, love and share, the pieces in it, comments. */
export function PhotoDetail({ photo }: { photo: PhotoView }) {
  const target = useMemo(() => ({ kind: 'photo' as const, id: photo.id }), [photo.id]);
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
      {photo.products.length > 0 && (
        <section className="product-extra" aria-labelledby="shop-look-title">
          <h2 id="shop-look-title" className="product-extra__title">
            Shop this look
          </h2>
          <ProductGrid products={photo.products.map((p) => p.product)} label="Pieces in this photo" />
        </section>
      )}
      <Comments key={photo.id} target={target} />
    </div>
  );
}
