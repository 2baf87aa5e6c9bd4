// The `reindex` benchmark: what `coterie reindex` runs (VisionIndexer.reindex: read each product's
// primary image from blob storage, decode, CNN embedding + colour histogram, ORB local features, write
// product_embeddings, then build and save the usearch index) on an embedded PGlite database in a temporary data folder,
// with a catalogue of BENCH_REINDEX_PRODUCTS (default 10,000) products drawn by the seed's renderer and
// imported through the feed importer with local images (the seed's own catalogue path).
//
// Figures: wall time, products/s (whole run and steady state), peak RSS, the 10-minute target for
// 10,000 products (extrapolated linearly when N is smaller), a per-stage split measured on a sample of
// BENCH_REINDEX_SAMPLE images (default 200) by calling the same functions one by one (blob read, decode,
// colour, crop + CNN, ORB features, DB write), and the index build alone (the index files deleted, then
// VisionIndexer.open() rebuilds it from product_embeddings). Baseline in the same run: reading and
// decoding the same images only (decodeImage, one at a time like the indexer) — the floor any design pays.
// Then shop the photo at that catalogue size: BENCH_REINDEX_SEARCHES (default 40) member photos composed
// by the demo world's compositor go through the vision service one at a time (p50/p95 and stages, against
// decoding the photo only).
// BENCH_REINDEX_KEEP=1 keeps the temporary folder.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { createContainer } from '../src/container.js';
import { PALETTE } from '../src/modules/catalog/feed/colours.js';
import { analyseColour } from '../src/modules/vision/colour.js';
import { cropToSquare, decodeImage } from '../src/modules/vision/decode.js';
import { EMBEDDING_VARIANT, grow, vectorSpace } from '../src/modules/vision/descriptors.js';
import { extractProductFeatures, serialiseFeatures } from '../src/modules/vision/verify/features.js';
import { listImageWork, saveDescriptors, type DescriptorToStore, type EmbeddingWork } from '../src/modules/vision/vision.repository.js';
import { loadNsfwModel } from '../src/platform/ml/index.js';
import { readBlob } from '../src/platform/storage/index.js';
import { importCatalogue, planCatalogue, writeCatalogueFeed } from '../src/seed/catalogue.js';
import type { ShopTimings } from '../src/modules/vision/pipeline.js';
import type { RequestContext } from '../src/platform/http/context.js';
import { composeMemberPhoto } from '../src/seed/photos/index.js';
import { Random } from '../src/seed/random.js';

export const name = 'reindex';
export const description = 'coterie reindex (VisionIndexer.reindex) of 10k generated products on PGlite: products/s, stage split, peak RSS; vs decoding the same images only';

const TARGET_PRODUCTS = 10_000;
const TARGET_SECONDS = 600;

