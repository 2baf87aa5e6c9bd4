// The shape the vision service's search calls for its exact-product check: the photo as sent and the
// ranked candidates in, one verdict per candidate out. Features come from wherever the caller stores
// them (a table of serialised features, a cache); candidates without features are not verified.
import type { ProductFeatures } from './features.js';
import { verifyCandidates, VERIFY_DEFAULTS, type VerifyOptions, type VerifyTimings } from './verify.js';

export interface CandidateVerdict {
  productId: string;
  verified: boolean;
  /** 0..1: grows with inliers and colour agreement; 0.5 at the acceptance floor. Not yet calibrated. */
  confidence: number;
}

export type FeatureLookup = (productIds: readonly string[]) => Promise<ReadonlyMap<string, ProductFeatures>>;

/**
 * Confidence from the verdict's evidence. At the floor (minimum inliers, minimum colour) it is 0.5;
 * each further floor's worth of inliers halves the remaining doubt.
 */
export function verdictConfidence(inliers: number, colour: number, options: VerifyOptions = {}): number {
  const minInliers = options.minInliers ?? VERIFY_DEFAULTS.minInliers;
  const minColour = options.minColour ?? VERIFY_DEFAULTS.minColour;
  if (inliers < minInliers || colour < minColour) return 0;
  const evidence = (inliers / minInliers) * (colour / minColour);
  return Math.round((1 - 0.5 / evidence) * 1000) / 1000;
}

export function createCandidateVerifier(lookup: FeatureLookup, options: VerifyOptions = {}, onTimings?: (t: VerifyTimings) => void) {
  return async (photo: { bytes: Buffer }, candidates: readonly { productId: string }[]): Promise<CandidateVerdict[]> => {
    const features = await lookup(candidates.map((c) => c.productId));
    const known = candidates.flatMap((c) => {
      const f = features.get(c.productId);
      return f === undefined ? [] : [{ productId: c.productId, features: f }];
    });
    if (known.length === 0) return [];
    const timings = {} as VerifyTimings;
    const results = await verifyCandidates(photo.bytes, known, options, timings);
    onTimings?.(timings);
    return results.map((r) => ({ productId: r.productId, verified: r.accepted, confidence: r.accepted ? verdictConfidence(r.inliers, r.colour ?? 0, options) : 0 }));
  };
}
