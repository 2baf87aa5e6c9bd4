/**
 * Object-level authorization of every set endpoint: another member's session and no session at all,
 * against a public and a private set. Private sets are 404 to everyone else everywhere; public sets are
 * readable (and can be added to one's own bag) but changed only by their owner and admins.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createTestWorld, joinAs, multipart, type TestMember, type TestWorld } from '../../../testing.js';
import type { SetView } from './sets.schemas.js';
import { caller, seedLooks } from './testing.js';

interface Endpoint {
  name: string;
  /** What a reader who may see the set (but not change it) gets when signed in. */
  reader: 200 | 403;
  call: (who: TestMember | undefined, id: string) => ReturnType<ReturnType<typeof caller>>;
}

describe('who may use each set endpoint', () => {
  let world: TestWorld;
  let ada: TestMember;
  let bob: TestMember;
  let publicSet: SetView;
  let privateSet: SetView;
  let endpoints: Endpoint[];

  before(async () => {
    world = await createTestWorld();
    await seedLooks(world);
    ada = await joinAs(world, 'ada.owner');
    bob = await joinAs(world, 'bob.other');
    const make = async (title: string, visibility: string) =>
      (await caller(world, ada)('POST', '/sets', { title, visibility, product_ids: ['heel-1', 'bag-1'] })).json<{ set: SetView }>().set;
    publicSet = await make('Open look', 'public');
    privateSet = await make('Secret look', 'private');
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 9, g: 9, b: 9 } } }).png().toBuffer();
    const upload = multipart('cover', 'cover.png', png);
    endpoints = [
      { name: 'GET /sets/:id', reader: 200, call: (who, id) => caller(world, who)('GET', `/sets/${id}`) },
      { name: 'PATCH /sets/:id', reader: 403, call: (who, id) => caller(world, who)('PATCH', `/sets/${id}`, { title: 'Hijacked' }) },
      { name: 'DELETE /sets/:id', reader: 403, call: (who, id) => caller(world, who)('DELETE', `/sets/${id}`) },
      { name: 'PUT /sets/:id/items', reader: 403, call: (who, id) => caller(world, who)('PUT', `/sets/${id}/items`, { product_ids: ['scarf-1'] }) },
      { name: 'POST /sets/:id/items', reader: 403, call: (who, id) => caller(world, who)('POST', `/sets/${id}/items`, { product_id: 'scarf-1' }) },
      { name: 'DELETE /sets/:id/items/:product_id', reader: 403, call: (who, id) => caller(world, who)('DELETE', `/sets/${id}/items/heel-1`) },
      { name: 'PUT /sets/:id/cover', reader: 403, call: (who, id) => caller(world, who)('PUT', `/sets/${id}/cover`, upload.payload, upload.headers) },
      { name: 'POST /sets/:id/cover/compose', reader: 403, call: (who, id) => caller(world, who)('POST', `/sets/${id}/cover/compose`, {}) },
      { name: 'POST /sets/:id/add-to-bag', reader: 200, call: (who, id) => caller(world, who)('POST', `/sets/${id}/add-to-bag`, {}) },
    ];
  });
  after(async () => {
    await world.close();
  });

  async function unchanged(set: SetView): Promise<void> {
    const seen = (await caller(world, ada)('GET', `/sets/${set.id}`)).json<{ set: SetView }>().set;
    assert.equal(seen.title, set.title);
    assert.deepEqual(
      seen.items.map((i) => i.product.id),
      ['heel-1', 'bag-1'],
    );
    assert.equal(seen.cover_url, null);
  }

  it("answers 404 on every endpoint of a private set to another member and to no session", async () => {
    for (const who of [bob, undefined]) {
      for (const endpoint of endpoints) {
        const response = await endpoint.call(who, privateSet.id);
        assert.equal(response.statusCode, 404, `${endpoint.name} as ${who?.account.handle ?? 'nobody'}: ${response.body}`);
        assert.equal(response.json().error.code, 'COT_ERR_NOT_FOUND');
      }
    }
    await unchanged(privateSet);
    const listed = await caller(world, bob)('GET', '/accounts/ada.owner/sets');
    assert.deepEqual(
      listed.json().sets.map((s: { id: string }) => s.id),
      [publicSet.id],
      'the list leaves the private set out',
    );
    const anonymous = await caller(world, undefined)('GET', '/accounts/ada.owner/sets');
    assert.deepEqual(anonymous.json().sets.map((s: { id: string }) => s.id), [publicSet.id]);
  });

  it('lets others read a public set but not change it: 403 for another member, 401 for no session', async () => {
    for (const endpoint of endpoints) {
      const asBob = await endpoint.call(bob, publicSet.id);
      assert.equal(asBob.statusCode, endpoint.reader, `${endpoint.name} as bob: ${asBob.body}`);
      const asNobody = await endpoint.call(undefined, publicSet.id);
      assert.equal(asNobody.statusCode, endpoint.name.startsWith('GET') ? 200 : 401, `${endpoint.name} signed out: ${asNobody.body}`);
    }
    await unchanged(publicSet);
    const bag = await caller(world, bob)('GET', '/bag');
    assert.deepEqual(
      bag.json().bag.lines.map((l: { product_id: string }) => l.product_id).sort(),
      ['bag-1', 'heel-1'],
      "adding a public set went into bob's own bag",
    );
  });

  it('hides a set from a member its owner blocked, and answers 404 for unknown ids and 400 for malformed ones', async () => {
    await world.container.database.query('insert into blocks (blocker_id, blocked_id) values ($1, $2)', [ada.account.id, bob.account.id]);
    try {
      for (const endpoint of endpoints) {
        assert.equal((await endpoint.call(bob, publicSet.id)).statusCode, 404, `${endpoint.name} as a blocked member`);
      }
      assert.equal((await caller(world, bob)('GET', '/accounts/ada.owner/sets')).statusCode, 404);
    } finally {
      await world.container.database.query('delete from blocks where blocker_id = $1', [ada.account.id]);
    }
    for (const endpoint of endpoints) {
      assert.equal((await endpoint.call(ada, randomUUID())).statusCode, 404, `${endpoint.name} of an unknown set`);
      assert.equal((await endpoint.call(ada, 'not-a-uuid')).statusCode, 400, `${endpoint.name} of a malformed id`);
    }
    assert.equal((await caller(world, undefined)('POST', '/sets', { title: 'Nobody' })).statusCode, 401);
  });
});
