import type { BusLogger, EventBus } from './bus.js';
import { createMemoryBus } from './memory.js';
import { connectNatsBus } from './nats.js';

export type {
  BusEvent,
  BusLogger,
  ConsumeOptions,
  Delivery,
  EventBus,
  EventHandler,
  PublishResult,
  Subscription,
} from './bus.js';
export { createMemoryBus, type MemoryBusOptions } from './memory.js';
export { connectNatsBus, type NatsBusOptions } from './nats.js';

export interface OpenBusOptions {
  /** NATS JetStream when set; otherwise the in-process bus (one node only). */
  natsUrl?: string;
  /** NATS stream name. Default `COTERIE`. */
  stream?: string;
  /** NATS subjects are `<subjectPrefix>.<event type>`. Default `coterie`. */
  subjectPrefix?: string;
  /** Republishing an event id within this window is dropped. Default 2 min. */
  duplicateWindowMs?: number;
  /** NATS: how long events are retained. Default 7 days. */
  maxAgeMs?: number;
  /** Memory: most events retained. Default 100 000. */
  maxRetainedEvents?: number;
  /** First retry delay after a handler throws; doubles per attempt. Default 250 ms. */
  retryBackoffMs?: number;
  logger?: BusLogger;
}

/** Opens the bus the configuration asks for: NATS when `natsUrl` is given, else in memory. */
export async function openBus(options: OpenBusOptions = {}): Promise<EventBus> {
  const { natsUrl, stream, subjectPrefix, duplicateWindowMs, maxAgeMs, maxRetainedEvents, retryBackoffMs, logger } =
    options;
  if (natsUrl !== undefined && natsUrl !== '') {
    return connectNatsBus({ url: natsUrl, stream, subjectPrefix, duplicateWindowMs, maxAgeMs, retryBackoffMs, logger });
  }
  return createMemoryBus({ duplicateWindowMs, maxRetainedEvents, retryBackoffMs, logger });
}
