import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { createMemoryBus, type BusEvent, type EventBus } from '../bus/index.js';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { Outbox } from './outbox.js';

describe('outbox', () => {
  let database: TestDatabase;
  let bus: EventBus;
  let outbox: Outbox;
  const received: BusEvent[] = [];

  before(async () => {
    database = await createTestDatabase();
    bus = createMemoryBus();
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
});
