import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestWorld, joinAs, type TestMember, type TestWorld } from '../../testing.js';
import { settleStock } from '../catalog/index.js';

type Row = {
  type: string;
  actor_id: string;
  actor_handle: string;
  product_id: string | null;
  brand: string | null;
  city: string | null;
  country: string | null;
  device: string | null;
  channel: string | null;
  quantity: number | null;
  amount_minor: number | null;
  currency: string | null;
  subject: string | null;
  source: string;
};

describe('events the app records as members act', () => {
  let world: TestWorld;
  let ada: TestMember;
  const db = () => world.container.database;
  const recorded = (type: string) =>
    db().query<Row>(
      `select type, actor_id, actor_handle, product_id, brand, city, country, device, channel, quantity, amount_minor::int as amount_minor,
              currency, subject, source from events where type = $1 order by seq`,
      [type],
    );
  const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, payload?: object) =>
    world.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: ada.cookie, ...headers }, ...(payload ? { payload } : {}) });

  async function addProduct(id: string, status: 'live' | 'draft', priceMinor: number): Promise<string> {
    const ex = db().db;
    const brandId = randomUUID();
    await ex.execute(sql`insert into brands (id, slug, name) values (${brandId}, ${`brand-${id}`}, ${`Brand ${id}`})`);
    await ex.execute(sql`
      insert into products (id, brand_id, title, category, price_minor, currency, status, published_at, search)
      values (${id}, ${brandId}, ${`Silk dress ${id}`}, 'dresses', ${priceMinor}, 'GBP', ${status}, now(), to_tsvector('english', ${`Silk dress ${id}`}))`);
    await ex.execute(sql`insert into variants (sku, product_id, size, position, stock) values (${`${id}-m`}, ${id}, 'M', 0, 5)`);
    await settleStock(ex, [id]);
    return `${id}-m`;
  }

  before(async () => {
    world = await createTestWorld();
    ada = await joinAs(world, 'ada.recorded');
    await db().query(
      `insert into cities (id, name, country, latitude, longitude, timezone, hemisphere) values ('istanbul-tr', 'Istanbul', 'TR', 41.0, 28.9, 'Europe/Istanbul', 'north') on conflict (id) do nothing`,
    );
    await db().query(`update accounts set home_city = 'Istanbul', home_city_id = 'istanbul-tr' where id = $1`, [ada.account.id]);
  });
  after(async () => {
    await world.close();
  });

  it('records a signed-in product view with device and home city, and nothing for anonymous or hidden pages', async () => {
    await addProduct('REC-1', 'live', 10_000);
    await addProduct('REC-HIDDEN', 'draft', 10_000);
    assert.equal((await call('GET', '/products/REC-1', { 'x-coterie-device': 'app' })).statusCode, 200);
    assert.equal((await world.app.inject({ method: 'GET', url: '/api/v1/products/REC-1' })).statusCode, 200);
    assert.equal((await call('GET', '/products/REC-HIDDEN')).statusCode, 404);
    const views = await recorded('view');
    assert.equal(views.length, 1);
    assert.deepEqual(views[0], {
      type: 'view', actor_id: ada.account.id, actor_handle: 'ada.recorded', product_id: 'REC-1', brand: 'Brand REC-1', city: 'Istanbul',
      country: 'TR', device: 'app', channel: null, quantity: null, amount_minor: null, currency: null, subject: null, source: 'app',
    });
  });

  it('records a signed-in search with words (first page only), with the device from the user agent', async () => {
    const iphone = { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148' };
    assert.equal((await call('GET', '/products?q=silk%20dress', iphone)).statusCode, 200);
    await call('GET', '/products');
    await world.app.inject({ method: 'GET', url: '/api/v1/products?q=silk' });
    const searches = await recorded('search');
    assert.deepEqual(searches.map((s) => [s.subject, s.device, s.actor_handle]), [['silk dress', 'mobile_web', 'ada.recorded']]);
  });

  it('records add to bag, and one purchase per order line in the order’s transaction (none for a declined card)', async () => {
    const first = await addProduct('REC-2', 'live', 12_000);
    const second = await addProduct('REC-3', 'live', 30_000);
    assert.equal((await call('POST', '/bag/items', { 'x-coterie-device': 'web' }, { sku: first, quantity: 2 })).statusCode, 200);
    assert.equal((await call('POST', '/bag/items', {}, { sku: second })).statusCode, 200);
    const adds = await recorded('add_to_bag');
    assert.deepEqual(adds.map((a) => [a.product_id, a.brand, a.quantity, a.amount_minor, a.currency, a.device]), [
      ['REC-2', 'Brand REC-2', 2, 24_000, 'GBP', 'web'],
      ['REC-3', 'Brand REC-3', 1, 30_000, 'GBP', 'web'],
    ]);
    const body = (card: string) => ({
      shipping_address: { name: 'Ada', line1: '1 Street', city: 'Istanbul', postcode: '34000', country: 'TR' },
      payment: { card_number: card, expiry: '12/49', cvc: '123' },
      channel: 'app',
    });
    assert.equal((await call('POST', '/checkout', {}, body('4000000000000002'))).statusCode, 402);
    assert.equal((await recorded('purchase')).length, 0);
    const placed = await call('POST', '/checkout', { 'x-coterie-device': 'app' }, body('4242424242424242'));
    assert.equal(placed.statusCode, 201, placed.body);
    const purchases = await recorded('purchase');
    assert.deepEqual(purchases.map((p) => [p.product_id, p.brand, p.quantity, p.amount_minor, p.currency, p.channel, p.device, p.country]), [
      ['REC-2', 'Brand REC-2', 2, 24_000, 'GBP', 'app', 'app', 'TR'],
      ['REC-3', 'Brand REC-3', 1, 30_000, 'GBP', 'app', 'app', 'TR'],
    ]);
    assert.equal(purchases[0]!.subject, placed.json<{ order: { number: string } }>().order.number);
  });
});
