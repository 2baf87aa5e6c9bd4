/**
 * Moderation of member images with nsfwjs's MobileNetV2, offline. An image is blocked when its Porn
 * and Hentai probabilities together reach the threshold. "Sexy" alone never blocks: on a fashion
 * platform full of people in swimwear and slip dresses it fires on ordinary garment photos.
 */
import { loadNsfwModel, type NsfwClass, type NsfwScores } from '../../platform/ml/index.js';
import { cropToSquare, decodeImage, type DecodedImage } from './decode.js';

/** Porn + Hentai at or above this blocks an image (`COTERIE_MODERATION_THRESHOLD`). */
export const DEFAULT_MODERATION_THRESHOLD = 0.85;

export interface ModerationResult {
  allowed: boolean;
  /** Blocked: the unsafe class the decision rests on (Porn or Hentai); allowed: the most likely class. */
  label: NsfwClass;
  /** Blocked: Porn + Hentai; allowed: the probability of `label`. */
  score: number;
  /** Every class's probability. */
  scores: NsfwScores;
  /** The threshold the decision used. */
  threshold: number;
  /** The model that decided. */
  model: string;
}

export interface ModerationOptions {
  threshold?: number;
}

export const MODERATION_MODEL = 'nsfwjs/MobileNetV2';

/** The decision for class probabilities (pure: the rule alone, for tests and calibration). */
export function decideModeration(scores: NsfwScores, threshold = DEFAULT_MODERATION_THRESHOLD): ModerationResult {
  const unsafe = scores.Porn + scores.Hentai;
  if (unsafe >= threshold) {
    const label: NsfwClass = scores.Porn >= scores.Hentai ? 'Porn' : 'Hentai';
    return { allowed: false, label, score: unsafe, scores, threshold, model: MODERATION_MODEL };
  }
  const [label, score] = (Object.entries(scores) as [NsfwClass, number][]).reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return { allowed: true, label, score, scores, threshold, model: MODERATION_MODEL };
}

/**
 * Classifies an image (encoded bytes, or pixels `decodeImage` gave) and decides whether it may be
 * shown. Encoded bytes are decoded safely first (415/400/413 errors for bad input).
 */
export async function moderateImage(image: Buffer | DecodedImage, options: ModerationOptions = {}): Promise<ModerationResult> {
  const model = await loadNsfwModel();
  const decoded = Buffer.isBuffer(image) ? await decodeImage(image, model.inputSize * 2) : image;
  const input = await cropToSquare(decoded, { x: 0, y: 0, w: decoded.width, h: decoded.height }, model.inputSize);
  return decideModeration(await model.classify(input), options.threshold ?? DEFAULT_MODERATION_THRESHOLD);
}
