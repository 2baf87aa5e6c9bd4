// Local features of a catalogue image, computed once and stored: ORB keypoints (coordinates only) and
// their 32-byte binary descriptors, plus a small colour thumbnail. ORB sees grey levels only, so a
// near-twin in another colour matches it almost as well as the product itself; the thumbnail lets
// verification check the colours under the homography.
import sharp from 'sharp';
import { loadOpenCv, withDeleted } from './opencv.js';

/** Decoded pixels: `grey` one byte per pixel, `rgb` three, both `width`×`height`. */
export interface DecodedImage {
  width: number;
  height: number;
  grey: Uint8Array;
  rgb: Uint8Array;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ProductFeatures {
  /** Size of the image the keypoints were found on. */
  width: number;
  height: number;
  /** x, y per keypoint, in that image's pixels. */
  points: Float32Array;
  /** 32 bytes per keypoint (ORB). */
  descriptors: Uint8Array;
  /** The product's colours at THUMB_EDGE px on the long side, RGB. */
  thumb: { width: number; height: number; rgb: Uint8Array };
  /** The product's box in the image: pixels that differ from the border's colour. */
  object: Box;
}

export interface FeatureOptions {
  /** Keypoints kept; ORB keeps the strongest. */
  features?: number;
  /** Longest edge the image is decoded to; smaller images are not enlarged. */
  maxEdge?: number;
  /** Pyramid levels (scale step 1.2): more levels match smaller appearances in photos. */
  levels?: number;
}

export const DESCRIPTOR_BYTES = 32;
const THUMB_EDGE = 48;
// Catalogue images at native size: an image enlarged beyond how big the product appears in a photo
// matches nothing, while ORB's pyramid covers the photo being smaller.
export const CATALOGUE_OPTIONS: Required<FeatureOptions> = { features: 1000, maxEdge: 800, levels: 10 };
export const PHOTO_OPTIONS: Required<FeatureOptions> = { features: 2000, maxEdge: 1024, levels: 8 };

/** Decodes any image sharp reads (EXIF orientation applied) to grey and RGB at most `maxEdge` px. */
export async function decodeImage(input: Buffer, maxEdge: number): Promise<DecodedImage> {
  const { data, info } = await sharp(input, { failOn: 'error', limitInputPixels: 40_000_000 })
    .rotate()
    .resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = info.width * info.height;
  const rgb = new Uint8Array(data.buffer, data.byteOffset, pixels * 3);
  const grey = new Uint8Array(pixels);
  for (let i = 0, j = 0; i < pixels; i++, j += 3) grey[i] = (rgb[j]! * 77 + rgb[j + 1]! * 150 + rgb[j + 2]! * 29) >> 8;
  return { width: info.width, height: info.height, grey, rgb };
}

/** Keypoint coordinates and descriptors of a grey image. */
export async function detectFeatures(image: Pick<DecodedImage, 'width' | 'height' | 'grey'>, options: Required<FeatureOptions>): Promise<{ points: Float32Array; descriptors: Uint8Array }> {
  const cv = await loadOpenCv();
  return withDeleted((keep) => {
    const mat = keep(new cv.Mat(image.height, image.width, cv.CV_8UC1));
    mat.data.set(image.grey);
    // Six arguments at most: this build has no binding for the score-type enum, so Harris scoring, a
    // 31 px patch and FAST threshold 20 stay at their defaults.
    const orb = keep(new cv.ORB(options.features, 1.2, options.levels, 31, 0, 2));
    const keypoints = keep(new cv.KeyPointVector());
    const descriptors = keep(new cv.Mat());
    const noMask = keep(new cv.Mat());
    orb.detectAndCompute(mat, noMask, keypoints, descriptors);
    const count = descriptors.empty() ? 0 : descriptors.rows;
    const points = new Float32Array(count * 2);
    for (let i = 0; i < count; i++) {
      const p = keypoints.get(i).pt;
      points[i * 2] = p.x;
      points[i * 2 + 1] = p.y;
    }
    return { points, descriptors: count === 0 ? new Uint8Array(0) : Uint8Array.from(descriptors.data.subarray(0, count * DESCRIPTOR_BYTES)) };
  });
}

function borderColour(rgb: Uint8Array, w: number, h: number): [number, number, number] {
  const samples: number[][] = [[], [], []];
  const add = (x: number, y: number): void => {
    for (let c = 0; c < 3; c++) samples[c]!.push(rgb[(y * w + x) * 3 + c]!);
  };
  for (let x = 0; x < w; x++) {
    add(x, 0);
    add(x, h - 1);
  }
  for (let y = 1; y < h - 1; y++) {
    add(0, y);
    add(w - 1, y);
  }
  const median = (v: number[]): number => v.sort((a, b) => a - b)[v.length >> 1]!;
  return [median(samples[0]!), median(samples[1]!), median(samples[2]!)];
}

/** Thumbnail pixels that differ from the border's colour: the product, on a studio or plain background. */
export function objectMask(thumb: ProductFeatures['thumb']): Uint8Array {
  const { width: w, height: h, rgb } = thumb;
  const [br, bg, bb] = borderColour(rgb, w, h);
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) {
    const d = Math.abs(rgb[i * 3]! - br) + Math.abs(rgb[i * 3 + 1]! - bg) + Math.abs(rgb[i * 3 + 2]! - bb);
    mask[i] = d > 45 ? 1 : 0;
  }
  return mask;
}

