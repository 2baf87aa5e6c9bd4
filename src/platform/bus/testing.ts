import { randomBytes } from 'node:crypto';
import type { BusLogger, EventBus } from './bus.js';
import { createMemoryBus } from './memory.js';
import { connectNatsBus } from './nats.js';
import { deleteStream } from './nats-setup.js';

export interface TestBus extends EventBus {
  /** The NATS stream made for this bus, if any. */
  readonly stream: string | undefined;
}

/**
 * A bus of its own for one test: in memory, or on a fresh NATS stream and subject prefix when
 * `natsUrl` is given. `close()` also deletes that stream, so test runs leave nothing on the server.
 */
export async function openTestBus(options: { natsUrl?: string; logger?: BusLogger } = {}): Promise<TestBus> {
  const { natsUrl, logger } = options;
  if (natsUrl === undefined || natsUrl === '') {
    return Object.assign(createMemoryBus({ retryBackoffMs: 50, logger }), { stream: undefined });
  }
  const suffix = randomBytes(6).toString('hex');
  const stream = `COTERIE_TEST_${suffix}`;
  const bus = await connectNatsBus({ url: natsUrl, stream, subjectPrefix: `coterie-test-${suffix}`, retryBackoffMs: 50, logger });
  return {
    stream,
    kind: bus.kind,
    publish: (events) => bus.publish(events),
    consume: (consumeOptions, handler) => bus.consume(consumeOptions, handler),
    async close() {
      await bus.close();
      await deleteStream(natsUrl, stream);
    },
  };
}
