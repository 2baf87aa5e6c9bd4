/**
 * Set covers. An uploaded cover is checked by its own bytes (never SVG or anything sharp only guesses
 * at; pixel count read from the header before decoding), turned upright, fitted inside 1200 px and
 * written as a JPEG without metadata: a phone photo's EXIF, GPS included, never leaves. A composed
 * cover lays the products' primary images out in a grid, the same bytes for the same images.
 */
import sharp from 'sharp';
import { AppError, fail } from '../../../platform/http/errors.js';

export const MAX_COVER_BYTES = 10 * 1024 * 1024;
const MAX_PIXELS = 40_000_000;
const EDGE = 1200;
/** Tiles keep the catalogue's portrait 4:5 shape. */
const TILE_RATIO = 5 / 4;
const WHITE = { r: 255, g: 255, b: 255 };
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif', 'gif', 'tiff']);
const ACCEPTED_NAMES = 'JPEG, PNG, WebP, HEIC/AVIF, GIF or TIFF';
const JPEG = { quality: 84, mozjpeg: true } as const;

/** Checks and normalises an uploaded cover; a file that is not a usable image is a 415, 413 or 400 in the error shape. */
export async function normaliseCover(bytes: Buffer): Promise<Buffer> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw fail.unsupportedType(`The cover is not an image we can read (${ACCEPTED_NAMES})`);
  }
  if (meta.format === undefined || !ACCEPTED.has(meta.format)) {
    throw fail.unsupportedType(`The cover must be a ${ACCEPTED_NAMES} image`);
  }
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PIXELS) {
    throw fail.tooLarge(`A cover may have at most ${MAX_PIXELS / 1_000_000} million pixels`);
  }
  try {
    // sharp writes no metadata unless asked (no keepMetadata/withExif here): EXIF, GPS, XMP and ICC go.
    return await sharp(bytes, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize({ width: EDGE, height: EDGE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: WHITE })
      .jpeg(JPEG)
      .toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (meta.format === 'heif') throw fail.unsupportedType('This HEIC photo cannot be decoded here; send it as a JPEG');
    throw fail.validation([{ field: 'body.cover', message: 'could not be decoded: the file is damaged or truncated' }]);
  }
}

/** Where each tile goes for `count` images: one alone, two or three side by side (1×N), four in a 2×2 grid. */
export function coverLayout(count: number): { width: number; height: number; tiles: { left: number; top: number; width: number; height: number }[] } {
  const n = Math.max(1, Math.min(4, count));
  const columns = n === 4 ? 2 : n;
  const rows = n === 4 ? 2 : 1;
  const tileWidth = Math.floor(EDGE / columns);
  const tileHeight = Math.round(tileWidth * TILE_RATIO);
  const tiles = Array.from({ length: n }, (_, i) => ({
    left: (i % columns) * tileWidth,
    top: Math.floor(i / columns) * tileHeight,
    width: tileWidth,
    height: tileHeight,
  }));
  return { width: tileWidth * columns, height: tileHeight * rows, tiles };
}

/**
 * A cover from up to four product images, in order, each fitted whole into its tile on white. The
 * same images give the same bytes (and so the same content-addressed key).
 */
export async function composeCover(images: readonly Buffer[]): Promise<Buffer> {
  if (images.length === 0) throw new Error('composeCover needs at least one image');
  const layout = coverLayout(images.length);
  const tiles = await Promise.all(
    layout.tiles.map(async (tile, i) => {
      const { data, info } = await sharp(images[i], { limitInputPixels: MAX_PIXELS })
        .rotate()
        .resize({ width: tile.width, height: tile.height, fit: 'contain', background: WHITE })
        .flatten({ background: WHITE })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return { input: data, raw: { width: info.width, height: info.height, channels: info.channels }, left: tile.left, top: tile.top };
    }),
  );
  return sharp({ create: { width: layout.width, height: layout.height, channels: 3, background: WHITE } })
    .composite(tiles)
    .jpeg(JPEG)
    .toBuffer();
}
