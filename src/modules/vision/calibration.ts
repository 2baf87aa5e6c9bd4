/**
 * How sure a geometric verification makes us, as a probability that the product is the one in the
 * photo: a logistic model over the verification's evidence — log inliers and, above all, the lead over
 * the strongest other candidate found in the same place (drawn garments sharing a print or a
 * silhouette all collect inliers there; the right one leads) — fitted on the verifications the
 * benchmark collects from the demo world's member photos and the real garment photos
 * (`BENCH_VISION_FIT=file npm run bench -- vision`, then `npx tsx bench/vision/calibrate.ts file`).
 * Colour agreement is a gate of the verifier (≥ 0.6), not a term: its fitted weight came out negative
 * (it moves with the lead), so it was left out. A product is recognised when the probability reaches
 * RECOGNISE_AT, chosen on the same data as the lowest threshold at which recognitions were right at
 * least 95% of the time on each dataset, with a margin; figures in ADR 0006 and BENCHMARKS.md.
 */
import type { VerifiedCandidate } from './verify/verify.js';

/** The fitted model: p = σ(intercept + Σ coefficient × feature). */
export const CONFIDENCE_MODEL = { intercept: -0.503, logInliers: 0.021, colour: 0, logLead: 4.382 } as const;

/**
 * The probability at or above which a verified product is called recognised: on the fitting data,
 * 0.6 was the lowest giving ≥ 95% right recognitions on both datasets; 0.7 gave 97.7% on the demo world.
 */
export const RECOGNISE_AT = 0.7;

/** The verifier's own floor, below which nothing is recognised whatever the model says. */
const MIN_INLIERS = 15;

export interface Evidence {
  logInliers: number;
  colour: number;
  logLead: number;
}

function sameSpot(a: VerifiedCandidate, b: VerifiedCandidate): boolean {
  if (a.region === undefined || b.region === undefined) return true;
  const w = Math.max(0, Math.min(a.region.x + a.region.w, b.region.x + b.region.w) - Math.max(a.region.x, b.region.x));
  const h = Math.max(0, Math.min(a.region.y + a.region.h, b.region.y + b.region.h) - Math.max(a.region.y, b.region.y));
  return (w * h) / Math.max(1, Math.min(a.region.w * a.region.h, b.region.w * b.region.h)) > 0.3;
}

/** The evidence of one verified candidate among all those verified for the same photo. */
export function evidenceOf(candidate: VerifiedCandidate, all: Iterable<VerifiedCandidate>): Evidence {
  let rival = 0;
  for (const other of all) if (other.productId !== candidate.productId && sameSpot(candidate, other)) rival = Math.max(rival, other.score);
  return {
    logInliers: Math.log(Math.max(1, candidate.inliers)),
    colour: candidate.colour ?? 0,
    logLead: Math.log((candidate.score + 1) / (rival + 1)),
  };
}

export function probabilityOf(e: Evidence, model: typeof CONFIDENCE_MODEL = CONFIDENCE_MODEL): number {
  const z = model.intercept + model.logInliers * e.logInliers + model.colour * e.colour + model.logLead * e.logLead;
  return 1 / (1 + Math.exp(-z));
}

/** The candidate's calibrated confidence, rounded to three places and never a certainty (at most 0.999). */
export function calibratedConfidence(candidate: VerifiedCandidate, all: Iterable<VerifiedCandidate>): number {
  return Math.min(0.999, Math.round(probabilityOf(evidenceOf(candidate, all)) * 1000) / 1000);
}

/** Whether the verification recognises the product: the verifier accepted it and the confidence is high enough. */
export function isRecognised(candidate: VerifiedCandidate, all: Iterable<VerifiedCandidate>): boolean {
  return candidate.accepted && candidate.inliers >= MIN_INLIERS && probabilityOf(evidenceOf(candidate, all)) >= RECOGNISE_AT;
}
