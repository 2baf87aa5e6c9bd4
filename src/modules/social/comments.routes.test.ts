import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, joinAs, type TestMember, type TestWorld } from '../../testing.js';
import { addProduct, addSet, api } from './testing.js';

describe('comments over HTTP', () => {
  let world: TestWorld;
  let ada: TestMember;
  let bob: TestMember;
  let mod: TestMember;
  let setId: string;
  let privateSet: string;

  const count = async (table: string, where = 'true') =>
    (await world.container.database.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`))[0]!.n;

  before(async () => {
    world = await createTestWorld();
    const ex = world.container.database.db;
    await addProduct(ex, { id: 'dress-1', brand: 'Maison Rouge' });
    await addProduct(ex, { id: 'draft-1', status: 'draft' });
    ada = await joinAs(world, 'ada');
    bob = await joinAs(world, 'bob');
    mod = await joinAs(world, 'mod.erator', { kind: 'admin' });
    setId = await addSet(ex, bob.account.id);
    privateSet = await addSet(ex, bob.account.id, { visibility: 'private' });
  });
  after(async () => {
    await world.close();
  });

  it('posts a comment with its mentions (existing accounts only) and hashtags, indexed and in the event', async () => {
    const posted = await api(world, ada, 'POST', '/products/dress-1/comments', { body: '  Wore it in Milan with @bob and @ghost.account #MFW #ootd #mfw  ' });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const comment = posted.body.comment;
    assert.equal(comment.body, 'Wore it in Milan with @bob and @ghost.account #MFW #ootd #mfw');
    assert.deepEqual(comment.mentions, ['bob']);
    assert.deepEqual(comment.hashtags, ['mfw', 'ootd']);
    assert.equal(comment.author.handle, 'ada');
    assert.equal(comment.can_delete, true);
    assert.equal(await count('hashtag_uses', `source_id = '${comment.id}'`), 2);
    assert.equal(await count('mentions', `source_id = '${comment.id}'`), 1);
    const [event] = await world.container.database.query<{ hashtags: string[]; product_id: string; brand: string }>(
      "select hashtags, product_id, brand from events where type = 'comment'",
    );
    assert.deepEqual(event, { hashtags: ['mfw', 'ootd'], product_id: 'dress-1', brand: 'Maison Rouge' });
  });

  it('validates the body: 1 to 2000 characters after trimming', async () => {
    assert.equal((await api(world, ada, 'POST', '/products/dress-1/comments', { body: '   ' })).status, 400);
    assert.equal((await api(world, ada, 'POST', '/products/dress-1/comments', { body: 'x'.repeat(2001) })).status, 400);
    assert.equal((await api(world, ada, 'POST', '/products/dress-1/comments', { body: 'x'.repeat(2000) })).status, 201);
    assert.equal((await api(world, ada, 'POST', '/products/dress-1/comments', {})).status, 400);
  });

  it('lists comments oldest first by cursor, each saying whether the viewer may delete it', async () => {
    for (const body of ['one', 'two', 'three']) await api(world, bob, 'POST', `/sets/${setId}/comments`, { body });
    const first = await api(world, ada, 'GET', `/sets/${setId}/comments?limit=2`);
    assert.equal(first.status, 200);
    assert.deepEqual(first.body.comments.map((c: { body: string }) => c.body), ['one', 'two']);
    assert.ok(first.body.comments.every((c: { can_delete: boolean }) => !c.can_delete));
    const rest = await api(world, ada, 'GET', `/sets/${setId}/comments?limit=2&cursor=${first.body.next}`);
    assert.deepEqual(rest.body.comments.map((c: { body: string }) => c.body), ['three']);
    assert.equal(rest.body.next, null);
    const asMod = await api(world, mod, 'GET', `/sets/${setId}/comments`);
    assert.ok(asMod.body.comments.every((c: { can_delete: boolean }) => c.can_delete));
    const anonymous = await api(world, null, 'GET', `/sets/${setId}/comments`);
    assert.equal(anonymous.body.comments.length, 3);
  });

  it('keeps comments on things the viewer cannot see out of reach (404)', async () => {
    assert.equal((await api(world, ada, 'GET', '/products/draft-1/comments')).status, 404);
    assert.equal((await api(world, ada, 'POST', '/products/draft-1/comments', { body: 'hi' })).status, 404);
    assert.equal((await api(world, ada, 'POST', `/sets/${privateSet}/comments`, { body: 'hi' })).status, 404);
    const own = await api(world, bob, 'POST', `/sets/${privateSet}/comments`, { body: 'note to self' });
    assert.equal(own.status, 201);
    assert.equal((await api(world, ada, 'DELETE', `/comments/${own.body.comment.id}`)).status, 404);
    assert.equal((await api(world, null, 'POST', '/products/dress-1/comments', { body: 'hi' })).status, 401);
  });

  it('lets the author and admins delete a comment, with its mentions and hashtags; others get 403, signed out 401', async () => {
    const posted = await api(world, ada, 'POST', `/sets/${setId}/comments`, { body: 'Love this @bob #SetGoals' });
    const id = posted.body.comment.id as string;
    assert.equal((await api(world, bob, 'DELETE', `/comments/${id}`)).status, 403, 'not even the set owner');
    assert.equal((await api(world, null, 'DELETE', `/comments/${id}`)).status, 401);
    assert.equal((await api(world, ada, 'DELETE', `/comments/${id}`)).status, 204);
    assert.equal((await api(world, ada, 'DELETE', `/comments/${id}`)).status, 404);
    assert.equal(await count('hashtag_uses', `source_id = '${id}'`), 0);
    assert.equal(await count('mentions', `source_id = '${id}'`), 0);

    const other = await api(world, ada, 'POST', `/sets/${setId}/comments`, { body: 'spam #buynow' });
    assert.equal((await api(world, mod, 'DELETE', `/comments/${other.body.comment.id}`)).status, 204);
    assert.equal(await count('hashtag_uses', "tag = 'buynow'"), 0);
    assert.equal((await api(world, ada, 'DELETE', '/comments/not-a-uuid')).status, 400);
  });

  it("a blocked member cannot comment on the blocker's sets, and blocked accounts' comments are hidden", async () => {
    const cleo = await joinAs(world, 'cleo');
    await api(world, cleo, 'POST', `/sets/${setId}/comments`, { body: 'before the block' });
    assert.equal((await api(world, bob, 'PUT', '/accounts/cleo/block')).status, 200);
    assert.equal((await api(world, cleo, 'POST', `/sets/${setId}/comments`, { body: 'after the block' })).status, 404);
    assert.equal((await api(world, cleo, 'GET', `/sets/${setId}/comments`)).status, 404);
    const seenByBob = await api(world, bob, 'GET', `/sets/${setId}/comments`);
    assert.ok(seenByBob.body.comments.every((c: { author: { handle: string } }) => c.author.handle !== 'cleo'));
    const seenByAda = await api(world, ada, 'GET', `/sets/${setId}/comments`);
    assert.ok(seenByAda.body.comments.some((c: { author: { handle: string } }) => c.author.handle === 'cleo'));
    assert.equal((await api(world, cleo, 'POST', '/products/dress-1/comments', { body: 'products are still fine' })).status, 201);
  });
});
