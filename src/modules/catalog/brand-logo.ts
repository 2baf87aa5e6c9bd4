/**
 * Brand logos: checked (formats from the file's own bytes, never SVG; pixel count from the header),
 * turned upright, fitted inside 512 px, written as PNG without metadata (transparency kept) and
 * stored content-addressed.
 */
import sharp from 'sharp';
import { AppError, fail } from '../../platform/http/errors.js';
import type { BlobStorage } from '../../platform/storage/index.js';

const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'tiff']);
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;
const MAX_PIXELS = 25_000_000;
const EDGE = 512;

/** Normalises and stores a logo; a file that is not a usable image is a 415 or 400 in the error shape. */
export async function storeLogo(storage: BlobStorage, bytes: Buffer): Promise<{ key: string; width: number; height: number }> {
  let format: string | undefined;
  try {
    const meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
    format = meta.format;
    if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PIXELS) throw fail.tooLarge(`A logo may have at most ${MAX_PIXELS / 1_000_000} million pixels`);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fail.unsupportedType('The logo is not an image we can read (JPEG, PNG, WebP, GIF, AVIF or TIFF)');
  }
  if (format === undefined || !ACCEPTED.has(format)) {
    throw fail.unsupportedType('The logo must be a JPEG, PNG, WebP, GIF, AVIF or TIFF image');
  }
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize({ width: EDGE, height: EDGE, fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer({ resolveWithObject: true });
    const stored = await storage.put(data, 'image/png');
    return { key: stored.key, width: info.width, height: info.height };
  } catch {
    throw fail.validation([{ field: 'body.logo', message: 'could not be decoded: the file is damaged or truncated' }]);
  }
}