function setting(envName: string, fallback: number): number {
  const raw = process.env[envName];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${envName} must be a positive whole number`);
  return value;
}

const mib = (bytes: number) => bytes / 1024 ** 2;
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Samples this process's RSS every 200 ms until stopped; answers the peak seen. */
function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 200);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

async function diskBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

function ticker(label: string, total: number): { setTotal(n: number): void; advance(by?: number): void; marks: number[]; started: number } {
  const started = performance.now();
  const marks: number[] = [];
  let done = 0;
  let expected = total;
  let nextReport = 0.1;
  return {
    marks,
    started,
    setTotal(n) {
      expected = n;
    },
    advance(by = 1) {
      done += by;
      marks.push(performance.now() - started, done);
      if (expected > 0 && done / expected >= nextReport) {
        const s = (performance.now() - started) / 1000;
        process.stdout.write(`  ${label}: ${done.toLocaleString('en-US')}/${expected.toLocaleString('en-US')} in ${fmt(s)} s (${fmt(done / s)}/s), load ${os.loadavg()[0]!.toFixed(2)}\n`);
        while (done / expected >= nextReport) nextReport += 0.1;
      }
    },
  };
}

/** Products per second between the first third and the last mark (model warm-up and ramp excluded). */
function steadyRate(marks: number[]): number {
  const points: [number, number][] = [];
  for (let i = 0; i < marks.length; i += 2) points.push([marks[i]!, marks[i + 1]!]);
  if (points.length < 4) return NaN;
  const [t0, n0] = points[Math.floor(points.length / 3)]!;
  const [t1, n1] = points[points.length - 1]!;
  return ((n1 - n0) / (t1 - t0)) * 1000;
}

interface StageSplit {
  read: number;
  decode: number;
  colourBox: number;
  crop: number;
  cnn: number;
  colourRegion: number;
  orb: number;
  dbWrite: number;
  total: number;
}

/** Runs describeCatalogueImage's steps one by one on `work` (same order, same calls) and writes the rows. */
async function stageSplit(deps: { storage: Parameters<typeof readBlob>[0]; db: Parameters<typeof saveDescriptors>[0] }, work: readonly EmbeddingWork[]): Promise<StageSplit> {
  const model = await loadNsfwModel(EMBEDDING_VARIANT);
  const space = vectorSpace(model);
  const palette = PALETTE.map((c) => ({ slug: c.slug, hex: c.hex }));
  const sum: StageSplit = { read: 0, decode: 0, colourBox: 0, crop: 0, cnn: 0, colourRegion: 0, orb: 0, dbWrite: 0, total: 0 };
  const started = performance.now();
  for (const item of work) {
    let t = performance.now();
    const bytes = await readBlob(deps.storage, item.imageKey);
    if (!bytes) throw new Error(`blob ${item.imageKey} missing`);
    sum.read += performance.now() - t;
    t = performance.now();
    const image = await decodeImage(bytes);
    sum.decode += performance.now() - t;
    t = performance.now();
    const whole = analyseColour(image, palette);
    const region = whole.box ? grow(whole.box, 0.04, image) : { x: 0, y: 0, w: image.width, h: image.height };
    sum.colourBox += performance.now() - t;
    t = performance.now();
    const input = await cropToSquare(image, region, model.inputSize);
    sum.crop += performance.now() - t;
    t = performance.now();
    const [analysis] = await model.analyse([input]);
    sum.cnn += performance.now() - t;
    t = performance.now();
    const colour = analyseColour(image, palette, region);
    sum.colourRegion += performance.now() - t;
    // describeCatalogueImage's second half: ORB local features of the image (decoded again at their own size), serialised.
    t = performance.now();
    const features = await extractProductFeatures(bytes);
    const localFeatures = features.descriptors.length === 0 ? undefined : serialiseFeatures(features);
    sum.orb += performance.now() - t;
    const row: DescriptorToStore = {
      productId: item.productId,
      imageKey: item.imageKey,
      vector: analysis!.embedding,
      colourHist: colour.hist,
      colourNames: colour.colours,
      ...(localFeatures === undefined ? {} : { localFeatures }),
    };
    t = performance.now();
    await saveDescriptors(deps.db, space, [row]);
    sum.dbWrite += performance.now() - t;
  }
  sum.total = performance.now() - started;
  const n = Math.max(1, work.length);
  return Object.fromEntries(Object.entries(sum).map(([k, v]) => [k, v / n])) as unknown as StageSplit;
}

interface SearchLatency {
  photos: number;
  decode: number[];
  total: number[];
  stages: Record<string, number[]>;
  right: number;
  wrong: number;
}

function percentileOf(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

/** Member photos (the demo world's compositor) of `count` catalogue products, searched one at a time. */
async function searchLatency(container: Awaited<ReturnType<typeof createContainer>>, products: ReturnType<typeof planCatalogue>['products'], count: number): Promise<SearchLatency> {
  const random = new Random(7, 'reindex-bench-search');
  const out: SearchLatency = { photos: 0, decode: [], total: [], stages: {}, right: 0, wrong: 0 };
  const ctx = { actor: null, requestId: 'bench', log: container.log } as unknown as RequestContext;
  for (let i = 0; i < count; i++) {
    const product = random.pick(products);
    const photo = await composeMemberPhoto([{ productId: product.id, look: product.look }], random);
    let t = performance.now();
    await decodeImage(photo.jpeg);
    out.decode.push(performance.now() - t);
    const timings = {} as ShopTimings;
    t = performance.now();
    const answer = await container.vision.visualSearch(ctx, photo.jpeg, 20, timings);
    out.total.push(performance.now() - t);
    for (const [stage, ms] of Object.entries(timings)) (out.stages[stage] ??= []).push(ms);
    if (answer.recognised?.product_id === product.id) out.right++;
    else if (answer.recognised) out.wrong++;
    out.photos++;
  }
  return out;
}

export async function run(): Promise<void> {
  const products = setting('BENCH_REINDEX_PRODUCTS', TARGET_PRODUCTS);
  const sample = Math.min(products, setting('BENCH_REINDEX_SAMPLE', 200));
  const root = await mkdtemp(path.join(os.tmpdir(), 'coterie-bench-reindex-'));
  const dataDir = path.join(root, 'data');
  const feedDir = path.join(root, 'feed');
  const config = loadConfig({ COTERIE_DATA: dataDir, LOG_LEVEL: 'silent', LOG_FORMAT: 'json' });
  const now = new Date('2026-01-01T00:00:00Z');
  console.log(`temporary folder: ${root}\n`);
  try {
    // 1. The catalogue, by the seed's path: plan, draw every image, write a feed with local images, import it.
    console.log(`## Catalogue: ${products.toLocaleString('en-US')} products (seed 42), drawn by the seed's renderer, imported from a feed with local images\n`);
    let t = performance.now();
    const plan = planCatalogue({ seed: 42, brands: Math.max(6, Math.round(products / 25)), products, now });
    const drawing = ticker('images drawn', products);
    const file = await writeCatalogueFeed(feedDir, plan.products, () => drawing.advance());
    const drawSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const setup = await createContainer(config);
    let imported: Awaited<ReturnType<typeof importCatalogue>>;
    try {
      imported = await importCatalogue({ database: setup.database, storage: setup.storage }, file, now);
    } finally {
      await setup.close();
    }
    const importSeconds = (performance.now() - t) / 1000;
    console.log(
      `drew ${products.toLocaleString('en-US')} images in ${fmt(drawSeconds)} s (${fmt(products / drawSeconds)}/s); imported in ${fmt(importSeconds)} s ` +
        `(${JSON.stringify(Object.fromEntries(Object.entries(imported).filter(([, v]) => typeof v === 'number')))})\n`,
    );
    await rm(feedDir, { recursive: true, force: true });

    // 2. The measured run: exactly what `coterie reindex` does (src/cli/reindex.ts), container included.
    console.log('## coterie reindex (createContainer + VisionIndexer.reindex + close)\n');
    const rss = rssSampler();
    const loadBefore = os.loadavg();
    const cpuBefore = process.cpuUsage();
    t = performance.now();
    const container = await createContainer(config);
    const progress = ticker('products described', 0);
    let described: number;
    let indexed: number;
    try {
      described = await container.vision.indexer.reindex(progress, Math.max(1, os.availableParallelism()));
      indexed = container.vision.indexer.current()?.size ?? 0;
    } finally {
      await container.close();
    }
    const reindexSeconds = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const peakRss = rss.stop();
    const loadAfter = os.loadavg();
    const steady = steadyRate(progress.marks);
    const indexBytes = await diskBytes(path.join(dataDir, 'vision'));
    console.log(
      `\nreindexed ${described.toLocaleString('en-US')} product image(s) in ${fmt(reindexSeconds)} s; the index holds ${indexed.toLocaleString('en-US')}; ` +
        `CPU ${fmt((cpu.user + cpu.system) / 1e6)} s (${fmt(((cpu.user + cpu.system) / 1e6 / reindexSeconds) * 100, 0)}% of one core); ` +
        `index files ${fmt(mib(indexBytes))} MiB; load ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} after\n`,
    );

    // 3. The index build alone: files deleted, open() reads product_embeddings and builds + saves the index.
    await rm(path.join(dataDir, 'vision'), { recursive: true, force: true });
    const reopened = await createContainer(config);
    let buildSeconds: number;
    let split: StageSplit;
    let decodeOnly: { seconds: number; count: number };
    let searched: SearchLatency;
    try {
      await reopened.vision.indexer.nsfwModel();
      t = performance.now();
      const index = await reopened.vision.indexer.open();
      buildSeconds = (performance.now() - t) / 1000;
      console.log(`index rebuilt from product_embeddings alone (read vectors, HNSW inserts, save): ${index.size.toLocaleString('en-US')} vectors in ${fmt(buildSeconds, 2)} s\n`);

      // 4. The per-stage split on a sample (the same functions describeProductImage calls, timed one by one).
      const work: EmbeddingWork[] = [];
      for (let after = ''; work.length < products; ) {
        const page = await listImageWork(reopened.database.db, after, 1000);
        if (page.length === 0) break;
        work.push(...page);
        after = page[page.length - 1]!.productId;
      }
      const step = Math.max(1, Math.floor(work.length / sample));
      split = await stageSplit({ storage: reopened.storage, db: reopened.database.db }, work.filter((_, i) => i % step === 0).slice(0, sample));

      // 5. Baseline: read and decode every image only, one at a time like the indexer.
      t = performance.now();
      let count = 0;
      for (const item of work) {
        const bytes = await readBlob(reopened.storage, item.imageKey);
        if (!bytes) continue;
        await decodeImage(bytes);
        count++;
      }
      decodeOnly = { seconds: (performance.now() - t) / 1000, count };

      // 6. Shop the photo at this catalogue size: member photos of catalogue products through the service.
      t = performance.now();
      const words = await reopened.vision.indexer.openWords();
      console.log(`visual-words index rebuilt from the database: ${words?.size.toLocaleString('en-US') ?? 0} products in ${fmt((performance.now() - t) / 1000, 1)} s\n`);
      searched = await searchLatency(reopened, plan.products, setting('BENCH_REINDEX_SEARCHES', 40));
    } finally {
      await reopened.close();
    }

    const rate = described / reindexSeconds;
    const projected = (reindexSeconds * TARGET_PRODUCTS) / Math.max(1, described);
    console.log(`### Reindex of ${products.toLocaleString('en-US')} products (PGlite, one process)\n`);
    console.log('| run | wall | products/s | ms per product | peak RSS | ratio to baseline |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    console.log(`| baseline: read + decode the same images only | ${fmt(decodeOnly.seconds)} s | ${fmt(decodeOnly.count / decodeOnly.seconds)} | ${fmt((decodeOnly.seconds * 1000) / decodeOnly.count)} | – | 1.00× |`);
    console.log(
      `| coterie reindex (describe, write, build + save index) | ${fmt(reindexSeconds)} s | ${fmt(rate)} (steady ${fmt(steady)}) | ${fmt((reindexSeconds * 1000) / Math.max(1, described))} | ${fmt(mib(peakRss), 0)} MiB | ${fmt(reindexSeconds / decodeOnly.seconds, 2)}× the time |`,
    );
    console.log(`\n### Where a product's time goes (sample of ${sample}, ms per product)\n`);
    console.log('| blob read | decode | colour (box) | crop 224² | CNN | colour (region) | ORB features | DB write | sum | index build (from DB, per product) |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    console.log(
      `| ${[split.read, split.decode, split.colourBox, split.crop, split.cnn, split.colourRegion, split.orb, split.dbWrite, split.total].map((v) => fmt(v, 2)).join(' | ')} | ${fmt((buildSeconds * 1000) / Math.max(1, described), 2)} |`,
    );
    console.log(
      `\nTarget: reindex of ${TARGET_PRODUCTS.toLocaleString('en-US')} products ≤ 10 minutes. ` +
        (described >= TARGET_PRODUCTS
          ? `Measured ${fmt(reindexSeconds / 60, 1)} min: ${reindexSeconds <= TARGET_SECONDS ? 'met' : 'NOT met'}.`
          : `Measured on ${described.toLocaleString('en-US')}; linear extrapolation ${fmt(projected / 60, 1)} min for ${TARGET_PRODUCTS.toLocaleString('en-US')}: ${projected <= TARGET_SECONDS ? 'would be met' : 'would NOT be met'}.`),
    );
    console.log(`\n### Shop the photo at ${products.toLocaleString('en-US')} products (${searched.photos} member photos, one at a time)\n`);
    console.log('| run | p50 ms | p95 ms | ratio to baseline (p50) |');
    console.log('| --- | --- | --- | --- |');
    console.log(`| baseline: decode the photo only | ${fmt(percentileOf(searched.decode, 0.5), 1)} | ${fmt(percentileOf(searched.decode, 0.95), 1)} | 1.00× |`);
    console.log(`| POST /visual-search's work (service, no HTTP) | ${fmt(percentileOf(searched.total, 0.5), 1)} | ${fmt(percentileOf(searched.total, 0.95), 1)} | ${fmt(percentileOf(searched.total, 0.5) / percentileOf(searched.decode, 0.5), 1)}× |`);
    console.log(`\nStages p50 (ms): ${Object.entries(searched.stages).map(([k, v]) => `${k} ${fmt(percentileOf(v, 0.5), 1)}`).join(', ')}. Recognised right ${searched.right} of ${searched.photos}, wrong ${searched.wrong}.`);
    console.log(`Target: end-to-end p50 ≤ 300 ms at 10,000 products: ${percentileOf(searched.total, 0.5) <= 300 ? 'met' : 'NOT met'} at ${products.toLocaleString('en-US')} products.`);
    console.log(`Peak RSS of the whole process (image drawing included): ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MiB; load now ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}.`);
  } finally {
    if (process.env.BENCH_REINDEX_KEEP === '1') console.log(`kept ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
}
