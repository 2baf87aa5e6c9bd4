/**
 * Imports a Merchant Center feed into the catalogue: streamed record by record, validated, gathered
 * into batches that keep a product's adjacent rows together, and written batch by batch. A bad row
 * is reported (line, attribute, reason) and skipped; a product the feed did not change is not
 * written at all. The result is the import report, also kept in catalog_imports.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Database } from '../../../platform/db/index.js';
import type { BlobStorage } from '../../../platform/storage/index.js';
import { readFeed } from '../feed/feed-reader.js';
import { validateFeedRow } from '../feed/feed-row.js';
import { ImageLoader, type ImageFolder, type ImageLimits } from './images.js';
import { ImportState, importBatch, type BatchContext } from './import-batch.js';
import { MAX_REPORTED_ERRORS, createImportRecord, finishImportRecord, type ImportReport } from './import-report.js';
import { productIdOf, type ImportRow } from './product-plan.js';

export interface CatalogImportDeps {
  database: Database;
  storage: BlobStorage;
}

export interface CatalogImportOptions {
  /** The feed file (.csv, .tsv or .jsonl). */
  file: string;
  /** The name the report shows (default: the file's name). */
  source?: string;
  /** A report row created beforehand (the API answers with it before the import starts). */
  importId?: string;
  startedBy?: string | null;
  /** False skips images entirely (products get none): the benchmark mode. Default true. */
  images?: boolean;
  /** Where local image paths are read from (default: the feed's folder); null refuses them. */
  imageFolder?: ImageFolder;
  imageLimits?: Partial<ImageLimits>;
  /** Stock of a new variant the feed gives no `quantity` for (default 10). */
  defaultStock?: number;
  /** Rows per transaction (default 500); a product's adjacent rows are never split. */
  batchSize?: number;
  /** The clock, for tests: decides whether a preorder date is in the future. */
  now?: () => Date;
  /** Called with the bytes read so far, for a progress bar. */
  onBytes?: (bytesRead: number) => void;
  /** Stops the import between two batches (what is committed stays); the report says it failed. */
  signal?: AbortSignal;
}

export const DEFAULT_STOCK = 10;
const DEFAULT_BATCH = 500;
// A product with thousands of rows still gets written in bounded pieces (merged, not clobbered).
const MAX_BATCH_FACTOR = 10;

/** Imports one feed file; never throws for what the feed contains, and reports a failure instead of throwing. */
export async function importCatalogFeed(deps: CatalogImportDeps, options: CatalogImportOptions): Promise<ImportReport> {
  const importId = options.importId ?? randomUUID();
  if (options.importId === undefined) {
    await createImportRecord(deps.database.db, {
      id: importId,
      source: options.source ?? path.basename(options.file),
      startedBy: options.startedBy ?? null,
    });
  }
  const state = new ImportState(MAX_REPORTED_ERRORS);
  const now = options.now ?? (() => new Date());
  const ctx: BatchContext = {
    database: deps.database,
    images:
      options.images === false
        ? null
        : new ImageLoader(deps.storage, options.imageFolder === undefined ? path.dirname(path.resolve(options.file)) : options.imageFolder, options.imageLimits),
    defaultStock: options.defaultStock ?? DEFAULT_STOCK,
    now: now(),
    importId,
    state,
  };
  let failure: string | null = null;
  try {
    await readAndWrite(ctx, options, now);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  return finishImportRecord(deps.database.db, importId, {
    status: failure === null ? 'completed' : 'failed',
    counts: state.counts,
    // Rows are rejected as they are read, images later with their batch: show them in feed order.
    errors: [...state.errors].sort((x, y) => x.line - y.line),
    failure,
  });
}

async function readAndWrite(ctx: BatchContext, options: CatalogImportOptions, now: () => Date): Promise<void> {
  const { state } = ctx;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  let batch: ImportRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    stopIfAborted(options.signal);
    ctx.now = now();
    const rows = batch;
    batch = [];
    await importBatch(ctx, rows);
  };
  const feed = readFeed(options.file, options.onBytes === undefined ? {} : { onBytes: options.onBytes });
  for await (const item of feed) {
    stopIfAborted(options.signal);
    state.counts.rows++;
    if ('error' in item) {
      state.reject([{ line: item.line, field: '(record)', reason: item.error }]);
      continue;
    }
    const result = validateFeedRow(item.record, item.line);
    if (!result.ok) {
      state.reject(result.errors);
      continue;
    }
    const { row } = result;
    if (row.category === null) {
      state.reject([{ line: item.line, field: 'google_product_category', reason: 'names no Coterie category, and neither do product_type and title: give a Google category such as "Apparel & Accessories > Clothing > Dresses"' }]);
      continue;
    }
    const firstLine = state.skus.get(row.id);
    if (firstLine !== undefined) {
      state.reject([{ line: item.line, field: 'id', reason: `repeats the id of line ${firstLine}: every row needs its own id` }]);
      continue;
    }
    state.skus.set(row.id, item.line);
    const productId = productIdOf(row);
    const last = batch.at(-1);
    if ((batch.length >= batchSize && last?.productId !== productId) || batch.length >= batchSize * MAX_BATCH_FACTOR) await flush();
    batch.push({ line: item.line, row, productId });
  }
  await flush();
}

function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new Error(typeof signal.reason === 'string' ? signal.reason : 'the import was stopped before it finished');
  }
}
