// Event ingest: a generated contract history (default 1,000,000 events) written through
// (a) the `coterie import events` code path (importEventFile: two streamed passes, 5,000 a transaction),
// (b) the HTTP API in batches of 1,000 (a real listening server, one keep-alive connection, or app.inject),
// (c) the baseline: the same file parsed and written as plain parameterised multi-row INSERTs (1,000 rows a
//     statement, each its own commit) with no checking, no dedup and no actor lookup; and a second one in the
//     import's own statement shape (unnest of column arrays, 5,000 rows) to show what the contract's work costs,
// and each again with the same events (all duplicates). One database per path so each starts empty.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { Pool } from 'undici';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createContainer } from '../../src/container.js';
import { createMemoryBus } from '../../src/platform/bus/index.js';
import { openDatabase, type Database } from '../../src/platform/db/index.js';
import { createTestDatabase } from '../../src/platform/db/testing.js';
import { importEventFile } from '../../src/modules/events/index.js';
import { actorHandle, writeEventFile } from './generate.js';

export interface IngestBenchOptions {
  /** Events in the generated file. Default 1,000,000. */
  events?: number;
  /** PostgreSQL server; PGlite (on disk, as `coterie` runs it) when unset. */
  databaseUrl?: string | undefined;
  /** How the API is driven. Default `http`. */
  api?: 'http' | 'inject';
  /** Accounts that exist (`known_<n>`); the rest of the ~50k actors are unknown handles. Default 5,000. */
  knownActors?: number;
  /** Which paths to run. Default all. */
  parts?: readonly ('baseline' | 'import' | 'api')[];
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface IngestFigure {
  path: string;
  events: number;
  seconds: number;
  perSecond: number;
  /** perSecond ÷ the first baseline's (plain multi-row INSERT); null for the baselines or when it did not run. */
  ratio: number | null;
  /** perSecond ÷ the second baseline's (INSERT … unnest, nothing checked). */
  ratioToUnnest: number | null;
  accepted: number;
  duplicates: number;
}

export interface IngestBenchResult {
  database: string;
  events: number;
  fileMiB: number;
  generateSeconds: number;
  figures: IngestFigure[];
  peakRssMiB: number;
}

const COLUMNS = ['id', 'type', 'occurred_at', 'actor_handle', 'product_id', 'brand', 'hashtags', 'city', 'country', 'device', 'channel', 'quantity', 'amount_minor', 'currency', 'subject', 'source'];

async function openTarget(databaseUrl: string | undefined, dir: string, name: string): Promise<{ database: Database; close: () => Promise<void> }> {
  if (databaseUrl) {
    const database = await createTestDatabase({ databaseUrl });
    return { database, close: () => database.close() };
  }
  const database = await openDatabase({ databaseUrl: undefined, dataDir: path.join(dir, name) });
  return { database, close: () => database.close() };
}

async function addKnownAccounts(database: Database, count: number): Promise<void> {
  for (let start = 0; start < count; start += 1000) {
    const handles = Array.from({ length: Math.min(1000, count - start) }, (_, i) => actorHandle(start + i, count));
    await database.query(
      `insert into accounts (id, handle, display_name) select gen_random_uuid(), h, h from unnest($1::text[]) as h`,
      [handles],
    );
  }
}

/** The baseline: the file's rows as plain parameterised multi-row INSERTs (1,000 rows, one commit each), nothing checked. */
async function baselineInsert(database: Database, file: string): Promise<number> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let params: unknown[] = [];
  let values: string[] = [];
  let written = 0;
  const flush = async () => {
    await database.query(`insert into events (${COLUMNS.join(',')}) values ${values.join(',')}`, params);
    written += values.length;
    params = [];
    values = [];
  };
  for await (const line of lines) {
    if (line === '') continue;
    const e = JSON.parse(line) as Record<string, unknown>;
    const row = [e.id, e.type, e.time, e.actor, e.product ?? null, e.brand ?? null, e.hashtags ?? null, e.city ?? null, e.country ?? null,
      e.device ?? null, e.channel ?? null, e.quantity ?? null, e.amount_minor ?? null, e.currency ?? null, e.subject ?? null, 'import'];
    values.push(`(${row.map((value) => `$${params.push(value)}`).join(',')})`);
    if (values.length === 1000) await flush();
  }
  if (values.length > 0) await flush();
  return written;
}

