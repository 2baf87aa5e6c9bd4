import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../config.js';
import { createTestWorld, joinAs, type TestWorld } from '../../testing.js';

const count = async (world: TestWorld, where = 'true') =>
  (await world.container.database.query<{ n: number }>(`select count(*)::int as n from events where ${where}`))[0]!.n;

const event = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `ev-${n}`,
  type: 'love',
  time: '2026-05-01T12:00:00Z',
  actor: `someone_${n % 50}`,
  product: `P${n % 100}`,
  ...extra,
});

describe('POST /api/v1/events', () => {
  let world: TestWorld;
  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    world.app.inject({ method: 'POST', url: '/api/v1/events', payload: payload as object, headers });

  before(async () => {
    world = await createTestWorld();
  });
  after(async () => {
    await world.close();
  });

  it('accepts 20,000 events in batches of 1,000, then counts all of them as duplicates', async () => {
    const batches = Array.from({ length: 20 }, (_, b) => Array.from({ length: 1000 }, (_, i) => event(b * 1000 + i)));
    for (const round of ['first', 'second']) {
      let accepted = 0;
      let duplicates = 0;
      for (const batch of batches) {
        const response = await post(batch);
        assert.equal(response.statusCode, 200, response.body);
        accepted += response.json<{ accepted: number }>().accepted;
        duplicates += response.json<{ duplicates: number }>().duplicates;
      }
      assert.deepEqual({ accepted, duplicates }, round === 'first' ? { accepted: 20_000, duplicates: 0 } : { accepted: 0, duplicates: 20_000 });
    }
    assert.equal(await count(world, `id like 'ev-%'`), 20_000);
  });

  it('rejects a whole batch for one invalid event, naming its index, and writes nothing', async () => {
    const before = await count(world);
    const batch = [event(100_001), event(100_002), event(100_003), event(100_004, { time: 'last tuesday' })];
    const response = await post(batch);
    assert.equal(response.statusCode, 400);
    const { error } = response.json<{ error: { code: string; message: string; details: { field: string }[] } }>();
    assert.equal(error.code, 'COT_ERR_VALIDATION');
    assert.deepEqual(error.details.map((d) => d.field), ['body[3].time']);
    assert.match(error.message, /body\[3\]\.time/);
    assert.equal(await count(world), before);
  });

  it('answers 400 naming index and field for each bad value, writing nothing', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ type: 'like' }, 'type'], [{ time: '2026-02-30T00:00:00Z' }, 'time'], [{ time: '3026-01-01T00:00:00Z' }, 'time'],
      [{ actor: '' }, 'actor'], [{ actor: undefined }, 'actor'], [{ country: 'XX' }, 'country'], [{ device: 'fridge' }, 'device'],
      [{ hashtags: 'summer' }, 'hashtags'], [{ hashtags: ['ok', 'not ok'] }, 'hashtags[1]'], [{ quantity: 0 }, 'quantity'],
      [{ quantity: 2.5 }, 'quantity'], [{ amount_minor: -5, currency: 'GBP' }, 'amount_minor'], [{ amount_minor: 5 }, 'currency'],
      [{ currency: 'EURO' }, 'currency'], [{ id: '' }, 'id'], [{ product: 12 }, 'product'], [{ channel: 'two words' }, 'channel'],
    ];
    const before = await count(world);
    for (const [change, field] of bad) {
      const response = await post([event(200_000), { ...event(200_001), ...change }]);
      assert.equal(response.statusCode, 400, JSON.stringify(change));
      const details = response.json<{ error: { details: { field: string }[] } }>().error.details;
      assert.deepEqual(details.map((d) => d.field), [`body[1].${field}`], JSON.stringify(change));
    }
    assert.equal(await count(world), before);
  });

  it('refuses what is not a batch: an object, an empty array, more than 1,000 events, malformed JSON', async () => {
    assert.equal((await post({ type: 'love' })).statusCode, 400);
    assert.equal((await post([])).statusCode, 400);
    const tooMany = await post(Array.from({ length: 1001 }, (_, i) => event(300_000 + i)));
    assert.equal(tooMany.statusCode, 413);
    assert.match(tooMany.json<{ error: { message: string } }>().error.message, /at most 1,000 events/);
    const malformed = await world.app.inject({ method: 'POST', url: '/api/v1/events', headers: { 'content-type': 'application/json' }, payload: '[{"type":' });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json<{ error: { code: string } }>().error.code, 'COT_ERR_MALFORMED_BODY');
  });

  it('counts an id repeated inside one batch once, and gives events without an id their own', async () => {
    const response = await post([event(400_000), event(400_000), event(400_001), { type: 'view', time: '2026-05-01T12:00:00Z', actor: 'anon' }, { type: 'view', time: '2026-05-01T12:00:00Z', actor: 'anon' }]);
    assert.deepEqual(response.json(), { accepted: 4, duplicates: 1 });
    assert.equal(await count(world, `actor_handle = 'anon'`), 2);
  });

  it('links known handles to their account and keeps unknown ones as imported history', async () => {
    const ada = await joinAs(world, 'ada.known');
    const response = await post([
      event(500_000, { actor: '@Ada.Known', country: 'gb', hashtags: ['#Summer'] }),
      event(500_001, { actor: 'never_joined' }),
    ]);
    assert.deepEqual(response.json(), { accepted: 2, duplicates: 0 });
    const rows = await world.container.database.query<{ id: string; actor_id: string | null; actor_handle: string; country: string | null; hashtags: string[] | null; source: string }>(
      `select id, actor_id, actor_handle, country, hashtags, source from events where id in ('ev-500000', 'ev-500001') order by id`,
    );
    assert.deepEqual(rows, [
      { id: 'ev-500000', actor_id: ada.account.id, actor_handle: 'ada.known', country: 'GB', hashtags: ['summer'], source: 'api' },
      { id: 'ev-500001', actor_id: null, actor_handle: 'never_joined', country: null, hashtags: null, source: 'api' },
    ]);
    const accounts = await world.container.database.query<{ n: number }>(`select count(*)::int as n from accounts where handle = 'never_joined'`);
    assert.equal(accounts[0]!.n, 0);
  });

  it('is in the OpenAPI document', async () => {
    const document = (await world.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{ paths: Record<string, { post?: unknown }> }>();
    assert.ok(document.paths['/api/v1/events']?.post);
  });
});

