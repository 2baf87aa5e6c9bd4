// RANSAC over similarity transforms (scale, rotation, shift: 4 degrees of freedom, two matches per
// sample). A full homography has 8 and, fitted to a few dozen matches on a repeating print, finds a
// sheared or folded map that a handful of coincidences support; a photographed product is close to a
// similarity, so the consensus is searched there first and the homography refined on its inliers.

export interface SimilarityFit {
  /** z' = a·z + b over complex numbers: a = s·e^{iθ}. */
  a: [number, number];
  b: [number, number];
  inliers: Uint8Array;
  count: number;
}

export interface SimilarityOptions {
  threshold: number;
  iterations: number;
  minScale: number;
  maxScale: number;
}

/** A small fixed-seed generator: the same matches always give the same fit. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Best similarity mapping `src` onto `dst` (x, y pairs), or null when no sample was plausible. */
export function fitSimilarity(src: readonly number[], dst: readonly number[], options: SimilarityOptions): SimilarityFit | null {
  const n = src.length / 2;
  if (n < 2) return null;
  const random = lcg(0x9e3779b9 ^ n);
  const t2 = options.threshold * options.threshold;
  let best: SimilarityFit | null = null;
  const mask = new Uint8Array(n);
  for (let it = 0; it < options.iterations; it++) {
    const i = Math.floor(random() * n);
    const j = Math.floor(random() * n);
    if (i === j) continue;
    const zx = src[j * 2]! - src[i * 2]!;
    const zy = src[j * 2 + 1]! - src[i * 2 + 1]!;
    const wx = dst[j * 2]! - dst[i * 2]!;
    const wy = dst[j * 2 + 1]! - dst[i * 2 + 1]!;
    const zz = zx * zx + zy * zy;
    if (zz < 100) continue;
    // a = w / z
    const ax = (wx * zx + wy * zy) / zz;
    const ay = (wy * zx - wx * zy) / zz;
    const scale = Math.hypot(ax, ay);
    if (scale < options.minScale || scale > options.maxScale) continue;
    const bx = dst[i * 2]! - (ax * src[i * 2]! - ay * src[i * 2 + 1]!);
    const by = dst[i * 2 + 1]! - (ax * src[i * 2 + 1]! + ay * src[i * 2]!);
    let count = 0;
    for (let k = 0; k < n; k++) {
      const px = ax * src[k * 2]! - ay * src[k * 2 + 1]! + bx - dst[k * 2]!;
      const py = ax * src[k * 2 + 1]! + ay * src[k * 2]! + by - dst[k * 2 + 1]!;
      const inside = px * px + py * py <= t2;
      mask[k] = inside ? 1 : 0;
      count += inside ? 1 : 0;
    }
    if (best === null || count > best.count) best = { a: [ax, ay], b: [bx, by], inliers: Uint8Array.from(mask), count };
  }
  return best;
}

/** The similarity as a row-major 3×3 homography. */
export function similarityMatrix(fit: SimilarityFit): number[] {
  const [ax, ay] = fit.a;
  const [bx, by] = fit.b;
  return [ax, -ay, bx, ay, ax, by, 0, 0, 1];
}
