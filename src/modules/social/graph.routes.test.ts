import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, joinAs, type TestMember, type TestWorld } from '../../testing.js';
import { api } from './testing.js';

describe('follows and blocks over HTTP', () => {
  let world: TestWorld;
  let ada: TestMember;
  let bob: TestMember;
  let cleo: TestMember;
  let star: TestMember;

  const counts = async (handle: string): Promise<{ followers: number; following: number; loves: number; sets: number }> =>
    (await api(world, null, 'GET', `/accounts/${handle}`)).body.account.counts as never;

  before(async () => {
    world = await createTestWorld();
    ada = await joinAs(world, 'ada');
    bob = await joinAs(world, 'bob');
    cleo = await joinAs(world, 'cleo');
    star = await joinAs(world, 'star', { kind: 'celebrity' });
  });
  after(async () => {
    await world.close();
  });

  it('follows idempotently, keeps both counts, and records one follow event', async () => {
    const first = await api(world, ada, 'PUT', '/accounts/star/follow');
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(first.body, { following: true, counts: { followers: 1, following: 0 } });
    const again = await api(world, ada, 'PUT', '/accounts/STAR/follow');
    assert.deepEqual(again.body, { following: true, counts: { followers: 1, following: 0 } });
    assert.equal((await counts('ada')).following, 1);
    const events = await world.container.database.query<{ subject: string; actor_handle: string }>("select subject, actor_handle from events where type = 'follow'");
    assert.deepEqual(events, [{ subject: 'star', actor_handle: 'ada' }]);
    const profile = await api(world, ada, 'GET', '/accounts/star');
    assert.deepEqual(profile.body.account.viewer, { follows: true, blocked: false, blocks_you: false });

    const gone = await api(world, ada, 'DELETE', '/accounts/star/follow');
    assert.deepEqual(gone.body, { following: false, counts: { followers: 0, following: 0 } });
    const goneAgain = await api(world, ada, 'DELETE', '/accounts/star/follow');
    assert.deepEqual(goneAgain.body, { following: false, counts: { followers: 0, following: 0 } });
    assert.equal((await counts('ada')).following, 0);
  });

  it('refuses following yourself (422), unknown accounts (404) and signed-out calls (401)', async () => {
    assert.equal((await api(world, ada, 'PUT', '/accounts/ada/follow')).status, 422);
    assert.equal((await api(world, ada, 'PUT', '/accounts/nobody.here/follow')).status, 404);
    assert.equal((await api(world, null, 'PUT', '/accounts/star/follow')).status, 401);
    assert.equal((await api(world, null, 'DELETE', '/accounts/star/follow')).status, 401);
    assert.equal((await api(world, ada, 'PUT', '/accounts/x/follow')).status, 400, 'not a handle');
  });

  it('counts concurrent follows of the same pair once, and crossing follows do not deadlock', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => api(world, bob, 'PUT', '/accounts/cleo/follow')));
    assert.ok(answers.every((a) => a.status === 200));
    assert.equal((await counts('cleo')).followers, 1);
    assert.equal((await counts('bob')).following, 1);
    const crossing = await Promise.all([
      api(world, cleo, 'PUT', '/accounts/bob/follow'),
      api(world, bob, 'DELETE', '/accounts/cleo/follow'),
      api(world, cleo, 'PUT', '/accounts/bob/follow'),
      api(world, bob, 'PUT', '/accounts/cleo/follow'),
    ]);
    assert.ok(crossing.every((a) => a.status === 200));
    const rows = await world.container.database.query<{ n: number }>('select count(*)::int as n from follows');
    const [bobCounts, cleoCounts] = [await counts('bob'), await counts('cleo')];
    assert.equal(bobCounts.followers + cleoCounts.followers, rows[0]!.n, 'counts agree with the follows table');
    const followEvents = await world.container.database.query<{ n: number }>("select count(*)::int as n from events where type = 'follow' and subject = 'cleo' and actor_handle = 'bob'");
    assert.ok(followEvents[0]!.n >= 1 && followEvents[0]!.n <= 2, 'one event per follow that took effect');
  });

  it('lists followers newest first with a cursor and the total, also when rows share a timestamp', async () => {
    const fans: TestMember[] = [];
    for (let i = 0; i < 5; i++) fans.push(await joinAs(world, `fan.${i}`));
    for (const fan of fans) assert.equal((await api(world, fan, 'PUT', '/accounts/star/follow')).status, 200);
    // Three more followers written by one statement: one created_at for all, ordered by id.
    await world.container.database.query(
      `with n as (insert into accounts (id, handle, display_name) select gen_random_uuid(), 'bulk.' || i, 'Bulk ' || i from generate_series(1, 3) i returning id)
       insert into follows (follower_id, followee_id, created_at) select n.id, $1, now() + interval '1 hour' from n`,
      [star.account.id],
    );
    await world.container.database.query(`update follow_counts set followers = followers + 3 where account_id = $1`, [star.account.id]);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { status: number; body: { accounts: { handle: string; followed_at: string }[]; next: string | null; total: number } } = await api(
        world,
        null,
        'GET',
        `/accounts/star/followers?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.equal(page.status, 200);
      assert.equal(page.body.total, 8);
      seen.push(...page.body.accounts.map((a) => a.handle));
      cursor = page.body.next;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(seen.length, 8);
    assert.equal(new Set(seen).size, 8);
    assert.deepEqual(seen.slice(3), ['fan.4', 'fan.3', 'fan.2', 'fan.1', 'fan.0']);
    assert.ok(seen.slice(0, 3).every((h) => h.startsWith('bulk.')));
    const following = await api(world, null, 'GET', '/accounts/fan.0/following');
    assert.deepEqual(following.body.accounts.map((a: { handle: string }) => a.handle), ['star']);
    assert.equal(following.body.total, 1);
    assert.equal((await api(world, null, 'GET', '/accounts/star/followers?cursor=nonsense')).status, 400);
  });

  it('blocking ends follows both ways, fixes the counts, and hides the blocker from the blocked', async () => {
    const eve = await joinAs(world, 'eve');
    const finn = await joinAs(world, 'finn');
    await api(world, eve, 'PUT', '/accounts/finn/follow');
    await api(world, finn, 'PUT', '/accounts/eve/follow');
    assert.deepEqual((await counts('eve')), { followers: 1, following: 1, loves: 0, sets: 0 });

    const blocked = await api(world, eve, 'PUT', '/accounts/finn/block');
    assert.deepEqual(blocked.body, { blocked: true });
    assert.deepEqual((await api(world, eve, 'PUT', '/accounts/finn/block')).body, { blocked: true }, 'idempotent');
    assert.deepEqual(await counts('eve'), { followers: 0, following: 0, loves: 0, sets: 0 });
    assert.deepEqual(await counts('finn'), { followers: 0, following: 0, loves: 0, sets: 0 });

    assert.equal((await api(world, finn, 'GET', '/accounts/eve')).status, 404, 'the blocker does not exist for the blocked');
    assert.equal((await api(world, finn, 'GET', '/accounts/eve/followers')).status, 404);
    assert.equal((await api(world, finn, 'PUT', '/accounts/eve/follow')).status, 404);
    assert.equal((await api(world, eve, 'PUT', '/accounts/finn/follow')).status, 403, 'unblock first');
    const eveView = await api(world, eve, 'GET', '/accounts/finn');
    assert.deepEqual(eveView.body.account.viewer, { follows: false, blocked: true, blocks_you: false });
    assert.deepEqual((await api(world, eve, 'GET', '/me/blocks')).body.accounts.map((a: { handle: string }) => a.handle), ['finn']);
    assert.equal((await api(world, null, 'GET', '/me/blocks')).status, 401);

    // Mutual blocks: each side can still lift its own.
    assert.equal((await api(world, finn, 'PUT', '/accounts/eve/block')).status, 200);
    assert.deepEqual((await api(world, finn, 'DELETE', '/accounts/eve/block')).body, { blocked: false });
    assert.deepEqual((await api(world, eve, 'DELETE', '/accounts/finn/block')).body, { blocked: false });
    assert.deepEqual((await api(world, eve, 'DELETE', '/accounts/finn/block')).body, { blocked: false }, 'idempotent');
    assert.equal((await api(world, finn, 'GET', '/accounts/eve')).status, 200);
    assert.equal((await api(world, finn, 'PUT', '/accounts/eve/follow')).status, 200);
    assert.equal((await api(world, eve, 'PUT', '/accounts/eve/block')).status, 422);
    assert.equal((await api(world, null, 'PUT', '/accounts/eve/block')).status, 401);
  });

  it('a block racing a follow of the same pair never leaves the follow behind', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await joinAs(world, `race.a${round}`);
      const b = await joinAs(world, `race.b${round}`);
      await Promise.all([api(world, b, 'PUT', `/accounts/${a.account.handle}/follow`), api(world, a, 'PUT', `/accounts/${b.account.handle}/block`)]);
      const left = await world.container.database.query<{ n: number }>('select count(*)::int as n from follows where follower_id = $1 and followee_id = $2', [
        b.account.id,
        a.account.id,
      ]);
      assert.equal(left[0]!.n, 0);
      assert.equal((await counts(a.account.handle)).followers, 0);
    }
  });
});
