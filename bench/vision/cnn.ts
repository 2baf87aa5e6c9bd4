// The vision module's ranking, run in-process without a database: its descriptors (nsfwjs MobileNetV2
// pooled feature joined with its colour histogram), its candidate regions and its recognition rule,
// searched exactly by brute force (at these catalogue sizes an ANN index returns the same neighbours).
// Optionally the top k re-ranked by ORB verification.
import { PALETTE } from '../../src/modules/catalog/feed/colours.js';
import { candidateRegions, decideRecognised, decodeImage, describeProductImage, describeRegions, joinVector, moderateImage } from '../../src/modules/vision/index.js';
import { preparePhoto, verifyPrepared, type VerifyTimings } from '../../src/modules/vision/verify/index.js';
import { loadNsfwModel } from '../../src/platform/ml/index.js';
import type { CatalogueEntry } from './datasets.js';
import type { Design, IndexedCatalogue } from './designs.js';

export interface CnnCatalogue {
  vectors: { productId: string; vector: Float32Array }[];
  msEach: number;
}

const palette = PALETTE.map((c) => ({ slug: c.slug, hex: c.hex }));

export async function indexCnn(catalogue: readonly CatalogueEntry[]): Promise<CnnCatalogue> {
  const model = await loadNsfwModel();
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
      const model = await loadNsfwModel();
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
