import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { addProduct } from '../catalog/testing.js';
import { setProductStatus } from '../commerce/testing.js';
import { createTestWorld, joinAs, type TestMember, type TestWorld } from '../../testing.js';
import { contractEventsOf, sampleStream } from './testing.js';
import type { TrendAlertDetail, TrendAlertView } from './trends.schemas.js';

const stream = sampleStream(2);
const HOUR = 3_600_000;

describe('the trend radar API', () => {
  let world: TestWorld;
  let buyer: TestMember;
  let otherBuyer: TestMember;
  let member: TestMember;
  let alert: TrendAlertView;

  before(async () => {
    world = await createTestWorld();
    const db = world.container.database.db;
    for (const [id, facts] of stream.products) {
      await addProduct(db, { id, title: facts.title, brand: facts.brand, category: facts.category, colours: [...facts.colours], sizes: { S: 4, M: 6, L: 2 } });
    }
    const events = contractEventsOf(stream.events);
    for (let i = 0; i < events.length; i += 1000) {
      const res = await world.app.inject({ method: 'POST', url: '/api/v1/events', payload: events.slice(i, i + 1000) });
      assert.equal(res.statusCode, 200, res.body);
    }
    await world.container.trendsProjection.rebuild();
    buyer = await joinAs(world, 'radar_buyer', { kind: 'buyer' });
    otherBuyer = await joinAs(world, 'radar_buyer2', { kind: 'buyer' });
    member = await joinAs(world, 'radar_member');
    const list = await world.app.inject({ method: 'GET', url: '/api/v1/trends?kind=product' });
    alert = list.json<{ alerts: TrendAlertView[] }>().alerts.find((a) => a.key === stream.trend.product)!;
    assert.ok(alert, list.body);
  });
  after(() => world.close());

  const detail = (id: string, who: TestMember | null, query = '') =>
    world.app.inject({ method: 'GET', url: `/api/v1/trends/${id}${query}`, headers: who ? { cookie: who.cookie } : {} });
  const act = (who: TestMember, payload: unknown, key?: string) =>
    world.app.inject({ method: 'POST', url: `/api/v1/trends/${alert.id}/actions`, headers: { cookie: who.cookie, ...(key ? { 'idempotency-key': key } : {}) }, payload: payload as object });

  it('lists the planted trend with its label, category, regions, sparkline and the detector’s as-of time', async () => {
    const res = await world.app.inject({ method: 'GET', url: '/api/v1/trends' });
    assert.equal(res.statusCode, 200);
    const body = res.json<{ as_of: string; alerts: TrendAlertView[] }>();
    assert.ok(body.as_of >= new Date(stream.end - 2 * HOUR).toISOString(), body.as_of);
    const scores = body.alerts.map((a) => a.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    assert.equal(alert.label, stream.products.get(stream.trend.product)!.title);
    assert.equal(alert.category, stream.products.get(stream.trend.product)!.category);
    assert.equal(alert.status, 'new');
    assert.ok(alert.regions.includes('europe') && alert.regions.includes('asia_pacific'), alert.regions.join());
    assert.ok(alert.cities_reached >= 10);
    assert.equal(alert.sparkline.actors.length, alert.sparkline.baseline.length);
    const brandOnly = await world.app.inject({ method: 'GET', url: '/api/v1/trends?kind=brand&include=all' });
    assert.ok(brandOnly.json<{ alerts: TrendAlertView[] }>().alerts.every((a) => a.kind === 'brand'));
    const bad = await world.app.inject({ method: 'GET', url: '/api/v1/trends?at=yesterday' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ error: { code: string } }>().error.code, 'COT_ERR_VALIDATION');
  });

  it('shows the alerts as they stood at a time: nothing before detection, then the score of that moment', async () => {
    const beforeIt = new Date(Date.parse(alert.detected_at) - HOUR).toISOString();
    const then = await world.app.inject({ method: 'GET', url: `/api/v1/trends?at=${beforeIt}&include=all` });
    assert.equal(then.json<{ alerts: TrendAlertView[] }>().alerts.find((a) => a.id === alert.id), undefined);
    const at = new Date(Date.parse(alert.detected_at) + 6 * HOUR).toISOString();
    const later = await world.app.inject({ method: 'GET', url: `/api/v1/trends?at=${at}&include=all` });
    const body = later.json<{ as_of: string; alerts: TrendAlertView[] }>();
    assert.equal(body.as_of, at);
    const past = body.alerts.find((a) => a.id === alert.id)!;
    assert.ok(past.as_of <= at);
    assert.equal(Date.parse(past.sparkline.start) + past.sparkline.actors.length * HOUR <= Date.parse(at), true);
    assert.ok(past.sparkline.actors.length < alert.sparkline.actors.length || Date.parse(past.sparkline.start) < Date.parse(alert.sparkline.start));
  });

  it('shows an alert’s evidence and inventory to buyers only', async () => {
    assert.equal((await detail(alert.id, null)).statusCode, 401);
    assert.equal((await detail(alert.id, member)).statusCode, 403);
    assert.equal((await detail('00000000-0000-4000-8000-000000000000', buyer)).statusCode, 404);
    const res = await detail(alert.id, buyer);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<TrendAlertDetail>();
    assert.ok(body.cities.length >= 10);
    assert.deepEqual(body.actions, []);
    const inventory = body.inventory!;
    assert.equal(inventory.stock_on_hand, 12);
    assert.deepEqual(inventory.stock_by_size, [{ size: 'S', stock: 4 }, { size: 'M', stock: 6 }, { size: 'L', stock: 2 }]);
    assert.equal(inventory.days_of_cover, null);
    assert.equal(inventory.suggested_reorder.on_order, 0);
    assert.match(inventory.suggested_reorder.formula, /lead time/);
  });

  it('takes a buyer’s acknowledge, reorder and dismiss in order, audits each, and refuses what the status does not allow', async () => {
    const ack = await act(buyer, { action: 'acknowledge', note: 'watching it' });
    assert.equal(ack.statusCode, 200, ack.body);
    assert.equal(ack.json<TrendAlertDetail>().status, 'acknowledged');
    assert.equal((await act(buyer, { action: 'acknowledge' })).statusCode, 409);
    assert.equal((await act(member, { action: 'acknowledge' })).statusCode, 403);
    assert.equal((await act(buyer, { action: 'reorder', quantity: 0 })).statusCode, 400);
    assert.equal((await act(buyer, { action: 'dismiss' })).statusCode, 400);

    const reorder = await act(buyer, { action: 'reorder', quantity: 12, note: 'red heels, all sizes' }, 'reorder-1');
    assert.equal(reorder.statusCode, 200, reorder.body);
    const afterReorder = reorder.json<TrendAlertDetail>();
    assert.equal(afterReorder.status, 'reordered');
    assert.equal(afterReorder.inventory!.on_order, 12);
    // A retry with the same key does not order again; the same key for another request is refused.
    const retry = await act(buyer, { action: 'reorder', quantity: 12, note: 'red heels, all sizes' }, 'reorder-1');
    assert.equal(retry.statusCode, 200);
    assert.equal(retry.json<TrendAlertDetail>().actions.filter((a) => a.action === 'reorder').length, 1);
    assert.equal((await act(buyer, { action: 'reorder', quantity: 99 }, 'reorder-1')).statusCode, 409);

    const dismiss = await act(otherBuyer, { action: 'dismiss', reason: 'stock already on its way' });
    assert.equal(dismiss.statusCode, 200);
    const trail = dismiss.json<TrendAlertDetail>().actions;
    assert.deepEqual(trail.map((a) => [a.action, a.by]), [['acknowledge', 'radar_buyer'], ['reorder', 'radar_buyer'], ['dismiss', 'radar_buyer2']]);
    assert.equal(trail[1]!.quantity, 12);
    assert.equal(trail[2]!.reason, 'stock already on its way');
    assert.equal((await act(buyer, { action: 'reorder', quantity: 3 })).statusCode, 409);
    // As it stood before any action: new, with no trail.
    const past = await detail(alert.id, buyer, `?at=${encodeURIComponent(new Date(Date.parse(trail[0]!.at) - 1000).toISOString())}`);
    assert.equal(past.json<TrendAlertDetail>().status, 'new');
    assert.deepEqual(past.json<TrendAlertDetail>().actions, []);
  });

  it('lets only one of two buyers acknowledging at once win', async () => {
    const list = await world.app.inject({ method: 'GET', url: '/api/v1/trends?include=all' });
    const other = list.json<{ alerts: TrendAlertView[] }>().alerts.find((a) => a.id !== alert.id && a.status === 'new')!;
    const both = await Promise.all([buyer, otherBuyer].map((who) =>
      world.app.inject({ method: 'POST', url: `/api/v1/trends/${other.id}/actions`, headers: { cookie: who.cookie }, payload: { action: 'acknowledge' } })));
    assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
    const trail = (await detail(other.id, buyer)).json<TrendAlertDetail>().actions;
    assert.equal(trail.length, 1);
  });

  it('leaves out alerts on products the caller may not see (a draft), but shows them to buyers', async () => {
    await setProductStatus(world.container.database.db, stream.trend.product, 'draft');
    try {
      const ids = async (who: TestMember | null) =>
        (await world.app.inject({ method: 'GET', url: '/api/v1/trends?kind=product&include=all', headers: who ? { cookie: who.cookie } : {} }))
          .json<{ alerts: TrendAlertView[] }>()
          .alerts.map((a) => a.key);
      assert.ok(!(await ids(null)).includes(stream.trend.product));
      assert.ok(!(await ids(member)).includes(stream.trend.product));
      assert.ok((await ids(buyer)).includes(stream.trend.product));
    } finally {
      await setProductStatus(world.container.database.db, stream.trend.product, 'live');
    }
  });

  it('streams a changed alert to a listener (SSE)', async () => {
    await world.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = world.app.server.address() as AddressInfo;
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/trends/stream`, { signal: controller.signal });
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('event: ready')) text += decoder.decode((await reader.read()).value);
    // A buyer's action changes the alert: listeners hear of it.
    const list = await world.app.inject({ method: 'GET', url: '/api/v1/trends?include=all' });
    const target = list.json<{ alerts: TrendAlertView[] }>().alerts.find((a) => a.status !== 'dismissed')!;
    const dismissed = await world.app.inject({ method: 'POST', url: `/api/v1/trends/${target.id}/actions`, headers: { cookie: buyer.cookie }, payload: { action: 'dismiss', reason: 'seen it' } });
    assert.equal(dismissed.statusCode, 200, dismissed.body);
    const deadline = Date.now() + 10_000;
    while (!text.includes(`id: ${target.id}`) && Date.now() < deadline) text += decoder.decode((await reader.read()).value);
    controller.abort();
    const data = text.split('\n').find((l) => l.startsWith('data: {"id"'))!;
    const sent = JSON.parse(data.slice(6)) as TrendAlertView;
    assert.equal(sent.id, target.id);
    assert.equal(sent.status, 'dismissed');
    await once(res.body as unknown as NodeJS.EventEmitter, 'close').catch(() => undefined);
  });
});
