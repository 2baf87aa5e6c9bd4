// The `ann` benchmark's vectors. Real ones: the seed's catalogue drawn by its renderer and described by
// the vision module (describeProductImage + joinVector, the very vectors the index holds), cached under
// os.tmpdir() keyed by count and vector space. Synthetic ones grown from them so 100k vectors keep the
// real manifold's structure: each is normalise(a·u + (1−a)·v + ε), u and v two real catalogue vectors of
// the same category, a uniform in [0.6, 1], ε Gaussian noise whose norm is a quarter of the median
// distance between a real vector and its nearest real neighbour.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exactSearch, MetricKind } from 'usearch';
import { PALETTE } from '../../src/modules/catalog/feed/colours.js';
import { describeProductImage, EMBEDDING_VARIANT, joinedDimensions, joinVector, vectorSpace } from '../../src/modules/vision/descriptors.js';
import { loadNsfwModel } from '../../src/platform/ml/index.js';
import { planCatalogue } from '../../src/seed/catalogue.js';
import { renderProductImage } from '../../src/seed/images/index.js';
import { hash32, Random } from '../../src/seed/random.js';
import { mapLimit } from '../vision/datasets.js';

export interface VectorSet {
  dimensions: number;
  /** count × dimensions, every row unit length. */
  data: Float32Array;
  categories: string[];
  get count(): number;
}

function vectorSet(dimensions: number, data: Float32Array, categories: string[]): VectorSet {
  return { dimensions, data, categories, get count() { return data.length / dimensions; } };
}

export function row(set: VectorSet, i: number): Float32Array {
  return set.data.subarray(i * set.dimensions, (i + 1) * set.dimensions);
}

export interface RealVectors {
  space: string;
  /** The catalogue: the index is built from these (and the synthetic ones grown from them). */
  catalogue: VectorSet;
  /** Held-out products of the same plan, never indexed: the queries. */
  queries: VectorSet;
  /** Seconds spent drawing and describing (0 when read from the cache). */
  seconds: number;
  cacheFile: string;
  fromCache: boolean;
}

/**
 * `catalogue` + `queries` products planned from seed 42, drawn and described by the vision module.
 * The first `catalogue` are indexed, the rest are held out as queries.
 */
export async function realVectors(catalogue: number, queries: number, log: (line: string) => void): Promise<RealVectors> {
  const model = await loadNsfwModel(EMBEDDING_VARIANT);
  const space = vectorSpace(model);
  const dimensions = joinedDimensions(model);
  const total = catalogue + queries;
  const base = path.join(os.tmpdir(), `coterie-bench-ann-real-${total}-${hash32(space).toString(16)}`);
  const cacheFile = `${base}.f32`;
  const split = (data: Float32Array, categories: string[]) => ({
    catalogue: vectorSet(dimensions, data.slice(0, catalogue * dimensions), categories.slice(0, catalogue)),
    queries: vectorSet(dimensions, data.slice(catalogue * dimensions), categories.slice(catalogue)),
  });
  if (existsSync(cacheFile) && existsSync(`${base}.json`)) {
    const meta = JSON.parse(await readFile(`${base}.json`, 'utf8')) as { space: string; dimensions: number; categories: string[] };
    const bytes = await readFile(cacheFile);
    if (meta.space === space && meta.dimensions === dimensions && bytes.byteLength === total * dimensions * 4) {
      const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      return { space, ...split(data, meta.categories), seconds: 0, cacheFile, fromCache: true };
    }
  }
  const started = performance.now();
  const { products } = planCatalogue({ seed: 42, brands: Math.max(6, Math.round(total / 25)), products: total, now: new Date('2026-01-01T00:00:00Z') });
  const palette = PALETTE.map((c) => ({ slug: c.slug, hex: c.hex }));
  const data = new Float32Array(total * dimensions);
  let done = 0;
  // Four in flight: rendering overlaps the CNN, and calls made together share a forward pass.
  await mapLimit(products, 4, async (product, i) => {
    const image = await renderProductImage(product.look);
    const d = await describeProductImage(image.jpeg, palette, model);
    data.set(joinVector(d.embedding, d.colour.hist), i * dimensions);
    if (++done % 500 === 0) log(`  described ${done}/${total} real product images (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  });
  const categories = products.map((p) => (p.subcategory === null ? p.category : `${p.category}/${p.subcategory}`));
  await writeFile(cacheFile, Buffer.from(data.buffer));
  await writeFile(`${base}.json`, JSON.stringify({ space, dimensions, categories }));
  return { space, ...split(data, categories), seconds: (performance.now() - started) / 1000, cacheFile, fromCache: false };
}

function gaussian(random: Random): number {
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** The median distance (unit vectors, Euclidean) from a real vector to its nearest other real vector. */
export function medianNearestDistance(real: VectorSet, sample = 300): number {
  const n = Math.min(sample, real.count);
  const picked = new Float32Array(n * real.dimensions);
  for (let i = 0; i < n; i++) picked.set(row(real, Math.floor((i * real.count) / n)), i * real.dimensions);
  // Both arrays start at offset 0 of their buffers (exactSearch ignores a view's byteOffset).
  const found = exactSearch(real.data.byteOffset === 0 ? real.data : real.data.slice(), picked, real.dimensions, 2, MetricKind.Cos, 1) as unknown as { distances: Float32Array };
  const distances: number[] = [];
  // The first of each pair is the vector itself (distance 0); the second its nearest neighbour.
  for (let i = 0; i < n; i++) distances.push(Math.sqrt(2 * Math.max(0, found.distances[i * 2 + 1]!)));
  distances.sort((a, b) => a - b);
  return distances[Math.floor(distances.length / 2)]!;
}

/**
 * The real catalogue followed by `total − real.count` synthetic vectors grown from it (see the header).
 * Deterministic for a seed.
 */
export function growVectors(real: VectorSet, total: number, noiseNorm: number, seed = 42): VectorSet {
  const d = real.dimensions;
  const data = new Float32Array(Math.max(total, real.count) * d);
  data.set(real.data);
  const categories = [...real.categories];
  const byCategory = new Map<string, number[]>();
  real.categories.forEach((c, i) => {
    const peers = byCategory.get(c) ?? [];
    peers.push(i);
    byCategory.set(c, peers);
  });
  const random = new Random(seed, 'ann-bench-grow');
  const sigma = noiseNorm / Math.sqrt(d);
  for (let n = real.count; n < total; n++) {
    const ui = random.int(0, real.count - 1);
    const peers = byCategory.get(real.categories[ui]!)!;
    let vi = peers[random.int(0, peers.length - 1)]!;
    if (vi === ui && peers.length > 1) vi = peers[(peers.indexOf(ui) + 1) % peers.length]!;
    const a = 0.6 + 0.4 * random.next();
    const u = row(real, ui);
    const v = row(real, vi);
    const out = data.subarray(n * d, (n + 1) * d);
    let norm = 0;
    for (let i = 0; i < d; i++) {
      const x = a * u[i]! + (1 - a) * v[i]! + sigma * gaussian(random);
      out[i] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < d; i++) out[i]! /= norm;
    categories.push(real.categories[ui]!);
  }
  return vectorSet(d, data, categories);
}