function maskBox(mask: Uint8Array, w: number, h: number, scale: number, full: Box): Box {
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (mask[y * w + x] === 1) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  if (x1 < 0) return full;
  return { x: Math.round(x0 * scale), y: Math.round(y0 * scale), w: Math.round((x1 - x0 + 1) * scale), h: Math.round((y1 - y0 + 1) * scale) };
}

async function thumbnail(image: DecodedImage): Promise<ProductFeatures['thumb']> {
  const { data, info } = await sharp(Buffer.from(image.rgb.buffer, image.rgb.byteOffset, image.rgb.byteLength), { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, rgb: new Uint8Array(data) };
}

/** Features of a catalogue image, from its encoded bytes or already decoded pixels. */
export async function extractProductFeatures(input: Buffer | DecodedImage, options: FeatureOptions = {}): Promise<ProductFeatures> {
  const o = { ...CATALOGUE_OPTIONS, ...options };
  const image = Buffer.isBuffer(input) ? await decodeImage(input, o.maxEdge) : input;
  const { points, descriptors } = await detectFeatures(image, o);
  const thumb = await thumbnail(image);
  const object = maskBox(objectMask(thumb), thumb.width, thumb.height, image.width / thumb.width, { x: 0, y: 0, w: image.width, h: image.height });
  return { width: image.width, height: image.height, points, descriptors, thumb, object };
}

const MAGIC = 0x4f524231; // "ORB1"
const HEADER_BYTES = 4 * 10;

/**
 * One Buffer per product for a bytea column: a fixed header, then keypoints as 16-bit fixed point
 * (1/8 px), descriptors, thumbnail. About 36 bytes per keypoint: ~37 KB for 1,000.
 */
export function serialiseFeatures(f: ProductFeatures): Buffer {
  const count = f.points.length / 2;
  const thumbBytes = f.thumb.rgb.length;
  const out = Buffer.alloc(HEADER_BYTES + count * 4 + count * DESCRIPTOR_BYTES + thumbBytes);
  const header = [MAGIC, f.width, f.height, count, f.thumb.width, f.thumb.height, f.object.x, f.object.y, f.object.w, f.object.h];
  header.forEach((v, i) => out.writeUInt32LE(v, i * 4));
  let at = HEADER_BYTES;
  for (let i = 0; i < count * 2; i++, at += 2) out.writeUInt16LE(Math.min(65535, Math.max(0, Math.round(f.points[i]! * 8))), at);
  out.set(f.descriptors, at);
  out.set(f.thumb.rgb, at + count * DESCRIPTOR_BYTES);
  return out;
}

export function deserialiseFeatures(buffer: Buffer): ProductFeatures {
  if (buffer.length < HEADER_BYTES || buffer.readUInt32LE(0) !== MAGIC) throw new Error('not a serialised ORB feature set');
  const [, width, height, count, tw, th, ox, oy, ow, oh] = Array.from({ length: 10 }, (_, i) => buffer.readUInt32LE(i * 4)) as [number, number, number, number, number, number, number, number, number, number];
  const expected = HEADER_BYTES + count * (4 + DESCRIPTOR_BYTES) + tw * th * 3;
  if (buffer.length !== expected) throw new Error(`serialised features are ${buffer.length} bytes, expected ${expected}`);
  const points = new Float32Array(count * 2);
  let at = HEADER_BYTES;
  for (let i = 0; i < count * 2; i++, at += 2) points[i] = buffer.readUInt16LE(at) / 8;
  const descriptors = Uint8Array.from(buffer.subarray(at, at + count * DESCRIPTOR_BYTES));
  const rgb = Uint8Array.from(buffer.subarray(at + count * DESCRIPTOR_BYTES));
  return { width, height, points, descriptors, thumb: { width: tw, height: th, rgb }, object: { x: ox, y: oy, w: ow, h: oh } };
}
