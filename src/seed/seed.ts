/**
 * `coterie seed`: builds the demo world in an empty database, deterministically for a seed: the
 * catalogue (through the feed importer), the people and their follow graph, then the period's
 * activity day by day — interactions, orders, member photos (composed while the previous day is
 * written), follows and the planted trends — and finally the EIP clients from revenue. The ground
 * truth goes to `seed-truth.json` (and each photo's to `seed-photos.jsonl`) in the data folder.
 */
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../platform/db/index.js';
import { startProgress, type Progress } from '../platform/progress.js';
import type { BlobStorage } from '../platform/storage/index.js';
import { flagEipClients, OrderNumbers, writeDay } from './activity.load.js';
import { importCatalogue, planCatalogue, writeCatalogueFeed } from './catalogue.js';
import { generateFollows } from './follows.js';
import { linkBrandAccounts, loadPeople } from './people.load.js';
import { DEMO_LOGINS, DEMO_PASSWORD, generatePeople } from './people.js';
import { renderPhotos, storePhotos, type RenderedPhoto } from './photos.load.js';
import { planFor, type WorldPlan } from './plan.js';
import { loadSets, planSets } from './sets.js';
import { dayActivity, planTimeline } from './timeline.js';

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
  events: number;
  photos: number;
  orders: number;
  /** Share of revenue from the EIP clients (the top 2% of customers). */
  eipShare: number;
  sets: number;
  /** Seconds per step, in order. */
  phases: Record<string, number>;
  seconds: number;
}

export class SeedRefused extends Error {}

/** The file in the data folder that says a seed started and has not finished. */
export const SEEDING_MARKER = 'seeding-in-progress';

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Events written between checkpoints of the embedded database. */
const CHECKPOINT_EVERY_EVENTS = 50_000;

/**
 * The embedded database has no background checkpointer, so its write-ahead log grows until a
 * checkpoint: at netset scale it would reach gigabytes. A PostgreSQL server checkpoints by itself.
 */
