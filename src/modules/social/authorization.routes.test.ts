import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, joinAs, type TestMember, type TestWorld } from '../../testing.js';
import { addProduct, addSet, api } from './testing.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Every social object endpoint called with another member's session and with none: what belongs to
 * someone else is never changed, private things do not exist for others (404), signed-out writes 401.
 */
describe("social authorization: nobody touches another member's things", () => {
  let world: TestWorld;
  let owner: TestMember;
  let other: TestMember;
  let privateSet: string;
  let publicSet: string;
  let publicComment: string;
  let privateComment: string;

  before(async () => {
    world = await createTestWorld();
    const ex = world.container.database.db;
    await addProduct(ex, { id: 'dress-1', brand: 'Maison Rouge' });
    owner = await joinAs(world, 'owner');
    other = await joinAs(world, 'other');
    await joinAs(world, 'maison', { kind: 'brand' });
    privateSet = await addSet(ex, owner.account.id, { visibility: 'private' });
    publicSet = await addSet(ex, owner.account.id);
    await api(world, owner, 'PUT', `/sets/${privateSet}/love`);
    await api(world, owner, 'PUT', '/products/dress-1/love');
    await api(world, owner, 'PUT', '/accounts/maison/follow');
    publicComment = (await api(world, owner, 'POST', `/sets/${publicSet}/comments`, { body: 'mine #look' })).body.comment.id;
    privateComment = (await api(world, owner, 'POST', `/sets/${privateSet}/comments`, { body: 'private #look' })).body.comment.id;
  });
  after(async () => {
    await world.close();
  });

  const cases: { method: Method; path: string; body?: unknown; other: number; none: number }[] = [
    // The owner's private set: it does not exist for anyone else.
    { method: 'PUT', path: '/sets/{privateSet}/love', other: 404, none: 401 },
    { method: 'DELETE', path: '/sets/{privateSet}/love', other: 404, none: 401 },
    { method: 'POST', path: '/sets/{privateSet}/shares', body: { channel: 'link' }, other: 404, none: 401 },
    { method: 'GET', path: '/sets/{privateSet}/comments', other: 404, none: 404 },
    { method: 'POST', path: '/sets/{privateSet}/comments', body: { body: 'hi' }, other: 404, none: 401 },
    { method: 'DELETE', path: '/comments/{privateComment}', other: 404, none: 404 },
    // The owner's comment on a public set: visible, not theirs to delete.
    { method: 'DELETE', path: '/comments/{publicComment}', other: 403, none: 401 },
    // Acting on public things: only ever for yourself, so signed out is 401.
    { method: 'PUT', path: '/sets/{publicSet}/love', other: 200, none: 401 },
    { method: 'DELETE', path: '/products/dress-1/love', other: 200, none: 401 },
    { method: 'DELETE', path: '/accounts/maison/follow', other: 200, none: 401 },
    { method: 'PUT', path: '/accounts/owner/block', other: 200, none: 401 },
    { method: 'DELETE', path: '/accounts/owner/block', other: 200, none: 401 },
    { method: 'GET', path: '/me/blocks', other: 200, none: 401 },
    // Admin-only.
    { method: 'PUT', path: '/brands/maison-rouge/account', body: { handle: 'maison' }, other: 403, none: 401 },
    { method: 'DELETE', path: '/brands/maison-rouge/account', other: 403, none: 401 },
    // Public reads.
    { method: 'GET', path: '/accounts/owner', other: 200, none: 200 },
    { method: 'GET', path: '/accounts/owner/followers', other: 200, none: 200 },
    { method: 'GET', path: '/accounts/owner/following', other: 200, none: 200 },
    { method: 'GET', path: '/accounts/owner/loves', other: 200, none: 200 },
    { method: 'GET', path: '/accounts/maison/products', other: 200, none: 200 },
    { method: 'GET', path: '/sets/{publicSet}/comments', other: 200, none: 200 },
    { method: 'GET', path: '/hashtags/look', other: 200, none: 200 },
  ];

  const ids = () => ({ privateSet, publicSet, privateComment, publicComment });
  const resolve = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: keyof ReturnType<typeof ids>) => ids()[name]);

  for (const c of cases) {
    it(`${c.method} ${c.path}: another member ${c.other}, signed out ${c.none}`, async () => {
      assert.equal((await api(world, other, c.method, resolve(c.path), c.body)).status, c.other, 'another member');
      assert.equal((await api(world, null, c.method, resolve(c.path), c.body)).status, c.none, 'signed out');
    });
  }

  it("left the owner's things as they were", async () => {
    const owned = await world.container.database.query<{ n: number }>(
      `select (select count(*) from loves where account_id = $1)::int
            + (select count(*) from follows where follower_id = $1)::int
            + (select count(*) from comments where author_id = $1)::int as n`,
      [owner.account.id],
    );
    assert.equal(owned[0]!.n, 5, '2 loves, 1 follow, 2 comments');
    const hashtag = await api(world, other, 'GET', '/hashtags/look');
    assert.equal(hashtag.body.count, 1, "the private set's comment is not listed for others");
    const ownerView = await api(world, owner, 'GET', '/hashtags/look');
    assert.equal(ownerView.body.count, 2);
    assert.equal((await api(world, owner, 'GET', '/me/blocks')).body.accounts.length, 0, "another member's blocks are their own");
  });
});
