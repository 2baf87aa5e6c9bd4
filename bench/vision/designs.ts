// The designs evaluated side by side. Each indexes a catalogue once, then answers a photo with a ranked
// list, maybe a recognised product, and the milliseconds spent per stage.
import { extractProductFeatures, preparePhoto, serialiseFeatures, verifyPrepared, type ProductFeatures, type VerifiedCandidate, type VerifyTimings } from '../../src/modules/vision/verify/index.js';
import type { CatalogueEntry } from './datasets.js';
import type { Stage } from './metrics.js';
import { naiveDecode, naiveDescribe, naiveRecognises, naiveSearch, type NaiveDescriptor } from './naive.js';

export interface Answer {
  ranked: string[];
  recognised: string | null;
  stages: Partial<Record<Stage, number>>;
  /** The verifier's verdicts, for the separation figures. */
  verified?: VerifiedCandidate[];
}

export interface Design {
  name: string;
  answer(photo: Buffer): Promise<Answer>;
}

export interface IndexedCatalogue {
  naive: { productId: string; naive: NaiveDescriptor }[];
  features: Map<string, ProductFeatures>;
  /** Milliseconds per product to compute, and bytes per product to store. */
  naiveMs: number;
  featuresMs: number;
  featureBytes: number;
}

export async function indexCatalogue(catalogue: readonly CatalogueEntry[], withFeatures: boolean): Promise<IndexedCatalogue> {
  const t0 = performance.now();
  const naive: IndexedCatalogue['naive'] = [];
  for (const entry of catalogue) naive.push({ productId: entry.productId, naive: naiveDescribe(await naiveDecode(entry.image)) });
  const t1 = performance.now();
  const features = new Map<string, ProductFeatures>();
  let featureBytes = 0;
  if (withFeatures)
    for (const entry of catalogue) {
      const f = await extractProductFeatures(entry.image);
      featureBytes += serialiseFeatures(f).length;
      features.set(entry.productId, f);
    }
  const t2 = performance.now();
  const n = Math.max(1, catalogue.length);
  return { naive, features, naiveMs: (t1 - t0) / n, featuresMs: (t2 - t1) / n, featureBytes: featureBytes / n };
}

const since = (t: number): number => performance.now() - t;

async function naiveStages(index: IndexedCatalogue, photo: Buffer): Promise<{ ranked: ReturnType<typeof naiveSearch>; stages: Partial<Record<Stage, number>> }> {
  let t = performance.now();
  const small = await naiveDecode(photo);
  const decode = since(t);
  t = performance.now();
  const query = naiveDescribe(small);
  const embed = since(t);
  t = performance.now();
  const ranked = naiveSearch(query, index.naive);
  return { ranked, stages: { decode, embed, search: since(t) } };
}

export function naiveDesign(index: IndexedCatalogue): Design {
  return {
    name: 'naive: colour histogram + 12×12 thumbnail, brute force',
    async answer(photo) {
      const { ranked, stages } = await naiveStages(index, photo);
      return { ranked: ranked.slice(0, 50).map((r) => r.productId), recognised: naiveRecognises(ranked) ? ranked[0]!.productId : null, stages };
    },
  };
}

/**
 * The naive baseline's top `k` re-ranked by ORB verification: accepted products first (by score),
 * then the baseline's order. Recognises only what the verifier accepts.
 */
export function naiveOrbDesign(index: IndexedCatalogue, k: number): Design {
  return {
    name: `naive top-${k} + ORB verify`,
    async answer(photo) {
      const { ranked, stages } = await naiveStages(index, photo);
      const top = ranked.slice(0, k);
      const prepared = await preparePhoto(photo);
      const timings = {} as VerifyTimings;
      const verified = await verifyPrepared(
        prepared,
        top.map((r) => ({ productId: r.productId, features: index.features.get(r.productId)! })),
        {},
        timings,
      );
      const accepted = verified.filter((v) => v.accepted).map((v) => v.productId);
      const rest = ranked.slice(0, 50).map((r) => r.productId).filter((id) => !accepted.includes(id));
      return {
        ranked: [...accepted, ...rest],
        recognised: accepted[0] ?? null,
        stages: { ...stages, decode: (stages.decode ?? 0) + timings.decodeMs, verify: timings.totalMs - timings.decodeMs },
        verified,
      };
    },
  };
}

/**
 * Visual words: a vocabulary tree trained on the catalogue's ORB descriptors, an inverted file ranking
 * the catalogue by the words the photo shares, then ORB verification of the top `k`.
 */
export async function wordsDesign(index: IndexedCatalogue, ks: readonly number[]): Promise<(Design & { trainMs: number; leaves: number })[]> {
  const { trainVocabulary, quantise, InvertedIndex } = await import('../../src/modules/vision/words/index.js');
  const t = performance.now();
  const all = Buffer.concat([...index.features.values()].map((f) => f.descriptors));
  const vocabulary = trainVocabulary(all);
  const inverted = new InvertedIndex(vocabulary.leaves);
  for (const [productId, f] of index.features) inverted.set(productId, quantise(vocabulary, f.descriptors));
  const trainMs = performance.now() - t;
  return ks.map((k) => ({
    name: k === 0 ? `visual words (${vocabulary.leaves} words), no verification` : `visual words top-${k} + ORB verify`,
    trainMs,
    leaves: vocabulary.leaves,
    async answer(photo) {
      const prepared = await preparePhoto(photo);
      let t0 = performance.now();
      const words = quantise(vocabulary, prepared.descriptors);
      const embed = since(t0);
      t0 = performance.now();
      const ranked = inverted.search(words, 50);
      const search = since(t0);
      const timings = {} as VerifyTimings;
      const verified = await verifyPrepared(
        prepared,
        ranked.slice(0, k).map((r) => ({ productId: r.productId, features: index.features.get(r.productId)! })),
        {},
        timings,
      );
      const accepted = verified.filter((v) => v.accepted).map((v) => v.productId);
      return {
        ranked: [...accepted, ...ranked.map((r) => r.productId).filter((id) => !accepted.includes(id))],
        recognised: accepted[0] ?? null,
        stages: { decode: prepared.decodeMs, embed: embed + prepared.detectMs, search, verify: timings.totalMs - timings.decodeMs - timings.detectMs },
        verified,
      };
    },
  }));
}
