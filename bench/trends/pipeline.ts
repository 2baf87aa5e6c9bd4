/**
 * The detector as it runs in Coterie, with its database and bus: (1) rebuilding from an event log of
 * N events in the embedded database (reading in event time, detecting, writing alerts), and (2) two
 * partitioned workers following a NATS JetStream stream, each through its own durable consumer.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import type { BusEvent } from '../../src/platform/bus/index.js';
import { openTestBus } from '../../src/platform/bus/testing.js';
import { openDatabase, rowsOf, type Database } from '../../src/platform/db/index.js';
import { insertContractEvents, type ContractEvent, type LoggedEvent } from '../../src/modules/events/index.js';
import { TrendsProjection } from '../../src/modules/trends/index.js';
import type { ProductFacts, TrendEvent } from '../../src/modules/trends/detector/types.js';
import { netsetOptions } from './speed.js';
import { streamDataset } from './stream.js';

const silent = pino({ level: 'silent' });

function contractEvent(e: TrendEvent): ContractEvent {
  return {
    id: e.id, type: e.type as ContractEvent['type'], time: new Date(e.time).toISOString(), actor: e.actor,
    product: e.product ?? null, brand: e.brand ?? null, hashtags: e.hashtags ? [...e.hashtags] : null, city: e.city ?? null, country: e.country ?? null,
    device: null, channel: null, quantity: null, amountMinor: null, currency: null, subject: null,
  };
}

/** Brands and products straight into the catalogue tables (enough for the detector's facts). */
async function insertCatalogue(db: Database, products: Map<string, ProductFacts>): Promise<void> {
  const brands = new Map<string, string>();
  for (const p of products.values()) if (!brands.has(p.brand)) brands.set(p.brand, randomUUID());
  const brandRows = [...brands].map(([name, id]) => sql`(${id}::uuid, ${name.toLowerCase().replace(/[^a-z0-9]+/g, '-') + '-' + id.slice(0, 6)}, ${name})`);
  await db.db.execute(sql`insert into brands (id, slug, name) values ${sql.join(brandRows, sql`, `)}`);
  const list = [...products];
  for (let i = 0; i < list.length; i += 2000) {
    const rows = list.slice(i, i + 2000).map(([id, p]) =>
      sql`(${id}, ${brands.get(p.brand)!}::uuid, ${p.title}, ${p.category}, ${`{${p.colours.join(',')}}`}::text[], 10000, 'GBP', 'live', to_tsvector('simple', ${p.title}))`);
    await db.db.execute(sql`insert into products (id, brand_id, title, category, colours, price_minor, currency, status, search) values ${sql.join(rows, sql`, `)}`);
  }
}

export interface PipelineResult {
  events: number;
  replay: { events: number; seconds: number; perSecond: number; alerts: number } | null;
  rebuild: { events: number; seconds: number; perSecond: number; alerts: number; historyRows: number; loadSeconds: number } | null;
  nats: { events: number; publishSeconds: number; seconds: number; perSecond: number; alerts: number } | null;
}

