/**
 * "Shop the photo", as one pipeline over injected look-ups so the service (database, ANN index) and
 * the benchmark (in memory) run the very same steps:
 *
 * 1. The photo's ORB features become visual words; the inverted file proposes the catalogue images
 *    sharing the most distinctive words (exact-instance retrieval: finds a garment even small, turned,
 *    cut off or on a busy background).
 * 2. The best few are verified geometrically (ratio-test matches, RANSAC, plausible pose, colours
 *    under the map), and so are the look-alikes of any accepted one (a near-twin in another colour
 *    must be ruled out, not ignored). Products accepted with a calibrated confidence high enough over
 *    their rivals are recognised, each with the box where it is in the photo.
 * 3. Only when nothing was accepted is the CNN + colour embedding computed (whole photo and centre):
 *    its nearest products are verified too, and otherwise both rankings are fused.
 * 4. The results: the recognised products first, then products like them in the same category (the
 *    catalogue's own product-to-product neighbours); without a recognition, the fused ranking with
 *    the likeliest category first.
 */
import type { NsfwModel } from '../../platform/ml/index.js';
import type { Neighbour } from './ann-index.js';
import type { PaletteEntry } from './colour.js';
import { decodeImage, type DecodedImage } from './decode.js';
import { describeRegions, joinVector } from './descriptors.js';
import { candidateRegions } from './recognition.js';
import { calibratedConfidence, isRecognised } from './calibration.js';
import type { ProductFeatures } from './verify/features.js';
import { preparePhoto, verifyPrepared, VERIFY_DEFAULTS, type PreparedPhoto, type VerifiedCandidate, type VerifyOptions } from './verify/verify.js';
import type { WordScore } from './words/inverted-index.js';
import { descriptorWords, matchWithinNodes } from './words/vocabulary.js';

export interface ShopDeps {
  model: () => Promise<NsfwModel>;
  palette: readonly PaletteEntry[];
  /** The visual-words index; null while the catalogue has no local features. */
  words: {
    wordsOf(descriptors: Uint8Array): Int32Array;
    search(words: Int32Array, limit: number): WordScore[];
    /** Each descriptor's vocabulary node at the matching level (see `nodesAt`). */
    nodesOf(descriptors: Uint8Array): Int32Array;
  } | null;
  /** Nearest catalogue vectors to a joined CNN + colour vector. */
  nearest(vector: Float32Array, k: number): Neighbour[];
  /** Stored local features of these products (missing ones are not verified). */
  features(productIds: readonly string[]): Promise<ReadonlyMap<string, ProductFeatures>>;
  /** The products the caller may see, with their category, in the order asked. */
  visible(productIds: readonly string[]): Promise<ReadonlyMap<string, { category: string }>>;
  /** A catalogue product's nearest products (its stored vector against the index), best first. */
  neighboursOf(productId: string, k: number): Promise<Neighbour[]>;
}

export interface ShopOptions {
  k: number;
  /** Candidates verified per ranking. */
  verifyTop: number;
  /** Keypoint matching for verification: within vocabulary nodes (fast), or OpenCV's brute force. */
  matching: 'nodes' | 'brute';
  /** Run every stage whatever the words found (the calibration's data collection). */
  exhaustive: boolean;
  /** Receives every verification made (the calibration's data collection). */
  onVerified?: (verified: readonly VerifiedCandidate[]) => void;
}

export const SHOP_DEFAULTS: ShopOptions = { k: 20, verifyTop: 3, matching: 'nodes', exhaustive: false };

export interface ScoredProduct {
  product_id: string;
  score: number;
}

export interface Recognition {
  product_id: string;
  confidence: number;
}

/** A garment found in the photo: where (fractions of the photo), what it is, and products like it. */
export interface PhotoRegion {
  box: { x: number; y: number; w: number; h: number };
  recognised: Recognition;
  results: ScoredProduct[];
}

export interface ShopResult {
  recognised: Recognition | null;
  results: ScoredProduct[];
  regions: PhotoRegion[];
}

export interface ShopTimings {
  decodeMs: number;
  featuresMs: number;
  wordsMs: number;
  embedMs: number;
  searchMs: number;
  verifyMs: number;
}

