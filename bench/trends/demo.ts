// Dataset A: the demo world. `coterie seed --seed N` into a temporary folder (its own process, the
// embedded database), then its truth (seed-truth.json), its event log (listEvents), the catalogue's
// product facts and the cities' hemispheres, read back from that database.
// BENCH_TRENDS_WORLD=DIR reuses a folder already seeded (it is left in place).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { listEvents } from '../../src/modules/events/index.js';
import type { ProductFacts, TrendEvent } from '../../src/modules/trends/detector/types.js';
import { openDatabase } from '../../src/platform/db/index.js';
import type { Dataset, Truth } from './model.js';

const execChild = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface SeedTruth extends Truth {
  seed: number;
  scale: string;
  period: { start: string; end: string };
}

export interface DemoWorld {
  dataset: Dataset;
  /** Seconds `coterie seed` took (0 when reused). */
  seedSeconds: number;
  cleanup(): Promise<void>;
}

async function seedInto(dir: string, seed: number): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL; // the embedded database in the temporary folder, whatever the shell says
  delete env.COTERIE_DATA;
  const started = performance.now();
  await execChild(process.execPath, ['--import', 'tsx', path.join(root, 'src', 'main.ts'), 'seed', '--seed', String(seed), '--data', dir], {
    cwd: root,
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
  return (performance.now() - started) / 1000;
}

export async function loadDemoWorld(seed: number, log: (line: string) => void): Promise<DemoWorld> {
  const reuse = process.env.BENCH_TRENDS_WORLD;
  let dir: string;
  let seedSeconds = 0;
  let cleanup = async () => {};
  if (reuse && existsSync(path.join(reuse, 'seed-truth.json'))) {
    dir = reuse;
    log(`reusing the seeded world in ${dir} (BENCH_TRENDS_WORLD)`);
  } else {
    dir = await mkdtemp(path.join(os.tmpdir(), 'coterie-bench-trends-'));
    cleanup = () => rm(dir, { recursive: true, force: true });
    try {
      seedSeconds = await seedInto(dir, seed);
    } catch (error) {
      await cleanup();
      throw error;
    }
    log(`seeded the small world (seed ${seed}) in ${seedSeconds.toFixed(1)} s`);
  }
  const truth = JSON.parse(await readFile(path.join(dir, 'seed-truth.json'), 'utf8')) as SeedTruth;
  const database = await openDatabase({ dataDir: dir, databaseUrl: undefined });
  const events: (TrendEvent & { seq: number })[] = [];
  const products = new Map<string, ProductFacts>();
  const hemispheres = new Map<string, 'north' | 'south'>();
  try {
    for (let after = 0; ; ) {
      const page = await listEvents(database.db, { after, limit: 10_000 });
      if (page.length === 0) break;
      for (const e of page) {
        const event: TrendEvent & { seq: number } = { id: e.id, type: e.type, time: Date.parse(e.time), actor: e.actor, seq: e.seq };
        if (e.product !== undefined) event.product = e.product;
        if (e.brand !== undefined) event.brand = e.brand;
        if (e.hashtags !== undefined) event.hashtags = e.hashtags;
        if (e.city !== undefined) event.city = e.city;
        if (e.country !== undefined) event.country = e.country;
        events.push(event);
      }
      after = page.at(-1)!.seq;
    }
    const rows = await database.query<{ id: string; title: string; brand: string; category: string; colours: string[] }>(
      'select p.id, p.title, b.name as brand, p.category, p.colours from products p join brands b on b.id = p.brand_id',
    );
    for (const r of rows) products.set(r.id, { title: r.title, brand: r.brand, category: r.category, colours: r.colours });
    const cities = await database.query<{ name: string; country: string; hemisphere: 'north' | 'south' }>('select name, country, hemisphere from cities');
    for (const c of cities) hemispheres.set(`${c.name}|${c.country}`, c.hemisphere);
  } finally {
    await database.close();
  }
  events.sort((a, b) => a.time - b.time || a.seq - b.seq);
  const plain: TrendEvent[] = events.map(({ seq: _seq, ...event }) => event);
  const southern = [...hemispheres.values()].filter((h) => h === 'south').length;
  return {
    dataset: {
      name: `A: demo world (seed ${truth.seed}, ${truth.scale})`,
      events: plain,
      products,
      hemisphere: (city, country) => hemispheres.get(`${city}|${country}`) ?? 'north',
      truth: { trends: truth.trends, decoys: truth.decoys },
      start: Date.parse(truth.period.start),
      end: Date.parse(truth.period.end),
      description:
        `coterie seed --seed ${truth.seed} (${truth.scale}): ${plain.length.toLocaleString('en-US')} events ${truth.period.start.slice(0, 10)} to ${truth.period.end.slice(0, 10)}, ` +
        `${products.size.toLocaleString('en-US')} products, ${hemispheres.size} cities (${southern} southern); ${truth.trends.length} planted trends, ${truth.decoys.length} decoys (seed-truth.json)`,
    },
    seedSeconds,
    cleanup,
  };
}
