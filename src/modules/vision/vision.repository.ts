/** SQL of the vision module: product descriptors and the work still to do. No business rules. */
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/index.js';
import { toTextArray } from '../catalog/index.js';

export interface EmbeddingWork {
  productId: string;
  imageKey: string;
}

export interface StoredDescriptor {
  productId: string;
  vector: Float32Array;
  colourHist: number[];
  colourNames: string[];
  /** The row's version (updated_at, as text so it compares exactly). */
  version: string;
}

export interface DescriptorToStore {
  productId: string;
  imageKey: string;
  vector: Float32Array;
  colourHist: ArrayLike<number>;
  colourNames: string[];
  /** Serialised ORB features (verify/features.ts), absent when the image had none. */
  localFeatures?: Buffer;
}

/** Float32 vectors as bytes and back (little-endian, the byte order of every platform Node runs on here). */
export function vectorToBytes(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength));
}

export function bytesToVector(bytes: Uint8Array): Float32Array {
  // Copied: the driver's buffer may not be 4-byte aligned.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}

/**
 * Products whose primary image has no descriptor in this vector space yet, or a descriptor of an
 * older image: `limit` of them, oldest first.
 */
export async function findEmbeddingWork(ex: Executor, space: string, limit: number): Promise<EmbeddingWork[]> {
  return rowsOf<EmbeddingWork>(
    await ex.execute(sql`
      select p.id as "productId", i.blob_key as "imageKey"
        from products p
        join product_images i on i.product_id = p.id and i.position = 0
        left join product_embeddings e on e.product_id = p.id
       where e.product_id is null or e.image_key <> i.blob_key or e.model <> ${space}
       order by p.created_at, p.id
       limit ${limit}`),
  );
}

/** How many products still need a descriptor (for progress). */
export async function countEmbeddingWork(ex: Executor, space: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await ex.execute(sql`
      select count(*)::int as n
        from products p
        join product_images i on i.product_id = p.id and i.position = 0
        left join product_embeddings e on e.product_id = p.id
       where e.product_id is null or e.image_key <> i.blob_key or e.model <> ${space}`),
  );
  return row?.n ?? 0;
}

/** Writes descriptors (insert or replace), one statement per product, in the caller's transaction. */
export async function saveDescriptors(ex: Executor, space: string, rows: readonly DescriptorToStore[]): Promise<void> {
  for (const row of rows) {
    await ex.execute(sql`
      insert into product_embeddings (product_id, model, image_key, vector, colour_hist, colour_names, local_features, updated_at)
      values (${row.productId}, ${space}, ${row.imageKey}, ${vectorToBytes(row.vector)}::bytea,
              ${`{${Array.from(row.colourHist, (v) => v.toFixed(6)).join(',')}}`}::real[], ${toTextArray(row.colourNames)},
              ${row.localFeatures ?? null}::bytea, clock_timestamp())
      on conflict (product_id) do update set model = excluded.model, image_key = excluded.image_key, vector = excluded.vector,
        colour_hist = excluded.colour_hist, colour_names = excluded.colour_names, local_features = excluded.local_features,
        updated_at = excluded.updated_at`);
  }
}

/** Forgets every descriptor so the next pass recomputes all of them (`coterie reindex`). */
export async function clearDescriptors(ex: Executor): Promise<void> {
  await ex.execute(sql`delete from product_embeddings`);
}

/** The version of every descriptor in this vector space (cheap: no vectors). */
export async function listDescriptorVersions(ex: Executor, space: string): Promise<Map<string, string>> {
  const rows = rowsOf<{ product_id: string; version: string }>(
    await ex.execute(sql`select product_id, updated_at::text as version from product_embeddings where model = ${space}`),
  );
  return new Map(rows.map((r) => [r.product_id, r.version]));
}

interface DescriptorRow {
  product_id: string;
  vector: Uint8Array;
  colour_hist: number[];
  colour_names: string[];
  version: string;
}

/** The descriptors of these products in this vector space. */
export async function loadDescriptors(ex: Executor, space: string, productIds: readonly string[]): Promise<StoredDescriptor[]> {
  if (productIds.length === 0) return [];
  const rows = rowsOf<DescriptorRow>(
    await ex.execute(sql`
      select product_id, vector, colour_hist, colour_names, updated_at::text as version
        from product_embeddings
       where model = ${space} and product_id = any(${toTextArray(productIds)})`),
  );
  return rows.map((r) => ({
    productId: r.product_id,
    vector: bytesToVector(r.vector),
    colourHist: r.colour_hist.map(Number),
    colourNames: r.colour_names,
    version: r.version,
  }));
}

