// Exact-product verification: the photo's ORB features against each candidate's stored ones, Lowe's
// ratio test, a RANSAC homography, a plausibility check of that homography, then the colours under it.
import { checkColour } from './colour.js';
import { DESCRIPTOR_BYTES, PHOTO_OPTIONS, decodeImage, detectFeatures, type Box, type DecodedImage, type FeatureOptions, type ProductFeatures } from './features.js';
import { POSE_LIMITS, isPlausible, poseOf, project, projectBox, type Homography } from './geometry.js';
import { fitSimilarity, similarityMatrix } from './similarity.js';
import { loadOpenCv, withDeleted, type CvMat, type OpenCv } from './opencv.js';

export interface VerifyCandidate {
  productId: string;
  features: ProductFeatures;
}

export interface VerifiedCandidate {
  productId: string;
  /** Matches the fitted map explains (similarity RANSAC, then homography refinement); 0 when degenerate. */
  inliers: number;
  /** Matches that passed the ratio test, before RANSAC. */
  matches: number;
  /** How the product appears: photo pixels per catalogue-image pixel, degrees clockwise. */
  homography?: { scale: number; rotation: number };
  /** Where the product is in the photo, in its decoded pixels. */
  region?: Box;
  /** Share of the product's colours one lighting cast explains (0–1); absent without a homography. */
  colour?: number;
  /**
   * inliers × colour²: products sharing a silhouette (same cut, another colourway) match the outline
   * equally well, and only their colours tell them apart.
   */
  score: number;
  /** Enough inliers and the right colours: this is the product. */
  accepted: boolean;
}

export interface VerifyTimings {
  decodeMs: number;
  detectMs: number;
  matchMs: number;
  geometryMs: number;
  colourMs: number;
  totalMs: number;
}

export interface VerifyOptions {
  /** Lowe's ratio: a match is kept when the best distance is below this share of the second best. */
  ratio?: number;
  /** RANSAC reprojection threshold in photo pixels. */
  reprojection?: number;
  /** Inliers needed to accept; RANSAC reports at least 4 even on noise, wrong products stay under ~10. */
  minInliers?: number;
  /** Colour agreement needed to accept. */
  minColour?: number;
  /** Largest channel gain over the smallest that still counts as lighting. */
  maxCast?: number;
  photo?: FeatureOptions;
  /**
   * How a candidate's descriptors are matched to the photo's (ratio test, at most one match per photo
   * keypoint; q indexes the candidate's keypoints, t the photo's). Default: OpenCV's brute force.
   */
  matcher?: (candidate: VerifyCandidate, photo: PreparedPhoto) => { q: number; t: number; d: number }[];
}

// Below this many ratio-test matches (or inliers) no consensus is worth fitting or a colour check: RANSAC
// finds 4–7 agreeing matches in pure noise.
const MIN_MATCHES = 8;

export const VERIFY_DEFAULTS = { ratio: 0.8, reprojection: 5, minInliers: 15, minColour: 0.6, maxCast: 1.8 } as const;

/** The photo decoded and its features detected once, for verifying against many candidates. */
export interface PreparedPhoto {
  image: DecodedImage;
  points: Float32Array;
  descriptors: Uint8Array;
  decodeMs: number;
  detectMs: number;
}

export async function preparePhoto(photo: Buffer | DecodedImage, options: FeatureOptions = {}): Promise<PreparedPhoto> {
  const o = { ...PHOTO_OPTIONS, ...options };
  const t0 = performance.now();
  const image = Buffer.isBuffer(photo) ? await decodeImage(photo, o.maxEdge) : photo;
  const t1 = performance.now();
  const { points, descriptors } = await detectFeatures(image, o);
  return { image, points, descriptors, decodeMs: t1 - t0, detectMs: performance.now() - t1 };
}

function descriptorMat(cv: OpenCv, descriptors: Uint8Array): CvMat {
  const mat = new cv.Mat(descriptors.length / DESCRIPTOR_BYTES, DESCRIPTOR_BYTES, cv.CV_8UC1);
  mat.data.set(descriptors);
  return mat;
}

/** Ratio-test matches from the candidate's keypoints to the photo's, at most one per photo keypoint. */
function ratioMatches(cv: OpenCv, query: CvMat, train: CvMat, ratio: number): { q: number; t: number; d: number }[] {
  return withDeleted((keep) => {
    const matcher = keep(new cv.BFMatcher(cv.NORM_HAMMING, false));
    const knn = keep(new cv.DMatchVectorVector());
    matcher.knnMatch(query, train, knn, 2);
    const best = new Map<number, { q: number; t: number; d: number }>();
    for (let i = 0; i < knn.size(); i++) {
      const pair = knn.get(i);
      try {
        if (pair.size() < 2) continue;
        const a = pair.get(0);
        const b = pair.get(1);
        if (a.distance >= ratio * b.distance) continue;
        const seen = best.get(a.trainIdx);
        if (seen === undefined || a.distance < seen.d) best.set(a.trainIdx, { q: a.queryIdx, t: a.trainIdx, d: a.distance });
      } finally {
        pair.delete();
      }
    }
    return [...best.values()];
  });
}

function countInliers(h: Homography, src: readonly number[], dst: readonly number[], threshold: number): number {
  let count = 0;
  for (let k = 0; k < src.length / 2; k++) {
    const [x, y] = project(h, src[k * 2]!, src[k * 2 + 1]!);
    count += Math.hypot(x - dst[k * 2]!, y - dst[k * 2 + 1]!) <= threshold ? 1 : 0;
  }
  return count;
}

