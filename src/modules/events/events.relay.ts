/**
 * Publishes the event log to the bus. The `events` table is its own outbox: nothing is copied, and an
 * event is on the bus only after the transaction that wrote it committed.
 *
 * How far it got is `event_relay.published_before_txid` (X): every event of a transaction older than X
 * is published. A round takes a snapshot S, publishes in `seq` order the events of transactions ≥ X
 * that S sees committed, then sets X to S's xmin (the oldest transaction still running at S). Events
 * of a transaction that commits after a later one are therefore never skipped: they are ≥ X until
 * that transaction ends. To not publish the same events every round while an old transaction keeps X
 * back, a round skips events the previous round's snapshot already saw. Duplicates remain possible
 * (a crash, another node taking over): the bus drops a republished id within its window, and
 * consumers dedup by id anyway.
 *
 * Several nodes: a round holds `event_relay`'s row `for update skip locked`, so one node relays at a
 * time and the others skip their turn.
 */
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { BusEvent, EventBus } from '../../platform/bus/index.js';
import { rowsOf, type Database, type Tx } from '../../platform/db/index.js';
import { busEventOf, eventColumns, type EventRow } from './events.read.js';
import { RelayLoop } from '../../platform/relay-loop.js';

export interface EventRelayOptions {
  database: Database;
  bus: EventBus;
  log: FastifyBaseLogger;
  /** Events read and published at a time. */
  batchSize?: number;
  /** How often it looks for events it was not told about (other nodes, app-recorded events). */
  pollMs?: number;
}

/** A transaction snapshot as `pg_current_snapshot()` prints it: `xmin:xmax:xip,…`. */
interface Snapshot {
  text: string;
  xmin: number;
  xmax: number;
  xip: number[];
}

function parseSnapshot(text: string): Snapshot {
  const [xmin = '0', xmax = '0', xip = ''] = text.split(':');
  return { text, xmin: Number(xmin), xmax: Number(xmax), xip: xip === '' ? [] : xip.split(',').map(Number) };
}

/**
 * Where an unfinished round stands: its snapshot, and the seq range its events lie in (found once
 * per round through the txid index), walked in windows of `batchSize` seqs through the seq index.
 * Walking windows keeps every page cheap however large a backlog is.
 */
interface Round {
  from: number;
  snapshot: Snapshot;
  previous: Snapshot | null;
  /** The next window starts here. */
  next: number;
  /** The highest seq of the round's events. */
  last: number;
}

/** The relay from the events table to the bus (`events.<type>` events whose id is the event's id). */
export class EventRelay {
  private readonly database: Database;
  private readonly bus: EventBus;
  private readonly log: FastifyBaseLogger;
  private readonly batchSize: number;
  private readonly relay: RelayLoop;
  /** The snapshot of this node's last finished round, and the X it started from. */
  private previous: { snapshot: Snapshot; from: number } | null = null;
  private round: Round | null = null;
  private rowReady = false;

  constructor(options: EventRelayOptions) {
    this.database = options.database;
    this.bus = options.bus;
    this.log = options.log;
    this.batchSize = options.batchSize ?? 1000;
    this.relay = new RelayLoop({
      pollMs: options.pollMs ?? 1000,
      round: async () => (await this.relayOnce()) > 0,
      onError: (error) => this.log.error({ err: error }, 'event relay: round failed; will retry'),
    });
  }

  /** Starts relaying: now, when kicked, and every `pollMs`. */
  start(): void {
    this.relay.start();
  }

  /** Asks for a round soon; cheap to call after every ingest. */
  kick(): void {
    this.relay.kick();
  }

  /** Publishes everything committed so far (tests, shutdown); resolves when nothing is left. */
  async flush(): Promise<void> {
    await this.relay.idle();
    while ((await this.relayOnce()) > 0) {
      // keep going until a page comes back empty
    }
  }

  /**
   * Stops after the page in flight. What is left stays in the table, and the next relay to start (here
   * or on another node) publishes it: the position is in the database, so a backlog never delays a
   * shutdown.
   */
  async stop(): Promise<void> {
    await this.relay.stop();
  }

  /**
   * Publishes the next page of at most `batchSize` events; returns how many it published (0 once the
   * round is done and nothing is new, or when another node is relaying).
   */
  async relayOnce(): Promise<number> {
    if (!this.rowReady) {
      await this.database.query('insert into event_relay (id, published_before_txid) values (1, 0) on conflict (id) do nothing');
      this.rowReady = true;
    }
    return this.database.transaction(async (tx) => {
      const [lock] = rowsOf<{ x: number }>(
        await tx.execute(sql`select published_before_txid as x from event_relay where id = 1 for update skip locked`),
      );
      if (!lock) return 0; // another node holds the row: it is relaying
      const from = Number(lock.x);
      const round = this.round?.from === from ? this.round : await this.newRound(tx, from);
      let rows: EventRow[] = [];
      let next = round.next;
      while (rows.length === 0 && next <= round.last) {
        rows = await this.readWindow(tx, round, next);
        next += this.batchSize;
      }
      if (rows.length > 0) await this.bus.publish(rows.map(busEventOf) satisfies BusEvent[]);
      round.next = next; // only once published: a failed publish retries the same window
      if (round.next > round.last) {
        // Everything S saw is out: transactions older than its xmin are done with.
        const next = Math.max(from, round.snapshot.xmin);
        await tx.execute(sql`update event_relay set published_before_txid = ${next}, updated_at = now() where id = 1`);
        this.previous = { snapshot: round.snapshot, from };
        this.round = null;
      } else {
        this.round = round;
      }
      return rows.length;
    });
  }

  private async newRound(tx: Tx, from: number): Promise<Round> {
    const [row] = rowsOf<{ s: string }>(await tx.execute(sql`select pg_current_snapshot()::text as s`));
    const snapshot = parseSnapshot(row!.s);
    // The previous snapshot still tells what was published only if no other node moved X back past it.
    const previous = this.previous && this.previous.from <= from ? this.previous.snapshot : null;
    const round: Round = { from, snapshot, previous, next: 1, last: 0 };
    const [range] = rowsOf<{ first: number | null; last: number | null }>(
      // `seq + 0`: found through the txid index (few rows), not by walking the seq index from either end.
      await tx.execute(sql`select min(seq + 0) as first, max(seq + 0) as last from events where ${this.roundCondition(round)}`),
    );
    if (range?.first != null && range.last != null) {
      round.next = Number(range.first);
      round.last = Number(range.last);
    }
    return round;
  }

  /** The events of a round: transactions ≥ X that its snapshot sees committed, not seen by the previous round. */
  private roundCondition(round: Round) {
    const { snapshot, previous } = round;
    // Not seen by the previous round: its transaction was running then, or started after it.
    const unseen = previous
      ? sql`and (txid >= ${previous.xmax} or txid = any(${sql.param(previous.xip)}::bigint[]))`
      : sql``;
    return sql`txid >= ${round.from} ${unseen} and pg_visible_in_snapshot(txid::text::xid8, ${snapshot.text}::pg_snapshot)`;
  }

  private async readWindow(tx: Tx, round: Round, start: number): Promise<EventRow[]> {
    return rowsOf<EventRow>(
      await tx.execute(sql`
        select ${eventColumns} from events
         where seq >= ${start} and seq < ${start + this.batchSize} and ${this.roundCondition(round)}
         order by seq`),
    );
  }
}
