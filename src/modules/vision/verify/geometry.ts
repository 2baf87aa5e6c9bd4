// What a homography says about how the product appears in the photo, and whether it is plausible.
import type { Box } from './features.js';

/** Row-major 3×3, normalised so that h[8] = 1. */
export type Homography = readonly number[];

export interface Pose {
  /** Photo pixels per catalogue-image pixel. */
  scale: number;
  /** Degrees, clockwise (image y points down). */
  rotation: number;
  /** Ratio of the larger to the smaller stretch: 1 for a similarity, large for a sheared or squashed map. */
  anisotropy: number;
  /** How far the map is from affine, as the largest change of scale across the catalogue image. */
  perspective: number;
}

export function project(h: Homography, x: number, y: number): [number, number] {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w];
}

/** Scale, rotation and distortion of `h` around the centre of a `width`×`height` catalogue image. */
export function poseOf(h: Homography, width: number, height: number): Pose {
  const cx = width / 2;
  const cy = height / 2;
  const w = h[6]! * cx + h[7]! * cy + h[8]!;
  const [px, py] = project(h, cx, cy);
  // The Jacobian of the projective map at the centre.
  const a = (h[0]! - h[6]! * px) / w;
  const b = (h[1]! - h[7]! * px) / w;
  const c = (h[3]! - h[6]! * py) / w;
  const d = (h[4]! - h[7]! * py) / w;
  const det = a * d - b * c;
  // Singular values of [[a, b], [c, d]].
  const s = (a * a + b * b + c * c + d * d) / 2;
  const root = Math.sqrt(Math.max(0, s * s - det * det));
  const big = Math.sqrt(s + root);
  const small = Math.sqrt(Math.max(0, s - root));
  const corners = [
    [0, 0],
    [width, 0],
    [0, height],
    [width, height],
  ].map(([x, y]) => Math.abs(h[6]! * x! + h[7]! * y! + h[8]!));
  const perspective = Math.max(...corners) / Math.max(1e-9, Math.min(...corners));
  return {
    scale: Math.sign(det) * Math.sqrt(Math.abs(det)),
    rotation: (Math.atan2(c - b, a + d) * 180) / Math.PI,
    anisotropy: small > 1e-9 ? big / small : Infinity,
    perspective,
  };
}

export interface PoseLimits {
  minScale: number;
  maxScale: number;
  maxAnisotropy: number;
  maxPerspective: number;
}

// A photographed product is a smaller or larger, turned, mildly tilted copy: mirrored, squashed or
// strongly foreshortened maps are RANSAC fitting noise.
export const POSE_LIMITS: PoseLimits = { minScale: 0.08, maxScale: 6, maxAnisotropy: 2, maxPerspective: 1.6 };

export function isPlausible(pose: Pose, limits: PoseLimits = POSE_LIMITS): boolean {
  return pose.scale >= limits.minScale && pose.scale <= limits.maxScale && pose.anisotropy <= limits.maxAnisotropy && pose.perspective <= limits.maxPerspective;
}

/** The catalogue box mapped into the photo and clipped to it; null when nothing of it is inside. */
export function projectBox(h: Homography, box: Box, width: number, height: number): Box | null {
  const pts = [
    project(h, box.x, box.y),
    project(h, box.x + box.w, box.y),
    project(h, box.x, box.y + box.h),
    project(h, box.x + box.w, box.y + box.h),
  ];
  const x0 = Math.max(0, Math.min(...pts.map((p) => p[0])));
  const y0 = Math.max(0, Math.min(...pts.map((p) => p[1])));
  const x1 = Math.min(width, Math.max(...pts.map((p) => p[0])));
  const y1 = Math.min(height, Math.max(...pts.map((p) => p[1])));
  if (!(x1 > x0 && y1 > y0)) return null;
  return { x: Math.round(x0), y: Math.round(y0), w: Math.round(x1 - x0), h: Math.round(y1 - y0) };
}
