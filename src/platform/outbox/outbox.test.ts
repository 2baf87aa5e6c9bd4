import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import type { BusEvent } from '../bus/index.js';
import { openTestBus, type TestBus } from '../bus/testing.js';
import { loadConfig } from '../../config.js';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { Outbox } from './outbox.js';

describe('outbox', () => {
  let database: TestDatabase;
  let bus: TestBus;
  let outbox: Outbox;
  const received: BusEvent[] = [];

  before(async () => {
    database = await createTestDatabase();
    const { natsUrl } = loadConfig();
    bus = await openTestBus(natsUrl ? { natsUrl } : {});
    outbox = new Outbox({ database, bus, log: pino({ level: 'silent' }), batchSize: 10 });
    await bus.consume({ group: 'probe' }, async ({ event }) => {
      received.push(event);
    });
    await database.query('create table probe_items (id int primary key)');
  });
  after(async () => {
    await outbox.stop();
    await bus.close();
    await database.close();
  });

  async function waitForCount(n: number) {
    const deadline = Date.now() + 5000;
    while (received.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  }

  it('publishes events of a committed transaction, in order, after commit', async () => {
    outbox.start();
    await outbox.transaction(async (tx) => {
      await tx.execute(sql`insert into probe_items values (1)`);
      await outbox.emit(
        tx,
        Array.from({ length: 25 }, (_, i) => ({ type: 'probe.item_added', data: { n: i } })),
      );
      assert.equal(received.length, 0, 'nothing is published before commit');
    });
    await waitForCount(25);
    assert.deepEqual(
      received.map((e) => (e.data as { n: number }).n),
      Array.from({ length: 25 }, (_, i) => i),
    );
    await outbox.flush(); // the relay marks rows published just after the bus has them
    const [pending] = await database.query<{ n: number }>('select count(*)::int as n from outbox where published_at is null');
    assert.equal(pending!.n, 0);
  });

  it('publishes nothing for a transaction that rolled back', async () => {
    const before = received.length;
    await assert.rejects(
      outbox.transaction(async (tx) => {
        await outbox.emit(tx, { type: 'probe.never', data: {} });
        throw new Error('changed my mind');
      }),
    );
    await outbox.flush();
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(received.length, before);
    assert.ok(!received.some((e) => e.type === 'probe.never'));
  });

  it('tells listeners after a commit, and not after a rollback', async () => {
    let calls = 0;
    outbox.onCommitted(() => calls++);
    await outbox.transaction(async () => undefined);
    assert.equal(calls, 1);
    await assert.rejects(outbox.transaction(async () => Promise.reject(new Error('no'))));
    assert.equal(calls, 1);
  });

  it('records an event id once, however often a retry emits it', async () => {
    const id = '3f0c1c1e-8f44-4a53-9d77-0d3c1f7d0a11';
    for (let i = 0; i < 3; i++) {
      await outbox.transaction(async (tx) => {
        await outbox.emit(tx, { id, type: 'probe.retried', data: { attempt: i } });
      });
    }
    await outbox.flush();
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(received.filter((e) => e.id === id).length, 1);
  });

  it('lets the relays of several nodes share the outbox without publishing an event twice', async () => {
    const second = new Outbox({ database, bus, log: pino({ level: 'silent' }), batchSize: 7 });
    const start = received.length;
    await database.transaction(async (tx) => {
      await outbox.emit(
        tx,
        Array.from({ length: 120 }, (_, i) => ({ type: 'probe.shared', data: { n: i } })),
      );
    });
    await Promise.all([outbox.flush(), second.flush(), outbox.flush(), second.flush()]);
    await waitForCount(start + 120);
    await new Promise((r) => setTimeout(r, 100));
    const shared = received.filter((e) => e.type === 'probe.shared');
    assert.equal(shared.length, 120);
    assert.equal(new Set(shared.map((e) => e.id)).size, 120);
  });
});