describe('POST /api/v1/events with COTERIE_EVENTS_TOKEN set', () => {
  let world: TestWorld;
  const token = 'events-token-0123456789abcdef';
  const post = (headers: Record<string, string>, n: number) =>
    world.app.inject({ method: 'POST', url: '/api/v1/events', payload: [event(n)], headers });

  before(async () => {
    world = await createTestWorld({ ...process.env, COTERIE_EVENTS_TOKEN: token });
  });
  after(async () => {
    await world.close();
  });

  it('needs the token or an admin or buyer session', async () => {
    assert.equal((await post({}, 1)).statusCode, 401);
    assert.equal((await post({ authorization: 'Bearer wrong-token-0123456789abcdef' }, 2)).statusCode, 401);
    assert.equal((await post({ authorization: `Bearer ${token}` }, 3)).statusCode, 200);
    const member = await joinAs(world, 'plain.member');
    assert.equal((await post({ cookie: member.cookie }, 4)).statusCode, 403);
    const buyer = await joinAs(world, 'the.buyer', { kind: 'buyer' });
    assert.equal((await post({ cookie: buyer.cookie }, 5)).statusCode, 200);
    const admin = await joinAs(world, 'the.admin', { kind: 'admin' });
    assert.equal((await post({ cookie: admin.cookie }, 6)).statusCode, 200);
    const ids = await world.container.database.query<{ id: string }>('select id from events order by id');
    assert.deepEqual(ids.map((r) => r.id), ['ev-3', 'ev-5', 'ev-6']);
  });

  it('refuses a token too short to be a secret', () => {
    assert.throws(() => loadConfig({ COTERIE_EVENTS_TOKEN: 'short' }), /invalid setting COTERIE_EVENTS_TOKEN: must be at least 16 characters$/);
    assert.equal(loadConfig({ COTERIE_EVENTS_TOKEN: '' }).eventsToken, undefined);
  });

  it('leaves other routes answering 401 for a bearer that is not a session', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/v1/bag', headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.statusCode, 401);
  });
});
