/**
 * Visual search and "similar products": a photo or a product becomes a vector (CNN + colour), the
 * ANN index proposes neighbours, the catalogue keeps those the caller may see. Catalogue images are
 * embedded by the background indexer, never in a request.
 */
import type { Logger } from 'pino';
import type { Database } from '../../platform/db/index.js';
import type { RequestContext } from '../../platform/http/context.js';
import { fail } from '../../platform/http/errors.js';
import type { BlobStorage } from '../../platform/storage/index.js';
import type { CatalogService } from '../catalog/index.js';
import type { Neighbour } from './ann-index.js';
import { decodeImage, type DecodedImage } from './decode.js';
import { describeRegions, joinVector } from './descriptors.js';
import { VisionIndexer } from './indexer.js';
import { moderateImage, type ModerationResult } from './moderation.js';
import { candidateRegions, decideRecognised, type CandidateVerification, type RankedProduct } from './recognition.js';
import { loadDescriptors } from './vision.repository.js';

export interface SimilarProduct {
  product_id: string;
  score: number;
}

export interface VisualSearchResult {
  recognised: { product_id: string; confidence: number } | null;
  results: SimilarProduct[];
}

/** Stage timings of one visual search, in milliseconds. */
export interface VisualSearchTimings {
  decodeMs: number;
  embedMs: number;
  searchMs: number;
  verifyMs: number;
}

/**
 * The exact-product check on the best candidates (local features + geometry). Given the photo as
 * sent and as decoded, and the candidates best first; answers one verdict per candidate it checked.
 */
export type VerifyCandidates = (photo: { bytes: Buffer; image: DecodedImage }, candidates: readonly RankedProduct[]) => Promise<CandidateVerification[]>;

export interface VisionDeps {
  database: Database;
  storage: BlobStorage;
  dataDir: string;
  log: Logger;
  catalog: CatalogService;
  /** Porn + Hentai at or above this blocks an image. */
  moderationThreshold: number;
  /** The exact-product check; none: recognition rests on the ranking rule alone. */
  verify?: VerifyCandidates;
  /** How many top candidates the check sees. */
  verifyTop?: number;
}

export const DEFAULT_K = 20;
export const MAX_K = 100;
/** How many neighbours each region asks the index for before visibility filtering. */
const POOL = 200;

export function createVisionService(deps: VisionDeps) {
  const palette = deps.catalog.categories().colours.map((c) => ({ slug: c.slug, hex: c.hex }));
  const indexer = new VisionIndexer({ database: deps.database, storage: deps.storage, dataDir: deps.dataDir, log: deps.log, palette });

  /** Keeps the visible products, best first, at most k, excluding `exclude`. */
  async function visibleOnly(ctx: RequestContext, ranked: readonly Neighbour[], k: number, exclude?: string): Promise<SimilarProduct[]> {
    const candidates = ranked.filter((n) => n.productId !== exclude).slice(0, Math.max(k * 3, k + 20));
    const visible = new Set((await deps.catalog.getSummaries(ctx, candidates.map((c) => c.productId))).map((p) => p.id));
    return candidates
      .filter((c) => visible.has(c.productId))
      .slice(0, k)
      .map((c) => ({ product_id: c.productId, score: Math.round(c.score * 10_000) / 10_000 }));
  }

  async function neighboursOf(productId: string, k: number): Promise<Neighbour[] | null> {
    const index = await indexer.open();
    const [own] = await loadDescriptors(deps.database.db, index.space, [productId]);
    if (!own) return null;
    return index.search(joinVector(own.vector, own.colourHist), Math.min(index.size, k * 3 + 20));
  }

  return {
    indexer,

    /** Moderates an image with the configured threshold (see `moderateImage`). */
    moderate(image: Buffer | DecodedImage): Promise<ModerationResult> {
      return moderateImage(image, { threshold: deps.moderationThreshold });
    },

    /** Products that look like this one (404 when the caller may not see it); empty until it is embedded. */
    async similar(ctx: RequestContext, productId: string, k = DEFAULT_K): Promise<{ results: SimilarProduct[] }> {
      const [product] = await deps.catalog.getSummaries(ctx, [productId]);
      if (!product) throw fail.notFound('Product');
      const neighbours = await neighboursOf(productId, k);
      return { results: neighbours ? await visibleOnly(ctx, neighbours, k, productId) : [] };
    },

    /**
     * The product page's "similar" strip: never waits for the index (empty until the background job
     * or a search has opened it); the page has already checked the product is visible.
     */
    async similarForPage(ctx: RequestContext, productId: string, limit: number): Promise<SimilarProduct[]> {
      if (!indexer.current()) return [];
      const neighbours = await neighboursOf(productId, limit);
      return neighbours ? visibleOnly(ctx, neighbours, limit, productId) : [];
    },

    /** Shop the photo: the recognised product (or null) and the most similar products, best first. */
    async visualSearch(ctx: RequestContext, bytes: Buffer, k = DEFAULT_K, timings?: VisualSearchTimings): Promise<VisualSearchResult> {
      let t = performance.now();
      const image = await decodeImage(bytes);
      const model = await indexer.nsfwModel();
      const index = await indexer.open();
      if (timings) timings.decodeMs = performance.now() - t;
      t = performance.now();
      const regions = await describeRegions(model, image, candidateRegions(image.width, image.height), palette);
      if (timings) timings.embedMs = performance.now() - t;
      t = performance.now();
      // A product's score is its best region's: the garment fills one region better than the others.
      const best = new Map<string, number>();
      for (const region of regions) {
        for (const n of index.search(joinVector(region.embedding, region.colour.hist), POOL)) {
          if (n.score > (best.get(n.productId) ?? -Infinity)) best.set(n.productId, n.score);
        }
      }
      const ranked = [...best].map(([productId, score]) => ({ productId, score })).sort((a, b) => b.score - a.score);
      const results = await visibleOnly(ctx, ranked, Math.max(k, 2));
      if (timings) timings.searchMs = performance.now() - t;
      t = performance.now();
      const top = results.map((r) => ({ productId: r.product_id, score: r.score }));
      const verifications = deps.verify && top.length > 0 ? await deps.verify({ bytes, image }, top.slice(0, deps.verifyTop ?? 5)) : [];
      if (timings) timings.verifyMs = performance.now() - t;
      return { recognised: decideRecognised(top, verifications), results: results.slice(0, k) };
    },

    /** Starts the background indexing job (the server does; tests call `indexer.runOnce()`). */
    start(intervalMs?: number): void {
      indexer.start(intervalMs);
    },

    stop(): Promise<void> {
      return indexer.stop();
    },
  };
}

export type VisionService = ReturnType<typeof createVisionService>;
