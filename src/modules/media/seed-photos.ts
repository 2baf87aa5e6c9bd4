/**
 * The bulk writer the demo-world seed puts member photos through: tens of thousands a run, so rows
 * go in as a few multi-row statements (`unnest` of arrays) rather than one use case call each.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Db, type Executor, type Tx } from '../../platform/db/index.js';
import { mapWithConcurrency } from '../../platform/concurrency.js';
import type { BlobStorage } from '../../platform/storage/index.js';
import { indexNewTexts } from '../social/index.js';
import { jpegSize } from './jpeg-size.js';

export interface SeedPhoto {
  id: string;
  authorId: string;
  caption: string;
  cityId: string | null;
  postedAt: Date;
  jpeg: Buffer;
  products: { productId: string; region: { x: number; y: number; w: number; h: number } | null }[];
}

export interface SeedPhotoDeps {
  /** The database (the call runs its own transaction), or the caller's transaction (the call runs in a savepoint of it). */
  database: Database | Executor;
  storage: BlobStorage;
}

/** Rows per statement: well under PostgreSQL's parameter and statement limits, large enough to amortise a round trip. */
const ROWS_PER_STATEMENT = 1000;
/** Blob writes in flight at once. */
const STORAGE_CONCURRENCY = 4;

/**
 * Stores the images in blob storage and inserts the photos (published), their product tags (source
 * 'author') and their caption hashtags/mentions, in one transaction per call: all of the call's
 * photos are written, or none. Hashtag uses and mentions are dated at the photo's `postedAt`.
 *
 * Checked before anything is written (an Error naming the photo): each `jpeg` is a JPEG (its size is
 * read from its header), ids are unique within the call, a photo tags a product at most once, regions
 * lie within 0..1, and every tagged product exists in the catalogue. The database then rejects an
 * unknown author or city, an id already used, and the same member posting the same bytes twice
 * (`photos_author_content_key`); the whole call rolls back. Blobs are content-addressed, so a blob
 * stored by a call that then failed is harmless and is reused by a retry.
 */
export async function insertSeedPhotos(deps: SeedPhotoDeps, photos: readonly SeedPhoto[]): Promise<void> {
  if (photos.length === 0) return;
  const sizes = photos.map(checkPhoto);
  checkUniqueIds(photos);
  const { database } = deps;
  await checkProductsExist(isDatabase(database) ? database.db : database, photos);
  const keys = await storeAll(deps.storage, photos);
  const write = (tx: Tx) => writeRows(tx, photos, sizes, keys);
  // On a caller's transaction drizzle's nested transaction is a savepoint: this call still stands or falls alone.
  await (isDatabase(database) ? database.transaction(write) : (database as Db).transaction(write));
}

/** Coterie's Database wrapper (it answers pings), as opposed to a drizzle database or transaction. */
function isDatabase(value: Database | Executor): value is Database {
  return typeof (value as Partial<Database>).ping === 'function';
}

function checkPhoto(photo: SeedPhoto): { width: number; height: number } {
  const size = jpegSize(photo.jpeg);
  if (!size) throw new Error(`seed photo ${photo.id}: the image is not a JPEG`);
  if (Number.isNaN(photo.postedAt.getTime())) throw new Error(`seed photo ${photo.id}: postedAt is not a date`);
  const seen = new Set<string>();
  for (const tag of photo.products) {
    if (seen.has(tag.productId)) throw new Error(`seed photo ${photo.id}: product ${tag.productId} is tagged twice`);
    seen.add(tag.productId);
    const r = tag.region;
    if (r && ![r.x, r.y, r.w, r.h].every((v) => Number.isFinite(v) && v >= 0 && v <= 1)) {
      throw new Error(`seed photo ${photo.id}: the region of ${tag.productId} is not within 0..1`);
    }
  }
  return size;
}

function checkUniqueIds(photos: readonly SeedPhoto[]): void {
  const ids = new Set<string>();
  for (const photo of photos) {
    if (ids.has(photo.id)) throw new Error(`seed photo ${photo.id} appears twice`);
    ids.add(photo.id);
  }
}

