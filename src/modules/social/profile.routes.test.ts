import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, joinAs, type TestMember, type TestWorld } from '../../testing.js';
import { CITIES } from './cities.data.js';
import { syncCities } from './cities.js';
import { addProduct, addSet, api } from './testing.js';

describe('profiles over HTTP', () => {
  let world: TestWorld;
  let ada: TestMember;
  let bob: TestMember;
  let admin: TestMember;
  let maison: TestMember;

  before(async () => {
    world = await createTestWorld();
    const ex = world.container.database.db;
    for (const [i, brand] of ['Maison Rouge', 'Maison Rouge', 'Maison Rouge', 'Acne Studios'].entries()) await addProduct(ex, { id: `p-${i}`, brand });
    await addProduct(ex, { id: 'p-draft', brand: 'Maison Rouge', status: 'draft' });
    ada = await joinAs(world, 'ada');
    bob = await joinAs(world, 'bob');
    admin = await joinAs(world, 'root.admin', { kind: 'admin' });
    maison = await joinAs(world, 'maisonrouge', { kind: 'brand' });
    await addSet(ex, ada.account.id);
    await addSet(ex, ada.account.id, { visibility: 'private' });
  });
  after(async () => {
    await world.close();
  });

  it("extends identity's account with counts, the viewer's relation, home city and brand", async () => {
    await api(world, bob, 'PUT', '/accounts/ada/follow');
    await api(world, ada, 'PUT', '/products/p-0/love');
    const anonymous = await api(world, null, 'GET', '/accounts/ada');
    assert.equal(anonymous.status, 200);
    const account = anonymous.body.account;
    assert.equal(account.handle, 'ada');
    assert.equal(account.email, undefined, 'the email stays private');
    assert.deepEqual(account.counts, { followers: 1, following: 0, loves: 1, sets: 1 });
    assert.equal(account.viewer, null);
    assert.equal(account.home_city_info, null);
    assert.equal(account.brand_slug, null);
    const own = (await api(world, ada, 'GET', '/accounts/ada')).body.account;
    assert.equal(own.email, 'ada@example.com');
    assert.equal(own.counts.sets, 2, 'the owner counts their private sets');
    assert.deepEqual(own.viewer, { follows: false, blocked: false, blocks_you: false });
    assert.deepEqual((await api(world, bob, 'GET', '/accounts/ada')).body.account.viewer, { follows: true, blocked: false, blocks_you: false });
    assert.equal((await api(world, null, 'GET', '/accounts/nobody.here')).status, 404);
  });

  it('resolves a typed home city to a known city, keeps unknown names as text, and resolves them once the city appears', async () => {
    const nyc = await api(world, ada, 'PATCH', '/accounts/ada', { home_city: 'NYC' });
    assert.equal(nyc.status, 200);
    assert.equal(nyc.body.account.home_city, 'NYC');
    assert.deepEqual((await api(world, null, 'GET', '/accounts/ada')).body.account.home_city_info, { id: 'new-york-us', name: 'New York', country: 'US', hemisphere: 'north' });
    await api(world, ada, 'PATCH', '/accounts/ada', { home_city: 'sao paulo, brazil' });
    assert.equal((await api(world, null, 'GET', '/accounts/ada')).body.account.home_city_info.hemisphere, 'south');

    await api(world, bob, 'PATCH', '/accounts/bob', { home_city: 'Ushuaia' });
    assert.equal((await api(world, null, 'GET', '/accounts/bob')).body.account.home_city_info, null);
    const ushuaia = { id: 'ushuaia-ar', name: 'Ushuaia', country: 'AR', latitude: -54.8019, longitude: -68.303, timezone: 'America/Argentina/Ushuaia', hemisphere: 'south' as const, aliases: [] };
    const synced = await syncCities(world.container.database.db, [...CITIES, ushuaia]);
    assert.deepEqual(synced, { written: 1, resolved: 1 });
    assert.equal((await api(world, null, 'GET', '/accounts/bob')).body.account.home_city_info.id, 'ushuaia-ar');
    await api(world, bob, 'PATCH', '/accounts/bob', { home_city: null });
    assert.equal((await api(world, null, 'GET', '/accounts/bob')).body.account.home_city_info, null);
  });

  it('links a brand account to its catalogue brand (admins only) and lists its products', async () => {
    assert.equal((await api(world, ada, 'PUT', '/brands/maison-rouge/account', { handle: 'maisonrouge' })).status, 403);
    assert.equal((await api(world, null, 'PUT', '/brands/maison-rouge/account', { handle: 'maisonrouge' })).status, 401);
    assert.equal((await api(world, admin, 'PUT', '/brands/maison-rouge/account', { handle: 'ada' })).status, 422, 'a member account');
    assert.equal((await api(world, admin, 'PUT', '/brands/no-such-brand/account', { handle: 'maisonrouge' })).status, 404);

    assert.deepEqual((await api(world, null, 'GET', '/accounts/maisonrouge/products')).body, { results: [], next: null }, 'not linked yet');
    const linked = await api(world, admin, 'PUT', '/brands/maison-rouge/account', { handle: 'maisonrouge' });
    assert.equal(linked.status, 200, JSON.stringify(linked.body));
    assert.equal(linked.body.brand_slug, 'maison-rouge');
    assert.equal((await api(world, null, 'GET', '/accounts/maisonrouge')).body.account.brand_slug, 'maison-rouge');

    const first = await api(world, ada, 'GET', '/accounts/maisonrouge/products?limit=2');
    assert.equal(first.status, 200);
    assert.equal(first.body.results.length, 2);
    const rest = await api(world, ada, 'GET', `/accounts/maisonrouge/products?limit=2&cursor=${first.body.next}`);
    const ids = [...first.body.results, ...rest.body.results].map((p: { id: string }) => p.id).sort();
    assert.deepEqual(ids, ['p-0', 'p-1', 'p-2'], 'its live products, not the draft, not other brands');
    assert.equal((await api(world, null, 'GET', '/accounts/ada/products')).status, 404, 'not a brand account');

    // Moving the account to another brand releases the first.
    assert.equal((await api(world, admin, 'PUT', '/brands/acne-studios/account', { handle: 'maisonrouge' })).status, 200);
    assert.deepEqual((await api(world, null, 'GET', '/accounts/maisonrouge/products')).body.results.map((p: { id: string }) => p.id), ['p-3']);
    assert.equal((await api(world, maison, 'DELETE', '/brands/acne-studios/account')).status, 403);
    assert.equal((await api(world, admin, 'DELETE', '/brands/acne-studios/account')).status, 204);
    assert.equal((await api(world, null, 'GET', '/accounts/maisonrouge')).body.account.brand_slug, null);
  });
});
