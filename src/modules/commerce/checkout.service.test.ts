import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../../testing.js';
import { addProduct, as, checkoutBody, join, setAccount, statusOf, stockOf, type Member } from './testing.js';

describe('checkout over HTTP', () => {
  let world: TestWorld;
  const db = () => world.container.database.db;
  let n = 0;
  /** A fresh member with the given skus in their bag. */
  async function shopper(lines: Record<string, number>, setup?: (m: Member) => Promise<void>): Promise<Member> {
    const member = await join(world.app, `co.shopper${++n}`);
    await setup?.(member);
    for (const [sku, quantity] of Object.entries(lines)) {
      const added = await as(world.app, member).post('/bag/items', { sku, quantity });
      assert.equal(added.statusCode, 200, added.body);
    }
    return member;
  }
  type Bag = { lines: unknown[]; count: number; subtotal: unknown; problems: unknown[] };
  const bagOf = async (m: Member) => (await as(world.app, m).get('/bag')).json<{ bag: Bag }>().bag;
  const orderCount = async (m: Member) =>
    (await world.container.database.query<{ n: number }>('select count(*)::int as n from orders where account_id = $1', [m.id]))[0]!.n;

  before(async () => {
    world = await createTestWorld();
  });
  after(async () => {
    await world.close();
  });

  it('turns the bag into a paid order: copied lines, shipping, history, payment, empty bag, stock taken, event', async () => {
    const skus = await addProduct(db(), { id: 'co-coat', title: 'Wool coat', brand: 'Atelier Nord', priceMinor: 8_000, sizes: { S: 5, M: 1 }, imageKey: 'k.jpg' });
    const member = await shopper({ [skus.S!]: 2, [skus.M!]: 1 });
    const response = await as(world.app, member).post('/checkout', checkoutBody('4242 4242 4242 4242', { channel: 'app' }));
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.headers['idempotent-replayed'], undefined);
    const { order } = response.json();
    assert.match(order.number, /^CT-[0-9A-HJKMNP-TV-Z]{8}$/);
    assert.equal(order.status, 'paid');
    assert.equal(order.channel, 'app');
    assert.deepEqual(order.subtotal, { amount_minor: 24_000, currency: 'GBP' });
    assert.deepEqual(order.shipping, { amount_minor: 0, currency: 'GBP' }, 'free from 200.00');
    assert.deepEqual(order.total, { amount_minor: 24_000, currency: 'GBP' });
    assert.deepEqual(order.lines[0], {
      product_id: 'co-coat',
      sku: skus.S,
      title: 'Wool coat',
      brand: 'Atelier Nord',
      size: 'S',
      image: '/blobs/k.jpg',
      unit_price: { amount_minor: 8_000, currency: 'GBP' },
      quantity: 2,
      line_total: { amount_minor: 16_000, currency: 'GBP' },
    });
    assert.deepEqual(
      order.history.map((h: { status: string }) => h.status),
      ['placed', 'paid'],
    );
    assert.equal(order.payment.provider, 'test');
    assert.match(order.payment.reference, /^test_/);
    assert.equal(order.payment.card_last4, '4242');
    assert.deepEqual(order.shipping_address, { name: 'Ada Lovelace', line1: '1 Savile Row', line2: null, city: 'London', postcode: 'W1S 3PR', country: 'GB', phone: null });
    assert.doesNotMatch(JSON.stringify(order), /4242424242424242/, 'the card number is never echoed');

    assert.equal((await bagOf(member)).lines.length, 0);
    assert.equal(await stockOf(db(), skus.S!), 3);
    assert.equal(await stockOf(db(), skus.M!), 0);
    const events = await world.container.database.query<{ data: { order_id: string; lines: unknown[]; total_minor: number; channel: string } }>(
      `select data from outbox where type = 'commerce.order_placed' and data->>'order_id' = $1`,
      [order.id],
    );
    assert.equal(events.length, 1);
    assert.equal(events[0]!.data.lines.length, 2);
    assert.equal(events[0]!.data.total_minor, 24_000);
    assert.equal(events[0]!.data.channel, 'app');

    const read = await as(world.app, member).get(`/orders/${order.id}`);
    assert.deepEqual(read.json().order, order, 'the order reads back as it was answered');
  });

  it('charges flat shipping below the threshold', async () => {
    const skus = await addProduct(db(), { id: 'co-tee', priceMinor: 4_500 });
    const member = await shopper({ [skus['One size']!]: 1 });
    const { order } = (await as(world.app, member).post('/checkout', checkoutBody())).json();
    assert.deepEqual(order.shipping, { amount_minor: 500, currency: 'GBP' });
    assert.equal(order.total.amount_minor, 5_000);
  });

  it('validates the request: 400 per field, country codes, empty bag 422, unknown stylist 422', async () => {
    const skus = await addProduct(db(), { id: 'co-valid' });
    const member = await shopper({ [skus['One size']!]: 1 });
    const me = as(world.app, member);
    const bad = await me.post('/checkout', {
      shipping_address: { name: '', line1: 'x', city: 'London', postcode: 'W1', country: 'UK' },
      payment: { card_number: '12', expiry: '13/30', cvc: '1' },
      channel: 'fax',
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'COT_ERR_VALIDATION');
    assert.deepEqual(bad.json().error.details.map((d: { field: string }) => d.field).sort(), [
      'body.channel',
      'body.payment.card_number',
      'body.payment.cvc',
      'body.payment.expiry',
      'body.shipping_address.country',
      'body.shipping_address.name',
    ]);
    const lower = await me.post('/checkout', checkoutBody('4242424242424242', { stylist: 'nobody.here' }));
    assert.equal(lower.statusCode, 422);
    assert.equal(lower.json().error.details[0].field, 'body.stylist');
    const key = await me.post('/checkout', checkoutBody(), { 'idempotency-key': 'has space' });
    assert.equal(key.statusCode, 400);
    assert.equal(key.json().error.details[0].field, 'headers.idempotency-key');

    const lowercaseCountry = checkoutBody();
    lowercaseCountry.shipping_address.country = 'fr';
    const ok = await me.post('/checkout', lowercaseCountry);
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().order.shipping_address.country, 'FR');

    const empty = await me.post('/checkout', checkoutBody());
    assert.equal(empty.statusCode, 422);
    assert.equal(empty.json().error.code, 'COT_ERR_UNPROCESSABLE');
    assert.equal(empty.json().error.message, 'Your bag is empty');
  });

  it('records the assisting stylist and conversation', async () => {
    const skus = await addProduct(db(), { id: 'co-styled' });
    const stylist = await join(world.app, 'co.stylist');
    await setAccount(db(), stylist.id, { kind: 'stylist' });
    const member = await shopper({ [skus['One size']!]: 1 });
    const conversation = '3f1c2a4e-8b7d-4c1e-9f00-123456789abc';
    const response = await as(world.app, member).post('/checkout', checkoutBody('4242424242424242', { stylist: 'CO.Stylist', conversation_id: conversation, channel: 'chat' }));
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().order.stylist, 'co.stylist');
    assert.equal(response.json().order.conversation_id, conversation);
    const notStylist = await shopper({ [skus['One size']!]: 1 });
    const refused = await as(world.app, notStylist).post('/checkout', checkoutBody('4242424242424242', { stylist: member.handle }));
    assert.equal(refused.statusCode, 422, 'a member is not a stylist');
  });

  it('refuses a mixed-currency bag with 422', async () => {
    const gbp = await addProduct(db(), { id: 'co-gbp' });
    const eur = await addProduct(db(), { id: 'co-eur', currency: 'EUR' });
    const member = await shopper({ [gbp['One size']!]: 1, [eur['One size']!]: 1 });
    assert.equal((await bagOf(member)).subtotal, null);
    const response = await as(world.app, member).post('/checkout', checkoutBody());
    assert.equal(response.statusCode, 422);
    assert.match(response.json().error.message, /currencies/);
    assert.equal(await stockOf(db(), gbp['One size']!), 5);
  });

  for (const [card, reason] of [
    ['4000000000000002', 'card_declined'],
    ['4000000000009995', 'insufficient_funds'],
    ['4000000000000069', 'expired_card'],
    ['4000000000000119', 'processing_error'],
  ] as const) {
    it(`answers a ${reason} decline with 402 and leaves stock, bag and orders exactly as before`, async () => {
      const id = `co-decline-${reason}`;
      const skus = await addProduct(db(), { id, sizes: { M: 1 } });
      const member = await shopper({ [skus.M!]: 1 });
      const before = await bagOf(member);
      const response = await as(world.app, member).post('/checkout', checkoutBody(card), { 'idempotency-key': `decline-${reason}` });
      assert.equal(response.statusCode, 402, response.body);
      assert.equal(response.json().error.code, 'COT_ERR_PAYMENT_DECLINED');
      assert.deepEqual(response.json().error.details, [{ field: 'body.payment', message: reason }]);
      assert.equal(await stockOf(db(), skus.M!), 1);
      assert.equal(await statusOf(db(), id), 'live', 'the last unit did not sell: not sold out');
      assert.deepEqual(await bagOf(member), before);
      assert.equal(await orderCount(member), 0);
      // The same key with a card that works is a new attempt, not a replay of the decline.
      const retry = await as(world.app, member).post('/checkout', checkoutBody(), { 'idempotency-key': `decline-${reason}` });
      assert.equal(retry.statusCode, 201, retry.body);
      assert.equal(await statusOf(db(), id), 'sold_out');
    });
  }

  it('replays an idempotent retry with the same body and one order; the key for a different bag or body is 422', async () => {
    const skus = await addProduct(db(), { id: 'co-idem', sizes: { M: 10 } });
    const member = await shopper({ [skus.M!]: 2 });
    const me = as(world.app, member);
    const headers = { 'idempotency-key': 'order-attempt-1' };
    const first = await me.post('/checkout', checkoutBody(), headers);
    assert.equal(first.statusCode, 201, first.body);
    const second = await me.post('/checkout', checkoutBody(), headers);
    assert.equal(second.statusCode, 201);
    assert.equal(second.headers['idempotent-replayed'], 'true');
    assert.equal(second.body, first.body, 'the same body');
    assert.equal(await orderCount(member), 1);
    assert.equal(await stockOf(db(), skus.M!), 8, 'stock taken once');

    const otherBody = await me.post('/checkout', checkoutBody('4242424242424242', { channel: 'whatsapp' }), headers);
    assert.equal(otherBody.statusCode, 422);
    assert.equal(otherBody.json().error.message, 'This Idempotency-Key was used for a different checkout');

    await me.post('/bag/items', { sku: skus.M, quantity: 1 });
    const otherBag = await me.post('/checkout', checkoutBody(), headers);
    assert.equal(otherBag.statusCode, 422);
    assert.equal(otherBag.json().error.code, 'COT_ERR_UNPROCESSABLE');
    assert.equal(await orderCount(member), 1);
    assert.equal((await bagOf(member)).count, 1, 'the new bag is untouched');

    // The same bag again (put back exactly as ordered) still counts as the same checkout.
    await me.put(`/bag/items/${skus.M}`, { quantity: 2 });
    const sameAgain = await me.post('/checkout', checkoutBody(), headers);
    assert.equal(sameAgain.statusCode, 201);
    assert.equal(sameAgain.json().order.id, first.json().order.id);

    const fresh = await me.post('/checkout', checkoutBody(), { 'idempotency-key': 'order-attempt-2' });
    assert.equal(fresh.statusCode, 201);
    assert.notEqual(fresh.json().order.id, first.json().order.id);
  });

  it('keeps keys per member: two members may send the same key', async () => {
    const skus = await addProduct(db(), { id: 'co-shared-key' });
    const a = await shopper({ [skus['One size']!]: 1 });
    const b = await shopper({ [skus['One size']!]: 1 });
    const headers = { 'idempotency-key': 'same-key-for-both' };
    const first = await as(world.app, a).post('/checkout', checkoutBody(), headers);
    const second = await as(world.app, b).post('/checkout', checkoutBody(), headers);
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 201);
    assert.notEqual(first.json().order.payment.reference, second.json().order.payment.reference, 'two payments');
  });

  it('checks the lifecycle again at checkout: draft, early access and archived are not buyable by a plain member', async () => {
    const vip = await join(world.app, 'co.vip');
    await setAccount(db(), vip.id, { eip: true });
    const early = await addProduct(db(), { id: 'co-early', status: 'early_access', releaseAt: new Date(Date.now() + 86_400_000) });
    const vipMe = as(world.app, vip);
    assert.equal((await vipMe.post('/bag/items', { sku: early['One size'] })).statusCode, 200);
    // The member loses EIP status between bag and checkout: the line is no longer theirs to buy.
    await setAccount(db(), vip.id, { eip: false });
    const refused = await vipMe.post('/checkout', checkoutBody());
    assert.equal(refused.statusCode, 422);
    assert.deepEqual(refused.json().error.details, [{ field: `sku:${early['One size']}`, message: 'is not on sale to you' }]);
    assert.equal(await stockOf(db(), early['One size']!), 5);
    await setAccount(db(), vip.id, { eip: true });
    const bought = await vipMe.post('/checkout', checkoutBody());
    assert.equal(bought.statusCode, 201, 'an EIP client buys early access');

    for (const status of ['draft', 'archived', 'early_access'] as const) {
      const skus = await addProduct(db(), { id: `co-now-${status}` });
      const member = await shopper({ [skus['One size']!]: 1 });
      await world.container.database.query(`update products set status = $1, release_at = $2 where id = $3`, [
        status,
        status === 'early_access' ? new Date(Date.now() + 86_400_000) : null,
        `co-now-${status}`,
      ]);
      const response = await as(world.app, member).post('/checkout', checkoutBody());
      assert.equal(response.statusCode, 422, `${status}: ${response.body}`);
      assert.equal(await stockOf(db(), skus['One size']!), 5);
      assert.equal((await bagOf(member)).count, 1, 'the bag is kept');
      // Its release date passes: early access counts as live at once.
      if (status === 'early_access') {
        await world.container.database.query(`update products set release_at = now() - interval '1 minute' where id = $1`, [`co-now-${status}`]);
        assert.equal((await as(world.app, member).post('/checkout', checkoutBody())).statusCode, 201);
      }
    }
  });

  it('answers 409 per short sku (in bag order) when stock ran out after the add, leaving the bag untouched', async () => {
    const skus = await addProduct(db(), { id: 'co-short', sizes: { S: 3, M: 3 } });
    const member = await shopper({ [skus.S!]: 2, [skus.M!]: 3 });
    await world.container.database.query(`update variants set stock = 1 where sku = $1`, [skus.S]);
    await world.container.database.query(`update variants set stock = 0 where sku = $1`, [skus.M]);
    const response = await as(world.app, member).post('/checkout', checkoutBody());
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'COT_ERR_CONFLICT');
    assert.deepEqual(response.json().error.details, [
      { field: `sku:${skus.S}`, message: 'has only 1 left (2 asked)' },
      { field: `sku:${skus.M}`, message: 'is sold out' },
    ]);
    assert.equal((await bagOf(member)).count, 5);
    assert.equal(await stockOf(db(), skus.S!), 1);
  });

  it('sells the last unit: the product turns sold_out, and nobody can oversell it', async () => {
    const skus = await addProduct(db(), { id: 'co-last', sizes: { M: 3 } });
    const a = await shopper({ [skus.M!]: 2 });
    const b = await shopper({ [skus.M!]: 2 });
    assert.equal((await as(world.app, a).post('/checkout', checkoutBody())).statusCode, 201);
    const late = await as(world.app, b).post('/checkout', checkoutBody());
    assert.equal(late.statusCode, 409, 'two bags holding 2 of 3 units: only one sells');
    const c = await shopper({ [skus.M!]: 1 });
    assert.equal((await as(world.app, c).post('/checkout', checkoutBody())).statusCode, 201);
    assert.equal(await stockOf(db(), skus.M!), 0);
    assert.equal(await statusOf(db(), 'co-last'), 'sold_out');
    assert.deepEqual((await bagOf(b)).problems, [{ sku: skus.M, reason: 'sold_out' }]);
  });
});
