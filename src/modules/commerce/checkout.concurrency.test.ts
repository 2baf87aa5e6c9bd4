import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../../testing.js';
import { takeStock } from '../catalog/index.js';
import { fingerprint } from './checkout.service.js';
import { commerceRepository } from './commerce.repository.js';
import { checkoutBody as checkoutSchema } from './commerce.schemas.js';
import { addProduct, as, checkoutBody, join, statusOf, stockOf, type Member } from './testing.js';

describe('checkout under contention', () => {
  let world: TestWorld;
  const db = () => world.container.database.db;
  const count = async (sql: string, params: unknown[] = []) => (await world.container.database.query<{ n: number }>(sql, params))[0]!.n;

  before(async () => {
    world = await createTestWorld();
  });
  after(async () => {
    await world.close();
  });

  it('sells the last 5 units to exactly 5 of 50 members checking out at once; the 45 others get a clear 409', async () => {
    const skus = await addProduct(db(), { id: 'race-bag', title: 'The last bags', sizes: { 'One size': 5 } });
    const sku = skus['One size']!;
    // Stock is 5 while the members fill their bags: everyone may add one.
    const members: Member[] = await Promise.all(Array.from({ length: 50 }, (_, i) => join(world.app, `race.member${i}`)));
    for (const member of members) assert.equal((await as(world.app, member).post('/bag/items', { sku })).statusCode, 200);

    const responses = await Promise.all(
      members.map((member, i) => as(world.app, member).post('/checkout', checkoutBody(), { 'idempotency-key': `race-${i}` })),
    );
    const statuses = responses.map((r) => r.statusCode);
    assert.equal(statuses.filter((s) => s === 201).length, 5, JSON.stringify(statuses));
    const refused = responses.filter((r) => r.statusCode !== 201);
    assert.equal(refused.length, 45);
    for (const response of refused) {
      assert.equal(response.statusCode, 409, response.body);
      const { error } = response.json();
      assert.equal(error.code, 'COT_ERR_CONFLICT');
      assert.deepEqual(error.details, [{ field: `sku:${sku}`, message: 'is sold out' }]);
    }
    assert.equal(await stockOf(db(), sku), 0);
    assert.equal(await statusOf(db(), 'race-bag'), 'sold_out');
    assert.equal(await count(`select count(*)::int as n from order_lines where sku = $1`, [sku]), 5);
    assert.equal(await count(`select coalesce(sum(quantity), 0)::int as n from order_lines where sku = $1`, [sku]), 5);
    assert.equal(await count(`select count(*)::int as n from bag_items where sku = $1`, [sku]), 45, 'the losers keep their bags');
    assert.equal(await count(`select count(*)::int as n from outbox where type = 'commerce.order_placed' and data->'lines'->0->>'sku' = $1`, [sku]), 5);
  });

  it('answers concurrent requests with one Idempotency-Key with one order, the same body, and one payment', async () => {
    const skus = await addProduct(db(), { id: 'race-key', sizes: { M: 10 } });
    const member = await join(world.app, 'race.twice');
    await as(world.app, member).post('/bag/items', { sku: skus.M, quantity: 2 });
    const headers = { 'idempotency-key': 'double-click' };
    const responses = await Promise.all(Array.from({ length: 8 }, () => as(world.app, member).post('/checkout', checkoutBody(), headers)));
    for (const response of responses) assert.equal(response.statusCode, 201, response.body);
    const bodies = new Set(responses.map((r) => r.body));
    assert.equal(bodies.size, 1, 'every answer is the same order');
    assert.equal(responses.filter((r) => r.headers['idempotent-replayed'] === 'true').length, 7);
    assert.equal(await count(`select count(*)::int as n from orders where account_id = $1`, [member.id]), 1);
    assert.equal(await stockOf(db(), skus.M!), 8);
  });

  it('lets the unique index decide when another request with the key commits while this one runs', async () => {
    const skus = await addProduct(db(), { id: 'race-index', sizes: { M: 10 } });
    const member = await join(world.app, 'race.index');
    await as(world.app, member).post('/bag/items', { sku: skus.M, quantity: 1 });
    const body = checkoutBody();
    const key = 'winner-elsewhere';
    const orderId = randomUUID();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const inserted = new Promise<void>((resolve) => (written = resolve));
    // A "winner" that wrote its order with this key but has not committed yet (another node, say).
    const winner = world.container.database.transaction(async (tx) => {
      await commerceRepository.insertOrder(tx, {
        id: orderId, number: 'CT-WINNER00', accountId: member.id, status: 'paid', currency: 'GBP', subtotalMinor: 10_000,
        shippingMinor: 500, totalMinor: 10_500, channel: 'web', shippingAddress: body.shipping_address, paymentProvider: 'test',
        paymentReference: 'test_winner', idempotencyKey: key, requestHash: fingerprint(checkoutSchema.parse(body)),
      });
      await commerceRepository.insertLines(tx, [
        { orderId, position: 0, productId: 'race-index', sku: skus.M!, title: 't', brand: 'b', size: 'M', unitPriceMinor: 10_000, quantity: 1, lineTotalMinor: 10_000 },
      ]);
      written();
      await held;
    });
    await inserted;
    const loser = as(world.app, member).post('/checkout', body, { 'idempotency-key': key });
    await new Promise((resolve) => setTimeout(resolve, 150));
    release();
    await winner;
    const response = await loser;
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.headers['idempotent-replayed'], 'true');
    assert.equal(response.json().order.id, orderId);
    assert.equal(await stockOf(db(), skus.M!), 10, 'the loser took no stock');
    assert.equal(await count(`select count(*)::int as n from orders where account_id = $1`, [member.id]), 1);
  });

  it('never takes stock twice for one double-clicked checkout without a key', async () => {
    const skus = await addProduct(db(), { id: 'race-nokey', sizes: { M: 10 } });
    const member = await join(world.app, 'race.nokey');
    await as(world.app, member).post('/bag/items', { sku: skus.M, quantity: 3 });
    const responses = await Promise.all([1, 2, 3].map(() => as(world.app, member).post('/checkout', checkoutBody())));
    const statuses = responses.map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [201, 422, 422], 'the bag is checked out once; the others find it empty');
    assert.equal(await stockOf(db(), skus.M!), 7);
  });

  it('counts two lines for one variant against the same stock', async () => {
    const skus = await addProduct(db(), { id: 'race-dup', sizes: { M: 3 } });
    const sku = skus.M!;
    // Commerce keeps one bag line per size, and relies on takeStock summing duplicates across lines.
    const short = await world.container.database.transaction((tx) =>
      takeStock(tx, [
        { sku, quantity: 2 },
        { sku, quantity: 2 },
      ]),
    );
    assert.deepEqual(short, { ok: false, short: [{ sku, requested: 4, available: 3 }] });
    assert.equal(await stockOf(db(), sku), 3);
    // Two members each holding 2 of the 3 units, checking out at once: one sells.
    const [a, b] = await Promise.all([join(world.app, 'race.dup.a'), join(world.app, 'race.dup.b')]);
    for (const m of [a, b]) await as(world.app, m).post('/bag/items', { sku, quantity: 2 });
    const statuses = (await Promise.all([a, b].map((m) => as(world.app, m).post('/checkout', checkoutBody())))).map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [201, 409]);
    assert.equal(await stockOf(db(), sku), 1);
  });
});
