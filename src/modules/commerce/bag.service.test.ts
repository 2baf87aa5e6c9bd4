import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../../testing.js';
import { addProduct, as, join, setAccount, setProductStatus, type Member } from './testing.js';

describe('the bag over HTTP', () => {
  let world: TestWorld;
  let ada: Member;
  const db = () => world.container.database.db;

  before(async () => {
    world = await createTestWorld();
    ada = await join(world.app, 'bag.ada');
  });
  after(async () => {
    await world.close();
  });

  it('answers 401 without a session', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/v1/bag' });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().error.code, 'COT_ERR_UNAUTHENTICATED');
  });

  it('adds, grows a line, changes and removes it, with totals', async () => {
    const skus = await addProduct(db(), { id: 'bag-dress', title: 'Silk slip dress', priceMinor: 12_000, salePriceMinor: 9_000, sizes: { S: 4, M: 6 }, imageKey: 'abc.jpg' });
    const me = as(world.app, ada);
    let response = await me.post('/bag/items', { sku: skus.S });
    assert.equal(response.statusCode, 200, response.body);
    response = await me.post('/bag/items', { sku: skus.S, quantity: 2 });
    let bag = response.json().bag;
    assert.equal(bag.lines.length, 1, 'a second add grows the line');
    assert.equal(bag.lines[0].quantity, 3);
    assert.deepEqual(bag.lines[0].unit_price, { amount_minor: 9_000, currency: 'GBP' }, 'the sale price');
    assert.deepEqual(bag.lines[0].line_total, { amount_minor: 27_000, currency: 'GBP' });
    assert.equal(bag.lines[0].image, '/blobs/abc.jpg');
    assert.equal(bag.lines[0].title, 'Silk slip dress');
    assert.equal(bag.lines[0].size, 'S');
    assert.equal(bag.lines[0].available, true);
    assert.equal(bag.lines[0].reason, null);

    response = await me.post('/bag/items', { sku: skus.M });
    bag = response.json().bag;
    assert.deepEqual(
      bag.lines.map((l: { sku: string }) => l.sku),
      [skus.S, skus.M],
      'lines in the order they were added',
    );
    assert.equal(bag.count, 4);
    assert.deepEqual(bag.subtotal, { amount_minor: 36_000, currency: 'GBP' });

    response = await me.put(`/bag/items/${encodeURIComponent(skus.S!)}`, { quantity: 1 });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().bag.lines[0].quantity, 1);

    response = await me.delete(`/bag/items/${encodeURIComponent(skus.M!)}`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().bag.lines.length, 1);
    const again = await me.delete(`/bag/items/${encodeURIComponent(skus.M!)}`);
    assert.equal(again.statusCode, 200, 'removing what is not there changes nothing');

    await me.delete(`/bag/items/${encodeURIComponent(skus.S!)}`);
    const empty = (await me.get('/bag')).json().bag;
    assert.deepEqual(empty, { lines: [], count: 0, subtotal: null, problems: [] });
  });

  it('rejects bad input with 400 naming each field', async () => {
    const me = as(world.app, ada);
    const response = await me.post('/bag/items', { sku: '', quantity: 11 });
    assert.equal(response.statusCode, 400);
    const { error } = response.json();
    assert.equal(error.code, 'COT_ERR_VALIDATION');
    assert.deepEqual(error.details.map((d: { field: string }) => d.field).sort(), ['body.quantity', 'body.sku']);
    const zero = await me.put('/bag/items/whatever', { quantity: 0 });
    assert.equal(zero.statusCode, 400);
    assert.equal(zero.json().error.details[0].field, 'body.quantity');
    const fraction = await me.post('/bag/items', { sku: 'x', quantity: 1.5 });
    assert.equal(fraction.statusCode, 400);
  });

  it('refuses more than stock with 409, more than 10 a line with 422, and an unknown sku with 404', async () => {
    const skus = await addProduct(db(), { id: 'bag-scarce', sizes: { M: 2 } });
    const many = await addProduct(db(), { id: 'bag-many', sizes: { M: 50 } });
    const me = as(world.app, ada);
    assert.equal((await me.post('/bag/items', { sku: skus.M, quantity: 2 })).statusCode, 200);
    const over = await me.post('/bag/items', { sku: skus.M });
    assert.equal(over.statusCode, 409);
    assert.equal(over.json().error.code, 'COT_ERR_CONFLICT');
    assert.deepEqual(over.json().error.details, [{ field: `sku:${skus.M}`, message: 'has only 2 left (3 asked)' }]);
    assert.equal((await me.get('/bag')).json().bag.lines.find((l: { sku: string }) => l.sku === skus.M).quantity, 2, 'the line is unchanged');
    assert.equal((await me.put(`/bag/items/${skus.M}`, { quantity: 3 })).statusCode, 409);

    assert.equal((await me.post('/bag/items', { sku: many.M, quantity: 8 })).statusCode, 200);
    const eleven = await me.post('/bag/items', { sku: many.M, quantity: 3 });
    assert.equal(eleven.statusCode, 422);
    assert.equal(eleven.json().error.code, 'COT_ERR_UNPROCESSABLE');

    const unknown = await me.post('/bag/items', { sku: 'no-such-sku' });
    assert.equal(unknown.statusCode, 404);
    assert.equal((await me.put('/bag/items/not-in-bag', { quantity: 1 })).statusCode, 404);
    await me.delete(`/bag/items/${skus.M}`);
    await me.delete(`/bag/items/${many.M}`);
  });

  it('follows the lifecycle: unseen products are 404, seen but not buyable 422, EIP clients buy early access', async () => {
    const early = await addProduct(db(), { id: 'bag-early', status: 'early_access', releaseAt: new Date(Date.now() + 86_400_000) });
    const draft = await addProduct(db(), { id: 'bag-draft', status: 'draft' });
    const archived = await addProduct(db(), { id: 'bag-archived', status: 'archived' });
    const released = await addProduct(db(), { id: 'bag-released', status: 'early_access', releaseAt: new Date(Date.now() - 60_000) });
    const member = as(world.app, ada);
    for (const sku of [early['One size'], draft['One size'], archived['One size']]) {
      const response = await member.post('/bag/items', { sku });
      assert.equal(response.statusCode, 404, `${sku}: ${response.body}`);
      assert.equal(response.json().error.code, 'COT_ERR_NOT_FOUND');
    }
    assert.equal((await member.post('/bag/items', { sku: released['One size'] })).statusCode, 200, 'release date passed: live');

    const buyer = await join(world.app, 'bag.buyer');
    await setAccount(db(), buyer.id, { kind: 'buyer' });
    const seen = await as(world.app, buyer).post('/bag/items', { sku: early['One size'] });
    assert.equal(seen.statusCode, 422, 'buyers see early access but do not buy it');
    assert.equal((await as(world.app, buyer).post('/bag/items', { sku: draft['One size'] })).statusCode, 422);

    const vip = await join(world.app, 'bag.vip');
    await setAccount(db(), vip.id, { eip: true });
    const added = await as(world.app, vip).post('/bag/items', { sku: early['One size'] });
    assert.equal(added.statusCode, 200, added.body);
    await member.delete(`/bag/items/${released['One size']}`);
  });

  it('recomputes prices, stock and availability on every read', async () => {
    const skus = await addProduct(db(), { id: 'bag-live', priceMinor: 5_000, sizes: { S: 3, M: 3 } });
    const vip = await join(world.app, 'bag.vip2');
    await setAccount(db(), vip.id, { eip: true });
    const me = as(world.app, vip);
    await me.post('/bag/items', { sku: skus.S, quantity: 2 });
    await me.post('/bag/items', { sku: skus.M, quantity: 1 });
    await world.container.database.query(`update products set sale_price_minor = 4000 where id = 'bag-live'`);
    await world.container.database.query(`update variants set stock = 1 where sku = $1`, [skus.S]);
    let bag = (await me.get('/bag')).json().bag;
    assert.equal(bag.lines[0].unit_price.amount_minor, 4_000);
    assert.equal(bag.lines[0].stock, 1);
    assert.equal(bag.lines[0].reason, 'not_enough_stock');
    assert.equal(bag.lines[0].available, false);
    assert.deepEqual(bag.problems, [{ sku: skus.S, reason: 'not_enough_stock' }]);

    await world.container.database.query(`update variants set stock = 0 where product_id = 'bag-live'`);
    await world.container.database.query(`update products set status = 'sold_out' where id = 'bag-live'`);
    bag = (await me.get('/bag')).json().bag;
    assert.deepEqual(
      bag.problems.map((p: { reason: string }) => p.reason),
      ['sold_out', 'sold_out'],
    );

    await setProductStatus(db(), 'bag-live', 'archived');
    await world.container.database.query(`update variants set stock = 3 where product_id = 'bag-live'`);
    bag = (await me.get('/bag')).json().bag;
    assert.deepEqual(
      bag.problems.map((p: { reason: string }) => p.reason),
      ['not_available', 'not_available'],
    );
  });

  it('records a bag_item_added event with the line quantity', async () => {
    const skus = await addProduct(db(), { id: 'bag-event' });
    await as(world.app, ada).post('/bag/items', { sku: skus['One size'], quantity: 2 });
    const rows = await world.container.database.query<{ data: { sku: string; quantity: number; line_quantity: number; account_id: string } }>(
      `select data from outbox where type = 'commerce.bag_item_added' and data->>'sku' = $1`,
      [skus['One size']],
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.data.account_id, ada.id);
    assert.equal(rows[0]!.data.line_quantity, 2);
  });
});
