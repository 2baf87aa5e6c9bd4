import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { after, before, describe, it } from 'node:test';
import type { Subscription } from '../../platform/bus/index.js';
import { createTestWorld, joinAs, type TestWorld } from '../../testing.js';
import { checkEvent, type ContractEvent } from './contract.js';
import type { LoggedEvent } from './events.read.js';
import { EventRelay } from './events.relay.js';
import { insertContractEvents } from './events.repository.js';
import { recordEvents } from './record.js';

const contract = (id: string, actor = 'someone'): ContractEvent => {
  const checked = checkEvent({ id, type: 'share', time: '2026-05-01T12:00:00Z', actor, hashtags: ['#Summer'], channel: 'whatsapp' });
  if (!checked.ok) throw new Error(checked.problem.message);
  return checked.event;
};

async function until(what: string, done: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('the event relay', () => {
  let world: TestWorld;
  let subscription: Subscription;
  const received: { id: string; type: string; data: LoggedEvent }[] = [];

  before(async () => {
    world = await createTestWorld();
    subscription = await world.container.bus.consume<LoggedEvent>({ group: 'relay-test', types: ['events.>'] }, async ({ event }) => {
      received.push({ id: event.id, type: event.type, data: event.data });
    });
  });
  after(async () => {
    await subscription.stop();
    await world.close();
  });

  it('publishes every event in seq order, whoever wrote it, with the contract fields, actor_known and source', async () => {
    const ada = await joinAs(world, 'ada.relay');
    const { database, eventRelay } = world.container;
    await database.transaction((tx) => insertContractEvents(tx, Array.from({ length: 1500 }, (_, i) => contract(`r-${i}`)), 'import'));
    const posted = await world.app.inject({ method: 'POST', url: '/api/v1/events', payload: [{ id: 'r-api', type: 'love', time: '2026-05-02T08:00:00+01:00', actor: 'ada.relay', country: 'gb' }] });
    assert.equal(posted.statusCode, 200);
    await recordEvents(database.db, [{ type: 'follow', actorId: ada.account.id, actorHandle: 'ada.relay', subject: 'someone' }]);
    eventRelay.start();
    const seqs = await database.query<{ id: string }>('select id from events order by seq');
    await until('every event', () => received.length >= seqs.length);
    await eventRelay.stop();
    assert.deepEqual(received.map((r) => r.id), seqs.map((r) => r.id));
    assert.deepEqual(received.map((r) => r.data.seq), [...received.map((r) => r.data.seq)].sort((a, b) => a - b));
    const shared = received.find((r) => r.id === 'r-0')!;
    assert.equal(shared.type, 'events.share');
    assert.deepEqual(
      { ...shared.data, seq: 0 },
      { id: 'r-0', seq: 0, type: 'share', time: '2026-05-01T12:00:00.000Z', actor: 'someone', actor_known: false, source: 'import', hashtags: ['summer'], channel: 'whatsapp' },
    );
    const loved = received.find((r) => r.id === 'r-api')!;
    assert.deepEqual([loved.data.actor_known, loved.data.source, loved.data.country, loved.data.time], [true, 'api', 'GB', '2026-05-02T07:00:00.000Z']);
    assert.equal(received.at(-1)!.data.source, 'app');
    const [position] = await database.query<{ x: number }>('select published_before_txid::text::bigint as x from event_relay');
    assert.ok(Number(position!.x) > 0);
  });

  it('publishes nothing again once everything is out, and lets only one relay at a time hold the log', async () => {
    const { database, bus, log } = world.container;
    const second = new EventRelay({ database, bus, log });
    const before = received.length;
    await second.flush(); // a fresh node re-reads from the stored position: what it republishes the bus drops by id
    await sleep(200);
    assert.equal(received.length, before);
    if (database.kind === 'postgres') {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      const holder = database.transaction(async (tx) => {
        await tx.execute(sql`select 1 from event_relay where id = 1 for update`);
        locked();
        await held;
      });
      await lockTaken;
      await database.transaction((tx) => insertContractEvents(tx, [contract('while-locked')], 'api'));
      assert.equal(await second.relayOnce(), 0, 'another node holds the relay row');
      release();
      await holder;
      assert.equal(await second.relayOnce(), 1);
      await until('the event published after the lock', () => received.some((r) => r.id === 'while-locked'));
    }
  });

  it('publishes a page again when the bus failed, continuing a round where it stood', async () => {
    const { database, bus, log } = world.container;
    let failures = 1;
    const flaky = {
      ...bus,
      publish: (list: Parameters<typeof bus.publish>[0]) => (list.some((e) => e.id === 'flaky-2500') && failures-- > 0 ? Promise.reject(new Error('bus down')) : bus.publish(list)),
    };
    const relay = new EventRelay({ database, bus: flaky, log, batchSize: 1000 });
    await relay.flush();
    await database.transaction((tx) => insertContractEvents(tx, Array.from({ length: 3000 }, (_, i) => contract(`flaky-${i}`)), 'api'));
    assert.ok((await relay.relayOnce()) > 0);
    await assert.rejects(relay.flush(), /bus down/);
    await relay.flush();
    await until('every flaky event', () => received.filter((r) => r.id.startsWith('flaky-')).length === 3000);
  });

  it('publishes the events of a transaction that commits after a later one (PostgreSQL)', async (t) => {
    const { database, bus, log } = world.container;
    if (database.kind !== 'postgres') {
      t.skip('PGlite runs one transaction at a time');
      return;
    }
    const relay = new EventRelay({ database, bus, log });
    await relay.flush();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const lateWritten = new Promise<void>((resolve) => (written = resolve));
    const slow = database.transaction(async (tx) => {
      await insertContractEvents(tx, [contract('late-1'), contract('late-2')], 'api');
      written();
      await held;
    });
    await lateWritten;
    await database.transaction((tx) => insertContractEvents(tx, [contract('early')], 'api'));
    await relay.flush();
    await until('the early event', () => received.some((r) => r.id === 'early'));
    assert.ok(!received.some((r) => r.id.startsWith('late-')), 'nothing of an open transaction is published');
    release();
    await slow;
    await relay.flush();
    await until('the late events', () => received.filter((r) => r.id.startsWith('late-')).length === 2);
    // The seq of the late events is lower than the early one's: published after it, not skipped.
    const seq = (id: string) => received.find((r) => r.id === id)!.data.seq;
    assert.ok(seq('late-1') < seq('early'));
    const again = received.length;
    await relay.flush();
    await sleep(200);
    assert.equal(received.length, again, 'a finished round is not published again');
  });
});
