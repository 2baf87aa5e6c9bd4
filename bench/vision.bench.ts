// The `vision` benchmark: visual search evaluated on two datasets with ground truth (A: the generated
// demo world's catalogue and member photos; B: real garment photos, member-style transformed, 40 kept
// out as negatives). Each design answers every query; the table shows them side by side with the naive
// baseline measured in the same run. Size it with BENCH_VISION_PRODUCTS (generated catalogue, default
// 300), BENCH_VISION_QUERIES (positive photos per dataset, default 60), BENCH_VISION_NEGATIVES (default
// 20, at most 40 on B), BENCH_VISION_TOPK (candidates verified, default 10), BENCH_VISION_SEED (default
// 42), BENCH_VISION_FIT=file (collect the confidence model's data), BENCH_VISION_DATASETS
// ("generated,real"), BENCH_VISION_DESIGNS (words naming the designs to run), BENCH_VISION_CNN=0 (leave
// out the vision module's CNN ranking).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { generatedDataset, realDataset, REAL_PHOTOS, type Dataset } from './vision/datasets.js';
import { indexCatalogue, naiveDesign, naiveOrbDesign, wordsDesign, type Design } from './vision/designs.js';
import type { FitRow } from './vision/cnn.js';
import { markdownTable, percentile, summarise, type QueryOutcome } from './vision/metrics.js';

export const name = 'vision';
export const description = 'visual search: recall@1/@10, MRR, false recognitions, category precision, per-stage latency; designs vs a naive colour baseline';

