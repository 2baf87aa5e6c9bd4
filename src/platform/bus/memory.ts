import type {
  BusEvent,
  BusLogger,
  ConsumeOptions,
  EventBus,
  EventHandler,
  PublishResult,
  Subscription,
} from './bus.js';
import {
  assertPublishable,
  consoleLogger,
  defaults,
  describeTypes,
  groupSettings,
  invoke,
  retryDelayMs,
  typeFilter,
  typesChangedError,
} from './shared.js';

export interface MemoryBusOptions {
  /** Republishing an event id within this window is dropped. Default 2 min, as JetStream. */
  duplicateWindowMs?: number;
  /**
   * Most events kept. Beyond it the oldest go even if a group has not had them yet (logged), as a
   * JetStream stream with `max_msgs` and discard old would. Default 100 000.
   */
  maxRetainedEvents?: number;
  /** Delay before the first retry of a failed handler; doubles per attempt. Default 250 ms. */
  retryBackoffMs?: number;
  logger?: BusLogger;
}

/** Kept as JSON so handlers see exactly what they would over NATS, and cannot share mutable data. */
interface StoredEvent {
  seq: number;
  id: string;
  type: string;
  json: string;
}

/**
 * One event a group has taken and not yet acknowledged. `delivered`: a handler has it and the ack
 * timer runs; `backoff`: its handler threw and the retry timer runs; `ready`: waiting for a worker.
 */
interface Pending {
  stored: StoredEvent;
  deliveries: number;
  state: 'delivered' | 'backoff' | 'ready';
  timer: NodeJS.Timeout | undefined;
}

interface Group {
  name: string;
  types: string[] | undefined;
  matches: (type: string) => boolean;
  ackWaitMs: number;
  maxDeliver: number;
  /** Next sequence this group has not looked at. */
  cursor: number;
  /** By sequence; insertion order is ascending since events are taken in log order. */
  pending: Map<number, Pending>;
  ready: number[];
  workers: Worker[];
  /** Round robin start, so the workers of a group share the events. */
  turn: number;
}

interface Worker {
  group: Group;
  handler: EventHandler;
  concurrency: number;
  inFlight: number;
  state: 'running' | 'stopping' | 'stopped' | 'abandoned';
  stopped: Promise<void> | undefined;
  settle: () => void;
}

const defaultMaxRetainedEvents = 100_000;

/** An in-process bus with the delivery semantics of the NATS JetStream one. */
export function createMemoryBus(options: MemoryBusOptions = {}): EventBus {
  return new MemoryBus(options);
}

class MemoryBus implements EventBus {
  readonly kind = 'memory' as const;
  readonly #duplicateWindowMs: number;
  readonly #maxRetained: number;
  readonly #retryBackoffMs: number;
  readonly #logger: BusLogger;
  /** Retained events are `#log[#head..]`; the prefix is dropped lazily to keep trimming cheap. */
  #log: StoredEvent[] = [];
  #head = 0;
  #nextSeq = 1;
  /** Event id → publish time, oldest first, for dedup within the window. */
  readonly #seen = new Map<string, number>();
  readonly #groups = new Map<string, Group>();
  readonly #workers = new Set<Worker>();
  #closed = false;

