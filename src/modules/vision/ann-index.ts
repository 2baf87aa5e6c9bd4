/**
 * The approximate-nearest-neighbour index of product vectors (usearch HNSW, cosine), persisted in the
 * data folder as `products.usearch` plus `products.ids.json` (usearch keys are numbers; the map gives
 * the catalogue ids and the version of each vector). Everything in it can be rebuilt from
 * `product_embeddings`, so a missing or unreadable file only costs a rebuild.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Index, MetricKind, ScalarKind } from 'usearch';

export interface Neighbour {
  productId: string;
  /** Cosine similarity, -1..1. */
  score: number;
}

interface IdMap {
  space: string;
  dimensions: number;
  nextKey: number;
  /** [key, product id, version] */
  entries: [number, string, string][];
}

const INDEX_FILE = 'products.usearch';
const IDS_FILE = 'products.ids.json';

export class ProductVectorIndex {
  private index: Index;
  private readonly keyOf = new Map<string, number>();
  private readonly idOf = new Map<number, string>();
  /** The version (the row's updated_at) each product's vector was taken from. */
  readonly versions = new Map<string, string>();
  private nextKey = 1;

  constructor(
    private readonly folder: string,
    /** Names the vector space; files of another space are ignored. */
    readonly space: string,
    readonly dimensions: number,
  ) {
    this.index = this.empty();
  }

  private empty(): Index {
    return new Index(this.dimensions, MetricKind.Cos, ScalarKind.F32, 16);
  }

  get size(): number {
    return this.keyOf.size;
  }

  /** Reads the saved index; false (and empty) when there is none or it belongs to another space. */
  async load(): Promise<boolean> {
    const idsPath = path.join(this.folder, IDS_FILE);
    const indexPath = path.join(this.folder, INDEX_FILE);
    this.clear();
    if (!existsSync(idsPath) || !existsSync(indexPath)) return false;
    try {
      const ids = JSON.parse(await readFile(idsPath, 'utf8')) as IdMap;
      if (ids.space !== this.space || ids.dimensions !== this.dimensions) return false;
      const index = this.empty();
      index.load(indexPath);
      if (index.size() !== ids.entries.length) return false;
      this.index = index;
      for (const [key, id, version] of ids.entries) this.remember(key, id, version);
      this.nextKey = ids.nextKey;
      return true;
    } catch {
      this.clear();
      return false;
    }
  }

  /** Writes both files, each atomically (write aside, then rename). */
  async save(): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const indexPath = path.join(this.folder, INDEX_FILE);
    this.index.save(`${indexPath}.tmp`);
    const ids: IdMap = {
      space: this.space,
      dimensions: this.dimensions,
      nextKey: this.nextKey,
      entries: [...this.keyOf].map(([id, key]) => [key, id, this.versions.get(id) ?? '']),
    };
    await writeFile(path.join(this.folder, `${IDS_FILE}.tmp`), JSON.stringify(ids));
    await rename(`${indexPath}.tmp`, indexPath);
    await rename(path.join(this.folder, `${IDS_FILE}.tmp`), path.join(this.folder, IDS_FILE));
  }

  clear(): void {
    this.index = this.empty();
    this.keyOf.clear();
    this.idOf.clear();
    this.versions.clear();
    this.nextKey = 1;
  }

  private remember(key: number, id: string, version: string): void {
    this.keyOf.set(id, key);
    this.idOf.set(key, id);
    this.versions.set(id, version);
  }

  /** Adds or replaces a product's vector. */
  upsert(productId: string, vector: Float32Array, version: string): void {
    if (vector.length !== this.dimensions) throw new Error(`expected ${this.dimensions} dimensions, got ${vector.length}`);
    this.remove(productId);
    const key = this.nextKey++;
    this.index.add(BigInt(key), vector);
    this.remember(key, productId, version);
  }

  remove(productId: string): void {
    const key = this.keyOf.get(productId);
    if (key === undefined) return;
    this.index.remove(BigInt(key));
    this.keyOf.delete(productId);
    this.idOf.delete(key);
    this.versions.delete(productId);
  }

  has(productId: string): boolean {
    return this.keyOf.has(productId);
  }

  /** The `k` nearest products, best first. */
  search(vector: Float32Array, k: number): Neighbour[] {
    if (this.size === 0 || k <= 0) return [];
    const matches = this.index.search(vector, Math.min(k, this.size), 1);
    const found: Neighbour[] = [];
    matches.keys.forEach((key: bigint, i: number) => {
      const productId = this.idOf.get(Number(key));
      if (productId !== undefined) found.push({ productId, score: 1 - matches.distances[i]! });
    });
    return found;
  }
}