/** RANSAC findHomography on the similarity's inliers: adds the tilt a similarity cannot express. */
function refineHomography(cv: OpenCv, src: number[], dst: number[], reprojection: number): Homography | null {
  if (src.length < 16) return null;
  return withDeleted((keep) => {
    const n = src.length / 2;
    const from = keep(cv.matFromArray(n, 1, cv.CV_32FC2, src));
    const to = keep(cv.matFromArray(n, 1, cv.CV_32FC2, dst));
    const mask = keep(new cv.Mat());
    const h = keep(cv.findHomography(from, to, cv.RANSAC, reprojection, mask));
    if (h.empty() || h.rows !== 3) return null;
    const m = Array.from(h.data64F.subarray(0, 9));
    if (!m.every(Number.isFinite) || Math.abs(m[8]!) < 1e-12) return null;
    return m.map((v) => v / m[8]!);
  });
}

/** The consensus map: a similarity found by RANSAC, refined to a homography when that stays plausible and explains more. */
function fitMap(cv: OpenCv, src: number[], dst: number[], f: ProductFeatures, reprojection: number): { h: Homography; inliers: number } | null {
  const sim = fitSimilarity(src, dst, { threshold: reprojection * 1.5, iterations: 400, minScale: POSE_LIMITS.minScale, maxScale: POSE_LIMITS.maxScale });
  if (sim === null || sim.count < 4) return null;
  let best = { h: similarityMatrix(sim) as Homography, inliers: countInliers(similarityMatrix(sim), src, dst, reprojection) };
  const keepSrc: number[] = [];
  const keepDst: number[] = [];
  for (let k = 0; k < sim.inliers.length; k++)
    if (sim.inliers[k] === 1) {
      keepSrc.push(src[k * 2]!, src[k * 2 + 1]!);
      keepDst.push(dst[k * 2]!, dst[k * 2 + 1]!);
    }
  const refined = refineHomography(cv, keepSrc, keepDst, reprojection);
  if (refined !== null && isPlausible(poseOf(refined, f.width, f.height))) {
    const inliers = countInliers(refined, src, dst, reprojection);
    if (inliers >= best.inliers) best = { h: refined, inliers };
  }
  return best;
}

/**
 * Verifies candidates against an already prepared photo; the results come best first (accepted, then
 * by score). `timings` receives the time spent per stage.
 */
export async function verifyPrepared(photo: PreparedPhoto, candidates: readonly VerifyCandidate[], options: VerifyOptions = {}, timings?: VerifyTimings): Promise<VerifiedCandidate[]> {
  const o = { ...VERIFY_DEFAULTS, ...options };
  const cv = await loadOpenCv();
  let matchMs = 0;
  let geometryMs = 0;
  let colourMs = 0;
  const results = withDeleted((keep) => {
    const train = keep(descriptorMat(cv, photo.descriptors));
    return candidates.map((candidate): VerifiedCandidate => {
      const f = candidate.features;
      const none: VerifiedCandidate = { productId: candidate.productId, inliers: 0, matches: 0, score: 0, accepted: false };
      if (f.descriptors.length === 0 || photo.descriptors.length === 0) return none;
      const t0 = performance.now();
      let matches: { q: number; t: number; d: number }[];
      if (options.matcher) matches = options.matcher(candidate, photo);
      else {
        const query = descriptorMat(cv, f.descriptors);
        try {
          matches = ratioMatches(cv, query, train, o.ratio);
        } finally {
          query.delete();
        }
      }
      const t1 = performance.now();
      matchMs += t1 - t0;
      if (matches.length < MIN_MATCHES) {
        geometryMs += performance.now() - t1;
        return { ...none, matches: matches.length };
      }
      const src = matches.flatMap((m) => [f.points[m.q * 2]!, f.points[m.q * 2 + 1]!]);
      const dst = matches.flatMap((m) => [photo.points[m.t * 2]!, photo.points[m.t * 2 + 1]!]);
      const fit = fitMap(cv, src, dst, f, o.reprojection);
      const pose = fit === null ? null : poseOf(fit.h, f.width, f.height);
      const t2 = performance.now();
      geometryMs += t2 - t1;
      if (fit === null || pose === null || !isPlausible(pose)) return { ...none, matches: matches.length };
      const region = projectBox(fit.h, f.object, photo.image.width, photo.image.height) ?? undefined;
      const colour = fit.inliers >= MIN_MATCHES ? checkColour(f, photo.image, fit.h) : null;
      colourMs += performance.now() - t2;
      return {
        productId: candidate.productId,
        inliers: fit.inliers,
        matches: matches.length,
        homography: { scale: pose.scale, rotation: pose.rotation },
        ...(region === undefined ? {} : { region }),
        ...(colour === null ? {} : { colour: colour.agreement }),
        score: colour === null ? 0 : fit.inliers * colour.agreement ** 2,
        accepted: fit.inliers >= o.minInliers && colour !== null && colour.agreement >= o.minColour && colour.castSpread <= o.maxCast,
      };
    });
  });
  results.sort((a, b) => Number(b.accepted) - Number(a.accepted) || b.score - a.score || b.inliers - a.inliers);
  if (timings !== undefined) {
    Object.assign(timings, { decodeMs: photo.decodeMs, detectMs: photo.detectMs, matchMs, geometryMs, colourMs });
    timings.totalMs = photo.decodeMs + photo.detectMs + matchMs + geometryMs + colourMs;
  }
  return results;
}

/**
 * Is the photo one of these products? Decodes the photo (JPEG or other encoded bytes, or pixels),
 * detects its features once and verifies every candidate; best first.
 */
export async function verifyCandidates(photo: Buffer | DecodedImage, candidates: readonly VerifyCandidate[], options: VerifyOptions = {}, timings?: VerifyTimings): Promise<VerifiedCandidate[]> {
  return verifyPrepared(await preparePhoto(photo, options.photo), candidates, options, timings);
}