async function checkProductsExist(ex: Executor, photos: readonly SeedPhoto[]): Promise<void> {
  const wanted = [...new Set(photos.flatMap((p) => p.products.map((t) => t.productId)))];
  if (wanted.length === 0) return;
  const found = new Set(
    rowsOf<{ id: string }>(await ex.execute(sql`select id from products where id = any(${arrayOf(wanted)}::text[])`)).map((r) => r.id),
  );
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length > 0) throw new Error(`seed photos tag unknown products: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''}`);
}

/** Stores every image, a few at a time; answers each photo's blob key. */
async function storeAll(storage: BlobStorage, photos: readonly SeedPhoto[]): Promise<string[]> {
  return mapWithConcurrency(photos, STORAGE_CONCURRENCY, async (photo) => (await storage.put(photo.jpeg, 'image/jpeg')).key);
}

async function writeRows(tx: Tx, photos: readonly SeedPhoto[], sizes: { width: number; height: number }[], keys: string[]): Promise<void> {
  for (let start = 0; start < photos.length; start += ROWS_PER_STATEMENT) {
    const chunk = photos.slice(start, start + ROWS_PER_STATEMENT);
    const at = (i: number) => start + i;
    // A blob key is the sha256 of the bytes plus an extension (content-addressed storage).
    const column = (f: (p: SeedPhoto, i: number) => string | null) => arrayOf(chunk.map(f));
    await tx.execute(sql`
      insert into photos (id, author_id, caption, image_key, width, height, content_sha256, city_id, status, posted_at)
      select id::uuid, author::uuid, caption, key, w::int, h::int, left(key, 64), city, 'published', at::timestamptz
        from unnest(${column((p) => p.id)}::text[], ${column((p) => p.authorId)}::text[], ${column((p) => p.caption)}::text[],
                    ${column((_, i) => keys[at(i)]!)}::text[], ${column((_, i) => String(sizes[at(i)]!.width))}::text[],
                    ${column((_, i) => String(sizes[at(i)]!.height))}::text[], ${column((p) => p.cityId)}::text[],
                    ${column((p) => p.postedAt.toISOString())}::text[]) as x(id, author, caption, key, w, h, city, at)`);
  }
  const tags = photos.flatMap((p) => p.products.map((t, position) => ({ photo: p, position, ...t })));
  for (let start = 0; start < tags.length; start += ROWS_PER_STATEMENT) {
    const chunk = tags.slice(start, start + ROWS_PER_STATEMENT);
    // Tags are listed in the order they were made: the author's order, a microsecond apart.
    const region = (k: 'x' | 'y' | 'w' | 'h') => arrayOf(chunk.map((t) => (t.region ? String(t.region[k]) : null)));
    await tx.execute(sql`
      insert into photo_products (photo_id, product_id, source, x, y, w, h, created_at)
      select photo::uuid, product, 'author', x::real, y::real, w::real, h::real, at::timestamptz + pos::int * interval '1 microsecond'
        from unnest(${arrayOf(chunk.map((t) => t.photo.id))}::text[], ${arrayOf(chunk.map((t) => t.productId))}::text[],
                    ${region('x')}::text[], ${region('y')}::text[], ${region('w')}::text[], ${region('h')}::text[],
                    ${arrayOf(chunk.map((t) => t.photo.postedAt.toISOString()))}::text[],
                    ${arrayOf(chunk.map((t) => String(t.position)))}::text[]) as t(photo, product, x, y, w, h, at, pos)`);
  }
  for (let start = 0; start < photos.length; start += ROWS_PER_STATEMENT) {
    const chunk = photos.slice(start, start + ROWS_PER_STATEMENT);
    await indexNewTexts(
      tx,
      'photo',
      chunk.map((p) => ({ sourceId: p.id, accountId: p.authorId, text: p.caption, at: p.postedAt })),
    );
  }
}

/** A PostgreSQL array literal of text (nulls as NULL), sent as one parameter. */
function arrayOf(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}