  constructor(options: MemoryBusOptions) {
    this.#duplicateWindowMs = options.duplicateWindowMs ?? defaults.duplicateWindowMs;
    this.#maxRetained = options.maxRetainedEvents ?? defaultMaxRetainedEvents;
    this.#retryBackoffMs = options.retryBackoffMs ?? defaults.retryBackoffMs;
    this.#logger = options.logger ?? consoleLogger;
    if (!(this.#maxRetained >= 1)) throw new TypeError('maxRetainedEvents must be at least 1');
  }

  async publish(events: BusEvent[]): Promise<PublishResult> {
    this.#assertOpen();
    events.forEach(assertPublishable);
    // Serialise everything before storing anything, so a bad event leaves the log untouched.
    const serialised = events.map((event) => JSON.stringify(event));
    const now = Date.now();
    this.#forgetIdsBefore(now - this.#duplicateWindowMs);
    let published = 0;
    let duplicates = 0;
    events.forEach((event, i) => {
      if (this.#seen.has(event.id)) {
        duplicates++;
        return;
      }
      this.#seen.set(event.id, now);
      this.#log.push({ seq: this.#nextSeq++, id: event.id, type: event.type, json: serialised[i]! });
      published++;
    });
    this.#trim();
    for (const group of this.#groups.values()) this.#dispatch(group);
    return { published, duplicates };
  }

  async consume<Data = unknown>(options: ConsumeOptions, handler: EventHandler<Data>): Promise<Subscription> {
    this.#assertOpen();
    const settings = groupSettings(options);
    let group = this.#groups.get(settings.group);
    if (group === undefined) {
      group = {
        name: settings.group,
        types: settings.types,
        matches: typeFilter(settings.types),
        ackWaitMs: settings.ackWaitMs,
        maxDeliver: settings.maxDeliver,
        // Like JetStream DeliverAll: a new group starts from the oldest retained event.
        cursor: this.#firstSeq(),
        pending: new Map(),
        ready: [],
        workers: [],
        turn: 0,
      };
      this.#groups.set(group.name, group);
    } else if (describeTypes(group.types) !== describeTypes(settings.types)) {
      throw typesChangedError(group.name, describeTypes(group.types), describeTypes(settings.types));
    }
    group.ackWaitMs = settings.ackWaitMs;
    group.maxDeliver = settings.maxDeliver;
    const worker: Worker = {
      group,
      // Data is whatever the publisher put there; the bus does not check it, NATS cannot either.
      handler: handler as EventHandler,
      concurrency: settings.concurrency,
      inFlight: 0,
      state: 'running',
      stopped: undefined,
      settle: () => undefined,
    };
    group.workers.push(worker);
    this.#workers.add(worker);
    this.#dispatch(group);
    return {
      stop: () => this.#stop(worker),
      abandon: async () => this.#abandon(worker),
    };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([...this.#workers].map((worker) => this.#stop(worker)));
    for (const group of this.#groups.values()) {
      for (const pending of group.pending.values()) clearTimeout(pending.timer);
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('the event bus is closed');
  }

  #firstSeq(): number {
    return this.#log[this.#head]?.seq ?? this.#nextSeq;
  }

  #forgetIdsBefore(cutoff: number): void {
    for (const [id, at] of this.#seen) {
      if (at > cutoff) break;
      this.#seen.delete(id);
    }
  }

  /** Hands events to free workers until either runs out. */
  #dispatch(group: Group): void {
    if (this.#closed) return;
    for (;;) {
      const worker = this.#freeWorker(group);
      if (worker === undefined) return;
      const pending = this.#takeNext(group);
      if (pending === undefined) return;
      this.#deliver(group, worker, pending);
    }
  }

  #freeWorker(group: Group): Worker | undefined {
    const count = group.workers.length;
    for (let i = 0; i < count; i++) {
      const worker = group.workers[(group.turn + i) % count]!;
      if (worker.state === 'running' && worker.inFlight < worker.concurrency) {
        group.turn = (group.turn + i + 1) % count;
        return worker;
      }
    }
    return undefined;
  }

  /** Redeliveries first, then the next matching event of the log. */
  #takeNext(group: Group): Pending | undefined {
    for (let seq = group.ready.shift(); seq !== undefined; seq = group.ready.shift()) {
      const pending = group.pending.get(seq);
      if (pending?.state === 'ready') return pending;
    }
    if (group.pending.size >= defaults.maxAckPending) return undefined;
    const first = this.#firstSeq();
    group.cursor = Math.max(group.cursor, first);
    while (group.cursor < this.#nextSeq) {
      const stored = this.#log[this.#head + (group.cursor - first)]!;
      group.cursor++;
      if (group.matches(stored.type)) {
        const pending: Pending = { stored, deliveries: 0, state: 'ready', timer: undefined };
        group.pending.set(stored.seq, pending);
        return pending;
      }
    }
    return undefined;
  }

  #deliver(group: Group, worker: Worker, pending: Pending): void {
    const attempt = ++pending.deliveries;
    pending.state = 'delivered';
    pending.timer = this.#after(group.ackWaitMs, () => this.#ackWaitExpired(group, pending, attempt));
    worker.inFlight++;
    const event = JSON.parse(pending.stored.json) as BusEvent;
    void invoke(() => worker.handler({ event, attempt }))
      .then(
        () => undefined,
        (err: unknown) => ({ err }),
      )
      .then((failure) => this.#settled(group, worker, pending, attempt, failure))
      .catch((err: unknown) => this.#logger.error({ err, group: group.name }, 'bus: internal error after a handler'));
  }

  #settled(group: Group, worker: Worker, pending: Pending, attempt: number, failure: { err: unknown } | undefined): void {
    worker.inFlight--;
    // A crashed worker acknowledges nothing: its events come back when their ack wait expires.
    if (worker.state === 'abandoned') return;
    const current = group.pending.get(pending.stored.seq) === pending;
    if (failure === undefined) {
      // Even a late success (after a redelivery began) means the work is done, as with JetStream.
      if (current) this.#forget(group, pending);
    } else if (current && pending.state === 'delivered' && pending.deliveries === attempt) {
      clearTimeout(pending.timer);
      if (attempt >= group.maxDeliver) {
        this.#giveUp(group, pending, failure.err);
      } else {
        pending.state = 'backoff';
        pending.timer = this.#after(retryDelayMs(attempt, this.#retryBackoffMs), () => this.#makeReady(group, pending));
      }
    }
    if (worker.state === 'stopping' && worker.inFlight === 0) this.#retire(worker);
    this.#trim();
    this.#dispatch(group);
  }

  #ackWaitExpired(group: Group, pending: Pending, attempt: number): void {
    if (group.pending.get(pending.stored.seq) !== pending) return;
    if (pending.state !== 'delivered' || pending.deliveries !== attempt) return;
    pending.timer = undefined;
    if (attempt >= group.maxDeliver) {
      this.#giveUp(group, pending, new Error(`not acknowledged within ${group.ackWaitMs} ms`));
      this.#trim();
      this.#dispatch(group);
    } else {
      this.#makeReady(group, pending);
    }
  }

  #makeReady(group: Group, pending: Pending): void {
    pending.state = 'ready';
    pending.timer = undefined;
    group.ready.push(pending.stored.seq);
    this.#dispatch(group);
  }

