import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, joinAs, type TestMember, type TestWorld } from '../../../testing.js';
import type { SetSummary, SetView } from './sets.schemas.js';
import { addProduct, caller, seedLooks } from './testing.js';

describe('sets over HTTP', () => {
  let world: TestWorld;
  let ada: TestMember;
  let bob: TestMember;
  let vera: TestMember;
  let admin: TestMember;
  const db = () => world.container.database;

  before(async () => {
    world = await createTestWorld();
    await seedLooks(world);
    ada = await joinAs(world, 'ada');
    bob = await joinAs(world, 'bob');
    vera = await joinAs(world, 'vera', { eip: true });
    admin = await joinAs(world, 'root.admin', { kind: 'admin' });
  });
  after(async () => {
    await world.close();
  });

  async function create(who: TestMember, body: Record<string, unknown>): Promise<SetView> {
    const response = await caller(world, who)('POST', '/sets', body);
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ set: SetView }>().set;
  }
  const itemIds = (set: SetView) => set.items.map((i) => i.product.id);

  it('creates a set with its products in order and shows it to everyone when public', async () => {
    const set = await create(ada, { title: '  Capri weekend ', description: 'Sun and #linen with @bob', product_ids: ['heel-1', 'dress-1', 'bag-1'] });
    assert.equal(set.title, 'Capri weekend');
    assert.equal(set.description, 'Sun and #linen with @bob');
    assert.equal(set.visibility, 'public');
    assert.deepEqual(itemIds(set), ['heel-1', 'dress-1', 'bag-1']);
    assert.deepEqual(set.items.map((i) => i.position), [0, 1, 2]);
    assert.equal(set.items[1]!.product.title, 'Red silk dress');
    assert.match(set.items[1]!.product.images[0]!, /^\/blobs\/[0-9a-f]{64}\.jpg$/);
    assert.deepEqual(set.owner, { handle: 'ada', display_name: 'ada', avatar_url: null, kind: 'member', home_city: null });
    assert.deepEqual([set.loves, set.loved, set.can_edit, set.cover_url, set.cover_kind], [0, false, true, null, null]);

    for (const who of [bob, undefined]) {
      const seen = await caller(world, who)('GET', `/sets/${set.id}`);
      assert.equal(seen.statusCode, 200);
      assert.equal(seen.json().set.can_edit, false);
      assert.deepEqual(itemIds(seen.json().set), ['heel-1', 'dress-1', 'bag-1']);
    }
    assert.equal((await caller(world, admin)('GET', `/sets/${set.id}`)).json().set.can_edit, true, 'admins may moderate');

    const [event] = await db().query<{ data: { set_id: string; product_ids: string[] } }>(
      "select data from outbox where type = 'social.set_created' and data->>'set_id' = $1",
      [set.id],
    );
    assert.deepEqual(event?.data.product_ids, ['heel-1', 'dress-1', 'bag-1'], 'set_created is in the outbox');
    const [indexed] = await db().query<{ tags: string[]; handles: string[] }>(
      `select array(select tag from hashtag_uses where source_kind = 'set' and source_id = $1) as tags,
              array(select a.handle from mentions m join accounts a on a.id = m.account_id where m.source_kind = 'set' and m.source_id = $1) as handles`,
      [set.id],
    );
    assert.deepEqual(indexed, { tags: ['linen'], handles: ['bob'] }, 'the description is indexed');
    const edited = await caller(world, ada)('PATCH', `/sets/${set.id}`, { description: 'Now #silk only' });
    assert.equal(edited.statusCode, 200);
    const [reindexed] = await db().query<{ tags: string[] }>("select array(select tag from hashtag_uses where source_kind = 'set' and source_id = $1) as tags", [set.id]);
    assert.deepEqual(reindexed?.tags, ['silk']);
  });

  it('validates titles, descriptions and product lists, and takes only products the member can see', async () => {
    const post = caller(world, ada);
    const invalid = [
      { title: '' },
      { title: 'x'.repeat(121) },
      { title: 'ok', description: 'd'.repeat(2001) },
      { title: 'ok', visibility: 'friends' },
      { title: 'ok', product_ids: ['bag-1', 'bag-1'] },
      { title: 'ok', product_ids: Array.from({ length: 51 }, (_, i) => `p-${i}`) },
    ];
    for (const body of invalid) {
      const response = await post('POST', '/sets', body);
      assert.equal(response.statusCode, 400, JSON.stringify(body).slice(0, 60));
      assert.equal(response.json().error.code, 'COT_ERR_VALIDATION');
    }
    assert.equal((await post('POST', '/sets', { title: 't'.repeat(120), description: 'd'.repeat(2000) })).statusCode, 201);
    for (const hidden of ['nope-1', 'draft-1', 'early-1']) {
      const response = await post('POST', '/sets', { title: 'Hidden', product_ids: ['bag-1', hidden] });
      assert.equal(response.statusCode, 422, hidden);
      assert.deepEqual(response.json().error.details, [{ field: 'body.product_ids', message: `"${hidden}" is not a product you can see` }]);
    }
    const early = await create(vera, { title: 'First look', product_ids: ['early-1', 'bag-1'] });
    assert.deepEqual(itemIds(early), ['early-1', 'bag-1'], 'an EIP client may add early-access pieces');
    assert.equal((await caller(world, undefined)('POST', '/sets', { title: 'Anon' })).statusCode, 401);
  });

  it('replaces, inserts, moves and removes products, keeping positions contiguous', async () => {
    const set = await create(ada, { title: 'Order', product_ids: ['dress-1', 'heel-1'] });
    const call = caller(world, ada);
    let response = await call('PUT', `/sets/${set.id}/items`, { product_ids: ['bag-1', 'dress-1', 'heel-1'] });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(itemIds(response.json().set), ['bag-1', 'dress-1', 'heel-1']);
    response = await call('POST', `/sets/${set.id}/items`, { product_id: 'scarf-1', position: 1 });
    assert.deepEqual(itemIds(response.json().set), ['bag-1', 'scarf-1', 'dress-1', 'heel-1']);
    response = await call('POST', `/sets/${set.id}/items`, { product_id: 'bag-1' });
    assert.deepEqual(itemIds(response.json().set), ['scarf-1', 'dress-1', 'heel-1', 'bag-1'], 'a product already there moves (last by default)');
    response = await call('POST', `/sets/${set.id}/items`, { product_id: 'heel-1', position: 99 });
    assert.deepEqual(itemIds(response.json().set), ['scarf-1', 'dress-1', 'bag-1', 'heel-1']);
    response = await call('DELETE', `/sets/${set.id}/items/dress-1`);
    assert.deepEqual(itemIds(response.json().set), ['scarf-1', 'bag-1', 'heel-1']);
    assert.deepEqual(response.json().set.items.map((i: { position: number }) => i.position), [0, 1, 2]);
    assert.equal((await call('DELETE', `/sets/${set.id}/items/dress-1`)).statusCode, 200, 'taking out what is not there changes nothing');
    assert.equal((await call('POST', `/sets/${set.id}/items`, { product_id: 'draft-1' })).statusCode, 422);
    assert.equal((await call('POST', `/sets/${set.id}/items`, { product_id: 'bag-1', position: -1 })).statusCode, 400);
    response = await call('PUT', `/sets/${set.id}/items`, { product_ids: [] });
    assert.deepEqual(response.json().set.items, []);
  });

  it('holds at most 50 products', async () => {
    const ex = db().db;
    const ids = Array.from({ length: 51 }, (_, i) => `many-${String(i).padStart(2, '0')}`);
    for (const id of ids) await addProduct(ex, { id, title: `Piece ${id}`, brand: 'Bulk', category: 'tops', priceMinor: 1000 });
    const set = await create(ada, { title: 'Full', product_ids: ids.slice(0, 50) });
    assert.equal(set.items.length, 50);
    const call = caller(world, ada);
    const more = await call('POST', `/sets/${set.id}/items`, { product_id: ids[50] });
    assert.equal(more.statusCode, 422);
    assert.equal(more.json().error.code, 'COT_ERR_UNPROCESSABLE');
    const move = await call('POST', `/sets/${set.id}/items`, { product_id: ids[49], position: 0 });
    assert.equal(move.statusCode, 200, 'moving within a full set is fine');
    assert.equal(move.json().set.items[0].product.id, ids[49]);
  });

  it("leaves out products the viewer cannot see as their lifecycle moves", async () => {
    const set = await create(vera, { title: 'Drop', product_ids: ['early-1', 'heel-1', 'bag-1'] });
    const get = async (who: TestMember | undefined) => itemIds((await caller(world, who)('GET', `/sets/${set.id}`)).json().set);
    assert.deepEqual(await get(vera), ['early-1', 'heel-1', 'bag-1']);
    assert.deepEqual(await get(bob), ['heel-1', 'bag-1'], 'early access is hidden from a member');
    assert.deepEqual(await get(undefined), ['heel-1', 'bag-1']);
    const bobView = (await caller(world, bob)('GET', `/sets/${set.id}`)).json().set as SetView;
    assert.deepEqual(bobView.items.map((i) => i.position), [1, 2], 'positions are the set’s own');

    await db().query("update products set status = 'archived' where id = 'bag-1'");
    try {
      assert.deepEqual(await get(vera), ['early-1', 'heel-1'], 'archived pieces drop out, even for the owner');
      assert.deepEqual(await get(admin), ['early-1', 'heel-1', 'bag-1'], 'staff still see them');
      const listed = (await caller(world, bob)('GET', '/accounts/vera/sets')).json().sets as SetSummary[];
      assert.equal(listed.find((s) => s.id === set.id)?.item_count, 1, 'counts follow what the viewer can see');
    } finally {
      await db().query("update products set status = 'live' where id = 'bag-1'");
    }
    await db().query("update products set release_at = now() - interval '1 minute' where id = 'early-1'");
    assert.deepEqual(await get(bob), ['early-1', 'heel-1', 'bag-1'], 'released: visible to everyone');
    await db().query("update products set release_at = now() + interval '7 days' where id = 'early-1'");
  });

  it('edits title, description and visibility; private sets exist only for the owner and admins', async () => {
    const set = await create(ada, { title: 'Draft look', product_ids: ['bag-1'] });
    const call = caller(world, ada);
    let response = await call('PATCH', `/sets/${set.id}`, { title: 'Secret look', description: null, visibility: 'private' });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual([response.json().set.title, response.json().set.description, response.json().set.visibility], ['Secret look', null, 'private']);
    assert.ok(response.json().set.updated_at >= set.updated_at);
    assert.equal((await call('PATCH', `/sets/${set.id}`, {})).statusCode, 400);
    for (const who of [bob, undefined]) assert.equal((await caller(world, who)('GET', `/sets/${set.id}`)).statusCode, 404);
    assert.equal((await caller(world, admin)('GET', `/sets/${set.id}`)).statusCode, 200);
    response = await caller(world, admin)('PATCH', `/sets/${set.id}`, { title: 'Moderated' });
    assert.equal(response.json().set.title, 'Moderated', 'an admin may edit');
  });

  it("lists an account's sets newest first, page by page, private ones only for the owner", async () => {
    const cleo = await joinAs(world, 'cleo');
    const made: SetView[] = [];
    for (const [i, visibility] of (['public', 'private', 'public', 'public'] as const).entries()) {
      made.push(await create(cleo, { title: `Look ${i}`, visibility, product_ids: ['heel-1', 'dress-1', 'bag-1', 'scarf-1', 'gone-1'] }));
    }
    const list = (who: TestMember | undefined, query = '') => caller(world, who)('GET', `/accounts/cleo/sets${query}`);
    const mine = (await list(cleo)).json();
    assert.deepEqual(mine.sets.map((s: SetSummary) => s.title), ['Look 3', 'Look 2', 'Look 1', 'Look 0']);
    assert.equal(mine.sets[0].item_count, 5);
    assert.equal(mine.sets[0].previews.length, 4, 'the first four images (the sold-out beret has none)');
    assert.equal('items' in mine.sets[0], false);
    const theirs = (await list(bob)).json();
    assert.deepEqual(theirs.sets.map((s: SetSummary) => s.title), ['Look 3', 'Look 2', 'Look 0']);
    assert.deepEqual((await list(admin)).json().sets.length, 4);

    const first = (await list(undefined, '?limit=2')).json();
    assert.deepEqual(first.sets.map((s: SetSummary) => s.title), ['Look 3', 'Look 2']);
    assert.ok(first.next);
    const second = (await list(undefined, `?limit=2&cursor=${first.next}`)).json();
    assert.deepEqual(second.sets.map((s: SetSummary) => s.title), ['Look 0']);
    assert.equal(second.next, null);
    assert.equal((await list(undefined, '?cursor=garbage')).statusCode, 400);
    assert.equal((await caller(world, bob)('GET', '/accounts/nobody.here/sets')).statusCode, 404);
  });

  it('shows loves and whether the viewer loves it; deleting takes loves, comments and tags with it', async () => {
    const set = await create(ada, { title: 'Loved', product_ids: ['scarf-1'] });
    for (const who of [bob, vera]) {
      await db().query("insert into loves (account_id, target_kind, target_id) values ($1, 'set', $2)", [who.account.id, set.id]);
    }
    const seen = (await caller(world, bob)('GET', `/sets/${set.id}`)).json().set as SetView;
    assert.deepEqual([seen.loves, seen.loved], [2, true]);
    const anon = (await caller(world, undefined)('GET', `/sets/${set.id}`)).json().set as SetView;
    assert.deepEqual([anon.loves, anon.loved], [2, false]);
    const listed = (await caller(world, ada)('GET', '/accounts/ada/sets?limit=50')).json().sets as SetSummary[];
    assert.deepEqual(
      [listed.find((s) => s.id === set.id)?.loves, listed.find((s) => s.id === set.id)?.loved],
      [2, false],
    );
    await caller(world, ada)('PATCH', `/sets/${set.id}`, { description: 'So #loved' });
    const commentId = randomUUID();
    await db().query("insert into comments (id, author_id, target_kind, target_id, body) values ($1, $2, 'set', $3, 'Yes #capri')", [commentId, bob.account.id, set.id]);
    await db().query("insert into hashtag_uses (tag, source_kind, source_id, account_id) values ('capri', 'comment', $1, $2)", [commentId, bob.account.id]);

    assert.equal((await caller(world, ada)('DELETE', `/sets/${set.id}`)).statusCode, 204);
    assert.equal((await caller(world, ada)('GET', `/sets/${set.id}`)).statusCode, 404);
    assert.equal((await caller(world, ada)('DELETE', `/sets/${set.id}`)).statusCode, 404);
    const [left] = await db().query<{ loves: number; comments: number; tags: number }>(
      `select (select count(*)::int from loves where target_id = $1) as loves, (select count(*)::int from comments where target_id = $1) as comments,
              (select count(*)::int from hashtag_uses where source_id in ($1, $2)) as tags`,
      [set.id, commentId],
    );
    assert.deepEqual(left, { loves: 0, comments: 0, tags: 0 });
  });
});
