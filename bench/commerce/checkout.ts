// Checkouts per second when many members buy the same few variants at once (every checkout queues on
// the same stock rows) against the same number of checkouts over distinct products, measured in the
// same run, on PGlite and, when DATABASE_URL is set, on a fresh PostgreSQL database.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { createContainer, type Container } from '../../src/container.js';
import { createMemoryBus } from '../../src/platform/bus/index.js';
import { migrate, type Database } from '../../src/platform/db/index.js';
import { openPglite } from '../../src/platform/db/pglite.js';
import { openPostgres, quoteIdent } from '../../src/platform/db/postgres.js';
import type { Actor } from '../../src/platform/http/context.js';
import { checkoutBag, fillBag } from '../../src/modules/commerce/index.js';
import { addProduct, insertMember } from '../../src/modules/commerce/testing.js';
import { formatMs, markdownTable, median } from '../http/stats.js';

export interface CheckoutBenchOptions {
  /** Checkouts per scenario and round (default 200). */
  checkouts?: number;
  /** Checkouts in flight at once (default 16). */
  concurrency?: number;
  /** How many variants the contended scenario's members all buy (default 2). */
  hotVariants?: number;
  /** Rounds; the scenarios swap order each round (default 2). */
  rounds?: number;
  /** PostgreSQL server to measure on as well (default DATABASE_URL); a fresh database is made and dropped. */
  databaseUrl?: string | undefined;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface ScenarioFigures {
  checkouts: number;
  /** Refused checkouts (should be 0: stock is sized to sell out exactly). */
  refused: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
}

export interface CheckoutBenchFigures {
  database: 'pglite' | 'postgres';
  concurrency: number;
  hotVariants: number;
  contended: ScenarioFigures;
  uncontended: ScenarioFigures;
  /** contended ÷ uncontended checkouts per second. */
  ratio: number;
}

type Job = { actor: Actor };

/** Runs the checkout benchmark and answers its figures, one row per database. */
export async function runCheckoutBench(options: CheckoutBenchOptions = {}): Promise<CheckoutBenchFigures[]> {
  const settings = {
    checkouts: options.checkouts ?? 200,
    concurrency: options.concurrency ?? 16,
    hotVariants: options.hotVariants ?? 2,
    rounds: options.rounds ?? 2,
    log: options.log ?? (() => {}),
  };
  const databaseUrl = 'databaseUrl' in options ? options.databaseUrl : process.env.DATABASE_URL;
  const figures: CheckoutBenchFigures[] = [];
  figures.push(await onDatabase('pglite', () => openMigratedPglite(), settings));
  if (databaseUrl) figures.push(await onDatabase('postgres', () => openScratchPostgres(databaseUrl, settings.concurrency), settings));
  return figures;
}

/** The figures as a Markdown table. */
export function checkoutTable(figures: CheckoutBenchFigures[]): string {
  const rows = figures.flatMap((f) => [
    row(f, `same ${f.hotVariants} variants (contended)`, f.contended, `${f.ratio.toFixed(2)}×`),
    row(f, 'distinct products (uncontended)', f.uncontended, '1.00× (baseline)'),
  ]);
  return markdownTable(['database', 'scenario', 'checkouts', 'checkouts/s', 'p50', 'p95', 'vs baseline'], rows);
}

function row(f: CheckoutBenchFigures, label: string, s: ScenarioFigures, ratio: string): string[] {
  return [f.database, label, `${s.checkouts}${s.refused ? ` (${s.refused} refused)` : ''}`, s.perSecond.toFixed(0), formatMs(s.p50Ms), formatMs(s.p95Ms), ratio];
}

interface Settings {
  checkouts: number;
  concurrency: number;
  hotVariants: number;
  rounds: number;
  log: (line: string) => void;
}

async function onDatabase(kind: 'pglite' | 'postgres', open: () => Promise<Database & { drop?: () => Promise<void> }>, settings: Settings): Promise<CheckoutBenchFigures> {
  const database = await open();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'coterie-bench-checkout-'));
  const log = pino({ level: 'silent' });
  const container = await createContainer(loadConfig({ COTERIE_DATA: dataDir, LOG_LEVEL: 'silent' }), { log, database, bus: createMemoryBus({ logger: log }) });
  try {
    const totals = { contended: [] as Sample[], uncontended: [] as Sample[] };
    await scenario(container, 'warmup', 0, Math.min(40, settings.checkouts), settings, 'uncontended'); // JIT, plans, pool
    for (let round = 1; round <= settings.rounds; round++) {
      const order: ('contended' | 'uncontended')[] = round % 2 === 1 ? ['contended', 'uncontended'] : ['uncontended', 'contended'];
      for (const which of order) {
        const sample = await scenario(container, `r${round}-${which}`, round, settings.checkouts, settings, which);
        totals[which].push(sample);
        settings.log(`${kind} round ${round} ${which}: ${(sample.done / sample.seconds).toFixed(0)} checkouts/s`);
      }
    }
    const contended = summarise(totals.contended);
    const uncontended = summarise(totals.uncontended);
    return { database: kind, concurrency: settings.concurrency, hotVariants: settings.hotVariants, contended, uncontended, ratio: contended.perSecond / uncontended.perSecond };
  } finally {
    await container.close();
    await database.drop?.();
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface Sample {
  done: number;
  refused: number;
  seconds: number;
  latencies: number[];
}

/** Sets up members with one unit in their bag each, then checks them all out `concurrency` at a time. */
async function scenario(container: Container, tag: string, round: number, count: number, settings: Settings, which: 'contended' | 'uncontended'): Promise<Sample> {
  const ex = container.database.db;
  const skus: string[] = [];
  if (which === 'contended') {
    // Stock sized to sell out exactly: every checkout succeeds, and every one queues on the same rows.
    for (let v = 0; v < settings.hotVariants; v++) {
      const perVariant = Math.ceil(count / settings.hotVariants);
      const made = await addProduct(ex, { id: `bench-${tag}-hot${v}`, priceMinor: 25_000, sizes: { M: perVariant } });
      skus.push(made.M!);
    }
  } else {
    for (let i = 0; i < count; i++) skus.push((await addProduct(ex, { id: `bench-${tag}-p${i}`, priceMinor: 25_000, sizes: { M: 1 } })).M!);
  }
  const jobs: Job[] = [];
  for (let i = 0; i < count; i++) {
    const actor = await insertMember(ex, `bench.${tag}.${round}.${i}`.slice(0, 30).replace(/[^a-z0-9_.]/g, '.'));
    await fillBag(container.commerce, actor, [{ sku: skus[i % skus.length]!, quantity: 1 }]);
    jobs.push({ actor });
  }
  const latencies: number[] = [];
  let refused = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(settings.concurrency, jobs.length) }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const t0 = performance.now();
        const outcome = await checkoutBag(container.commerce, job.actor);
        latencies.push(performance.now() - t0);
        if (!outcome.ok) refused++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { done: jobs.length - refused, refused, seconds, latencies };
}

function summarise(samples: Sample[]): ScenarioFigures {
  const done = samples.reduce((n, s) => n + s.done, 0);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  return {
    checkouts: done,
    refused: samples.reduce((n, s) => n + s.refused, 0),
    seconds,
    perSecond: done / seconds,
    p50Ms: median(latencies),
    p95Ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.95))] ?? 0,
  };
}

async function openMigratedPglite(): Promise<Database> {
  const database = await openPglite();
  await migrate(database);
  return database;
}

/** A fresh database on the server, dropped afterwards; its pool as wide as the concurrency. */
async function openScratchPostgres(serverUrl: string, concurrency: number): Promise<Database & { drop: () => Promise<void> }> {
  const name = `coterie_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${quoteIdent(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres({ url: url.toString(), maxConnections: Math.max(4, concurrency) });
  await migrate(database);
  return {
    ...database,
    async drop() {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${quoteIdent(name)} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