/** Every product with a primary image, in id order after `afterId` (a full rebuild walks these). */
export async function listImageWork(ex: Executor, afterId: string, limit: number): Promise<EmbeddingWork[]> {
  return rowsOf<EmbeddingWork>(
    await ex.execute(sql`
      select p.id as "productId", i.blob_key as "imageKey"
        from products p
        join product_images i on i.product_id = p.id and i.position = 0
       where p.id > ${afterId}
       order by p.id
       limit ${limit}`),
  );
}

/** How many products have a primary image. */
export async function countImageWork(ex: Executor): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await ex.execute(sql`select count(*)::int as n from product_images where position = 0`));
  return row?.n ?? 0;
}

export interface StoredLocalFeatures {
  productId: string;
  /** Serialised ORB features. */
  features: Buffer;
  version: string;
}

/** The serialised local features of these products in this vector space (products without any are left out). */
export async function loadLocalFeatures(ex: Executor, space: string, productIds: readonly string[]): Promise<StoredLocalFeatures[]> {
  if (productIds.length === 0) return [];
  const rows = rowsOf<{ product_id: string; local_features: Uint8Array; version: string }>(
    await ex.execute(sql`
      select product_id, local_features, updated_at::text as version
        from product_embeddings
       where model = ${space} and local_features is not null and product_id = any(${toTextArray(productIds)})`),
  );
  return rows.map((r) => ({ productId: r.product_id, features: Buffer.from(r.local_features), version: r.version }));
}

/** How many products of this space have local features (the vocabulary's training population). */
export async function countLocalFeatures(ex: Executor, space: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await ex.execute(sql`select count(*)::int as n from product_embeddings where model = ${space} and local_features is not null`));
  return row?.n ?? 0;
}

/**
 * Local features of up to `limit` products, in an order fixed by their ids' hash (a stable, evenly
 * spread sample: two nodes drawing it from the same catalogue train the same vocabulary).
 */
export async function sampleLocalFeatures(ex: Executor, space: string, limit: number): Promise<Buffer[]> {
  const rows = rowsOf<{ local_features: Uint8Array }>(
    await ex.execute(sql`
      select local_features from product_embeddings
       where model = ${space} and local_features is not null
       order by md5(product_id), product_id
       limit ${limit}`),
  );
  return rows.map((r) => Buffer.from(r.local_features));
}

export interface StoredVocabulary {
  id: number;
  trainedOn: number;
  vocabulary: Buffer;
}

/** The newest vocabulary of this space, if any. */
export async function latestVocabulary(ex: Executor, space: string): Promise<StoredVocabulary | null> {
  const [row] = rowsOf<{ id: string | number; trained_on: number; vocabulary: Uint8Array }>(
    await ex.execute(sql`select id, trained_on, vocabulary from vision_vocabularies where space = ${space} order by id desc limit 1`),
  );
  return row ? { id: Number(row.id), trainedOn: row.trained_on, vocabulary: Buffer.from(row.vocabulary) } : null;
}

/** Stores a newly trained vocabulary; answers its id. */
export async function saveVocabulary(ex: Executor, space: string, trainedOn: number, vocabulary: Buffer): Promise<number> {
  const [row] = rowsOf<{ id: string | number }>(
    await ex.execute(sql`insert into vision_vocabularies (space, trained_on, vocabulary) values (${space}, ${trainedOn}, ${vocabulary}::bytea) returning id`),
  );
  return Number(row!.id);
}

/** The version of each of these products' local features (cheap: no bytes), for caches. */
export async function loadLocalFeatureVersions(ex: Executor, space: string, productIds: readonly string[]): Promise<Map<string, string>> {
  if (productIds.length === 0) return new Map();
  const rows = rowsOf<{ product_id: string; version: string }>(
    await ex.execute(sql`
      select product_id, updated_at::text as version from product_embeddings
       where model = ${space} and local_features is not null and product_id = any(${toTextArray(productIds)})`),
  );
  return new Map(rows.map((r) => [r.product_id, r.version]));
}
