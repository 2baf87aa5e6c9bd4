// The vision module's ranking, run in-process without a database: its descriptors (nsfwjs MobileNetV2
// pooled feature joined with its colour histogram), its candidate regions and its recognition rule,
// searched exactly by brute force (at these catalogue sizes an ANN index returns the same neighbours).
// Optionally the top k re-ranked by ORB verification.
import { PALETTE } from '../../src/modules/catalog/feed/colours.js';
import { candidateRegions, decodeImage, describeProductImage, describeRegions, joinVector, moderateImage } from '../../src/modules/vision/index.js';
import { preparePhoto, verifyPrepared, type VerifyTimings } from '../../src/modules/vision/verify/index.js';
import { EMBEDDING_VARIANT } from '../../src/modules/vision/descriptors.js';
import { loadNsfwModel } from '../../src/platform/ml/index.js';
import type { ShopTimings } from '../../src/modules/vision/pipeline.js';
import type { CatalogueEntry } from './datasets.js';
import type { Design, IndexedCatalogue } from './designs.js';

export interface CnnCatalogue {
  vectors: { productId: string; vector: Float32Array }[];
  msEach: number;
}

const palette = PALETTE.map((c) => ({ slug: c.slug, hex: c.hex }));

export async function indexCnn(catalogue: readonly CatalogueEntry[]): Promise<CnnCatalogue> {
  const model = await loadNsfwModel(EMBEDDING_VARIANT);
  const t = performance.now();
  const vectors: CnnCatalogue['vectors'] = [];
  for (const entry of catalogue) {
    const d = await describeProductImage(entry.image, palette, model);
    vectors.push({ productId: entry.productId, vector: joinVector(d.embedding, d.colour.hist) });
  }
  return { vectors, msEach: (performance.now() - t) / Math.max(1, catalogue.length) };
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** The module's ranking: each product scored by its best region. */
export function cnnDesign(cnn: CnnCatalogue, orb: { index: IndexedCatalogue; k: number } | null): Design {
  return {
    name: orb === null ? 'vision module: CNN + colour, exact search' : `vision module top-${orb.k} + ORB verify`,
    async answer(photo) {
      const model = await loadNsfwModel(EMBEDDING_VARIANT);
      let t = performance.now();
      const image = await decodeImage(photo);
      const decode = performance.now() - t;
      t = performance.now();
      const moderation = await moderateImage(image);
      const moderate = performance.now() - t;
      if (!moderation.allowed) return { ranked: [], recognised: null, stages: { decode, moderate } };
      t = performance.now();
      const regions = await describeRegions(model, image, candidateRegions(image.width, image.height), palette);
      const embed = performance.now() - t;
      t = performance.now();
      const queries = regions.map((r) => joinVector(r.embedding, r.colour.hist));
      const ranked = cnn.vectors
        .map((v) => ({ productId: v.productId, score: Math.max(...queries.map((q) => dot(q, v.vector))) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 50);
      const search = performance.now() - t;
      const stages = { decode, moderate, embed, search };
      if (orb === null) return { ranked: ranked.map((r) => r.productId), recognised: decideRecognised(ranked)?.product_id ?? null, stages };
      const prepared = await preparePhoto(photo);
      const timings = {} as VerifyTimings;
      const verified = await verifyPrepared(
        prepared,
        ranked.slice(0, orb.k).map((r) => ({ productId: r.productId, features: orb.index.features.get(r.productId)! })),
        {},
        timings,
      );
      const accepted = verified.filter((v) => v.accepted).map((v) => v.productId);
      return {
        ranked: [...accepted, ...ranked.map((r) => r.productId).filter((id) => !accepted.includes(id))],
        recognised: accepted[0] ?? null,
        stages: { ...stages, decode: decode + timings.decodeMs, verify: timings.totalMs - timings.decodeMs },
        verified,
      };
    },
  };
}

/**
 * The vision module's whole pipeline (`shopThePhoto`: visual words, verification, CNN fallback,
 * fusion, category-aware results), over this catalogue in memory: brute-force vector search instead
 * of the ANN index, stored features from `index`. With `fit`, every stage runs for every photo and
 * each verification's evidence is appended to `fit.rows` for the confidence model.
 */
export async function pipelineDesign(
  cnn: CnnCatalogue,
  index: IndexedCatalogue,
  categories: ReadonlyMap<string, string>,
  matching: 'nodes' | 'brute',
  fit?: { rows: FitRow[]; dataset: string },
): Promise<Design> {
  const { trainVocabulary, quantise, nodesAt, MATCH_LEVEL, InvertedIndex } = await import('../../src/modules/vision/words/index.js');
  const { shopThePhoto } = await import('../../src/modules/vision/pipeline.js');
  const { evidenceOf } = await import('../../src/modules/vision/calibration.js');
  const vocabulary = trainVocabulary(Buffer.concat([...index.features.values()].map((f) => f.descriptors)));
  const inverted = new InvertedIndex(vocabulary.leaves);
  for (const [productId, f] of index.features) inverted.set(productId, quantise(vocabulary, f.descriptors));
  const vectorOf = new Map(cnn.vectors.map((v) => [v.productId, v.vector]));
  const nearest = (vector: Float32Array, k: number) =>
    cnn.vectors
      .map((v) => ({ productId: v.productId, score: dot(vector, v.vector) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  const deps = {
    model: () => loadNsfwModel(EMBEDDING_VARIANT),
    palette,
    words: {
      wordsOf: (d: Uint8Array) => quantise(vocabulary, d),
      search: (w: Int32Array, limit: number) => inverted.search(w, limit),
      nodesOf: (d: Uint8Array) => nodesAt(vocabulary, d, MATCH_LEVEL),
    },
    nearest,
    features: async (ids: readonly string[]) => new Map(ids.flatMap((id) => (index.features.has(id) ? [[id, index.features.get(id)!] as const] : []))),
    visible: async (ids: readonly string[]) => new Map(ids.flatMap((id) => (categories.has(id) ? [[id, { category: categories.get(id)! }] as const] : []))),
    neighboursOf: async (id: string, k: number) => (vectorOf.has(id) ? nearest(vectorOf.get(id)!, k + 1).filter((n) => n.productId !== id) : []),
  };
  let query = 0;
  return {
    name: fit ? `vision module pipeline, ${matching} matching (exhaustive, fitting)` : `vision module pipeline (${matching === 'nodes' ? 'matching within vocabulary nodes' : 'brute-force matching'})`,
    async answer(photo) {
      const timings = {} as ShopTimings;
      const t = performance.now();
      const moderation = await moderateImage(await decodeImage(photo));
      const moderate = performance.now() - t;
      if (!moderation.allowed) return { ranked: [], recognised: null, stages: { moderate } };
      const q = query++;
      const result = await shopThePhoto(photo, deps, {
        k: 50,
        matching,
        ...(fit
          ? {
              exhaustive: true,
              verifyTop: 5,
              onVerified: (verified) => {
                for (const v of verified) fit.rows.push({ dataset: fit.dataset, query: q, productId: v.productId, inliers: v.inliers, accepted: v.accepted, ...evidenceOf(v, verified) });
              },
            }
          : {}),
      }, timings);
      return {
        ranked: result.results.map((r) => r.product_id),
        recognised: result.recognised?.product_id ?? null,
        stages: {
          decode: timings.decodeMs,
          moderate,
          embed: timings.featuresMs + timings.wordsMs + timings.embedMs,
          search: timings.searchMs,
          verify: timings.verifyMs,
        },
      };
    },
  };
}

export interface FitRow {
  dataset: string;
  query: number;
  productId: string;
  inliers: number;
  accepted: boolean;
  logInliers: number;
  colour: number;
  logLead: number;
}

// The CNN-only design's recognition rule (what the module used before visual words): a score floor
// and a lead over the runner-up.
/** The best product must score at least this (the joined cosine) to be called recognised… */
const RECOGNISE_MIN_SCORE = 0.8;
/** …and lead the next product by at least this much. */
const RECOGNISE_MIN_MARGIN = 0.05;

interface RankedProduct {
  productId: string;
  score: number;
}

/** What an exact-product check (local features and geometry) said about one candidate. */
interface CandidateVerification {
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
function decideRecognised(ranked: readonly RankedProduct[], verifications: readonly CandidateVerification[] = []): { product_id: string; confidence: number } | null {
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
