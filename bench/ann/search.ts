// Exact and approximate top-k over a VectorSet, timed one query at a time (as a request would run it).
import { exactSearch, MetricKind, type Index } from 'usearch';
import { row, type VectorSet } from './vectors.js';

export interface QueryRun {
  /** Milliseconds per query. */
  times: number[];
  /** The k keys (row numbers) found for each query, best first. */
  found: number[][];
}

/** The baseline: cosine by Float32Array dot products over every vector (rows are unit length), top k kept by insertion. */
export function bruteForce(set: VectorSet, queries: VectorSet, k: number, limit = queries.count): QueryRun {
  const { data, dimensions: d } = set;
  const n = set.count;
  const times: number[] = [];
  const found: number[][] = [];
  for (let qi = 0; qi < Math.min(limit, queries.count); qi++) {
    const q = row(queries, qi);
    const started = performance.now();
    const bestScore = new Float64Array(k).fill(-Infinity);
    const bestKey = new Int32Array(k).fill(-1);
    for (let i = 0; i < n; i++) {
      let s = 0;
      const o = i * d;
      for (let j = 0; j < d; j++) s += q[j]! * data[o + j]!;
      if (s <= bestScore[k - 1]!) continue;
      let p = k - 1;
      while (p > 0 && bestScore[p - 1]! < s) {
        bestScore[p] = bestScore[p - 1]!;
        bestKey[p] = bestKey[p - 1]!;
        p--;
      }
      bestScore[p] = s;
      bestKey[p] = i;
    }
    times.push(performance.now() - started);
    found.push(Array.from(bestKey));
  }
  return { times, found };
}

/**
 * usearch's exact mode (exactSearch: SIMD brute force, one thread), one query per call. The query is
 * copied: usearch 2.25.3's exactSearch ignores a typed array's byteOffset (a subarray view is read from
 * the start of its buffer), unlike Index.add and Index.search.
 */
export function usearchExact(set: VectorSet, queries: VectorSet, k: number): QueryRun {
  const times: number[] = [];
  const found: number[][] = [];
  for (let qi = 0; qi < queries.count; qi++) {
    const q = row(queries, qi).slice();
    const started = performance.now();
    const m = exactSearch(set.data, q, set.dimensions, k, MetricKind.Cos, 1) as unknown as { keys: BigUint64Array };
    times.push(performance.now() - started);
    found.push(Array.from(m.keys, Number));
  }
  return { times, found };
}

/** Any index answering one query at a time: `search` returns row numbers. */
export function timedSearch(queries: VectorSet, search: (q: Float32Array) => number[]): QueryRun {
  const times: number[] = [];
  const found: number[][] = [];
  for (let qi = 0; qi < queries.count; qi++) {
    const q = row(queries, qi);
    const started = performance.now();
    const keys = search(q);
    times.push(performance.now() - started);
    found.push(keys);
  }
  return { times, found };
}

/** A raw usearch index searched with one thread; keys are row numbers. */
export function searchIndex(index: Index, k: number): (q: Float32Array) => number[] {
  return (q) => Array.from(index.search(q, k, 1).keys, Number);
}

/** Mean share of the exact top k found, over the queries both runs answered. */
export function recallAt(found: number[][], truth: number[][], k: number): number {
  let hits = 0;
  const n = Math.min(found.length, truth.length);
  for (let i = 0; i < n; i++) {
    const want = new Set(truth[i]!.slice(0, k));
    for (const key of found[i]!.slice(0, k)) if (want.has(key)) hits++;
  }
  return hits / (n * k);
}

/**
 * Recall that counts ties: a returned vector is a hit when it is at least as close as the exact k-th
 * (within 1e-5 of cosine). The generated catalogue holds byte-identical product images (identical
 * vectors), so the exact top k is one of several equally right answers and key-based recall undercounts.
 */
export function recallWithTies(found: number[][], truth: number[][], set: VectorSet, queries: VectorSet, k: number): number {
  let hits = 0;
  const n = Math.min(found.length, truth.length);
  for (let i = 0; i < n; i++) {
    const q = row(queries, i);
    const threshold = dotRow(q, set, truth[i]![k - 1]!) - 1e-5;
    const keys = [...new Set(found[i]!.slice(0, k))];
    hits += keys.filter((key) => dotRow(q, set, key) >= threshold).length;
  }
  return hits / (n * k);
}

function dotRow(q: Float32Array, set: VectorSet, key: number): number {
  const v = row(set, key);
  let s = 0;
  for (let j = 0; j < q.length; j++) s += q[j]! * v[j]!;
  return s;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}
