import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { BusEvent, EventBus } from '../bus/bus.js';
import type { Database, Executor, Tx } from '../db/database.js';
import { RelayLoop } from '../relay-loop.js';
import { rowsOf } from '../db/database.js';
import { outbox } from './outbox.tables.js';

/** An event a service wants published once its transaction commits. */
export interface OutgoingEvent<Data = unknown> {
  type: string;
  data: Data;
  /** Defaults to a new UUID; give one when the event must be idempotent across retries. */
  id?: string;
  occurredAt?: Date;
}

export interface OutboxOptions {
  database: Database;
  bus: EventBus;
  log: FastifyBaseLogger;
  /** Events relayed per round. */
  batchSize?: number;
  /** How often the relay looks for events it was not told about (other nodes, restarts). */
  pollMs?: number;
  /** Published events are deleted after this long. */
  retainMs?: number;
}

/**
 * The transactional outbox: services write events in the same transaction as their change
 * (`emit`), and the relay publishes them to the bus after commit, in order, at least once (the
 * bus drops a re-published id). Nothing is published for a transaction that rolled back.
 */
export class Outbox {
  private readonly database: Database;
  private readonly bus: EventBus;
  private readonly log: FastifyBaseLogger;
  private readonly batchSize: number;
  private readonly relay: RelayLoop;
  private readonly retainMs: number;
  private lastPrune = 0;

  constructor(options: OutboxOptions) {
    this.database = options.database;
    this.bus = options.bus;
    this.log = options.log;
    this.batchSize = options.batchSize ?? 500;
    this.retainMs = options.retainMs ?? 7 * 24 * 3600_000;
    this.relay = new RelayLoop({
      pollMs: options.pollMs ?? 1000,
      // A full batch: there may be more. Otherwise the outbox is drained, the moment to prune.
      round: async () => {
        if ((await this.relayOnce()) === this.batchSize) return true;
        await this.pruneNowAndThen();
        return false;
      },
      onError: (error) => this.log.error({ err: error }, 'outbox: relay failed; will retry'),
    });
  }

  /** Writes events inside the caller's transaction. */
  async emit(tx: Executor, events: OutgoingEvent | OutgoingEvent[]): Promise<BusEvent[]> {
    const list = Array.isArray(events) ? events : [events];
    if (list.length === 0) return [];
    const rows = list.map((e) => ({
      id: e.id ?? randomUUID(),
      type: e.type,
      occurredAt: e.occurredAt ?? new Date(),
      data: e.data as object,
    }));
    await tx.insert(outbox).values(rows).onConflictDoNothing();
    return rows.map((r) => ({ id: r.id, type: r.type, occurredAt: r.occurredAt.toISOString(), data: r.data }));
  }

  private readonly committedListeners: (() => void)[] = [];

  /** Runs `fn` in a transaction and wakes the relay (and whoever asked with `onCommitted`) once it has committed. */
  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const result = await this.database.transaction(fn);
    this.kick();
    for (const listener of this.committedListeners) listener();
    return result;
  }

  /** Calls `listener` after every transaction run through the outbox commits (e.g. to wake another relay). */
  onCommitted(listener: () => void): void {
    this.committedListeners.push(listener);
  }

  /** Starts relaying: now, after each `transaction`, and every `pollMs`. */
  start(): void {
    this.relay.start();
  }

  /** Asks the relay to run soon; cheap to call often. */
  kick(): void {
    this.relay.kick();
  }

  /** Publishes everything pending now and resolves when the outbox is empty (tests, shutdown). */
  async flush(): Promise<void> {
    await this.relay.idle();
    while ((await this.relayOnce()) > 0) {
      // keep going until nothing is left
    }
  }

  /** Stops the relay after the round in flight, then publishes what is left. */
  async stop(): Promise<void> {
    await this.relay.stop();
    await this.flush().catch((error: unknown) => this.log.error({ err: error }, 'outbox: final flush failed'));
  }

  /** Publishes one batch; returns how many events it published. */
  async relayOnce(): Promise<number> {
    return this.database.transaction(async (tx) => {
      // SKIP LOCKED lets the relays of several API nodes share the outbox without waiting on each other.
      const rows = rowsOf<{ id: string; type: string; occurred_at: Date | string; data: unknown }>(
        await tx.execute(sql`
          select id, type, occurred_at, data from outbox
          where published_at is null
          order by seq
          limit ${this.batchSize}
          for update skip locked`),
      );
      if (rows.length === 0) return 0;
      await this.bus.publish(
        rows.map((r) => ({
          id: r.id,
          type: r.type,
          occurredAt: new Date(r.occurred_at).toISOString(),
          data: typeof r.data === 'string' ? (JSON.parse(r.data) as unknown) : r.data,
        })),
      );
      await tx.execute(sql`update outbox set published_at = now() where id = any(${sql.param(rows.map((r) => r.id))}::uuid[])`);
      return rows.length;
    });
  }

  private async pruneNowAndThen(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    await this.database.query(`delete from outbox where published_at < now() - ($1::bigint * interval '1 millisecond')`, [this.retainMs]);
  }
}
