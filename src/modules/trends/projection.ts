/**
 * Runs the trend detector over the event log and keeps the alerts tables in line with it.
 *
 * On start it rebuilds the detector's state from the events table (the log of record, read in event
 * time), then follows the bus: each worker of a deployment owns a partition of the keys (by a hash
 * of kind and key) and reads every event through its own durable consumer, so a key's state lives
 * in exactly one worker. A restarted worker rebuilds from the log and resumes from its acknowledged
 * position; events it sees twice are recognised by id (while their hour is open) or are already in a
 * closed hour and not counted again, so nothing is lost or double-counted. Alert writes are
 * idempotent upserts: a replay writes the same rows.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { EventBus, Subscription } from '../../platform/bus/index.js';
import { rowsOf, type Database } from '../../platform/db/index.js';
import type { LoggedEvent } from '../events/index.js';
import { CITIES } from '../social/index.js';
import { TrendDetector } from './detector/detector.js';
import { COUNTED_TYPES } from './detector/keys.js';
import type { AlertChange, ProductFacts, TrendEvent } from './detector/types.js';
import { saveWatermark, writeAlertChanges } from './trends.repository.js';

export interface Partition {
  index: number;
  count: number;
}

export interface TrendsProjectionOptions {
  database: Database;
  bus: EventBus;
  log: FastifyBaseLogger;
  partition?: Partition;
  latenessMs?: number;
  /** A quiet stream's last hours are closed after this long without events. Default 30 s. */
  idleCloseMs?: number;
  /** Events read from the log per page while rebuilding. */
  pageSize?: number;
  /** Told about every batch of alert changes once written (the live stream, tests). */
  onChanges?: (changes: readonly AlertChange[]) => void;
}

/** Parses `i/n` (e.g. `0/2`): worker i of n. */
export function parsePartition(text: string): Partition {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) throw new Error(`invalid trends partition "${text}": expected i/n with 0 ≤ i < n`);
  return { index, count };
}

const hemispheres = new Map(CITIES.map((c) => [c.name.toLowerCase(), c.hemisphere]));

/** A logged event as the detector reads it. */
export function trendEventOf(e: Pick<LoggedEvent, 'id' | 'type' | 'time' | 'actor' | 'product' | 'brand' | 'hashtags' | 'city' | 'country'>): TrendEvent {
  return { id: e.id, type: e.type, time: Date.parse(e.time), actor: e.actor, product: e.product, brand: e.brand, hashtags: e.hashtags, city: e.city, country: e.country };
}

interface LogRow {
  id: string;
  type: string;
  /** Epoch milliseconds (a float8 is far cheaper to read than a formatted time). */
  ms: number | string;
  actor: string;
  product: string | null;
  brand: string | null;
  hashtags: string[] | null;
  city: string | null;
  country: string | null;
}

export class TrendsProjection {
  readonly detector: TrendDetector;
  readonly partition: Partition;
  private readonly database: Database;
  private readonly bus: EventBus;
  private readonly log: FastifyBaseLogger;
  private readonly options: TrendsProjectionOptions;
  private products = new Map<string, ProductFacts>();
  private subscription: Subscription | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private offeredSinceTick = 0;
  private missingProducts = false;

  constructor(options: TrendsProjectionOptions) {
    this.options = options;
    this.database = options.database;
    this.bus = options.bus;
    this.log = options.log;
    this.partition = options.partition ?? { index: 0, count: 1 };
    this.detector = new TrendDetector({
      products: (id) => {
        const facts = this.products.get(id);
        if (!facts) this.missingProducts = true;
        return facts ?? null;
      },
      hemisphere: (city) => (city !== undefined && hemispheres.get(city.toLowerCase()) === 'south' ? 'south' : 'north'),
      latenessMs: options.latenessMs,
      partition: this.partition,
    });
  }

  private get partitionName(): string {
    return `${this.partition.index}/${this.partition.count}`;
  }

  /** Loads what the detector needs to know of every product (title, brand, category, colours). */
  async loadProducts(): Promise<void> {
    const rows = rowsOf<{ id: string; title: string; brand: string; category: string; colours: string[] }>(
      await this.database.db.execute(sql`select p.id, p.title, b.name as brand, p.category, p.colours from products p join brands b on b.id = p.brand_id`),
    );
    this.products = new Map(rows.map((r) => [r.id, { title: r.title, brand: r.brand, category: r.category, colours: r.colours }]));
    this.missingProducts = false;
  }

