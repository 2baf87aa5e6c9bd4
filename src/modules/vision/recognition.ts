/**
 * Candidate regions of a member's photo and the rule that turns ranked candidates into a
 * "recognised" answer. Both are deliberately simple until the calibration on the demo world lands.
 */
import type { Region } from './decode.js';

/**
 * Where a garment may be: the whole frame and its centre (70%). On composed member photos of 40
 * products, whole + centre found the right product first 27 times of 40 and in the top 5 39 times;
 * adding a 2×2 or 3×3 grid of half-size windows did worse (stray background windows win).
 */
export function candidateRegions(width: number, height: number): Region[] {
  return [
    { x: 0, y: 0, w: width, h: height },
    { x: width * 0.15, y: height * 0.15, w: width * 0.7, h: height * 0.7 },
  ];
}

/** The best product must score at least this (the joined cosine) to be called recognised… */
export const RECOGNISE_MIN_SCORE = 0.8;
/** …and lead the next product by at least this much. */
export const RECOGNISE_MIN_MARGIN = 0.05;

export interface RankedProduct {
  productId: string;
  score: number;
}

/** What an exact-product check (local features and geometry) said about one candidate. */
export interface CandidateVerification {
  productId: string;
  verified: boolean;
  /** 0..1 */
  confidence: number;
}

/**
 * The recognised product, if any. A candidate a geometric check verified wins, with its confidence;
 * without a check, the rule is a score floor and a lead over the runner-up, and the confidence
 * grows with the lead (0.5 at the minimum lead, 0.95 at three times it). Not yet calibrated.
 */
export function decideRecognised(ranked: readonly RankedProduct[], verifications: readonly CandidateVerification[] = []): { product_id: string; confidence: number } | null {
  const verified = verifications.filter((v) => v.verified).sort((a, b) => b.confidence - a.confidence)[0];
  if (verified) return { product_id: verified.productId, confidence: round(verified.confidence) };
  if (verifications.length > 0) return null;
  const [first, second] = ranked;
  if (!first || first.score < RECOGNISE_MIN_SCORE) return null;
  const lead = first.score - (second?.score ?? 0);
  if (lead < RECOGNISE_MIN_MARGIN) return null;
  const confidence = Math.min(0.95, 0.5 + (0.45 * (lead - RECOGNISE_MIN_MARGIN)) / (2 * RECOGNISE_MIN_MARGIN));
  return { product_id: first.productId, confidence: round(confidence) };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
