// The naive baseline every design is compared with: a joint RGB colour histogram and a tiny grey
// thumbnail per image, compared by brute force. No learning, no geometry: what a weekend prototype does.
import sharp from 'sharp';

const BINS = 6; // per channel: 216 colour bins
const THUMB = 12;

export interface NaiveDescriptor {
  histogram: Float32Array;
  thumb: Float32Array;
}

/** The image decoded and shrunk to 96×96 RGB: the only pixels the baseline looks at. */
export async function naiveDecode(image: Buffer): Promise<Buffer> {
  return sharp(image, { failOn: 'error' }).rotate().resize(96, 96, { fit: 'fill' }).removeAlpha().raw().toBuffer();
}

/** Histogram of the whole image (L1-normalised) and a zero-mean, unit-length 12×12 grey thumbnail. */
export function naiveDescribe(small: Buffer): NaiveDescriptor {
  const histogram = new Float32Array(BINS ** 3);
  const pixels = small.length / 3;
  for (let i = 0; i < pixels; i++) {
    const r = Math.min(BINS - 1, Math.floor((small[i * 3]! * BINS) / 256));
    const g = Math.min(BINS - 1, Math.floor((small[i * 3 + 1]! * BINS) / 256));
    const b = Math.min(BINS - 1, Math.floor((small[i * 3 + 2]! * BINS) / 256));
    histogram[(r * BINS + g) * BINS + b]! += 1 / pixels;
  }
  // Box-average 8×8 blocks of the 96×96 grey image.
  const cell = 96 / THUMB;
  const thumb = new Float32Array(THUMB * THUMB);
  for (let y = 0; y < 96; y++)
    for (let x = 0; x < 96; x++) {
      const j = (y * 96 + x) * 3;
      thumb[Math.floor(y / cell) * THUMB + Math.floor(x / cell)]! += (small[j]! * 77 + small[j + 1]! * 150 + small[j + 2]! * 29) / 256;
    }
  const mean = thumb.reduce((a, b) => a + b, 0) / thumb.length;
  let norm = 0;
  for (let i = 0; i < thumb.length; i++) {
    thumb[i] = thumb[i]! - mean;
    norm += thumb[i]! ** 2;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < thumb.length; i++) thumb[i] = thumb[i]! / norm;
  return { histogram, thumb };
}

export async function naiveDescriptor(image: Buffer): Promise<NaiveDescriptor> {
  return naiveDescribe(await naiveDecode(image));
}

/** 0 for identical images; histogram intersection distance plus thumbnail correlation distance. */
export function naiveDistance(a: NaiveDescriptor, b: NaiveDescriptor): number {
  let overlap = 0;
  for (let i = 0; i < a.histogram.length; i++) overlap += Math.min(a.histogram[i]!, b.histogram[i]!);
  let dot = 0;
  for (let i = 0; i < a.thumb.length; i++) dot += a.thumb[i]! * b.thumb[i]!;
  return 1 - overlap + (1 - dot) / 2;
}

export interface Ranked {
  productId: string;
  distance: number;
}

/** Every catalogue entry ranked by distance to the query, nearest first. */
export function naiveSearch(query: NaiveDescriptor, catalogue: readonly { productId: string; naive: NaiveDescriptor }[]): Ranked[] {
  return catalogue.map((c) => ({ productId: c.productId, distance: naiveDistance(query, c.naive) })).sort((x, y) => x.distance - y.distance);
}

/** The baseline's own "recognised" rule: a clear winner, the first clearly nearer than the second. */
export function naiveRecognises(ranked: readonly Ranked[], margin = 0.85): boolean {
  const [first, second] = ranked;
  return first !== undefined && second !== undefined && first.distance < margin * second.distance;
}