/** How many word candidates are read before visibility filtering. */
const WORD_POOL = 60;
/** How many CNN neighbours each region asks for. */
const VECTOR_POOL = 200;
/** Reciprocal-rank fusion constant (Cormack et al.): higher flattens the ranks' weights. */
const RRF_K = 20;
/** Look-alikes (catalogue neighbours) of an accepted candidate verified as its rivals. */
const LOOKALIKES = 3;
/** Two recognised boxes overlapping more than this (intersection over the smaller) are one garment. */
const SAME_GARMENT = 0.5;

const round = (n: number, places = 4): number => Math.round(n * 10 ** places) / 10 ** places;

function overlap(a: PhotoRegion['box'], b: PhotoRegion['box']): number {
  const w = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  return (w * h) / Math.max(1e-9, Math.min(a.w * a.h, b.w * b.h));
}

/** Products ranked by reciprocal-rank fusion of several rankings. */
export function fuseRankings(rankings: readonly (readonly string[])[]): [string, number][] {
  const score = new Map<string, number>();
  for (const ranking of rankings) ranking.forEach((id, rank) => score.set(id, (score.get(id) ?? 0) + 1 / (RRF_K + rank + 1)));
  return [...score].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** Stable: products of `category` first, each group keeping its order. */
function categoryFirst<T extends { product_id: string }>(items: readonly T[], categoryOf: ReadonlyMap<string, { category: string }>, category: string | undefined): T[] {
  if (category === undefined) return [...items];
  return [...items.filter((i) => categoryOf.get(i.product_id)?.category === category), ...items.filter((i) => categoryOf.get(i.product_id)?.category !== category)];
}

/** The likeliest category of a ranking: votes weighted 1/(rank+1) over its first ten. */
function likeliestCategory(ranking: readonly string[], categoryOf: ReadonlyMap<string, { category: string }>): string | undefined {
  const votes = new Map<string, number>();
  ranking.slice(0, 10).forEach((id, rank) => {
    const c = categoryOf.get(id)?.category;
    if (c !== undefined) votes.set(c, (votes.get(c) ?? 0) + 1 / (rank + 1));
  });
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export async function shopThePhoto(bytes: Buffer, deps: ShopDeps, options: Partial<ShopOptions> = {}, timings?: ShopTimings): Promise<ShopResult> {
  const o = { ...SHOP_DEFAULTS, ...options };
  const t = { decodeMs: 0, featuresMs: 0, wordsMs: 0, embedMs: 0, searchMs: 0, verifyMs: 0 };
  let at = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const ms = now - at;
    at = now;
    return ms;
  };
  // The safe decoder first: it refuses what is not an image we read (415/400/413) before anything else runs.
  const image: DecodedImage = await decodeImage(bytes);
  t.decodeMs += lap();
  const categoryOf = new Map<string, { category: string }>();
  const visibleOf = async (ids: readonly string[]): Promise<string[]> => {
    const unknown = ids.filter((id) => !categoryOf.has(id));
    if (unknown.length > 0) for (const [id, v] of await deps.visible(unknown)) categoryOf.set(id, v);
    return ids.filter((id) => categoryOf.has(id));
  };

  // 1. Visual words.
  let prepared: PreparedPhoto | null = null;
  let wordRanking: string[] = [];
  if (deps.words !== null) {
    prepared = await preparePhoto(bytes);
    t.decodeMs += prepared.decodeMs;
    t.featuresMs += prepared.detectMs;
    at = performance.now();
    const found = deps.words.search(deps.words.wordsOf(prepared.descriptors), WORD_POOL);
    wordRanking = await visibleOf(found.map((f) => f.productId));
    t.wordsMs += lap();
  }

  // 2. Verify the best few.
  const verified = new Map<string, VerifiedCandidate>();
  let matcher: VerifyOptions['matcher'];
  if (prepared !== null && deps.words !== null && o.matching === 'nodes') {
    const words = deps.words;
    const photo = { words: descriptorWords(prepared.descriptors), nodes: words.nodesOf(prepared.descriptors) };
    matcher = (candidate) =>
      matchWithinNodes({ words: descriptorWords(candidate.features.descriptors), nodes: words.nodesOf(candidate.features.descriptors) }, photo, VERIFY_DEFAULTS.ratio);
  }
  const verify = async (ids: readonly string[]): Promise<void> => {
    const todo = ids.filter((id) => !verified.has(id)).slice(0, o.verifyTop);
    if (prepared === null || todo.length === 0) return;
    at = performance.now();
    const features = await deps.features(todo);
    const candidates = todo.flatMap((id) => {
      const f = features.get(id);
      return f === undefined ? [] : [{ productId: id, features: f }];
    });
    for (const v of await verifyPrepared(prepared, candidates, matcher ? { matcher } : {})) verified.set(v.productId, v);
    t.verifyMs += lap();
  };
  /**
   * Verifies `ids`' best few, then the look-alikes of each one accepted: a near-twin in another colour
   * is often not among the word candidates, and without it as a rival the lead — and so the
   * confidence — would be overstated.
   */
  const verifyWithLookalikes = async (ids: readonly string[]): Promise<void> => {
    await verify(ids);
    for (const v of [...verified.values()].filter((c) => c.accepted)) {
      const like = await deps.neighboursOf(v.productId, LOOKALIKES);
      await verify(await visibleOf(like.map((n) => n.productId).filter((id) => id !== v.productId)));
    }
  };
  await verifyWithLookalikes(wordRanking);

  // 3. The CNN + colour embedding, only when the words found nothing certain.
  let vectorRanking: string[] | null = null;
  const accepted = (): VerifiedCandidate[] => [...verified.values()].filter((v) => isRecognised(v, verified.values()));
  if (accepted().length === 0 || o.exhaustive) {
    at = performance.now();
    const model = await deps.model();
    const regions = await describeRegions(model, image, candidateRegions(image.width, image.height), deps.palette);
    t.embedMs += lap();
    const best = new Map<string, number>();
    for (const region of regions)
      for (const n of deps.nearest(joinVector(region.embedding, region.colour.hist), VECTOR_POOL)) if (n.score > (best.get(n.productId) ?? -Infinity)) best.set(n.productId, n.score);
    const ranked = [...best].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    vectorRanking = await visibleOf(ranked.slice(0, Math.max(o.k * 3, 60)));
    t.searchMs += lap();
    await verifyWithLookalikes(vectorRanking);
  }

  // 4. Decide and answer.
  o.onVerified?.([...verified.values()]);
  const recognisedCandidates = accepted().sort((a, b) => b.score - a.score);
  const regions: PhotoRegion[] = [];
  if (prepared !== null) {
    const { width, height } = prepared.image;
    for (const v of recognisedCandidates) {
      const r = v.region ?? { x: 0, y: 0, w: width, h: height };
      const box = { x: round(r.x / width), y: round(r.y / height), w: round(r.w / width), h: round(r.h / height) };
      if (regions.some((g) => overlap(g.box, box) > SAME_GARMENT)) continue;
      regions.push({ box, recognised: { product_id: v.productId, confidence: calibratedConfidence(v, verified.values()) }, results: [] });
    }
  }
  at = performance.now();
  for (const region of regions) {
    const id = region.recognised.product_id;
    const like = await deps.neighboursOf(id, o.k * 3);
    const shown = await visibleOf(like.map((n) => n.productId).filter((p) => p !== id));
    const score = new Map(like.map((n) => [n.productId, n.score]));
    const similar = categoryFirst(
      shown.map((p) => ({ product_id: p, score: round(score.get(p) ?? 0) })),
      categoryOf,
      categoryOf.get(id)?.category,
    );
    region.results = [{ product_id: id, score: 1 }, ...similar].slice(0, o.k);
  }
  t.searchMs += lap();
  if (timings) Object.assign(timings, t);

  if (regions.length > 0) {
    // The whole answer: every recognised garment first, then the first region's similar products.
    const recognisedIds = new Set(regions.map((r) => r.recognised.product_id));
    const results = [
      ...regions.map((r) => ({ product_id: r.recognised.product_id, score: 1 })),
      ...regions[0]!.results.filter((r) => !recognisedIds.has(r.product_id)),
    ].slice(0, o.k);
    return { recognised: regions[0]!.recognised, results, regions };
  }
  // Fused scores scaled so the best is 1 (they rank; they are not probabilities).
  const fused = fuseRankings([wordRanking, vectorRanking ?? []]);
  const top = fused[0]?.[1] ?? 1;
  const results = categoryFirst(
    fused.map(([id, score]) => ({ product_id: id, score: round(score / top) })),
    categoryOf,
    likeliestCategory(
      fused.map(([id]) => id),
      categoryOf,
    ),
  ).slice(0, o.k);
  return { recognised: null, results, regions: [] };
}
