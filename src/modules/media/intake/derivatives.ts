/**
 * The sizes a photo is served in, made from the normalised JPEG (already upright, sRGB and free of
 * metadata; sharp writes none back): a grid thumbnail, a feed-width JPEG and the same in WebP.
 */
import sharp from 'sharp';

export interface Derivative {
  bytes: Buffer;
  contentType: 'image/jpeg' | 'image/webp';
}

export interface PhotoDerivatives {
  /** Longer edge ~320 px: grids and strips. */
  thumbnail: Derivative;
  /** Longer edge ~1080 px: the feed. */
  feed: Derivative;
  /** The feed size as WebP, for browsers that take it. */
  feedWebp: Derivative;
}

export const THUMBNAIL_EDGE = 320;
export const FEED_EDGE = 1080;

/** Makes the derivatives of a normalised JPEG. */
export async function makeDerivatives(jpeg: Buffer): Promise<PhotoDerivatives> {
  const fit = (edge: number) => sharp(jpeg).resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true });
  const [thumbnail, feed, feedWebp] = await Promise.all([
    fit(THUMBNAIL_EDGE).jpeg({ quality: 80 }).toBuffer(),
    fit(FEED_EDGE).jpeg({ quality: 82 }).toBuffer(),
    fit(FEED_EDGE).webp({ quality: 80 }).toBuffer(),
  ]);
  return {
    thumbnail: { bytes: thumbnail, contentType: 'image/jpeg' },
    feed: { bytes: feed, contentType: 'image/jpeg' },
    feedWebp: { bytes: feedWebp, contentType: 'image/webp' },
  };
}
