import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../platform/db/testing.js';
import { checkBatch } from './contract.js';
import { listEvents } from './events.read.js';
import { insertContractEvents } from './events.repository.js';

describe('reading the event log', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
    const awkward = ['Maison "A", {B}\\ C', 'NULL', "it's", '{}', 'é,ü'];
    const { events, problems } = checkBatch([
      ...awkward.map((brand, i) => ({ id: `w-${i}`, type: 'love', time: '2026-05-01T12:00:00Z', actor: 'ada', product: 'P1', brand, hashtags: ['Été', '#x_1'] })),
      { id: 'v-1', type: 'view', time: '2026-05-01T13:00:00Z', actor: 'bea', product: 'P2', device: 'app', city: 'Paris', country: 'fr' },
      { id: 'p-1', type: 'purchase', time: '2026-05-01T14:00:00Z', actor: 'ada', product: 'P2', quantity: 2, amount_minor: 24_000, currency: 'eur', channel: 'app' },
    ]);
    assert.deepEqual(problems, []);
    await database.transaction((tx) => insertContractEvents(tx, events, 'api'));
  });
  after(async () => {
    await database.close();
  });

  it('answers events in log order with the contract fields, keeping text exactly as sent', async () => {
    const all = await listEvents(database.db, { limit: 100 });
    assert.deepEqual(all.map((e) => e.id), ['w-0', 'w-1', 'w-2', 'w-3', 'w-4', 'v-1', 'p-1']);
    assert.deepEqual(all.slice(0, 5).map((e) => e.brand), ['Maison "A", {B}\\ C', 'NULL', "it's", '{}', 'é,ü']);
    assert.deepEqual(all[0]!.hashtags, ['été', 'x_1']);
    assert.deepEqual({ ...all[6]!, seq: 0 }, {
      id: 'p-1', seq: 0, type: 'purchase', time: '2026-05-01T14:00:00.000Z', actor: 'ada', actor_known: false, source: 'api',
      product: 'P2', quantity: 2, amount_minor: 24_000, currency: 'EUR', channel: 'app',
    });
  });

  it('filters by position, type, product and actor', async () => {
    const all = await listEvents(database.db, { limit: 100 });
    const after = await listEvents(database.db, { after: all[4]!.seq, limit: 100 });
    assert.deepEqual(after.map((e) => e.id), ['v-1', 'p-1']);
    assert.deepEqual((await listEvents(database.db, { types: ['view', 'purchase'], limit: 1 })).map((e) => e.id), ['v-1']);
    assert.deepEqual((await listEvents(database.db, { productId: 'P2', actorHandle: 'ada', limit: 10 })).map((e) => e.id), ['p-1']);
  });
});
