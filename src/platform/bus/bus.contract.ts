import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import type { BusEvent, BusLogger, Delivery, EventBus, EventHandler } from './bus.js';

/**
 * The behaviour every bus must show, run against each implementation. A fixture is one isolated
 * store (a fresh memory bus; a NATS stream of its own) on which tests open buses.
 */
export interface BusFixture {
  /** A bus on this fixture's store; for NATS each call is a new connection, as another process. */
  open(): Promise<EventBus>;
  /** What the buses logged. */
  logged: LogLine[];
  /** Closes every bus opened and removes the store. */
  dispose(): Promise<void>;
}

export interface LogLine {
  level: 'warn' | 'error';
  message: string;
  details: Record<string, unknown>;
}

/** A logger for fixtures that records into `logged`. */
export function recordingLogger(logged: LogLine[]): BusLogger {
  return {
    warn: (details, message) => logged.push({ level: 'warn', message, details }),
    error: (details, message) => logged.push({ level: 'error', message, details }),
  };
}

/** Polls until `predicate` holds; fails after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(10);
  }
}

function makeEvents(count: number, type = 'test.happened'): BusEvent[] {
  return Array.from({ length: count }, (_, n) => ({
    id: randomUUID(),
    type,
    occurredAt: new Date().toISOString(),
    data: { n },
  }));
}

/** Records deliveries; `handler` can be wrapped to fail or hang. */
function recorder(behaviour: (delivery: Delivery) => Promise<void> = async () => undefined) {
  const deliveries: Delivery[] = [];
  const handler: EventHandler = async (delivery) => {
    deliveries.push(delivery);
    await behaviour(delivery);
  };
  return {
    deliveries,
    handler,
    ids: () => deliveries.map((d) => d.event.id),
    count: (id: string) => deliveries.filter((d) => d.event.id === id).length,
  };
}

function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Short enough for fast tests, long enough that a healthy handler is never redelivered. */
const shortAckWaitMs = 600;

