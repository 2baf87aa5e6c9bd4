/**
 * This node's visual-words index of the catalogue: the vocabulary it quantises with (shared by every
 * node through the database), each product's words and the version of the row they came from,
 * persisted as `products.words` in the data folder. Like the vector index it can always be rebuilt
 * from `product_embeddings`, so an unreadable file only costs a rebuild.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvertedIndex, type WordScore } from './inverted-index.js';
import { nodesAt, quantise, type Vocabulary } from './vocabulary.js';

/** The vocabulary level whose nodes bound keypoint matching (10² = 100 nodes with the default tree). */
export const MATCH_LEVEL = 2;

const FILE = 'products.words';
const MAGIC = 0x57524431; // "WRD1"

export class ProductWordsIndex {
  private readonly inverted: InvertedIndex;
  /** The version (the row's updated_at) each product's words were computed from. */
  readonly versions = new Map<string, string>();

  constructor(
    private readonly folder: string,
    readonly space: string,
    /** The database row of the vocabulary. */
    readonly vocabularyId: number,
    readonly vocabulary: Vocabulary,
  ) {
    this.inverted = new InvertedIndex(vocabulary.leaves);
  }

  get size(): number {
    return this.inverted.size;
  }

  /** The visual word of each descriptor (32 bytes each). */
  wordsOf(descriptors: Uint8Array): Int32Array {
    return quantise(this.vocabulary, descriptors);
  }

  /** Each descriptor's node at the matching level. */
  nodesOf(descriptors: Uint8Array): Int32Array {
    return nodesAt(this.vocabulary, descriptors, MATCH_LEVEL);
  }

  upsert(productId: string, descriptors: Uint8Array, version: string): void {
    this.inverted.set(productId, this.wordsOf(descriptors));
    this.versions.set(productId, version);
  }

  /** Records a product whose image gave no local features (nothing to search; remembered so it is not re-read). */
  markWithoutFeatures(productId: string, version: string): void {
    this.inverted.delete(productId);
    this.versions.set(productId, version);
  }

  remove(productId: string): void {
    this.inverted.delete(productId);
    this.versions.delete(productId);
  }

  search(words: Int32Array, limit: number): WordScore[] {
    return this.inverted.search(words, limit);
  }

  /** Reads the saved index; false (and empty) when there is none, or it is of another space or vocabulary. */
  async load(): Promise<boolean> {
    const file = path.join(this.folder, FILE);
    if (!existsSync(file)) return false;
    try {
      const buffer = await readFile(file);
      let at = 0;
      const u32 = (): number => {
        const v = buffer.readUInt32LE(at);
        at += 4;
        return v;
      };
      const text = (): string => {
        const length = u32();
        const s = buffer.toString('utf8', at, at + length);
        at += length;
        return s;
      };
      if (u32() !== MAGIC || text() !== this.space || u32() !== this.vocabularyId) return false;
      const count = u32();
      const entries: { id: string; version: string; words: Int32Array; counts: Uint8Array }[] = [];
      for (let i = 0; i < count; i++) {
        const id = text();
        const version = text();
        const n = u32();
        const words = new Int32Array(n);
        for (let k = 0; k < n; k++) words[k] = u32();
        const counts = Uint8Array.from(buffer.subarray(at, at + n));
        at += n;
        entries.push({ id, version, words, counts });
      }
      if (at !== buffer.length) return false;
      for (const e of entries) {
        this.inverted.restore(e.id, e.words, e.counts);
        this.versions.set(e.id, e.version);
      }
      return true;
    } catch {
      return false;
    }
  }

  /** Writes the file atomically (write aside, then rename). */
  async save(): Promise<void> {
    const parts: Buffer[] = [];
    const u32 = (v: number): void => {
      const b = Buffer.alloc(4);
      b.writeUInt32LE(v);
      parts.push(b);
    };
    const text = (s: string): void => {
      const b = Buffer.from(s, 'utf8');
      u32(b.length);
      parts.push(b);
    };
    u32(MAGIC);
    text(this.space);
    u32(this.vocabularyId);
    u32(this.inverted.size);
    for (const e of this.inverted.entries()) {
      text(e.productId);
      text(this.versions.get(e.productId) ?? '');
      u32(e.words.length);
      const words = Buffer.alloc(e.words.length * 4);
      for (let k = 0; k < e.words.length; k++) words.writeUInt32LE(e.words[k]!, k * 4);
      parts.push(words, Buffer.from(e.counts));
    }
    await mkdir(this.folder, { recursive: true });
    const file = path.join(this.folder, FILE);
    await writeFile(`${file}.tmp`, Buffer.concat(parts));
    await rename(`${file}.tmp`, file);
  }
}
