/**
 * The event bus: in-process by default, NATS JetStream at scale. Producers never publish directly
 * from a service; they write to the outbox inside their transaction and the relay publishes after
 * commit. Consumers must be idempotent: delivery is at least once.
 */
export interface BusEvent<Data = unknown> {
  /** Unique id; publishing the same id twice delivers it once (within the dedup window). */
  id: string;
  /** Dotted type, `<module>.<what happened>`, e.g. `identity.account_created`. Also the subject suffix. */
  type: string;
  /** ISO 8601 time the change happened. */
  occurredAt: string;
  data: Data;
}

export interface Delivery<Data = unknown> {
  event: BusEvent<Data>;
  /** 1 on first delivery, more after a redelivery. */
  attempt: number;
}

/** Resolve to acknowledge; throw to have the event redelivered later. */
export type EventHandler<Data = unknown> = (delivery: Delivery<Data>) => Promise<void>;

export interface ConsumeOptions {
  /** Durable consumer name. Workers with the same group share the events; each event goes to one of them. */
  group: string;
  /**
   * Event types to receive, with NATS subject wildcards: `*` matches one token (`identity.*`),
   * a trailing `>` one or more (`identity.>`). Default: all. A group's types are fixed when it is
   * created; consuming an existing group with other types throws (use a new group name).
   */
  types?: string[];
  /** How long a delivered event may stay unacknowledged before it is redelivered. Default 30 s. */
  ackWaitMs?: number;
  /**
   * Deliveries before an event is given up on (logged, then acknowledged). Default 10. This and
   * `ackWaitMs` are group settings: the latest `consume()` of a group sets them for all its workers.
   */
  maxDeliver?: number;
  /** Handlers run at once in this worker. Default 1 (in order). */
  concurrency?: number;
}

export interface Subscription {
  /** Stops taking new events and waits for the handlers in flight to finish and acknowledge. */
  stop(): Promise<void>;
  /**
   * Stops at once as a crashed worker would: handlers in flight are abandoned and their events
   * are not acknowledged, so the group gets them again after `ackWaitMs`.
   */
  abandon(): Promise<void>;
}

export interface PublishResult {
  published: number;
  /** Events whose id had been published before and were dropped. */
  duplicates: number;
}

export interface EventBus {
  readonly kind: 'memory' | 'nats';
  publish(events: BusEvent[]): Promise<PublishResult>;
  consume<Data = unknown>(options: ConsumeOptions, handler: EventHandler<Data>): Promise<Subscription>;
  /** Stops every subscription (gracefully) and releases connections. */
  close(): Promise<void>;
}

/** Where the bus reports events it gives up on and other trouble; a pino logger fits. */
export interface BusLogger {
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}