/**
 * The second baseline: the import's own statement shape (column arrays through unnest, 5,000 rows a
 * transaction) with nothing checked, no dedup and no actor lookup: what the contract's work costs on top.
 */
async function baselineUnnest(database: Database, file: string): Promise<number> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let rows: Record<string, unknown>[] = [];
  let written = 0;
  const types = ['text', 'text', 'timestamptz', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'integer', 'bigint', 'text', 'text'];
  const keys = ['id', 'type', 'time', 'actor', 'product', 'brand', 'hashtags', 'city', 'country', 'device', 'channel', 'quantity', 'amount_minor', 'currency', 'subject'];
  const flush = async () => {
    const params = keys.map((k) => rows.map((r) => (k === 'hashtags' ? ((r[k] as string[] | undefined)?.join(',') ?? null) : (r[k] ?? null))));
    await database.query(
      `insert into events (${COLUMNS.join(',')}) select i, t, o, h, p, b, string_to_array(g, ','), c, n, d, ch, q, m, cu, s, 'import' ` +
        `from unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(',')}) as v(i, t, o, h, p, b, g, c, n, d, ch, q, m, cu, s)`,
      params,
    );
    written += rows.length;
    rows = [];
  };
  for await (const line of lines) {
    if (line === '') continue;
    rows.push(JSON.parse(line) as Record<string, unknown>);
    if (rows.length === 5000) await flush();
  }
  if (rows.length > 0) await flush();
  return written;
}

/** Posts the file in batches of 1,000 (raw JSON lines joined into arrays, no re-serialising). */
async function postFile(file: string, send: (body: string) => Promise<{ accepted: number; duplicates: number }>): Promise<{ accepted: number; duplicates: number }> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let batch: string[] = [];
  let accepted = 0;
  let duplicates = 0;
  const flush = async () => {
    const outcome = await send(`[${batch.join(',')}]`);
    accepted += outcome.accepted;
    duplicates += outcome.duplicates;
    batch = [];
  };
  for await (const line of lines) {
    if (line === '') continue;
    batch.push(line);
    if (batch.length === 1000) await flush();
  }
  if (batch.length > 0) await flush();
  return { accepted, duplicates };
}

