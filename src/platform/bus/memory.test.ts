import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import type { BusEvent, EventBus } from './bus.js';
import { recordingLogger, runBusContract, waitFor, type LogLine } from './bus.contract.js';
import { createMemoryBus, type MemoryBusOptions } from './memory.js';

runBusContract('memory', async () => {
  const logged: LogLine[] = [];
  const bus = createMemoryBus({ retryBackoffMs: 50, logger: recordingLogger(logged) });
  return {
    logged,
    // One process, one bus: every "other process" of a test shares it.
    open: async () => bus,
    dispose: () => bus.close(),
  };
});

function events(count: number): BusEvent[] {
  return Array.from({ length: count }, (_, n) => ({
    id: randomUUID(),
    type: 'test.happened',
    occurredAt: new Date().toISOString(),
    data: { n },
  }));
}

async function withBus(options: MemoryBusOptions, body: (bus: EventBus, logged: LogLine[]) => Promise<void>) {
  const logged: LogLine[] = [];
  const bus = createMemoryBus({ logger: recordingLogger(logged), ...options });
  try {
    await body(bus, logged);
  } finally {
    await bus.close();
  }
}

async function collect(bus: EventBus, group: string): Promise<string[]> {
  const ids: string[] = [];
  await bus.consume({ group }, async ({ event }) => {
    ids.push(event.id);
  });
  return ids;
}

describe('memory bus: bounds and lifecycle', () => {
  it('forgets an id once the duplicate window has passed', () =>
    withBus({ duplicateWindowMs: 30 }, async (bus) => {
      const [event] = events(1);
      assert.deepEqual(await bus.publish([event!]), { published: 1, duplicates: 0 });
      await delay(40);
      assert.deepEqual(await bus.publish([event!]), { published: 1, duplicates: 0 });
    }));

  it('drops events every known group has acknowledged', () =>
    withBus({}, async (bus) => {
      await bus.publish(events(5));
      const first = await collect(bus, 'first');
      await waitFor(() => first.length === 5);
      const second = await collect(bus, 'second');
      const [later] = events(1);
      await bus.publish([later!]);
      await waitFor(() => second.length === 1 && first.length === 6);
      assert.deepEqual(second, [later!.id]);
    }));

  it('keeps at most maxRetainedEvents, warning a group that falls behind', () =>
    withBus({ maxRetainedEvents: 10 }, async (bus, logged) => {
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      await bus.consume({ group: 'slow' }, () => released);
      const published = events(25);
      await bus.publish(published);
      assert.ok(logged.some((line) => line.level === 'warn' && line.details['group'] === 'slow'));
      const late = await collect(bus, 'late');
      await waitFor(() => late.length === 10);
      assert.deepEqual(late, published.slice(15).map((e) => e.id));
      release();
    }));

  it('gives up on an event whose handler never settles, after maxDeliver ack waits', () =>
    withBus({}, async (bus, logged) => {
      const never = new Promise<void>(() => undefined);
      let attempts = 0;
      const subscription = await bus.consume({ group: 'hung', ackWaitMs: 30, maxDeliver: 2, concurrency: 2 }, () => {
        attempts++;
        return never;
      });
      await bus.publish(events(1));
      await waitFor(() => logged.some((line) => line.level === 'error'));
      assert.equal(attempts, 2);
      // close() would wait for these handlers forever, as a graceful stop must.
      await subscription.abandon();
    }));

  it('leaves no timer behind after close()', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    const before = timers();
    const bus = createMemoryBus({ retryBackoffMs: 60_000, logger: recordingLogger([]) });
    let attempts = 0;
    await bus.consume({ group: 'failing', ackWaitMs: 60_000 }, async () => {
      attempts++;
      throw new Error('fails');
    });
    await bus.publish(events(3));
    await waitFor(() => attempts === 3);
    assert.ok(timers() > before, 'retries are scheduled');
    await bus.close();
    assert.equal(timers(), before);
    await assert.rejects(bus.publish(events(1)), /closed/);
  });
});