const env = (key: string, fallback: number): number => {
  const value = Number(process.env[key]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** Whether the vision module's pieces exist to run its ranking in-process (BENCH_VISION_CNN=0 skips it). */
function visionModuleAvailable(): boolean {
  return process.env.BENCH_VISION_CNN !== '0' && existsSync(path.resolve(process.cwd(), 'src/modules/vision/descriptors.ts'));
}

interface Separation {
  right: number[];
  wrong: number[];
}

/** With BENCH_VISION_FIT=file: only the module's pipeline runs, exhaustively, and its verifications' evidence goes to the file. */
const fitFile = process.env.BENCH_VISION_FIT;
const fitRows: FitRow[] | null = fitFile ? [] : null;

async function evaluate(dataset: Dataset, k: number): Promise<void> {
  console.log(`## ${dataset.name}\n`);
  const started = performance.now();
  const index = await indexCatalogue(dataset.catalogue, true);
  console.log(
    `catalogue: ${dataset.catalogue.length} products indexed in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `naive ${index.naiveMs.toFixed(1)} ms each, ORB features ${index.featuresMs.toFixed(0)} ms each, ${(index.featureBytes / 1024).toFixed(1)} KiB each stored`,
  );
  const categoryOf = new Map(dataset.catalogue.map((c) => [c.productId, c.category]));
  const designs: Design[] = fitRows === null ? [naiveDesign(index), naiveOrbDesign(index, k)] : [];
  if (fitRows === null) {
    const words = await wordsDesign(index, [0, 3, k]);
    console.log(`visual words: vocabulary of ${words[0]!.leaves} words trained and the catalogue indexed in ${(words[0]!.trainMs / 1000).toFixed(1)} s`);
    designs.push(...words);
  }
  if (visionModuleAvailable()) {
    // Imported only here: loading the CNN costs seconds and the naive designs do not need it.
    const { indexCnn, cnnDesign, pipelineDesign } = await import('./vision/cnn.js');
    const cnn = await indexCnn(dataset.catalogue);
    console.log(`vision module descriptors: ${cnn.msEach.toFixed(0)} ms per catalogue image`);
    if (fitRows === null) designs.push(cnnDesign(cnn, null), cnnDesign(cnn, { index, k }), await pipelineDesign(cnn, index, categoryOf, 'brute'), await pipelineDesign(cnn, index, categoryOf, 'nodes'));
    else designs.push(await pipelineDesign(cnn, index, categoryOf, 'nodes', { rows: fitRows, dataset: dataset.name }));
  }
  // BENCH_VISION_DESIGNS=pipeline,words: only designs whose name contains one of these words (the naive baseline always runs).
  const only = process.env.BENCH_VISION_DESIGNS?.split(',').map((w) => w.trim().toLowerCase()).filter((w) => w !== '');
  if (only) for (let i = designs.length - 1; i > 0; i--) if (!only.some((w) => designs[i]!.name.toLowerCase().includes(w))) designs.splice(i, 1);
  const results: { name: string; figures: ReturnType<typeof summarise> }[] = [];
  const separations: { name: string; separation: Separation }[] = [];
  for (const design of designs) {
    const outcomes: QueryOutcome[] = [];
    const separation: Separation = { right: [], wrong: [] };
    const falselyRecognised: string[] = [];
    for (const query of dataset.queries) {
      const before = fitRows?.length ?? 0;
      const answer = await design.answer(query.photo);
      if (fitRows !== null) for (let i = before; i < fitRows.length; i++) Object.assign(fitRows[i]!, { right: fitRows[i]!.productId === query.expected });
      outcomes.push({ expected: query.expected, category: query.category, ranked: answer.ranked, recognised: answer.recognised, stages: answer.stages });
      for (const v of answer.verified ?? []) (v.productId === query.expected ? separation.right : separation.wrong).push(v.inliers);
      if (query.expected === null && answer.recognised !== null) falselyRecognised.push(`${answer.recognised}${query.note === undefined ? '' : ` (the photo shows a ${query.note})`}`);
    }
    results.push({ name: design.name, figures: summarise(outcomes, (id) => categoryOf.get(id)) });
    if (separation.right.length + separation.wrong.length > 0) separations.push({ name: design.name, separation });
    if (falselyRecognised.length > 0) console.log(`${design.name}: negatives recognised as ${falselyRecognised.join('; ')}`);
  }
  console.log('');
  console.log(markdownTable(results));
  const describe = (v: number[]): string =>
    v.length === 0 ? '—' : `n ${v.length}, p50 ${percentile(v, 0.5)}, p95 ${percentile(v, 0.95)}, max ${Math.max(...v)}, share ≥ 15: ${((v.filter((x) => x >= 15).length / v.length) * 100).toFixed(1)}%`;
  for (const { name: design, separation } of separations) {
    console.log(`\n${design}: ORB inliers of the right product when among the verified candidates: ${describe(separation.right)}`);
    console.log(`${design}: ORB inliers of wrong candidates: ${describe(separation.wrong)}`);
  }
  console.log('');
}

export async function run(): Promise<void> {
  const products = env('BENCH_VISION_PRODUCTS', 300);
  const positives = env('BENCH_VISION_QUERIES', 60);
  const negatives = env('BENCH_VISION_NEGATIVES', 20);
  const k = env('BENCH_VISION_TOPK', 10);
  // Another seed draws other photos (and, for A, another catalogue): the check that a calibration holds out of sample.
  const seed = env('BENCH_VISION_SEED', 42);
  const wanted = new Set((process.env.BENCH_VISION_DATASETS ?? 'generated,real').split(',').map((d) => d.trim()));
  console.log(
    visionModuleAvailable()
      ? 'The vision module\'s ranking runs in-process without a database: its descriptors and recognition rule, searched exactly (no ANN index, no HTTP).\n'
      : 'The vision module is not evaluated (missing, or BENCH_VISION_CNN=0): ORB re-ranking over the naive top-k stands in for the full pipeline.\n',
  );
  if (wanted.has('generated')) {
    const t = performance.now();
    const dataset = await generatedDataset({ products, positives, negatives, seed });
    console.log(`generated ${dataset.catalogue.length} product images and ${dataset.queries.length} member photos in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    await evaluate(dataset, k);
  }
  if (wanted.has('real')) {
    const dataset = await realDataset({ positives, negatives, seed });
    if (dataset === null) console.log(`## B: real clothing photos\n\nskipped: ${REAL_PHOTOS} is missing (see its README for the dataset).\n`);
    else await evaluate(dataset, k);
  }
  if (fitFile && fitRows) {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(fitFile, fitRows.map((r) => JSON.stringify(r)).join('\n'));
    console.log(`${fitRows.length} verifications written to ${fitFile}`);
  }
}