/** Registers the bus contract under `name`, with a fresh fixture for each test. */
export function runBusContract(name: string, makeFixture: () => Promise<BusFixture>): void {
  async function withFixture(body: (fixture: BusFixture, bus: EventBus) => Promise<void>): Promise<void> {
    const fixture = await makeFixture();
    try {
      await body(fixture, await fixture.open());
    } finally {
      await fixture.dispose();
    }
  }

  describe(`event bus contract: ${name}`, () => {
    it('delivers every event once, in publish order, with concurrency 1', () =>
      withFixture(async (_fixture, bus) => {
        const events = makeEvents(100);
        assert.deepEqual(await bus.publish(events.slice(0, 60)), { published: 60, duplicates: 0 });
        assert.deepEqual(await bus.publish(events.slice(60)), { published: 40, duplicates: 0 });
        const seen = recorder();
        await bus.consume({ group: 'ordered' }, seen.handler);
        await waitFor(() => seen.deliveries.length >= 100, 5000, '100 deliveries');
        assert.deepEqual(seen.ids(), events.map((e) => e.id));
        assert.ok(seen.deliveries.every((d) => d.attempt === 1));
        assert.deepEqual(seen.deliveries[0]!.event, events[0], 'the whole event arrives as published');
      }));

    it('delivers a republished event id once and counts the duplicate', () =>
      withFixture(async (_fixture, bus) => {
        const [a, b, c, d, last] = makeEvents(5);
        assert.deepEqual(await bus.publish([a!, b!]), { published: 2, duplicates: 0 });
        assert.deepEqual(await bus.publish([a!, c!]), { published: 1, duplicates: 1 });
        assert.deepEqual(await bus.publish([d!, d!]), { published: 1, duplicates: 1 });
        await bus.publish([last!]);
        const seen = recorder();
        await bus.consume({ group: 'dedup' }, seen.handler);
        await waitFor(() => seen.count(last!.id) === 1, 5000, 'the last event');
        assert.deepEqual(seen.ids(), [a, b, c, d, last].map((e) => e!.id));
      }));

    it('shares a group between its workers: each event to one of them', () =>
      withFixture(async (fixture, bus) => {
        const other = await fixture.open();
        const first = recorder(() => delay(1));
        const second = recorder(() => delay(1));
        await bus.consume({ group: 'shared' }, first.handler);
        await other.consume({ group: 'shared' }, second.handler);
        const events = makeEvents(200);
        await bus.publish(events);
        const total = () => first.deliveries.length + second.deliveries.length;
        await waitFor(() => total() >= 200, 10_000, '200 deliveries');
        const ids = [...first.ids(), ...second.ids()];
        assert.equal(new Set(ids).size, 200, 'every event delivered');
        assert.equal(ids.length, 200, 'no event delivered twice');
        assert.ok(first.deliveries.length > 0 && second.deliveries.length > 0, 'both workers got some');
      }));

    it('gives every group every event', () =>
      withFixture(async (_fixture, bus) => {
        const events = makeEvents(50);
        await bus.publish(events);
        const search = recorder();
        const mailer = recorder();
        await bus.consume({ group: 'search.indexer' }, search.handler);
        await bus.consume({ group: 'mail sender' }, mailer.handler);
        await waitFor(() => search.deliveries.length >= 50 && mailer.deliveries.length >= 50, 5000, 'both groups');
        assert.deepEqual(search.ids(), events.map((e) => e.id));
        assert.deepEqual(mailer.ids(), events.map((e) => e.id));
      }));

    it('redelivers an event whose handler threw', () =>
      withFixture(async (_fixture, bus) => {
        const [flaky, steady] = makeEvents(2);
        const seen = recorder(async ({ event, attempt }) => {
          if (event.id === flaky!.id && attempt === 1) throw new Error('not yet');
        });
        await bus.consume({ group: 'retry' }, seen.handler);
        await bus.publish([flaky!, steady!]);
        await waitFor(() => seen.count(flaky!.id) === 2, 5000, 'the redelivery');
        const attempts = seen.deliveries.filter((d) => d.event.id === flaky!.id).map((d) => d.attempt);
        assert.deepEqual(attempts, [1, 2]);
        assert.equal(seen.count(steady!.id), 1);
      }));

    it('redelivers to another worker after ackWait what a dead worker held', () =>
      withFixture(async (fixture, bus) => {
        const stuck = gate();
        const [event] = makeEvents(1);
        const dying = recorder(() => stuck.opened);
        const options = { group: 'crash', ackWaitMs: shortAckWaitMs };
        try {
          const doomed = await bus.consume(options, dying.handler);
          await bus.publish([event!]);
          await waitFor(() => dying.deliveries.length === 1, 5000, 'the first delivery');
          const heldSince = Date.now();
          const survivor = recorder();
          await (await fixture.open()).consume(options, survivor.handler);
          await doomed.abandon();
          await waitFor(() => survivor.deliveries.length === 1, 5000, 'the redelivery');
          assert.equal(survivor.deliveries[0]!.event.id, event!.id);
          assert.equal(survivor.deliveries[0]!.attempt, 2);
          assert.ok(Date.now() - heldSince >= shortAckWaitMs * 0.8, 'not before ackWait');
        } finally {
          stuck.open();
        }
      }));

    it('stop() waits for the handler in flight and acknowledges it', () =>
      withFixture(async (fixture, bus) => {
        const release = gate();
        let finished = false;
        const [event, later] = makeEvents(2);
        const options = { group: 'graceful', ackWaitMs: shortAckWaitMs };
        const busy = recorder(async () => {
          await release.opened;
          finished = true;
        });
        const subscription = await bus.consume(options, busy.handler);
        await bus.publish([event!]);
        await waitFor(() => busy.deliveries.length === 1, 5000, 'the delivery');
        const deliveredAt = Date.now();
        let stopped = false;
        const stopping = subscription.stop().then(() => {
          stopped = true;
        });
        await delay(50);
        assert.equal(stopped, false, 'stop() returned while a handler ran');
        release.open();
        await stopping;
        assert.equal(finished, true);
        // Had it not been acknowledged, the group would get it again once ackWait passed.
        const next = recorder();
        await (await fixture.open()).consume(options, next.handler);
        await bus.publish([later!]);
        await waitFor(() => next.count(later!.id) === 1, 5000, 'the later event');
        await delay(Math.max(0, deliveredAt + shortAckWaitMs + 200 - Date.now()));
        assert.deepEqual(next.ids(), [later!.id]);
      }));

    it('delivers only the types a group asks for', () =>
      withFixture(async (_fixture, bus) => {
        const groups = {
          prefix: { types: ['identity.>'], seen: recorder() },
          oneToken: { types: ['identity.*'], seen: recorder() },
          several: { types: ['orders.placed', 'identity.account_created'], seen: recorder() },
          exact: { types: ['catalog.item.priced'], seen: recorder() },
        };
        for (const [group, { types, seen }] of Object.entries(groups)) await bus.consume({ group, types }, seen.handler);
        const types = [
          'identity.account_created',
          'identity.profile.updated',
          'identity',
          'orders.placed',
          'orders.cancelled',
          'catalog.item.priced',
          'catalog.item.added',
          'identityx.account_created',
        ];
        const events = types.map((type) => makeEvents(1, type)[0]!);
        // The markers come last and every group wants one: anything wrongly delivered shows before.
        const markers = [makeEvents(1, 'identity.account_created')[0]!, makeEvents(1, 'catalog.item.priced')[0]!];
        await bus.publish([...events, ...markers]);
        const typesOf = (seen: ReturnType<typeof recorder>) => seen.deliveries.map((d) => d.event.type);
        const expected = {
          prefix: ['identity.account_created', 'identity.profile.updated', 'identity.account_created'],
          oneToken: ['identity.account_created', 'identity.account_created'],
          several: ['identity.account_created', 'orders.placed', 'identity.account_created'],
          exact: ['catalog.item.priced', 'catalog.item.priced'],
        };
        for (const [group, { seen }] of Object.entries(groups)) {
          const want = expected[group as keyof typeof expected];
          await waitFor(() => seen.deliveries.length >= want.length, 5000, `group ${group}`);
          assert.deepEqual(typesOf(seen), want, `group ${group}`);
        }
      }));

    it('refuses to change the types of an existing group', () =>
      withFixture(async (_fixture, bus) => {
        const subscription = await bus.consume({ group: 'fixed', types: ['identity.>'] }, async () => undefined);
        await subscription.stop();
        await assert.rejects(bus.consume({ group: 'fixed', types: ['orders.>'] }, async () => undefined), /types/);
      }));

    it('gives a group created after publishing the retained events', () =>
      withFixture(async (_fixture, bus) => {
        const events = makeEvents(5);
        await bus.publish(events);
        const late = recorder();
        await bus.consume({ group: 'late' }, late.handler);
        await waitFor(() => late.deliveries.length >= 5, 5000, 'retained events');
        assert.deepEqual(late.ids(), events.map((e) => e.id));
      }));

    it('resumes an existing group where it stopped', () =>
      withFixture(async (_fixture, bus) => {
        const before = makeEvents(3);
        const after = makeEvents(2);
        await bus.publish(before);
        const first = recorder();
        const subscription = await bus.consume({ group: 'resume' }, first.handler);
        await waitFor(() => first.deliveries.length >= 3, 5000, 'the first events');
        await subscription.stop();
        await bus.publish(after);
        const second = recorder();
        await bus.consume({ group: 'resume' }, second.handler);
        await waitFor(() => second.deliveries.length >= 2, 5000, 'the later events');
        assert.deepEqual(second.ids(), after.map((e) => e.id));
      }));

    it('gives up after maxDeliver deliveries and logs it', () =>
      withFixture(async (fixture, bus) => {
        const [poison, fine, marker] = makeEvents(3);
        const seen = recorder(async ({ event }) => {
          if (event.id === poison!.id) throw new Error('always fails');
        });
        await bus.consume({ group: 'giveup', maxDeliver: 3 }, seen.handler);
        await bus.publish([poison!, fine!]);
        const gaveUp = () => fixture.logged.some((l) => l.level === 'error' && l.details['eventId'] === poison!.id);
        await waitFor(gaveUp, 5000, 'the give-up log line');
        await bus.publish([marker!]);
        await waitFor(() => seen.count(marker!.id) === 1, 5000, 'the marker');
        await delay(300); // longer than the next retry would take
        assert.deepEqual(
          seen.deliveries.filter((d) => d.event.id === poison!.id).map((d) => d.attempt),
          [1, 2, 3],
        );
        assert.equal(seen.count(fine!.id), 1);
      }));

    it('runs up to `concurrency` handlers at once in one worker', () =>
      withFixture(async (_fixture, bus) => {
        let running = 0;
        let most = 0;
        const seen = recorder(async () => {
          running++;
          most = Math.max(most, running);
          await delay(20);
          running--;
        });
        await bus.publish(makeEvents(20));
        await bus.consume({ group: 'parallel', concurrency: 4 }, seen.handler);
        await waitFor(() => seen.deliveries.length >= 20 && running === 0, 5000, '20 deliveries');
        assert.equal(most, 4);
      }));
  });
}
