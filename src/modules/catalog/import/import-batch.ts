/**
 * One batch of an import: its images loaded first (outside any transaction, four at a time), then
 * every product of the batch compared with what is stored and written — product, variants and images
 * together — in one transaction, so a failure or a kill never leaves half a product behind.
 */
import type { Database, Executor } from '../../../platform/db/index.js';
import type { RowError } from '../feed/feed-row.js';
import { settleSoldOut } from '../stock.js';
import { mapWithConcurrency, type ImageLoader, type ImageResult } from './images.js';
import type { ImportCounts } from './import-report.js';
import { saveImportProgress } from './import-report.js';
import {
  ensureBrands,
  loadImages,
  loadProductHashes,
  loadProducts,
  loadVariants,
  replaceImages,
  upsertProducts,
  upsertVariants,
  type ProductHash,
  type StoredProduct,
} from './import.repository.js';
import {
  MAX_IMAGES,
  groupChunks,
  hashRows,
  imageCandidates,
  mergeRows,
  productFromRows,
  sameImages,
  sameVariant,
  variantFromRow,
  type ImageRecord,
  type ImportRow,
  type ProductChunk,
  type ProductRecord,
  type VariantRecord,
  type VariantState,
} from './product-plan.js';

export type ProductOutcome = 'created' | 'updated' | 'unchanged';

