import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, joinAs, type TestMember, type TestWorld } from '../../../testing.js';
import type { AddSetToBagResult, SetView } from './sets.schemas.js';
import { caller, seedLooks } from './testing.js';

describe('adding a whole set to the bag', () => {
  let world: TestWorld;
  let ada: TestMember;
  let vera: TestMember;
  let look: SetView;
  let drop: SetView;
  const db = () => world.container.database;

  before(async () => {
    world = await createTestWorld();
    await seedLooks(world);
    ada = await joinAs(world, 'ada');
    vera = await joinAs(world, 'vera', { eip: true });
    const make = async (who: TestMember, productIds: string[]) =>
      (await caller(world, who)('POST', '/sets', { title: 'Look', product_ids: productIds })).json<{ set: SetView }>().set;
    look = await make(ada, ['dress-1', 'heel-1', 'gone-1', 'bag-1']);
    drop = await make(vera, ['early-1', 'scarf-1']);
  });
  after(async () => {
    await world.close();
  });

  async function addToBag(who: TestMember, set: SetView, body: unknown = {}): Promise<AddSetToBagResult> {
    const response = await caller(world, who)('POST', `/sets/${set.id}/add-to-bag`, body);
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  }

  it('adds products with one size in stock, asks for a size when there are several, skips the sold out', async () => {
    const bob = await joinAs(world, 'bob');
    const result = await addToBag(bob, look);
    assert.deepEqual(result.added, [
      { product_id: 'heel-1', sku: 'heel-1-38' },
      { product_id: 'bag-1', sku: 'bag-1' },
    ]);
    assert.deepEqual(result.skipped, [
      { product_id: 'dress-1', reason: 'choose_size' },
      { product_id: 'gone-1', reason: 'sold_out' },
    ]);
    assert.deepEqual(
      result.bag.lines.map((l) => [l.sku, l.quantity]),
      [
        ['bag-1', 1],
        ['heel-1-38', 1],
      ],
      'one transaction, one added_at: the bag orders them by sku',
    );
    assert.deepEqual(result.bag.subtotal, { amount_minor: 65000, currency: 'GBP' });

    const events = await db().query<{ type: string; product_id: string; subject: string; actor_handle: string; quantity: number; amount_minor: string; brand: string }>(
      'select type, product_id, subject, actor_handle, quantity, amount_minor, brand from events where actor_id = $1 order by product_id',
      [bob.account.id],
    );
    assert.deepEqual(
      events.map((e) => [e.type, e.product_id, e.subject, e.actor_handle, e.quantity, Number(e.amount_minor), e.brand]),
      [
        ['add_to_bag', 'bag-1', look.id, 'bob', 1, 20000, 'Acne Studios'],
        ['add_to_bag', 'heel-1', look.id, 'bob', 1, 45000, 'Maison Rouge'],
      ],
    );
    const [published] = await db().query<{ n: number }>(
      "select count(*)::int as n from outbox where type = 'commerce.bag_item_added' and data->>'account_id' = $1",
      [bob.account.id],
    );
    assert.equal(published?.n, 2);
  });

  it('adds the chosen size, refuses a size of another product, and skips a chosen size that is sold out', async () => {
    const cleo = await joinAs(world, 'cleo');
    const wrong = await caller(world, cleo)('POST', `/sets/${look.id}/add-to-bag`, { sizes: { 'dress-1': 'heel-1-38' } });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().error.details[0].field, 'body.sizes.dress-1');
    assert.equal((await caller(world, cleo)('GET', '/bag')).json().bag.lines.length, 0, 'nothing was added');

    const result = await addToBag(cleo, look, { sizes: { 'dress-1': 'dress-1-M', 'heel-1': 'heel-1-39', 'not-in-set': 'x' } });
    assert.deepEqual(result.added, [
      { product_id: 'dress-1', sku: 'dress-1-M' },
      { product_id: 'bag-1', sku: 'bag-1' },
    ]);
    assert.deepEqual(result.skipped, [
      { product_id: 'heel-1', reason: 'sold_out' },
      { product_id: 'gone-1', reason: 'sold_out' },
    ]);
  });

  it('skips what the stock cannot cover once the bag already holds it', async () => {
    const dan = await joinAs(world, 'dan');
    await addToBag(dan, look);
    const again = await addToBag(dan, look, { sizes: { 'dress-1': 'dress-1-S' } });
    assert.deepEqual(again.added, [
      { product_id: 'dress-1', sku: 'dress-1-S' },
      { product_id: 'bag-1', sku: 'bag-1' },
    ]);
    assert.deepEqual(again.skipped, [
      { product_id: 'heel-1', reason: 'not_enough_stock' },
      { product_id: 'gone-1', reason: 'sold_out' },
    ]);
    assert.equal(again.bag.lines.find((l) => l.sku === 'bag-1')?.quantity, 2, 'a second add grows the line');
  });

  it('follows the lifecycle: early access only for those who may buy it, never named to those who cannot see it', async () => {
    const eve = await joinAs(world, 'eve');
    const member = await addToBag(eve, drop);
    assert.deepEqual(member.added, [{ product_id: 'scarf-1', sku: 'scarf-1' }]);
    assert.deepEqual(member.skipped, [], 'the early-access sandals are not even named');

    const buyer = await joinAs(world, 'bea.buyer', { kind: 'buyer' });
    const staff = await addToBag(buyer, drop);
    assert.deepEqual(staff.skipped, [{ product_id: 'early-1', reason: 'not_available' }], 'buyers see early access but do not buy it');

    const client = await addToBag(vera, drop);
    assert.deepEqual(client.added, [
      { product_id: 'early-1', sku: 'early-1' },
      { product_id: 'scarf-1', sku: 'scarf-1' },
    ]);
  });

  it('adds everything or nothing: a failure part-way leaves no bag lines and no events', async () => {
    const finn = await joinAs(world, 'finn');
    await db().query(`create or replace function refuse_events() returns trigger language plpgsql as $$
                        begin raise exception 'events are down'; end $$`);
    await db().query('create trigger refuse_events before insert on events for each row execute function refuse_events()');
    try {
      const response = await caller(world, finn)('POST', `/sets/${look.id}/add-to-bag`, {});
      assert.equal(response.statusCode, 500);
    } finally {
      await db().query('drop trigger refuse_events on events');
      await db().query('drop function refuse_events()');
    }
    assert.equal((await caller(world, finn)('GET', '/bag')).json().bag.lines.length, 0);
    const [published] = await db().query<{ n: number }>(
      "select count(*)::int as n from outbox where type = 'commerce.bag_item_added' and data->>'account_id' = $1",
      [finn.account.id],
    );
    assert.equal(published?.n, 0);
    assert.equal((await addToBag(finn, look)).added.length, 2, 'and works again afterwards');
  });
});