  /** Rebuilds from the log, then follows the bus. */
  async start(): Promise<void> {
    await this.rebuild();
    this.subscription = await this.bus.consume<LoggedEvent>(
      // Handlers start in delivery order and offer synchronously, so many may be in flight at once
      // without reordering anything; within JetStream's default of 1,000 unacknowledged.
      { group: `trends-${this.partition.index}-of-${this.partition.count}`, types: ['events.>'], concurrency: 500 },
      async ({ event }) => {
        this.offer(trendEventOf(event.data));
      },
    );
    const idleMs = this.options.idleCloseMs ?? 30_000;
    this.idleTimer = setInterval(() => {
      if (this.offeredSinceTick === 0) {
        this.detector.advanceToLatest();
        this.scheduleFlush(0);
      }
      this.offeredSinceTick = 0;
      if (this.missingProducts) void this.loadProducts().catch((error: unknown) => this.log.warn({ err: error }, 'trends: reloading products failed'));
    }, idleMs);
    this.idleTimer.unref();
  }

  /** Feeds the whole log, in event time, through the detector and writes the alerts it raises. */
  async rebuild(): Promise<number> {
    await this.loadProducts();
    const pageSize = this.options.pageSize ?? 10_000;
    let after: { t: string; id: string } | null = null;
    let read = 0;
    for (;;) {
      // The cursor is the last row's own stored time (to the microsecond), so no row is skipped or repeated.
      const cursor: SQL = after === null ? sql`` : sql`and (occurred_at, id) > (${after.t}::timestamptz, ${after.id})`;
      const rows: LogRow[] = rowsOf<LogRow>(
        await this.database.db.execute(sql`
          select id, type, extract(epoch from occurred_at) * 1000 as ms, actor_handle as actor,
                 product_id as product, brand, hashtags, city, country
            from events where type = any(${sql.param(COUNTED_TYPES)}::text[]) ${cursor}
           order by occurred_at, id limit ${pageSize}`),
      );
      for (const r of rows) {
        this.detector.offer({
          id: r.id, type: r.type, time: Math.round(Number(r.ms)), actor: r.actor,
          product: r.product ?? undefined, brand: r.brand ?? undefined, hashtags: r.hashtags ?? undefined, city: r.city ?? undefined, country: r.country ?? undefined,
        });
      }
      read += rows.length;
      // Alerts are written every few pages: fewer, larger transactions.
      if (read % (pageSize * 5) === 0 || rows.length < pageSize) await this.flush();
      if (rows.length < pageSize) break;
      const last = rows[rows.length - 1]!;
      const [exact] = rowsOf<{ t: string }>(await this.database.db.execute(sql`select occurred_at::text as t from events where id = ${last.id}`));
      after = { t: exact!.t, id: last.id };
    }
    this.detector.advanceToLatest();
    await this.flush();
    this.log.info({ events: read, partition: this.partitionName, ...this.detector.stats() }, 'trends: detector rebuilt from the event log');
    return read;
  }

  /** Takes one event (from the bus, or directly in tests and benchmarks). */
  offer(event: TrendEvent): void {
    this.detector.offer(event);
    this.offeredSinceTick += 1;
    this.scheduleFlush(200);
  }

  private scheduleFlush(delayMs: number): void {
    if (this.flushTimer !== null) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.flush().catch((error: unknown) => this.log.error({ err: error }, 'trends: writing alerts failed'));
    }, delayMs);
    this.flushTimer.unref();
  }

  /** Writes the changes so far and the watermark, one write at a time, in order. */
  flush(): Promise<void> {
    const changes = this.detector.takeChanges();
    const watermark = this.detector.watermark;
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        if (changes.length === 0 && watermark === null) return;
        await this.database.transaction(async (tx) => {
          for (let i = 0; i < changes.length; i += 500) await writeAlertChanges(tx, changes.slice(i, i + 500));
          if (watermark !== null) await saveWatermark(tx, this.partitionName, watermark);
        });
        if (changes.length > 0) this.options.onChanges?.(changes);
      });
    return this.writing;
  }

  private stopTimers(): void {
    if (this.idleTimer) clearInterval(this.idleTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.idleTimer = this.flushTimer = null;
  }

  /**
   * Stops as a crashed worker would: nothing more is written and unacknowledged events stay with the
   * group. A new projection for the same partition picks up from the log and the group's position.
   */
  async abandon(): Promise<void> {
    this.stopTimers();
    await this.subscription?.abandon();
    this.subscription = null;
  }

  /** Events the detector has taken from any source (accepted, duplicate, late or ignored). */
  get seen(): number {
    const s = this.detector.stats();
    return s.accepted + s.duplicates + s.late + s.ignored;
  }

  /** Stops following the bus and writes what is pending. */
  async stop(): Promise<void> {
    this.stopTimers();
    await this.subscription?.stop();
    this.subscription = null;
    await this.flush();
  }
}
