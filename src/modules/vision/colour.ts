/**
 * Colour descriptors computed from the pixels: which pixels are the garment (they differ from the
 * background estimated on the image's border), a hue × saturation histogram of those pixels with grey
 * levels apart, and a vote of the catalogue's palette colours. Colour names matter in fashion and the
 * CNN embedding is weak on them.
 */
import type { RgbImage } from '../../platform/ml/index.js';
import type { Region } from './decode.js';

export interface PaletteEntry {
  slug: string;
  hex: string | null;
}

export interface ColourAnalysis {
  /** Hellinger-mapped, L2-normalised histogram (HUE_BINS × SAT_BINS chromatic bins, then GREY_BINS). */
  hist: Float32Array;
  /** Palette slugs holding at least 15% of the garment's pixels, most first. */
  colours: string[];
  /** The garment's bounding box (robust to stray pixels); null when nothing stands out. */
  box: Region | null;
  /** The share of pixels that differ from the background. */
  foregroundShare: number;
}

const HUE_BINS = 12;
const SAT_BINS = 2;
const GREY_BINS = 4;
export const COLOUR_DIMENSIONS = HUE_BINS * SAT_BINS + GREY_BINS;
const BACKGROUND_DISTANCE = 40;
const STRIDE = 2;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The background colour: the median of the outer band of pixels. */
function borderColour(image: RgbImage): [number, number, number] {
  const { data, width, height } = image;
  const band = Math.max(1, Math.round(Math.min(width, height) * 0.03));
  const channels: [number[], number[], number[]] = [[], [], []];
  const take = (x: number, y: number) => {
    const i = (y * width + x) * 3;
    channels[0].push(data[i]!);
    channels[1].push(data[i + 1]!);
    channels[2].push(data[i + 2]!);
  };
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      if (x < band || y < band || x >= width - band || y >= height - band) take(x, y);
    }
  }
  return [median(channels[0]), median(channels[1]), median(channels[2])];
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(p * (sorted.length - 1))))] ?? 0;
}

/** Colour descriptors of an image (or of `region` of it), against the catalogue's palette. */
export function analyseColour(image: RgbImage, palette: readonly PaletteEntry[], region?: Region): ColourAnalysis {
  const { data, width } = image;
  const x0 = Math.max(0, Math.floor(region?.x ?? 0));
  const y0 = Math.max(0, Math.floor(region?.y ?? 0));
  const x1 = Math.min(image.width, Math.ceil(region ? region.x + region.w : image.width));
  const y1 = Math.min(image.height, Math.ceil(region ? region.y + region.h : image.height));
  const background = borderColour(image);
  const swatches = palette.flatMap((p) => (p.hex === null ? [] : [{ slug: p.slug, rgb: hexToRgb(p.hex) }]));
  const hist = new Float32Array(COLOUR_DIMENSIONS);
  const votes = new Float64Array(swatches.length);
  const xs: number[] = [];
  const ys: number[] = [];
  let total = 0;
  for (let y = y0; y < y1; y += STRIDE) {
    for (let x = x0; x < x1; x += STRIDE) {
      total++;
      const i = (y * width + x) * 3;
      const r = data[i]!;
      const g = data[i + 1]!;
      const b = data[i + 2]!;
      const dr = r - background[0];
      const dg = g - background[1];
      const db = b - background[2];
      if (dr * dr + dg * dg + db * db < BACKGROUND_DISTANCE * BACKGROUND_DISTANCE) continue;
      xs.push(x);
      ys.push(y);
      addToHistogram(hist, r, g, b);
      let best = 0;
      let bestDistance = Infinity;
      swatches.forEach((s, k) => {
        // Weighted RGB distance ("redmean"): cheap and closer to what the eye sees than plain RGB.
        const rm = (r + s.rgb[0]) / 2;
        const d = (2 + rm / 256) * (r - s.rgb[0]) ** 2 + 4 * (g - s.rgb[1]) ** 2 + (2 + (255 - rm) / 256) * (b - s.rgb[2]) ** 2;
        if (d < bestDistance) {
          bestDistance = d;
          best = k;
        }
      });
      if (swatches.length > 0) votes[best]! += 1;
    }
  }
  const counted = xs.length;
  // Too little or nearly everything stands out: describe the whole region instead.
  if (counted < total * 0.02 || counted === 0) {
    hist.fill(0);
    for (let y = y0; y < y1; y += STRIDE) {
      for (let x = x0; x < x1; x += STRIDE) {
        const i = (y * width + x) * 3;
        addToHistogram(hist, data[i]!, data[i + 1]!, data[i + 2]!);
      }
    }
  }
  finishHistogram(hist);
  const colours = swatches
    .map((s, k) => ({ slug: s.slug, share: counted === 0 ? 0 : votes[k]! / counted }))
    .filter((c) => c.share >= 0.15)
    .sort((a, b) => b.share - a.share)
    .map((c) => c.slug);
  let box: Region | null = null;
  if (counted >= total * 0.02) {
    xs.sort((a, b) => a - b);
    ys.sort((a, b) => a - b);
    const left = percentile(xs, 0.02);
    const top = percentile(ys, 0.02);
    box = { x: left, y: top, w: Math.max(1, percentile(xs, 0.98) - left), h: Math.max(1, percentile(ys, 0.98) - top) };
  }
  return { hist, colours, box, foregroundShare: total === 0 ? 0 : counted / total };
}

function addToHistogram(hist: Float32Array, r: number, g: number, b: number): void {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const value = max / 255;
  const saturation = max === 0 ? 0 : (max - min) / max;
  if (saturation < 0.22 || value < 0.18) {
    const lightness = (max + min) / 510;
    hist[HUE_BINS * SAT_BINS + Math.min(GREY_BINS - 1, Math.floor(lightness * GREY_BINS))]! += 1;
    return;
  }
  const delta = max - min;
  let hue = max === r ? (g - b) / delta : max === g ? 2 + (b - r) / delta : 4 + (r - g) / delta;
  hue = ((hue * 60) % 360 + 360) % 360;
  // Soft assignment between the two nearest hue bins, so a small shift in light does not jump a bin.
  const position = (hue / 360) * HUE_BINS - 0.5;
  const lower = Math.floor(position);
  const weight = position - lower;
  const sat = saturation < 0.6 ? 0 : 1;
  hist[((lower + HUE_BINS) % HUE_BINS) * SAT_BINS + sat]! += 1 - weight;
  hist[((lower + 1) % HUE_BINS) * SAT_BINS + sat]! += weight;
}

function finishHistogram(hist: Float32Array): void {
  let sum = 0;
  for (const v of hist) sum += v;
  let norm = 0;
  for (let i = 0; i < hist.length; i++) {
    hist[i] = Math.sqrt(sum === 0 ? 0 : hist[i]! / sum);
    norm += hist[i]! * hist[i]!;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < hist.length; i++) hist[i]! /= norm;
}

/** Cosine of two L2-normalised vectors. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) dot += a[i]! * b[i]!;
  return dot;
}
