import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../../testing.js';
import { purchase } from './purchase.js';
import { addProduct, insertMember } from './testing.js';

describe('purchase without HTTP', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld();
  });
  after(async () => {
    await world.close();
  });

  it('fills the bag and checks out, answering refusals as values with the step that refused', async () => {
    const db = world.container.database.db;
    const skus = await addProduct(db, { id: 'pur-1', sizes: { M: 1 } });
    const ada = await insertMember(db, 'pur.ada');
    const bought = await purchase(world.container.commerce, ada, [{ sku: skus.M!, quantity: 1 }], { checkout: { channel: 'whatsapp' } });
    assert.ok(bought.ok);
    assert.equal(bought.order.channel, 'whatsapp');
    assert.equal(bought.order.status, 'paid');

    const bob = await insertMember(db, 'pur.bob');
    const soldOut = await purchase(world.container.commerce, bob, [{ sku: skus.M!, quantity: 1 }]);
    assert.deepEqual(soldOut.ok ? null : [soldOut.status, soldOut.code, soldOut.step], [409, 'COT_ERR_CONFLICT', 'bag']);

    const more = await addProduct(db, { id: 'pur-2' });
    const declined = await purchase(world.container.commerce, bob, [{ sku: more['One size']!, quantity: 1 }], {
      checkout: { payment: { card_number: '4000000000000002', expiry: '12/49', cvc: '123' } },
    });
    assert.deepEqual(declined.ok ? null : [declined.status, declined.code, declined.step], [402, 'COT_ERR_PAYMENT_DECLINED', 'checkout']);
  });
});
