/**
 * `coterie seed`: builds the demo world in an empty database, deterministically for a seed. Today it
 * builds the catalogue (through the feed importer) and the people with their follow graph; interactions,
 * member photos and planted trends are the next steps. The ground truth it knows so far is written to
 * `seed-truth.json` in the data folder.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../platform/db/index.js';
import { startProgress, type Progress } from '../platform/progress.js';
import type { BlobStorage } from '../platform/storage/index.js';
import { importCatalogue, planCatalogue, writeCatalogueFeed } from './catalogue.js';
import { generateFollows } from './follows.js';
import { loadPeople } from './people.load.js';
import { DEMO_LOGINS, DEMO_PASSWORD, generatePeople } from './people.js';
import { planFor, type WorldPlan } from './plan.js';

export interface SeedOptions {
  seed: number;
  scale: string;
  dataDir: string;
  /** Progress bars on a terminal (default: on when stderr is one). */
  progress?: boolean;
  /** Changes to the scale's plan (tests build a tiny world). */
  planOverrides?: Partial<WorldPlan>;
}

export interface SeedSummary {
  seed: number;
  scale: string;
  brands: number;
  products: number;
  accounts: number;
  follows: number;
  seconds: number;
}

export class SeedRefused extends Error {}

/** One progress bar per named step, for loaders that report `(step, done, total)`. */
function stepProgress(enabled: boolean) {
  let bar: Progress | null = null;
  let current = '';
  let last = 0;
  return {
    report: (step: string, done: number, total: number) => {
      if (!enabled) return;
      if (step !== current) {
        bar?.stop();
        bar = startProgress(step, total);
        [current, last] = [step, 0];
      }
      bar?.advance(done - last);
      last = done;
    },
    stop: () => bar?.stop(),
  };
}

/** Builds the world; refuses a database that already holds accounts or products. */
export async function seedWorld(deps: { database: Database; storage: BlobStorage }, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const plan: WorldPlan = { ...planFor(options.scale), ...options.planOverrides };
  const [existing] = await deps.database.query<{ n: number }>('select (select count(*) from accounts) + (select count(*) from products) as n');
  if (Number(existing?.n ?? 0) > 0) {
    throw new SeedRefused('this data folder already holds a world; seed a fresh one (--data DIR or COTERIE_DATA)');
  }
  const worldNow = new Date(new Date(plan.start).getTime() + plan.days * 86_400_000);
  const catalogue = planCatalogue({ seed: options.seed, brands: plan.brands, products: plan.products, now: worldNow });

  const work = await mkdtemp(path.join(os.tmpdir(), 'coterie-seed-'));
  try {
    const drawing = options.progress === false ? null : startProgress('drawing products', catalogue.products.length);
    const feed = await writeCatalogueFeed(work, catalogue.products, () => drawing?.advance());
    drawing?.stop();
    const report = await importCatalogue(deps, feed, worldNow);
    if (report.status !== 'completed' || report.rejected > 0) {
      throw new Error(`the demo catalogue did not import cleanly: ${report.rejected} rows rejected (${report.errors[0]?.reason ?? report.failure ?? 'unknown'})`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  const people = generatePeople(plan, options.seed, catalogue.brands);
  const graph = generateFollows(plan, options.seed, people);
  const steps = stepProgress(options.progress !== false);
  const loaded = await loadPeople(deps.database, plan, options.seed, people, graph, steps.report);
  steps.stop();

  const truth = {
    seed: options.seed,
    scale: plan.scale,
    world_now: worldNow.toISOString(),
    demo_logins: DEMO_LOGINS.map((d) => ({ handle: d.handle, kind: d.kind, password: DEMO_PASSWORD })),
    near_twins: catalogue.products.filter((p) => p.twinOf !== null).map((p) => ({ product: p.id, twin_of: p.twinOf })),
    early_access: catalogue.products.filter((p) => p.releaseAt !== null).map((p) => ({ product: p.id, release_at: p.releaseAt!.toISOString() })),
  };
  await writeFile(path.join(options.dataDir, 'seed-truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
  return {
    seed: options.seed,
    scale: plan.scale,
    brands: catalogue.brands.length,
    products: catalogue.products.length,
    accounts: loaded.accounts,
    follows: loaded.follows,
    seconds: (performance.now() - started) / 1000,
  };
}
