import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, joinAs, type TestMember, type TestWorld } from '../../testing.js';
import { addProduct, addSet, api } from './testing.js';

const day = 24 * 3600_000;

describe('loves and shares over HTTP', () => {
  let world: TestWorld;
  let ada: TestMember;
  let bob: TestMember;
  let vera: TestMember;
  let publicSet: string;
  let privateSet: string;

  before(async () => {
    world = await createTestWorld();
    const ex = world.container.database.db;
    await addProduct(ex, { id: 'dress-1', brand: 'Maison Rouge' });
    await addProduct(ex, { id: 'coat-1', brand: 'Acne Studios' });
    await addProduct(ex, { id: 'bag-1', brand: 'Acne Studios' });
    await addProduct(ex, { id: 'draft-1', status: 'draft' });
    await addProduct(ex, { id: 'early-1', status: 'early_access', releaseAt: new Date(Date.now() + 7 * day) });
    ada = await joinAs(world, 'ada');
    bob = await joinAs(world, 'bob');
    vera = await joinAs(world, 'vera', { eip: true });
    publicSet = await addSet(ex, bob.account.id, { visibility: 'public' });
    privateSet = await addSet(ex, bob.account.id, { visibility: 'private' });
  });
  after(async () => {
    await world.close();
  });

  it('loves a product idempotently with its count, and records one love event with product and brand', async () => {
    const first = await api(world, ada, 'PUT', '/products/dress-1/love');
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(first.body, { loved: true, loves: 1 });
    assert.deepEqual((await api(world, ada, 'PUT', '/products/dress-1/love')).body, { loved: true, loves: 1 });
    assert.deepEqual((await api(world, bob, 'PUT', '/products/dress-1/love')).body, { loved: true, loves: 2 });
    const events = await world.container.database.query<{ product_id: string; brand: string; actor_handle: string }>(
      "select product_id, brand, actor_handle from events where type = 'love' order by actor_handle",
    );
    assert.deepEqual(events, [
      { product_id: 'dress-1', brand: 'Maison Rouge', actor_handle: 'ada' },
      { product_id: 'dress-1', brand: 'Maison Rouge', actor_handle: 'bob' },
    ]);
    assert.deepEqual((await api(world, bob, 'DELETE', '/products/dress-1/love')).body, { loved: false, loves: 1 });
    assert.deepEqual((await api(world, bob, 'DELETE', '/products/dress-1/love')).body, { loved: false, loves: 1 });
    assert.deepEqual((await api(world, ada, 'GET', '/products/dress-1/love')).body, { loved: true, loves: 1 }, 'a page opens with the state');
    assert.deepEqual((await api(world, bob, 'GET', '/products/dress-1/love')).body, { loved: false, loves: 1 });
    assert.deepEqual((await api(world, null, 'GET', '/products/dress-1/love')).body, { loved: false, loves: 1 });
    assert.equal((await api(world, ada, 'GET', '/products/draft-1/love')).status, 404);
  });

  it('counts concurrent loves by one member once', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => api(world, vera, 'PUT', '/products/coat-1/love')));
    assert.ok(answers.every((a) => a.status === 200 && a.body.loved === true));
    assert.deepEqual((await api(world, vera, 'PUT', '/products/coat-1/love')).body, { loved: true, loves: 1 });
    const events = await world.container.database.query<{ n: number }>("select count(*)::int as n from events where type = 'love' and product_id = 'coat-1'");
    assert.equal(events[0]!.n, 1);
  });

  it('only loves products the member can see (catalogue visibility)', async () => {
    assert.equal((await api(world, ada, 'PUT', '/products/draft-1/love')).status, 404);
    assert.equal((await api(world, ada, 'PUT', '/products/early-1/love')).status, 404, 'early access is for EIP clients');
    assert.equal((await api(world, vera, 'PUT', '/products/early-1/love')).status, 200);
    assert.equal((await api(world, ada, 'PUT', '/products/nope/love')).status, 404);
    assert.equal((await api(world, null, 'PUT', '/products/dress-1/love')).status, 401);
  });

  it('loves sets the member can see: public ones and their own private ones', async () => {
    assert.deepEqual((await api(world, ada, 'PUT', `/sets/${publicSet}/love`)).body, { loved: true, loves: 1 });
    assert.equal((await api(world, ada, 'PUT', `/sets/${privateSet}/love`)).status, 404);
    assert.deepEqual((await api(world, bob, 'PUT', `/sets/${privateSet}/love`)).body, { loved: true, loves: 1 });
    assert.equal((await api(world, ada, 'PUT', '/sets/00000000-0000-4000-8000-000000000000/love')).status, 404);
    assert.equal((await api(world, ada, 'PUT', '/sets/not-a-uuid/love')).status, 400);
    const [event] = await world.container.database.query<{ subject: string; product_id: string | null }>(
      "select subject, product_id from events where type = 'love' and actor_handle = 'ada' and subject is not null",
    );
    assert.deepEqual(event, { subject: publicSet, product_id: null });
    assert.deepEqual((await api(world, ada, 'DELETE', `/sets/${publicSet}/love`)).body, { loved: false, loves: 0 });
  });

  it('records shares with their channel and answers the path to share', async () => {
    const shared = await api(world, ada, 'POST', '/products/dress-1/shares', { channel: 'whatsapp' });
    assert.equal(shared.status, 201, JSON.stringify(shared.body));
    assert.equal(shared.body.share.channel, 'whatsapp');
    assert.equal(shared.body.share.url, '/products/dress-1');
    const setShare = await api(world, ada, 'POST', `/sets/${publicSet}/shares`, { channel: 'link' });
    assert.equal(setShare.body.share.url, `/sets/${publicSet}`);
    assert.equal((await api(world, ada, 'POST', '/products/dress-1/shares', { channel: 'fax' })).status, 400);
    assert.equal((await api(world, ada, 'POST', `/sets/${privateSet}/shares`, { channel: 'link' })).status, 404);
    assert.equal((await api(world, null, 'POST', '/products/dress-1/shares', { channel: 'link' })).status, 401);
    const events = await world.container.database.query<{ channel: string; product_id: string | null; brand: string | null }>(
      "select channel, product_id, brand from events where type = 'share' order by occurred_at, channel desc",
    );
    assert.deepEqual(events, [
      { channel: 'whatsapp', product_id: 'dress-1', brand: 'Maison Rouge' },
      { channel: 'link', product_id: null, brand: null },
    ]);
  });

  it("lists a profile's loved products, most recent first, only those the viewer can see, by cursor", async () => {
    await api(world, vera, 'PUT', '/products/bag-1/love');
    const mine = await api(world, vera, 'GET', '/accounts/vera/loves?limit=2');
    assert.deepEqual(mine.body.results.map((p: { id: string }) => p.id), ['bag-1', 'early-1']);
    const rest = await api(world, vera, 'GET', `/accounts/vera/loves?limit=2&cursor=${mine.body.next}`);
    assert.deepEqual(rest.body.results.map((p: { id: string }) => p.id), ['coat-1']);
    assert.equal(rest.body.next, null);
    const byOthers = await api(world, ada, 'GET', '/accounts/vera/loves');
    assert.deepEqual(byOthers.body.results.map((p: { id: string }) => p.id), ['bag-1', 'coat-1'], 'early access stays hidden from non-EIP viewers');
    assert.equal((await api(world, null, 'GET', '/accounts/vera')).body.account.counts.loves, 2);
    assert.equal((await api(world, vera, 'GET', '/accounts/vera')).body.account.counts.loves, 3);
    assert.equal((await api(world, null, 'GET', '/accounts/nobody.here/loves')).status, 404);
  });

  it('answers 404 for unknown photos', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    assert.equal((await api(world, ada, 'GET', `/photos/${id}/comments`)).status, 404);
    assert.equal((await api(world, ada, 'POST', `/photos/${id}/comments`, { body: 'nice' })).status, 404);
  });
});
