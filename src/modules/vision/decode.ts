/**
 * Safe decoding of an image someone sent: formats from a whitelist (read from the header, never the
 * file name), a pixel budget checked before decoding (decompression bombs), the EXIF orientation
 * applied, and the result shrunk to what the descriptors need, as raw sRGB pixels.
 */
import sharp from 'sharp';
import { fail } from '../../platform/http/errors.js';
import type { RgbImage } from '../../platform/ml/index.js';

/** Larger images are refused from their header (about a 7,700 × 5,200 photo). */
export const MAX_INPUT_PIXELS = 40_000_000;
/** The longest edge kept for descriptors: enough for crops of a garment that fills a fifth of the frame. */
export const WORKING_EDGE = 640;

const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'avif', 'heif', 'tiff', 'gif']);

/** An upright image as raw RGB at working size. */
export type DecodedImage = RgbImage;

/** Decodes an upload for visual search; 415 for types we do not read, 400 for broken files. */
export async function decodeImage(bytes: Buffer, edge = WORKING_EDGE): Promise<DecodedImage> {
  let format: string | undefined;
  try {
    ({ format } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata());
  } catch {
    throw fail.unsupportedType('The image is not a JPEG, PNG, WebP or AVIF file we can read');
  }
  if (format === undefined || !ACCEPTED.has(format)) throw fail.unsupportedType(`Images of type ${format ?? 'unknown'} are not accepted`);
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, pages: 1 })
      .rotate()
      .resize(edge, edge, { fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`expected 3 channels, got ${info.channels}`);
    return { data, width: info.width, height: info.height };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(message)) throw fail.tooLarge(`The image has more than ${MAX_INPUT_PIXELS / 1_000_000} million pixels`);
    throw fail.validation([{ field: 'body.image', message: `could not be decoded (${message.split('\n')[0]})` }]);
  }
}

/** A rectangle in pixels. */
export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The region cut out and resized to `size`×`size` RGB, stretched (the model saw stretched inputs too). */
export async function cropToSquare(image: DecodedImage, region: Region, size: number): Promise<RgbImage> {
  const left = Math.max(0, Math.min(image.width - 1, Math.round(region.x)));
  const top = Math.max(0, Math.min(image.height - 1, Math.round(region.y)));
  const width = Math.max(1, Math.min(image.width - left, Math.round(region.w)));
  const height = Math.max(1, Math.min(image.height - top, Math.round(region.h)));
  const data = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .extract({ left, top, width, height })
    .resize(size, size, { fit: 'fill' })
    .raw()
    .toBuffer();
  return { data, width: size, height: size };
}