  #giveUp(group: Group, pending: Pending, err: unknown): void {
    const { id, type } = pending.stored;
    this.#logger.error(
      { err, group: group.name, eventId: id, eventType: type, deliveries: pending.deliveries },
      `bus: gave up on event ${id} after ${pending.deliveries} deliveries`,
    );
    this.#forget(group, pending);
  }

  #forget(group: Group, pending: Pending): void {
    clearTimeout(pending.timer);
    group.pending.delete(pending.stored.seq);
  }

  /** Every timer lives in a `Pending`, so `close()` can clear them all. */
  #after(ms: number, run: () => void): NodeJS.Timeout {
    return setTimeout(() => {
      try {
        run();
      } catch (err) {
        this.#logger.error({ err }, 'bus: internal error in a timer');
      }
    }, ms);
  }

  /**
   * Drops what every group is done with, then enforces the size cap. With no group yet nothing is
   * done with, so events wait (up to the cap) for the first group to be created.
   */
  #trim(): void {
    if (this.#groups.size > 0) {
      let floor = this.#nextSeq;
      for (const group of this.#groups.values()) {
        const firstPending = group.pending.keys().next();
        floor = Math.min(floor, group.cursor, firstPending.done ? Infinity : firstPending.value);
      }
      this.#dropBefore(floor);
    }
    const excess = this.#log.length - this.#head - this.#maxRetained;
    if (excess <= 0) return;
    const cut = this.#firstSeq() + excess;
    for (const group of this.#groups.values()) {
      if (group.cursor >= cut) continue;
      this.#logger.warn(
        { group: group.name, lost: cut - Math.max(group.cursor, this.#firstSeq()) },
        `bus: group ${group.name} fell behind by more than maxRetainedEvents; the oldest events are dropped`,
      );
      group.cursor = cut;
    }
    this.#dropBefore(cut);
  }

  #dropBefore(seq: number): void {
    const drop = Math.min(seq - this.#firstSeq(), this.#log.length - this.#head);
    if (drop <= 0) return;
    this.#head += drop;
    if (this.#head >= 1024 && this.#head * 2 >= this.#log.length) {
      this.#log = this.#log.slice(this.#head);
      this.#head = 0;
    }
  }

  #stop(worker: Worker): Promise<void> {
    if (worker.state === 'running') {
      worker.state = 'stopping';
      worker.stopped = new Promise((resolve) => {
        worker.settle = resolve;
      });
      if (worker.inFlight === 0) this.#retire(worker);
    }
    return worker.stopped ?? Promise.resolve();
  }

  #abandon(worker: Worker): void {
    if (worker.state === 'stopped' || worker.state === 'abandoned') return;
    worker.state = 'abandoned';
    this.#detach(worker);
  }

  #retire(worker: Worker): void {
    worker.state = 'stopped';
    this.#detach(worker);
  }

  #detach(worker: Worker): void {
    const { workers } = worker.group;
    const index = workers.indexOf(worker);
    if (index >= 0) workers.splice(index, 1);
    this.#workers.delete(worker);
    worker.settle();
  }
}