async function checkpoint(database: Database): Promise<void> {
  if (database.kind === 'pglite') await database.query('checkpoint');
}

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
  const phases: Record<string, number> = {};
  let phaseStart = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = (now - phaseStart) / 1000;
    phaseStart = now;
  };
  const plan: WorldPlan = { ...planFor(options.scale), ...options.planOverrides };
  const [existing] = await deps.database.query<{ n: number }>('select (select count(*) from accounts) + (select count(*) from products) as n');
  if (Number(existing?.n ?? 0) > 0) {
    throw new SeedRefused('this data folder already holds a world; seed a fresh one (--data DIR or COTERIE_DATA)');
  }
  // A marker while the world is half-built: a start after an interrupted seed says so instead of serving it silently.
  const marker = path.join(options.dataDir, SEEDING_MARKER);
  // On a PostgreSQL server nothing else has made the data folder yet; the truth files live there too.
  await mkdir(options.dataDir, { recursive: true });
  await writeFile(marker, `${new Date().toISOString()} seed ${options.seed} ${plan.scale}\n`);
  const worldNow = new Date(new Date(plan.start).getTime() + plan.days * 86_400_000);
  const catalogue = planCatalogue({ seed: options.seed, brands: plan.brands, products: plan.products, now: worldNow });

  // The people load (the database, on this thread) while the products are drawn (sharp, on the pool).
  const people = generatePeople(plan, options.seed, catalogue.brands);
  const graph = generateFollows(plan, options.seed, people);
  const steps = stepProgress(options.progress !== false);
  const work = await mkdtemp(path.join(os.tmpdir(), 'coterie-seed-'));
  let loaded: Awaited<ReturnType<typeof loadPeople>>;
  try {
    const drawing = options.progress === false ? null : startProgress('drawing products (and loading people)', catalogue.products.length);
    const [feed, peopleLoaded] = await Promise.all([
      writeCatalogueFeed(work, catalogue.products, () => drawing?.advance()),
      loadPeople(deps.database, plan, options.seed, people, graph),
    ]);
    loaded = peopleLoaded;
    drawing?.stop();
    phase('drawing products, loading people');
    await checkpoint(deps.database);
    const report = await importCatalogue(deps, feed, worldNow);
    if (report.status !== 'completed' || report.rejected > 0) {
      throw new Error(`the demo catalogue did not import cleanly: ${report.rejected} rows rejected (${report.errors[0]?.reason ?? report.failure ?? 'unknown'})`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  // Brand accounts were loaded while their brands were being drawn; link them now that both exist.
  await linkBrandAccounts(deps.database, people);
  await checkpoint(deps.database);
  phase('importing the catalogue');

  const timeline = planTimeline(plan, options.seed, people, graph, catalogue);
  const { world, planted, photosByDay } = timeline;
  phase('planning the period');
  const numbers = new OrderNumbers(options.seed);
  const revenue = new Map<number, number>();
  let events = 0;
  let orders = 0;
  let sinceCheckpoint = 0;
  const truthFile = await open(path.join(options.dataDir, 'seed-photos.jsonl'), 'w');
  try {
    const render = (day: number): Promise<RenderedPhoto[]> => {
      const work = day < plan.days ? renderPhotos(world, photosByDay[day]!) : Promise.resolve([]);
      work.catch(() => undefined); // awaited below; this only keeps a failure from being reported twice
      return work;
    };
    let pending = render(0);
    for (let d = 0; d < plan.days; d++) {
      const rendered = await pending;
      pending = render(d + 1);
      const day = dayActivity(timeline, d);
      for (const order of day.orders) revenue.set(order.account, (revenue.get(order.account) ?? 0) + order.totalMinor);
      await deps.database.transaction((tx) => writeDay(tx, world, day, numbers));
      await storePhotos(deps, world, rendered, truthFile);
      sinceCheckpoint += day.events.length;
      if (sinceCheckpoint >= CHECKPOINT_EVERY_EVENTS) {
        await checkpoint(deps.database);
        sinceCheckpoint = 0;
      }
      events += day.events.length;
      orders += day.orders.length;
      steps.report('interactions and photos', d + 1, plan.days);
    }
  } finally {
    await truthFile.close();
  }
  phase('interactions, orders and photos');
  const eip = await deps.database.transaction((tx) => flagEipClients(tx, world, revenue));
  const sets = planSets(world, plan.sets);
  await loadSets(deps, world, sets);
  phase('EIP clients and sets');
  steps.stop();

  const truth = {
    seed: options.seed,
    scale: plan.scale,
    period: { start: new Date(world.start).toISOString(), end: new Date(world.end).toISOString() },
    world_now: worldNow.toISOString(),
    demo_logins: DEMO_LOGINS.map((d) => ({ handle: d.handle, kind: d.kind, password: DEMO_PASSWORD })),
    counts: { accounts: loaded.accounts, follows: loaded.follows, events, orders, photos: timeline.photoCount, sets: sets.length },
    eip: { rule: 'top 2% of customers by revenue over the period', clients: eip.handles.length, customers: eip.customers, revenue_share: round(eip.share) },
    trans_seasonal: {
      configured_share: plan.transSeasonalShare,
      rule: 'warm-weather wear (swimwear, shorts) in the home winter, cold-weather wear (knitwear, coats and jackets, boots) in the home summer; seasons by hemisphere of the home city; spring and autumn count as in season',
    },
    travel: { configured_share: plan.travelShare },
    trends: planted.trends,
    decoys: planted.decoys,
    photos_truth: 'seed-photos.jsonl',
    near_twins: catalogue.products.filter((p) => p.twinOf !== null).map((p) => ({ product: p.id, twin_of: p.twinOf })),
    early_access: catalogue.products.filter((p) => p.releaseAt !== null).map((p) => ({ product: p.id, release_at: p.releaseAt!.toISOString() })),
  };
  await writeFile(path.join(options.dataDir, 'seed-truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
  await rm(marker, { force: true });
  return {
    seed: options.seed,
    scale: plan.scale,
    brands: catalogue.brands.length,
    products: catalogue.products.length,
    accounts: loaded.accounts,
    follows: loaded.follows,
    events,
    photos: timeline.photoCount,
    orders,
    eipShare: eip.share,
    sets: sets.length,
    phases,
    seconds: (performance.now() - started) / 1000,
  };
}
