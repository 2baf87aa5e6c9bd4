/**
 * Visual search and "similar products". A product's neighbours come from the ANN index of its
 * CNN + colour vector; a photo goes through the shop-the-photo pipeline (visual words, geometric
 * verification, CNN fallback). The catalogue keeps only what the caller may see. Catalogue images
 * are described by the background indexer, never in a request.
 */
import type { Logger } from 'pino';
import type { Database } from '../../platform/db/index.js';
import type { RequestContext } from '../../platform/http/context.js';
import { fail } from '../../platform/http/errors.js';
import type { BlobStorage } from '../../platform/storage/index.js';
import type { CatalogService } from '../catalog/index.js';
import type { Neighbour } from './ann-index.js';
import type { DecodedImage } from './decode.js';
import { joinVector } from './descriptors.js';
import { VisionIndexer } from './indexer.js';
import { moderateImage, type ModerationResult } from './moderation.js';
import { shopThePhoto, type ShopResult, type ShopTimings } from './pipeline.js';
import { deserialiseFeatures, type ProductFeatures } from './verify/features.js';
import { loadDescriptors, loadLocalFeatures, loadLocalFeatureVersions } from './vision.repository.js';

export interface SimilarProduct {
  product_id: string;
  score: number;
}

export type VisualSearchResult = ShopResult;
export type VisualSearchTimings = ShopTimings;

export interface VisionDeps {
  database: Database;
  storage: BlobStorage;
  dataDir: string;
  log: Logger;
  catalog: CatalogService;
  /** Porn + Hentai at or above this blocks an image. */
  moderationThreshold: number;
  /** Worker threads describing catalogue images in the background (0: this thread). */
  workers?: number;
}

export const DEFAULT_K = 20;
/** Products whose local features stay in memory for verification. */
const FEATURE_CACHE = 500;
export const MAX_K = 100;

export function createVisionService(deps: VisionDeps) {
  const palette = deps.catalog.categories().colours.map((c) => ({ slug: c.slug, hex: c.hex }));
  const indexer = new VisionIndexer({ database: deps.database, storage: deps.storage, dataDir: deps.dataDir, log: deps.log, palette, workers: deps.workers ?? 0 });

  /** Keeps the visible products, best first, at most k, excluding `exclude`. */
  async function visibleOnly(ctx: RequestContext, ranked: readonly Neighbour[], k: number, exclude?: string): Promise<SimilarProduct[]> {
    const candidates = ranked.filter((n) => n.productId !== exclude).slice(0, Math.max(k * 3, k + 20));
    const visible = new Set((await deps.catalog.getSummaries(ctx, candidates.map((c) => c.productId))).map((p) => p.id));
    return candidates
      .filter((c) => visible.has(c.productId))
      .slice(0, k)
      .map((c) => ({ product_id: c.productId, score: Math.round(c.score * 10_000) / 10_000 }));
  }

  /** Deserialised local features of recently verified products (≈37 KB each). */
  const featureCache = new Map<string, { version: string; features: ProductFeatures }>();
  async function featuresOf(space: string, ids: readonly string[]): Promise<Map<string, ProductFeatures>> {
    const out = new Map<string, ProductFeatures>();
    const rows = await loadLocalFeatureVersions(deps.database.db, space, ids);
    const missing = ids.filter((id) => rows.has(id) && featureCache.get(id)?.version !== rows.get(id));
    for (const row of await loadLocalFeatures(deps.database.db, space, missing)) {
      featureCache.delete(row.productId);
      featureCache.set(row.productId, { version: row.version, features: deserialiseFeatures(row.features) });
      while (featureCache.size > FEATURE_CACHE) featureCache.delete(featureCache.keys().next().value!);
    }
    for (const id of ids) {
      const cached = featureCache.get(id);
      if (cached !== undefined && cached.version === rows.get(id)) out.set(id, cached.features);
    }
    return out;
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

    /**
     * Shop the photo (see pipeline.ts): the recognised product (or null), the most similar products,
     * and each garment recognised in the photo with where it is and products like it.
     */
    async visualSearch(ctx: RequestContext, bytes: Buffer, k = DEFAULT_K, timings?: ShopTimings): Promise<ShopResult> {
      const index = await indexer.open();
      const words = indexer.currentWords() ?? (await indexer.openWords());
      return shopThePhoto(
        bytes,
        {
          model: () => indexer.nsfwModel(),
          palette,
          words,
          nearest: (vector, n) => index.search(vector, Math.min(index.size, n)),
          features: (ids) => featuresOf(index.space, ids),
          visible: async (ids) => new Map((await deps.catalog.getSummaries(ctx, ids)).map((p) => [p.id, { category: p.category }])),
          neighboursOf: async (id, n) => (await neighboursOf(id, n)) ?? [],
        },
        { k },
        timings,
      );
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
