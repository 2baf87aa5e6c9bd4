// Colour agreement under a homography. Light changes a photo's colours by roughly one gain per
// channel, and the gains stay within a small factor of each other (a warm or cool cast); another
// colourway of the same product needs gains far apart (red → navy: R × 0.1, B × 3) or leaves most
// pixels unexplained by any single gain.
import { objectMask, type DecodedImage, type ProductFeatures } from './features.js';
import { project, type Homography } from './geometry.js';

export interface ColourCheck {
  /** Share of the product's sampled pixels whose photo colour one lighting gain explains (0–1). */
  agreement: number;
  /** Largest channel gain over the smallest. */
  castSpread: number;
  /** Product pixels that landed inside the photo. */
  samples: number;
}

const OFFSET = 16;
const TOLERANCE = 0.3;

const median = (values: Float64Array): number => {
  const sorted = Float64Array.from(values).sort();
  return sorted[sorted.length >> 1] ?? 1;
};

/** Compares the product's thumbnail colours with the photo's pixels they map onto. */
export function checkColour(features: ProductFeatures, photo: Pick<DecodedImage, 'width' | 'height' | 'rgb'>, h: Homography): ColourCheck {
  const { thumb } = features;
  const mask = objectMask(thumb);
  const sx = features.width / thumb.width;
  const sy = features.height / thumb.height;
  const cat: number[] = [];
  const pho: number[] = [];
  for (let y = 0; y < thumb.height; y++)
    for (let x = 0; x < thumb.width; x++) {
      const i = y * thumb.width + x;
      if (mask[i] !== 1) continue;
      const [px, py] = project(h, (x + 0.5) * sx, (y + 0.5) * sy);
      const ix = Math.round(px);
      const iy = Math.round(py);
      if (ix < 1 || iy < 1 || ix >= photo.width - 1 || iy >= photo.height - 1) continue;
      for (let c = 0; c < 3; c++) {
        // A 3×3 mean: JPEG blocks and prints make single pixels noisy.
        let sum = 0;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) sum += photo.rgb[((iy + dy) * photo.width + ix + dx) * 3 + c]!;
        cat.push(thumb.rgb[i * 3 + c]! + OFFSET);
        pho.push(sum / 9 + OFFSET);
      }
    }
  const samples = cat.length / 3;
  if (samples < 8) return { agreement: 0, castSpread: Infinity, samples };
  const gains = [0, 1, 2].map((c) => {
    const ratios = new Float64Array(samples);
    for (let i = 0; i < samples; i++) ratios[i] = pho[i * 3 + c]! / cat[i * 3 + c]!;
    return median(ratios);
  });
  let explained = 0;
  for (let i = 0; i < samples; i++) {
    let ok = true;
    for (let c = 0; c < 3 && ok; c++) {
      const expected = gains[c]! * cat[i * 3 + c]!;
      ok = Math.abs(pho[i * 3 + c]! - expected) <= TOLERANCE * expected + 12;
    }
    if (ok) explained++;
  }
  return { agreement: explained / samples, castSpread: Math.max(...gains) / Math.min(...gains), samples };
}