async function apiRun(database: Database, file: string, mode: 'http' | 'inject', dir: string, rounds: number): Promise<{ seconds: number; accepted: number; duplicates: number }[]> {
  const config = loadConfig({ ...process.env, COTERIE_DATA: dir, LOG_LEVEL: 'silent', COTERIE_RATE_LIMIT: '100000000', DATABASE_URL: '', NATS_URL: '', COTERIE_EVENTS_TOKEN: '' });
  const container = await createContainer(config, { log: pino({ level: 'silent' }), database, bus: createMemoryBus() });
  const app = await buildApp(container, { webRoot: path.join(dir, 'no-web') });
  const results: { seconds: number; accepted: number; duplicates: number }[] = [];
  try {
    let send: (body: string) => Promise<{ accepted: number; duplicates: number }>;
    let pool: Pool | undefined;
    if (mode === 'http') {
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      pool = new Pool(address, { connections: 1, pipelining: 1 });
      send = async (body) => {
        const response = await pool!.request({ method: 'POST', path: '/api/v1/events', headers: { 'content-type': 'application/json' }, body });
        const text = await response.body.text();
        if (response.statusCode !== 200) throw new Error(`POST /api/v1/events answered ${response.statusCode}: ${text.slice(0, 300)}`);
        return JSON.parse(text) as { accepted: number; duplicates: number };
      };
    } else {
      await app.ready();
      send = async (body) => {
        const response = await app.inject({ method: 'POST', url: '/api/v1/events', headers: { 'content-type': 'application/json' }, payload: body });
        if (response.statusCode !== 200) throw new Error(`POST /api/v1/events answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
        return response.json<{ accepted: number; duplicates: number }>();
      };
    }
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      const outcome = await postFile(file, send);
      results.push({ seconds: (performance.now() - started) / 1000, ...outcome });
    }
    await pool?.close();
  } finally {
    await app.close();
    // The database is the caller's to close: close the relay and bus only.
    await container.eventRelay.stop();
    await container.outbox.stop();
    await container.bus.close();
  }
  return results;
}

/** Runs the ingest benchmark on one database; generates the event file first. */
export async function runIngestBench(options: IngestBenchOptions = {}): Promise<IngestBenchResult> {
  const events = options.events ?? 1_000_000;
  const knownActors = options.knownActors ?? 5_000;
  const parts = new Set(options.parts ?? ['baseline', 'import', 'api']);
  const log = options.log ?? (() => {});
  const label = options.databaseUrl ? 'PostgreSQL' : 'PGlite (on disk)';
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coterie-bench-events-'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
  const figures: IngestFigure[] = [];
  try {
    const file = path.join(dir, 'events.jsonl');
    let started = performance.now();
    const bytes = await writeEventFile(file, { events, knownActors });
    const generateSeconds = (performance.now() - started) / 1000;
    log(`generated ${events.toLocaleString('en-US')} events (${(bytes / 2 ** 20).toFixed(0)} MiB) in ${generateSeconds.toFixed(1)} s`);
    const add = (name: string, seconds: number, accepted: number, duplicates: number) => {
      const perSecond = events / seconds;
      const measured = !name.startsWith('baseline');
      const baseline = figures.find((f) => f.path.startsWith('baseline:'));
      const unnest = figures.find((f) => f.path.startsWith('baseline 2'));
      figures.push({
        path: name, events, seconds, perSecond, accepted, duplicates,
        ratio: baseline && measured ? perSecond / baseline.perSecond : null,
        ratioToUnnest: unnest && measured ? perSecond / unnest.perSecond : null,
      });
      log(`${label}: ${name}: ${seconds.toFixed(1)} s, ${Math.round(perSecond).toLocaleString('en-US')} events/s`);
    };

    if (parts.has('baseline')) {
      const target = await openTarget(options.databaseUrl, dir, 'baseline');
      try {
        await addKnownAccounts(target.database, knownActors);
        started = performance.now();
        const written = await baselineInsert(target.database, file);
        add('baseline: plain multi-row INSERT', (performance.now() - started) / 1000, written, 0);
      } finally {
        await target.close();
      }
      const second = await openTarget(options.databaseUrl, dir, 'baseline-unnest');
      try {
        started = performance.now();
        const written = await baselineUnnest(second.database, file);
        add('baseline 2: INSERT … unnest, nothing checked', (performance.now() - started) / 1000, written, 0);
      } finally {
        await second.close();
      }
    }
    if (parts.has('import')) {
      const target = await openTarget(options.databaseUrl, dir, 'import');
      try {
        await addKnownAccounts(target.database, knownActors);
        for (const round of ['coterie import events', 'coterie import events again (all duplicates)']) {
          const result = await importEventFile(target.database, file);
          add(round, result.seconds, result.accepted, result.duplicates);
        }
      } finally {
        await target.close();
      }
    }
    if (parts.has('api')) {
      const target = await openTarget(options.databaseUrl, dir, 'api');
      try {
        await addKnownAccounts(target.database, knownActors);
        const mode = options.api ?? 'http';
        const rounds = await apiRun(target.database, file, mode, path.join(dir, 'api-data'), 2);
        const how = mode === 'http' ? 'HTTP keep-alive' : 'app.inject';
        add(`POST /api/v1/events ×1,000 (${how})`, rounds[0]!.seconds, rounds[0]!.accepted, rounds[0]!.duplicates);
        add(`POST /api/v1/events again (all duplicates)`, rounds[1]!.seconds, rounds[1]!.accepted, rounds[1]!.duplicates);
      } finally {
        await target.close();
      }
    }
    return { database: label, events, fileMiB: bytes / 2 ** 20, generateSeconds, figures, peakRssMiB: peakRss / 2 ** 20 };
  } finally {
    clearInterval(sampler);
    await rm(dir, { recursive: true, force: true });
  }
}

/** A Markdown table of one run's figures. */
export function ingestBenchTable(result: IngestBenchResult): string {
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  const ratio = (v: number | null) => (v === null ? '—' : v.toFixed(2));
  const lines = [
    `| ${result.database}: path | seconds | events/s | × baseline | × baseline 2 | accepted | duplicates |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...result.figures.map(
      (f) =>
        `| ${f.path} | ${f.seconds.toFixed(1)} | ${n(f.perSecond)} | ${ratio(f.ratio)} | ${ratio(f.ratioToUnnest)} | ${n(f.accepted)} | ${n(f.duplicates)} |`,
    ),
  ];
  return lines.join('\n');
}
