import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../../testing.js';
import { addLinesToBag } from './bag-lines.js';
import { addProduct, insertMember } from './testing.js';

describe('adding several sizes to a bag in one transaction', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld();
  });
  after(async () => {
    await world.close();
  });

  it('adds what may be bought and tells why the rest cannot be', async () => {
    const { database, outbox } = world.container;
    const ex = database.db;
    const member = await insertMember(ex, 'lines.member');
    const many = await addProduct(ex, { id: 'lines-many', priceMinor: 5_000, sizes: { S: 20 } });
    const short = await addProduct(ex, { id: 'lines-short', sizes: { M: 1 } });
    const gone = await addProduct(ex, { id: 'lines-gone', sizes: { L: 0 } });
    const draft = await addProduct(ex, { id: 'lines-draft', status: 'draft' });
    const early = await addProduct(ex, { id: 'lines-early', status: 'early_access', releaseAt: new Date(Date.now() + 86_400_000) });

    const first = await database.transaction((tx) =>
      addLinesToBag(tx, outbox, member, [
        { sku: many.S!, quantity: 9 },
        { sku: short.M!, quantity: 2 },
        { sku: gone.L!, quantity: 1 },
        { sku: draft['One size']!, quantity: 1 },
        { sku: early['One size']!, quantity: 1 },
        { sku: 'no-such-sku', quantity: 1 },
      ]),
    );
    assert.deepEqual(
      first.added.map((a) => [a.sku, a.productId, a.quantity, a.lineQuantity, a.unitPriceMinor, a.currency]),
      [[many.S, 'lines-many', 9, 9, 5_000, 'GBP']],
    );
    assert.deepEqual(first.refused, [
      { sku: short.M, productId: 'lines-short', reason: 'not_enough_stock' },
      { sku: gone.L, productId: 'lines-gone', reason: 'sold_out' },
      { sku: draft['One size'], productId: 'lines-draft', reason: 'not_available' },
      { sku: early['One size'], productId: 'lines-early', reason: 'not_available' },
      { sku: 'no-such-sku', productId: null, reason: 'not_available' },
    ]);

    const second = await database.transaction((tx) => addLinesToBag(tx, outbox, member, [{ sku: many.S!, quantity: 2 }]));
    assert.deepEqual(second.refused, [{ sku: many.S, productId: 'lines-many', reason: 'not_enough_stock' }], 'never more than 10 a line');
    const [line] = await database.query<{ quantity: number }>('select quantity from bag_items where account_id = $1', [member.id]);
    assert.equal(line?.quantity, 9);
    const [events] = await database.query<{ n: number }>("select count(*)::int as n from outbox where type = 'commerce.bag_item_added'");
    assert.equal(events?.n, 1);
  });
});
