import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, joinAs, type TestMember, type TestWorld } from '../../testing.js';
import { addProduct, addSet, api } from './testing.js';
import { indexText, removeTextIndex } from './text-index.js';

describe('hashtag pages', () => {
  let world: TestWorld;
  let ada: TestMember;
  let bob: TestMember;
  let publicSet: string;
  let privateSet: string;

  const page = async (who: TestMember | null, path: string) => {
    const answer = await api(world, who, 'GET', path);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body as { tag: string; count: number; items: { kind: string; id: string; text: string; by: { handle: string }; target: unknown }[]; next: string | null };
  };

  before(async () => {
    world = await createTestWorld();
    const ex = world.container.database.db;
    await addProduct(ex, { id: 'dress-1' });
    await addProduct(ex, { id: 'draft-1', status: 'draft' });
    ada = await joinAs(world, 'ada');
    bob = await joinAs(world, 'bob');
    publicSet = await addSet(ex, bob.account.id, { description: 'Summer in #Positano with @ada' });
    privateSet = await addSet(ex, bob.account.id, { visibility: 'private', description: 'secret #positano plans' });
    // What the sets use cases do when they save a description.
    await world.container.database.transaction(async (tx) => {
      const indexed = await indexText(tx, { sourceKind: 'set', sourceId: publicSet, accountId: bob.account.id, text: 'Summer in #Positano with @ada' });
      assert.deepEqual(indexed, { hashtags: ['positano'], mentions: ['ada'] });
      await indexText(tx, { sourceKind: 'set', sourceId: privateSet, accountId: bob.account.id, text: 'secret #positano plans' });
    });
    await api(world, ada, 'POST', '/products/dress-1/comments', { body: 'Packing this for #Positano' });
    await api(world, ada, 'POST', `/sets/${publicSet}/comments`, { body: 'Take me! #positano' });
    // A comment on a product that later went back to draft.
    await api(world, ada, 'POST', '/products/draft-1/comments', { body: 'x' }).then((a) => assert.equal(a.status, 404));
    await world.container.database.query(`update products set status = 'live' where id = 'draft-1'`);
    await api(world, ada, 'POST', '/products/draft-1/comments', { body: 'early #positano look' });
    await world.container.database.query(`update products set status = 'draft' where id = 'draft-1'`);
  });
  after(async () => {
    await world.close();
  });

  it('lists what carries a tag, newest first, with who and what it is about', async () => {
    const found = await page(ada, '/hashtags/positano');
    assert.equal(found.tag, 'positano');
    assert.equal(found.count, 3);
    assert.deepEqual(found.items.map((i) => i.kind), ['comment', 'comment', 'set']);
    assert.deepEqual(found.items[0]!.target, { kind: 'set', id: publicSet });
    assert.deepEqual(found.items[1]!.target, { kind: 'product', id: 'dress-1' });
    assert.equal(found.items[2]!.id, publicSet);
    assert.equal(found.items[2]!.text, 'Summer in #Positano with @ada');
    assert.equal(found.items[2]!.by.handle, 'bob');
    assert.equal(found.items[2]!.target, null);
  });

  it('shows private sets to their owner only, and comments only on products the viewer can see', async () => {
    const owner = await page(bob, '/hashtags/positano');
    assert.equal(owner.count, 4);
    assert.ok(owner.items.some((i) => i.id === privateSet));
    const anonymous = await page(null, '/hashtags/positano');
    assert.equal(anonymous.count, 3);
    const staff = await page(await joinAs(world, 'bea.buyer', { kind: 'buyer' }), '/hashtags/positano');
    assert.equal(staff.count, 4, 'buyers see the comment on the draft product, not the private set');
    assert.ok(!staff.items.some((i) => i.id === privateSet));
  });

  it('pages by cursor and reads any spelling of the tag', async () => {
    const first = await page(ada, '/hashtags/%23POSITANO?limit=2');
    assert.equal(first.items.length, 2);
    const rest = await page(ada, `/hashtags/Positano?limit=2&cursor=${first.next}`);
    assert.equal(rest.items.length, 1);
    assert.equal(rest.next, null);
    assert.equal(new Set([...first.items, ...rest.items].map((i) => i.id)).size, 3);
    assert.equal((await page(ada, '/hashtags/nothing_here')).count, 0);
    assert.equal((await api(world, ada, 'GET', '/hashtags/1234')).status, 404, 'not a tag');
    assert.equal((await api(world, ada, 'GET', `/hashtags/${'a'.repeat(51)}`)).status, 404);
  });

  it('follows a re-indexed description and forgets a removed source', async () => {
    await world.container.database.transaction((tx) => indexText(tx, { sourceKind: 'set', sourceId: publicSet, accountId: bob.account.id, text: 'Now #amalfi' }));
    assert.equal((await page(ada, '/hashtags/amalfi')).count, 1);
    assert.equal((await page(ada, '/hashtags/positano')).items.filter((i) => i.kind === 'set').length, 0);
    await world.container.database.transaction((tx) => removeTextIndex(tx, { sourceKind: 'set', sourceId: publicSet }));
    assert.equal((await page(ada, '/hashtags/amalfi')).count, 0);
    const mentions = await world.container.database.query<{ n: number }>('select count(*)::int as n from mentions where source_id = $1', [publicSet]);
    assert.equal(mentions[0]!.n, 0);
  });

  it("hides a blocker's content from the blocked member", async () => {
    await api(world, bob, 'PUT', '/accounts/ada/block');
    await world.container.database.transaction((tx) => indexText(tx, { sourceKind: 'set', sourceId: publicSet, accountId: bob.account.id, text: 'Back to #positano' }));
    const seenByAda = await page(ada, '/hashtags/positano');
    assert.ok(seenByAda.items.every((i) => i.by.handle !== 'bob' && !(i.target as { id?: string } | null)?.id?.includes(publicSet)));
    await api(world, bob, 'DELETE', '/accounts/ada/block');
  });
});
