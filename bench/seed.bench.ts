// The `seed` benchmark. First the two image pipelines alone (BENCH_SEED_PARTS "images,photos"): product
// images and member photos per second, 4 in flight, each against an empty frame through the same
// encoder. Then `coterie seed --seed 42` at each scale (BENCH_SEED_SCALES, default "small,netset"),
// each in a fresh data folder and its own process: wall time per step, rows written per second,
// photos per second, disk used and peak memory. The world's baseline, measured in the same run: the
// same seed's world planned in memory only (catalogue, people, follow graph, every day's activity),
// without drawing a pixel or writing a row — the ratio is what drawing and writing cost.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { planCatalogue } from '../src/seed/catalogue.js';
import { generateFollows } from '../src/seed/follows.js';
import { generatePeople } from '../src/seed/people.js';
import { planFor } from '../src/seed/plan.js';
import { dayActivity, planTimeline } from '../src/seed/timeline.js';
import { DAY } from '../src/seed/world.js';
import { runImageBench } from './seed/images.js';
import { runPhotoBench } from './seed/photos.js';

export const name = 'seed';
export const description = 'coterie seed at small and netset scale: wall time by step, rows/s, photos/s, disk, peak memory; vs planning the world in memory';

const here = path.dirname(fileURLToPath(import.meta.url));
const execChild = promisify(execFile);

async function diskBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

function planInMemory(scale: string): { seconds: number; events: number } {
  const started = performance.now();
  const plan = planFor(scale);
  const catalogue = planCatalogue({ seed: 42, brands: plan.brands, products: plan.products, now: new Date(Date.parse(plan.start) + plan.days * DAY) });
  const people = generatePeople(plan, 42, catalogue.brands);
  const timeline = planTimeline(plan, 42, people, generateFollows(plan, 42, people), catalogue);
  let events = 0;
  for (let d = 0; d < plan.days; d++) events += dayActivity(timeline, d).events.length;
  return { seconds: (performance.now() - started) / 1000, events };
}

interface WorldRun {
  summary: { seconds: number; phases: Record<string, number>; photos: number; events: number; eipShare: number };
  rows: Record<string, number>;
  maxRssMiB: number;
}

async function pipelines(parts: Set<string>): Promise<void> {
  if (parts.has('images')) {
    const r = await runImageBench({ images: 400, concurrency: 4 });
    console.log(`product images (640×800): ${r.imagesPerSecond.toFixed(0)}/s, ${r.cpuMsPerImage.toFixed(1)} CPU ms each, ${r.meanKiB.toFixed(1)} KiB; empty frame ${r.baselineImagesPerSecond.toFixed(0)}/s (${(r.imagesPerSecond / r.baselineImagesPerSecond).toFixed(2)}×)`);
  }
  if (parts.has('photos')) {
    const r = await runPhotoBench({ photos: 400, concurrency: 4 });
    console.log(`member photos: ${r.photosPerSecond.toFixed(0)}/s, ${r.cpuMsPerPhoto.toFixed(1)} CPU ms each, ${r.meanKiB.toFixed(1)} KiB; empty frame ${r.baselinePhotosPerSecond.toFixed(0)}/s (${(r.photosPerSecond / r.baselinePhotosPerSecond).toFixed(2)}×)`);
  }
  console.log('');
}

export async function run(): Promise<void> {
  await pipelines(new Set((process.env.BENCH_SEED_PARTS ?? 'images,photos').split(',').map((p) => p.trim())));
  const scales = (process.env.BENCH_SEED_SCALES ?? 'small,netset').split(',').map((scale) => scale.trim()).filter(Boolean);
  const table: string[] = [
    '| scale | wall | rows | rows/s | events | photos | photos/s (of the activity step) | disk | peak RSS | plan in memory | ratio |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const scale of scales) {
    planFor(scale);
    console.log(`## ${scale}\n`);
    const baseline = planInMemory(scale);
    console.log(`planned in memory (no pixels, no rows): ${baseline.seconds.toFixed(1)} s, ${baseline.events.toLocaleString('en-US')} events`);
    const dir = await mkdtemp(path.join(os.tmpdir(), `coterie-bench-seed-${scale}-`));
    try {
      const started = performance.now();
      const { stdout } = await execChild(process.execPath, ['--import', 'tsx', path.join(here, 'seed', 'world.ts'), scale, dir, '42'], {
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, LOG_LEVEL: 'warn' },
      });
      const wall = (performance.now() - started) / 1000;
      const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as WorldRun;
      const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
      const disk = await diskBytes(dir);
      const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
      console.log(`  disk: database ${gib(await diskBytes(path.join(dir, 'db')))}, images ${gib(await diskBytes(path.join(dir, 'blobs')))}, in all ${gib(disk)}`);
      const activity = result.summary.phases['interactions, orders and photos'] ?? result.summary.seconds;
      for (const [step, seconds] of Object.entries(result.summary.phases)) console.log(`  ${step.padEnd(34)} ${seconds.toFixed(1)} s`);
      console.log(`  rows: ${JSON.stringify(result.rows)}`);
      console.log(`  process wall time (start-up and migrations included): ${wall.toFixed(1)} s; EIP share ${(result.summary.eipShare * 100).toFixed(1)}%\n`);
      table.push(
        `| ${scale} | ${result.summary.seconds.toFixed(1)} s | ${rows.toLocaleString('en-US')} | ${Math.round(rows / result.summary.seconds).toLocaleString('en-US')} | ` +
          `${result.summary.events.toLocaleString('en-US')} | ${result.summary.photos.toLocaleString('en-US')} | ${(result.summary.photos / activity).toFixed(0)} | ` +
          `${(disk / 1024 ** 3).toFixed(2)} GiB | ${Math.round(result.maxRssMiB)} MiB | ${baseline.seconds.toFixed(1)} s | ${(result.summary.seconds / baseline.seconds).toFixed(1)}× |`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  console.log(table.join('\n'));
}