/** What an import remembers between batches: counts, problems, and each product and sku it has seen. */
export class ImportState {
  readonly counts: ImportCounts = { rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
  readonly errors: RowError[] = [];
  /** Problems not yet saved to the report row. */
  unsavedErrors = false;
  /** Products this import has written or compared, with the position their next variant takes. */
  readonly products = new Map<string, { outcome: ProductOutcome; nextPosition: number }>();
  /** The line each sku was first seen on: a repeated id is a mistake in the feed. */
  readonly skus = new Map<string, number>();
  /** Brand ids by lower-cased name, once committed. */
  readonly brands = new Map<string, string>();

  constructor(private readonly maxErrors: number) {}

  /** Notes a problem that does not by itself reject a row (a skipped additional image). */
  warn(error: RowError): void {
    if (this.errors.length < this.maxErrors) {
      this.errors.push(error);
      this.unsavedErrors = true;
    }
  }

  /** Rejects one row with its problems. */
  reject(errors: readonly RowError[]): void {
    this.counts.rejected++;
    for (const e of errors) this.warn(e);
  }
}

export interface BatchContext {
  database: Database;
  /** Null with --no-images: nothing is fetched and stored images are left alone. */
  images: ImageLoader | null;
  defaultStock: number;
  now: Date;
  importId: string;
  state: ImportState;
}

const IMAGE_CONCURRENCY = 4;

/** Imports one batch of validated rows. Rows may belong to products seen in earlier batches. */
export async function importBatch(ctx: BatchContext, rows: readonly ImportRow[]): Promise<void> {
  let chunks = groupChunks(rows);
  let stored: Map<string, ImageRecord[]> | null = null;
  let resolved: Map<string, ImageRecord[]> | null = null;
  if (ctx.images !== null) {
    stored = await loadImages(ctx.database.db, chunks.map((c) => c.productId));
    const loaded = await resolveImages(ctx, chunks, stored);
    resolved = loaded.images;
    chunks = chunks.map((c) => ({ ...c, rows: c.rows.filter((r) => !loaded.rejectedLines.has(r.line)) })).filter((c) => c.rows.length > 0);
  }
  if (chunks.length === 0) return;

  const { outcomes, brandIds } = await ctx.database.transaction(async (tx) => writeChunks(tx, ctx, chunks, stored, resolved));
  // Committed: remember the brands (a few hundred ids) so later batches need not look them up.
  if (ctx.state.brands.size < 50_000) for (const [key, id] of brandIds) ctx.state.brands.set(key, id);
  for (const [productId, result] of outcomes) {
    const before = ctx.state.products.get(productId);
    if (before !== undefined) ctx.state.counts[before.outcome]--;
    ctx.state.counts[result.outcome]++;
    ctx.state.products.set(productId, result);
  }
}

/**
 * Loads the images of a batch, reusing stored ones whose link has not changed. Rows whose primary
 * image fails are rejected; a failing additional image is skipped with a warning. Answers each
 * product's image list and the lines of the rejected rows.
 */
async function resolveImages(
  ctx: BatchContext,
  chunks: readonly ProductChunk[],
  stored: ReadonlyMap<string, ImageRecord[]>,
): Promise<{ images: Map<string, ImageRecord[]>; rejectedLines: Set<number> }> {
  const loader = ctx.images!;
  const jobs = chunks.flatMap((chunk) => imageCandidates(chunk.rows).map((candidate) => ({ chunk, candidate })));
  const results = await mapWithConcurrency(jobs, IMAGE_CONCURRENCY, async ({ chunk, candidate }): Promise<ImageResult> => {
    const known = stored.get(chunk.productId)?.find((img) => img.source === candidate.link.raw);
    return known ? { ok: true, image: known } : loader.load(candidate.link);
  });
  const byLink = new Map<string, ImageResult>();
  jobs.forEach((job, i) => byLink.set(`${job.chunk.productId}\n${job.candidate.link.raw}`, results[i]!));

  const images = new Map<string, ImageRecord[]>();
  const rejectedLines = new Set<number>();
  for (const chunk of chunks) {
    const list: ImageRecord[] = [];
    const warned = new Set<string>();
    for (const { line, row } of chunk.rows) {
      const primary = byLink.get(`${chunk.productId}\n${row.image_link.raw}`);
      if (primary !== undefined && !primary.ok) {
        ctx.state.reject([{ line, field: 'image_link', reason: primary.reason }]);
        rejectedLines.add(line);
        continue;
      }
      for (const link of [row.image_link, ...row.additional_image_links]) {
        const result = byLink.get(`${chunk.productId}\n${link.raw}`);
        if (result === undefined) continue; // past the product's image limit
        if (!result.ok) {
          if (!warned.has(link.raw)) ctx.state.warn({ line, field: 'additional_image_link', reason: `${link.raw.slice(0, 120)} ${result.reason} (image skipped)` });
          warned.add(link.raw);
          continue;
        }
        if (list.length < MAX_IMAGES && !list.some((img) => img.source === link.raw)) {
          const { blobKey, width, height } = result.image;
          list.push({ position: list.length, source: link.raw, blobKey, width, height });
        }
      }
    }
    images.set(chunk.productId, list);
  }
  return { images, rejectedLines };
}

interface Planned {
  products: ProductRecord[];
  variants: VariantRecord[];
  images: Map<string, ImageRecord[]>;
  /** Existing products whose variants changed: their sizes in stock and sold-out state are settled. */
  settle: Set<string>;
  outcomes: Map<string, { outcome: ProductOutcome; nextPosition: number }>;
}

async function writeChunks(
  tx: Executor,
  ctx: BatchContext,
  chunks: readonly ProductChunk[],
  storedImages: ReadonlyMap<string, ImageRecord[]> | null,
  resolved: ReadonlyMap<string, ImageRecord[]> | null,
): Promise<{ outcomes: Map<string, { outcome: ProductOutcome; nextPosition: number }>; brandIds: Map<string, string> }> {
  const later = chunks.filter((c) => ctx.state.products.has(c.productId)).map((c) => c.productId);
  const stored: Stored = {
    hashes: await loadProductHashes(tx, chunks.map((c) => c.productId)),
    // Only a product met again in the same import is merged, and needs its whole row.
    products: await loadProducts(tx, later),
    variants: await loadVariants(tx, chunks.flatMap((c) => c.rows.map((r) => r.row.id))),
  };
  const plan: Planned = { products: [], variants: [], images: new Map(), settle: new Set(), outcomes: new Map() };
  for (const chunk of chunks) {
    planChunk(ctx, chunk, stored, storedImages?.get(chunk.productId) ?? [], resolved?.get(chunk.productId) ?? null, plan);
  }
  const brandIds = await ensureBrands(tx, plan.products.map((p) => p.brandName), ctx.state.brands);
  await upsertProducts(tx, plan.products, brandIds);
  await upsertVariants(tx, plan.variants);
  await replaceImages(tx, plan.images);
  await settleSoldOut(tx, [...plan.settle]);
  await saveImportProgress(tx, ctx.importId, countsAfter(ctx.state, plan.outcomes), ctx.state.unsavedErrors ? ctx.state.errors : undefined);
  ctx.state.unsavedErrors = false;
  return { outcomes: plan.outcomes, brandIds };
}

interface Stored {
  hashes: Map<string, ProductHash>;
  products: Map<string, StoredProduct>;
  variants: Map<string, VariantState>;
}

/** Decides what one product's chunk writes, adding it to the batch's plan. */
function planChunk(ctx: BatchContext, chunk: ProductChunk, stored: Stored, storedImages: readonly ImageRecord[], images: ImageRecord[] | null, plan: Planned): void {
  const seen = ctx.state.products.get(chunk.productId);
  const existing = stored.hashes.get(chunk.productId);
  // A product has one currency: rows priced otherwise are rejected, not converted.
  const currency = seen !== undefined && existing !== undefined ? existing.currency : chunk.rows[0]!.row.price.currency;
  const rows = chunk.rows.filter((r) => {
    if (r.row.price.currency === currency) return true;
    ctx.state.reject([{ line: r.line, field: 'price', reason: `must be in ${currency}, like the other rows of product ${chunk.productId}` }]);
    return false;
  });
  if (rows.length === 0) return;
  const firstPosition = seen?.nextPosition ?? 0;
  const planned = rows.map((r, i) => variantFromRow(r.row, chunk.productId, firstPosition + i, stored.variants.get(r.row.id), ctx.defaultStock));
  const changedVariants = planned.filter((v) => !sameVariant(v, stored.variants.get(v.sku)));
  let product: ProductRecord | null;
  let imageList: ImageRecord[] | null = null;
  if (seen === undefined) {
    const feedRows = rows.map((r) => r.row);
    const fresh = productFromRows(feedRows, hashRows(feedRows), ctx.now);
    product = existing?.sourceHash === fresh.sourceHash ? null : existing === undefined ? withStock(fresh, planned) : fresh;
    // With the rows unchanged, images that a later part of the same product added may follow these.
    if (images !== null && !sameImages(images, product === null ? storedImages.slice(0, images.length) : storedImages)) imageList = images;
  } else {
    const whole = stored.products.get(chunk.productId);
    if (whole === undefined) throw new Error(`product ${chunk.productId} disappeared while the import was running`);
    const merged = mergeRows(whole.record, rows.map((r) => r.row));
    product = merged.colours.length === whole.record.colours.length ? null : merged;
    if (images !== null) {
      const added = images.filter((img) => !storedImages.some((s) => s.source === img.source));
      const next = (storedImages.at(-1)?.position ?? -1) + 1;
      const widened = [...storedImages, ...added.map((img, k) => ({ ...img, position: next + k }))].slice(0, MAX_IMAGES);
      if (widened.length !== storedImages.length) imageList = widened;
    }
  }

  if (product !== null) plan.products.push(product);
  if (imageList !== null) plan.images.set(chunk.productId, imageList);
  plan.variants.push(...changedVariants);
  const changed = product !== null || imageList !== null || changedVariants.length > 0;
  // A new product is inserted already settled; an existing one has other sizes the batch cannot see.
  if (changed && existing !== undefined) plan.settle.add(chunk.productId);
  for (const v of changedVariants) {
    const previous = stored.variants.get(v.sku)?.productId;
    if (previous !== undefined && previous !== chunk.productId) plan.settle.add(previous); // a size moved between products
  }
  const outcome: ProductOutcome =
    seen !== undefined ? (changed && seen.outcome === 'unchanged' ? 'updated' : seen.outcome) : existing === undefined ? 'created' : changed ? 'updated' : 'unchanged';
  plan.outcomes.set(chunk.productId, { outcome, nextPosition: firstPosition + rows.length });
}

/** A new product with the sizes it has in stock, sold out from the start when it has none. */
function withStock(product: ProductRecord, variants: readonly VariantRecord[]): ProductRecord {
  const sizesInStock = variants.filter((v) => v.stock > 0).map((v) => v.size);
  return { ...product, sizesInStock, status: product.status === 'live' && sizesInStock.length === 0 ? 'sold_out' : product.status };
}

/** The counts as they will be once this batch commits. */
function countsAfter(state: ImportState, outcomes: ReadonlyMap<string, { outcome: ProductOutcome }>): ImportCounts {
  const counts = { ...state.counts };
  for (const [productId, { outcome }] of outcomes) {
    const before = state.products.get(productId);
    if (before !== undefined) counts[before.outcome]--;
    counts[outcome]++;
  }
  return counts;
}
