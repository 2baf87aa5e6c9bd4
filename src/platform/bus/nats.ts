import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  jetstream,
  jetstreamManager,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import type {
  BusEvent,
  BusLogger,
  ConsumeOptions,
  EventBus,
  EventHandler,
  PublishResult,
  Subscription,
} from './bus.js';
import { ensureConsumer, ensureStream } from './nats-setup.js';
import {
  assertPublishable,
  consoleLogger,
  defaults,
  groupSettings,
  invoke,
  retryDelayMs,
  typeFilter,
  type GroupSettings,
} from './shared.js';

export interface NatsBusOptions {
  /** e.g. `nats://127.0.0.1:4222`; several servers separated by commas. */
  url: string;
  stream?: string;
  /** Events are published to `<subjectPrefix>.<type>`. */
  subjectPrefix?: string;
  /** JetStream's dedup window for `Nats-Msg-Id`. Default 2 min. */
  duplicateWindowMs?: number;
  /** How long events are retained, also for groups created later. Default 7 days. */
  maxAgeMs?: number;
  /** Delay before the first retry of a failed handler; doubles per attempt. Default 250 ms. */
  retryBackoffMs?: number;
  /**
   * Events a worker pulls ahead of its free handler slots. More is faster, but a prefetched event's
   * ack wait is already running. Default 16.
   */
  prefetch?: number;
  logger?: BusLogger;
}

const defaultMaxAgeMs = 7 * 24 * 60 * 60_000;
const defaultPrefetch = 16;
/** Publishes awaited together: enough to keep the pipe full, few enough to bound memory. */
const publishChunk = 256;

/** Connects to NATS, creates or updates the stream, and returns a bus on it. */
export async function connectNatsBus(options: NatsBusOptions): Promise<EventBus> {
  const stream = options.stream ?? 'COTERIE';
  const subjectPrefix = options.subjectPrefix ?? 'coterie';
  if (!/^[A-Za-z0-9_-]+$/.test(stream)) throw new TypeError(`invalid stream name ${JSON.stringify(stream)}`);
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(subjectPrefix)) {
    throw new TypeError(`invalid subject prefix ${JSON.stringify(subjectPrefix)}`);
  }
  const duplicateWindowMs = options.duplicateWindowMs ?? defaults.duplicateWindowMs;
  const maxAgeMs = options.maxAgeMs ?? defaultMaxAgeMs;
  if (duplicateWindowMs > maxAgeMs) throw new TypeError('duplicateWindowMs must not exceed maxAgeMs');

  const nc = await connect({
    servers: options.url.split(',').map((s) => s.trim()),
    name: 'coterie-bus',
    // A bus outlives NATS restarts: keep reconnecting; pull consumers resume by themselves.
    maxReconnectAttempts: -1,
  });
  try {
    const jsm = await jetstreamManager(nc);
    await ensureStream(jsm, { name: stream, subjectPrefix, duplicateWindowMs, maxAgeMs });
    return new NatsBus(nc, jsm, jetstream(nc), {
      stream,
      subjectPrefix,
      retryBackoffMs: options.retryBackoffMs ?? defaults.retryBackoffMs,
      prefetch: options.prefetch ?? defaultPrefetch,
      logger: options.logger ?? consoleLogger,
    });
  } catch (err) {
    await nc.close();
    throw err;
  }
}

interface BusSettings {
  stream: string;
  subjectPrefix: string;
  retryBackoffMs: number;
  prefetch: number;
  logger: BusLogger;
}

class NatsBus implements EventBus {
  readonly kind = 'nats' as const;
  readonly #workers = new Set<NatsWorker>();
  #closed = false;

  constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    private readonly settings: BusSettings,
  ) {}

  async publish(events: BusEvent[]): Promise<PublishResult> {
    this.#assertOpen();
    events.forEach(assertPublishable);
    const payloads = events.map((event) => JSON.stringify(event));
    let published = 0;
    let duplicates = 0;
    // One connection keeps publish order; awaiting per chunk rather than per event is the pipelining.
    for (let start = 0; start < events.length; start += publishChunk) {
      const acks = await Promise.all(
        events
          .slice(start, start + publishChunk)
          .map((event, i) =>
            this.js.publish(`${this.settings.subjectPrefix}.${event.type}`, payloads[start + i], { msgID: event.id }),
          ),
      );
      for (const ack of acks) {
        if (ack.duplicate) duplicates++;
        else published++;
      }
    }
    return { published, duplicates };
  }

  async consume<Data = unknown>(options: ConsumeOptions, handler: EventHandler<Data>): Promise<Subscription> {
    this.#assertOpen();
    const group = groupSettings(options);
    const durable = await ensureConsumer(this.jsm, this.settings.stream, this.settings.subjectPrefix, group);
    const consumer = await this.js.consumers.get(this.settings.stream, durable);
    const messages = await consumer.consume({ max_messages: group.concurrency + this.settings.prefetch });
    const worker = new NatsWorker(this.nc, messages, group, handler as EventHandler, this.settings, () =>
      this.#workers.delete(worker),
    );
    this.#workers.add(worker);
    return worker;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([...this.#workers].map((worker) => worker.stop()));
    if (!this.nc.isClosed()) await this.nc.drain();
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('the event bus is closed');
  }
}

/** Consumer notifications worth a line in the log; the rest are routine. */
const notable = new Set(['consumer_deleted', 'consumer_not_found', 'stream_not_found', 'exceeded_limits']);

/** One `consume()` call: pulls from the group's durable and runs up to `concurrency` handlers. */
class NatsWorker implements Subscription {
  #state: 'running' | 'stopping' | 'stopped' | 'abandoned' = 'running';
  #inFlight = 0;
  #stopped: Promise<void> | undefined;
  /** Resolved whenever a handler slot frees or the state changes. */
  #wake: (() => void) | undefined;
  #idleWaiters: Array<() => void> = [];
  readonly #matches: (type: string) => boolean;
  readonly #loop: Promise<void>;

  constructor(
    private readonly nc: NatsConnection,
    private readonly messages: ConsumerMessages,
    private readonly group: GroupSettings,
    private readonly handler: EventHandler,
    private readonly settings: BusSettings,
    private readonly onGone: () => void,
  ) {
    this.#matches = typeFilter(group.types);
    this.#loop = this.#run().catch((err: unknown) => {
      settings.logger.error({ err, group: group.group }, 'bus: consumer loop failed');
    });
    void this.#watchStatus().catch(() => undefined);
  }

  stop(): Promise<void> {
    if (this.#state === 'running') {
      this.#state = 'stopping';
      this.#stopped = this.#stop();
    }
    return this.#stopped ?? Promise.resolve();
  }

  /**
   * Closing the pull subscription cannot take back what the server already sent to it: events on
   * the wire at that moment (at most one pull batch) return to the group only after ack wait.
   * Prefetched events that did arrive are handed back at once with a nak.
   */
  async #stop(): Promise<void> {
    this.#wakeLoop();
    await Promise.all([this.messages.close(), this.#loop]);
    await this.#idle();
    if (this.#state !== 'stopping') return; // abandoned meanwhile
    // Acks are fire-and-forget: flush so they are at the server when stop() returns.
    await this.nc.flush().catch((err: unknown) => {
      this.settings.logger.warn({ err, group: this.group.group }, 'bus: could not flush acknowledgements');
    });
    this.#state = 'stopped';
    this.onGone();
  }

  async abandon(): Promise<void> {
    if (this.#state === 'stopped' || this.#state === 'abandoned') return;
    this.#state = 'abandoned';
    this.#wakeLoop();
    this.#releaseIdleWaiters();
    this.onGone();
    await Promise.all([this.messages.close(), this.#loop]);
  }

  async #run(): Promise<void> {
    for await (const msg of this.messages) {
      const event = this.#take(msg);
      if (event === undefined) continue;
      while (this.#state === 'running' && this.#inFlight >= this.group.concurrency) {
        await new Promise<void>((resolve) => {
          this.#wake = resolve;
        });
      }
      if (this.#take(msg) === undefined) continue;
      this.#inFlight++;
      void this.#handle(msg, event).catch((err: unknown) => {
        this.settings.logger.error({ err, group: this.group.group }, 'bus: internal error after a handler');
      });
    }
  }

  /** The event if this worker should run it; otherwise disposes of the message and says so. */
  #take(msg: JsMsg): BusEvent | undefined {
    switch (this.#state) {
      case 'abandoned':
      case 'stopped':
        return undefined; // never acknowledged: back to the group after ack wait
      case 'stopping':
        this.#reply(msg, () => msg.nak()); // prefetched, not started: hand back at once
        return undefined;
      case 'running':
        break;
    }
    let event: BusEvent;
    try {
      event = msg.json<BusEvent>();
      assertPublishable(event);
    } catch (err) {
      this.settings.logger.error({ err, group: this.group.group, seq: msg.seq }, 'bus: dropped an unreadable message');
      this.#reply(msg, () => msg.term('unreadable'));
      return undefined;
    }
    if (!this.#matches(event.type)) {
      this.#reply(msg, () => msg.ack()); // only in the server's wider filter
      return undefined;
    }
    return event;
  }

  async #handle(msg: JsMsg, event: BusEvent): Promise<void> {
    const attempt = msg.info.deliveryCount;
    let failure: { err: unknown } | undefined;
    try {
      await invoke(() => this.handler({ event, attempt }));
    } catch (err) {
      failure = { err };
    }
    this.#inFlight--;
    try {
      this.#settle(msg, event, attempt, failure);
    } finally {
      this.#wakeLoop();
      if (this.#inFlight === 0) this.#releaseIdleWaiters();
    }
  }

  #settle(msg: JsMsg, event: BusEvent, attempt: number, failure: { err: unknown } | undefined): void {
    if (this.#state === 'abandoned') return; // as if crashed: its events come back after ack wait
    if (failure === undefined) {
      this.#reply(msg, () => msg.ack());
    } else if (attempt >= this.group.maxDeliver) {
      this.settings.logger.error(
        { err: failure.err, group: this.group.group, eventId: event.id, eventType: event.type, deliveries: attempt },
        `bus: gave up on event ${event.id} after ${attempt} deliveries`,
      );
      // Terminate rather than plain ack: same effect, and JetStream emits an advisory for it.
      this.#reply(msg, () => msg.term('maxDeliver reached'));
    } else {
      this.#reply(msg, () => msg.nak(retryDelayMs(attempt, this.settings.retryBackoffMs)));
    }
  }

  #reply(msg: JsMsg, send: () => void): void {
    try {
      send();
    } catch (err) {
      this.settings.logger.warn({ err, group: this.group.group, seq: msg.seq }, 'bus: could not reply to a message');
    }
  }

  #wakeLoop(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  #idle(): Promise<void> {
    if (this.#inFlight === 0 || this.#state === 'abandoned') return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #releaseIdleWaiters(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  async #watchStatus(): Promise<void> {
    for await (const status of this.messages.status()) {
      if (notable.has(status.type)) {
        this.settings.logger.warn({ status, group: this.group.group }, `bus: consumer ${status.type}`);
      }
    }
  }
}
