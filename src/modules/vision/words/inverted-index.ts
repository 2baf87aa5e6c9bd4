/**
 * An inverted file of visual words: which catalogue images contain which words, scored TF-IDF
 * (Sivic & Zisserman's "Video Google"): a photo's words vote for the images sharing them, rare words
 * more than common ones, each image's votes divided by the length of its own word vector. A garment
 * cut out, turned or relit keeps many of its local features, so the right product collects votes even
 * when most of the photo is background.
 *
 * A catalogue image's term frequencies are square-rooted, and a photo's words count once each however
 * often they occur: a repeated texture — a checked floor, a tiled wall — must not outvote the garment's
 * distinctive parts (with the photo's counts square-rooted too, a photo of sunglasses on a checked
 * backdrop ranked them 53rd; counted once, 4th). Words carried by more than `maxDocumentShare` of the
 * catalogue are ignored (they say nothing).
 */

export interface WordScore {
  productId: string;
  score: number;
}

export interface InvertedIndexOptions {
  /** Words in more than this share of the images are stop words (when the catalogue has ≥ 50 images). */
  maxDocumentShare: number;
}

export const INVERTED_DEFAULTS: InvertedIndexOptions = { maxDocumentShare: 0.15 };

interface Document {
  productId: string;
  /** Distinct words, ascending. */
  words: Uint16Array | Int32Array;
  /** How often each appears (capped at 255). */
  counts: Uint8Array;
}

/** Distinct words of a list and how often each occurs. */
export function bagOfWords(words: Int32Array): { words: Int32Array; counts: Uint8Array } {
  const sorted = Int32Array.from(words).sort();
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) counts[counts.length - 1] = Math.min(255, counts[counts.length - 1]! + 1);
    else {
      distinct.push(sorted[i]!);
      counts.push(1);
    }
  }
  return { words: Int32Array.from(distinct), counts: Uint8Array.from(counts) };
}

export class InvertedIndex {
  private readonly documents = new Map<string, Document>();
  private compiled:
    | {
        ids: string[];
        /** Postings of word w: `docs[start[w] … start[w+1])` with their counts. */
        start: Int32Array;
        docs: Int32Array;
        counts: Uint8Array;
        idf: Float32Array;
        norms: Float32Array;
      }
    | undefined;

  constructor(
    /** How many distinct words the vocabulary has. */
    readonly vocabularySize: number,
    private readonly options: InvertedIndexOptions = INVERTED_DEFAULTS,
  ) {}

  get size(): number {
    return this.documents.size;
  }

  has(productId: string): boolean {
    return this.documents.has(productId);
  }

  /** Adds or replaces a product's words (every occurrence, in any order). */
  set(productId: string, words: Int32Array): void {
    const bag = bagOfWords(words);
    for (const w of bag.words) if (w < 0 || w >= this.vocabularySize) throw new Error(`word ${w} is outside the vocabulary`);
    this.documents.set(productId, { productId, words: this.vocabularySize <= 65_536 ? Uint16Array.from(bag.words) : bag.words, counts: bag.counts });
    this.compiled = undefined;
  }

  delete(productId: string): boolean {
    const removed = this.documents.delete(productId);
    if (removed) this.compiled = undefined;
    return removed;
  }

  /** Each product's distinct words and counts, for persisting. */
  *entries(): IterableIterator<{ productId: string; words: ArrayLike<number>; counts: Uint8Array }> {
    for (const d of this.documents.values()) yield d;
  }

  /** Restores a product saved by `entries` without re-counting. */
  restore(productId: string, words: ArrayLike<number>, counts: Uint8Array): void {
    this.documents.set(productId, { productId, words: this.vocabularySize <= 65_536 ? Uint16Array.from(words) : Int32Array.from(words), counts: Uint8Array.from(counts) });
    this.compiled = undefined;
  }

  /** Builds the postings, IDF and norms (done lazily before the first query after a change). */
  private compile(): NonNullable<InvertedIndex['compiled']> {
    if (this.compiled) return this.compiled;
    const ids = [...this.documents.keys()].sort();
    const docs = ids.map((id) => this.documents.get(id)!);
    const df = new Int32Array(this.vocabularySize);
    for (const d of docs) for (const w of d.words) df[w]!++;
    const start = new Int32Array(this.vocabularySize + 1);
    for (let w = 0; w < this.vocabularySize; w++) start[w + 1] = start[w]! + df[w]!;
    const postingDocs = new Int32Array(start[this.vocabularySize]!);
    const postingCounts = new Uint8Array(postingDocs.length);
    const fill = start.slice(0, this.vocabularySize);
    docs.forEach((d, i) => {
      for (let k = 0; k < d.words.length; k++) {
        const w = d.words[k]!;
        postingDocs[fill[w]!] = i;
        postingCounts[fill[w]!] = d.counts[k]!;
        fill[w]!++;
      }
    });
    const n = docs.length;
    const stopAbove = n >= 50 ? this.options.maxDocumentShare * n : Infinity;
    const idf = new Float32Array(this.vocabularySize);
    for (let w = 0; w < this.vocabularySize; w++) idf[w] = df[w]! === 0 || df[w]! > stopAbove ? 0 : Math.log(n / df[w]!);
    const norms = new Float32Array(n);
    docs.forEach((d, i) => {
      let sum = 0;
      for (let k = 0; k < d.words.length; k++) {
        const v = idf[d.words[k]!]! * Math.sqrt(d.counts[k]!);
        sum += v * v;
      }
      norms[i] = Math.sqrt(sum) || 1;
    });
    this.compiled = { ids, start, docs: postingDocs, counts: postingCounts, idf, norms };
    return this.compiled;
  }

  /**
   * The products sharing the photo's words, best first (at most `limit`). The score is the cosine of
   * the TF-IDF vectors (the photo's words once each, the image's square-rooted) with the query's own
   * length left out (it is the same for every product), so scores compare between products of one
   * query, not between queries.
   */
  search(words: Int32Array, limit: number): WordScore[] {
    if (this.documents.size === 0 || words.length === 0) return [];
    const c = this.compile();
    const bag = bagOfWords(words);
    const scores = new Float32Array(c.ids.length);
    for (let k = 0; k < bag.words.length; k++) {
      const w = bag.words[k]!;
      if (w < 0 || w >= this.vocabularySize) continue;
      const idf = c.idf[w]!;
      if (idf === 0) continue;
      const q = idf * idf;
      for (let p = c.start[w]!; p < c.start[w + 1]!; p++) scores[c.docs[p]!]! += q * Math.sqrt(c.counts[p]!);
    }
    const ranked: WordScore[] = [];
    for (let i = 0; i < scores.length; i++) if (scores[i]! > 0) ranked.push({ productId: c.ids[i]!, score: scores[i]! / c.norms[i]! });
    ranked.sort((a, b) => b.score - a.score || (a.productId < b.productId ? -1 : 1));
    return ranked.slice(0, limit);
  }
}