/** In-process replay: events from memory through the detector, alerts written to PGlite every 10,000 events. */
export async function runPersistedReplay(count: number, seed: number): Promise<PipelineResult['replay']> {
  const dataset = streamDataset(netsetOptions(count, seed), 'replay');
  const events = dataset.events.slice(0, count);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coterie-bench-trends-'));
  const database = await openDatabase({ databaseUrl: undefined, dataDir: dir });
  const bus = await openTestBus();
  try {
    await insertCatalogue(database, dataset.products);
    const projection = new TrendsProjection({ database, bus, log: silent });
    await projection.loadProducts();
    const started = performance.now();
    for (let i = 0; i < events.length; i++) {
      projection.detector.offer(events[i]!);
      if (i % 10_000 === 9_999) await projection.flush();
    }
    projection.detector.advanceTo(dataset.end);
    await projection.flush();
    const seconds = (performance.now() - started) / 1000;
    const [row] = rowsOf<{ alerts: number }>(await database.db.execute(sql`select count(*)::int as alerts from trend_alerts`));
    return { events: events.length, seconds, perSecond: events.length / seconds, alerts: row!.alerts };
  } finally {
    await bus.close();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Rebuilding the detector from an embedded database holding `count` events, alerts persisted. */
export async function runRebuild(count: number, seed: number, log: (line: string) => void): Promise<PipelineResult['rebuild']> {
  const dataset = streamDataset(netsetOptions(count, seed), 'pipeline');
  const events = dataset.events.slice(0, count);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coterie-bench-trends-'));
  const database = await openDatabase({ databaseUrl: undefined, dataDir: dir });
  try {
    const loadStarted = performance.now();
    await insertCatalogue(database, dataset.products);
    for (let i = 0; i < events.length; i += 5000) {
      const batch = events.slice(i, i + 5000).map(contractEvent);
      await database.transaction((tx) => insertContractEvents(tx, batch, 'import'));
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    log(`loaded ${events.length.toLocaleString('en-US')} events and ${dataset.products.size.toLocaleString('en-US')} products into PGlite in ${loadSeconds.toFixed(1)} s (not timed below)`);
    const bus = await openTestBus();
    const projection = new TrendsProjection({ database, bus, log: silent });
    const started = performance.now();
    await projection.rebuild();
    projection.detector.advanceTo(dataset.end);
    await projection.flush();
    const seconds = (performance.now() - started) / 1000;
    const [row] = rowsOf<{ alerts: number; history: number }>(await database.db.execute(sql`select (select count(*) from trend_alerts)::int as alerts, (select count(*) from trend_alert_history)::int as history`));
    await bus.close();
    return { events: events.length, seconds, perSecond: events.length / seconds, alerts: row!.alerts, historyRows: row!.history, loadSeconds };
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Two partitioned workers following a fresh NATS stream that `count` events are published to. */
export async function runNatsWorkers(natsUrl: string, count: number, seed: number, log: (line: string) => void): Promise<PipelineResult['nats']> {
  const dataset = streamDataset(netsetOptions(count, seed), 'nats');
  const events = dataset.events.slice(0, count);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coterie-bench-trends-'));
  const database = await openDatabase({ databaseUrl: undefined, dataDir: dir });
  const bus = await openTestBus({ natsUrl });
  try {
    await insertCatalogue(database, dataset.products);
    // The stream is published first, so the workers' own rate is what is timed.
    const publishStarted = performance.now();
    let seq = 0;
    for (let i = 0; i < events.length; i += 1000) {
      const batch: BusEvent<LoggedEvent>[] = events.slice(i, i + 1000).map((e) => {
        const data: LoggedEvent = { id: e.id, seq: ++seq, type: e.type as LoggedEvent['type'], time: new Date(e.time).toISOString(), actor: e.actor, actor_known: false, source: 'import' };
        if (e.product) data.product = e.product;
        if (e.brand) data.brand = e.brand;
        if (e.hashtags) data.hashtags = [...e.hashtags];
        if (e.city) data.city = e.city;
        if (e.country) data.country = e.country;
        return { id: e.id, type: `events.${e.type}`, occurredAt: data.time, data };
      });
      await bus.publish(batch);
    }
    const publishSeconds = (performance.now() - publishStarted) / 1000;
    log(`published ${events.length.toLocaleString('en-US')} events to NATS in ${publishSeconds.toFixed(1)} s (not timed below)`);
    const workers = [0, 1].map((index) => new TrendsProjection({ database, bus, log: silent, partition: { index, count: 2 } }));
    const started = performance.now();
    for (const w of workers) await w.start();
    const deadline = Date.now() + 20 * 60_000;
    while (workers.some((w) => w.seen < events.length)) {
      if (Date.now() > deadline) throw new Error(`NATS workers saw ${workers.map((w) => w.seen).join(' and ')} of ${events.length} events in 20 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const w of workers) {
      w.detector.advanceTo(dataset.end);
      await w.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    const [row] = rowsOf<{ alerts: number }>(await database.db.execute(sql`select count(*)::int as alerts from trend_alerts`));
    return { events: events.length, publishSeconds, seconds, perSecond: events.length / seconds, alerts: row!.alerts };
  } finally {
    await bus.close();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}
