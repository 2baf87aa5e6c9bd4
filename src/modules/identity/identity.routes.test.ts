import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import path from 'node:path';
import { buildApp } from '../../app.js';
import { createTestWorld, sessionCookieFrom, type TestWorld } from '../../testing.js';

const password = 'correct horse battery';

describe('identity over HTTP', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld();
  });
  after(async () => {
    await world.close();
  });

  async function join(handle: string) {
    const response = await world.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { handle, email: `${handle}@example.com`, password },
    });
    assert.equal(response.statusCode, 201, response.body);
    return { cookie: sessionCookieFrom(response), account: response.json().account as { id: string; handle: string } };
  }

  it('signs up a member, signs them in with an httpOnly SameSite cookie, and shows /me', async () => {
    const response = await world.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { handle: 'Ada.Lovelace', email: 'ADA@example.com', password, display_name: 'Ada' },
    });
    assert.equal(response.statusCode, 201, response.body);
    const { account } = response.json();
    assert.equal(account.handle, 'ada.lovelace');
    assert.equal(account.kind, 'member');
    assert.equal(account.email, 'ada@example.com');
    const setCookie = String(response.headers['set-cookie']);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    const me = await world.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: sessionCookieFrom(response) } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().account.handle, 'ada.lovelace');
  });

  it('records an account_created event in the outbox and relays it to the bus', async () => {
    const seen: string[] = [];
    const sub = await world.container.bus.consume({ group: `probe-${Date.now()}`, types: ['identity.>'] }, async ({ event }) => {
      seen.push((event.data as { handle: string }).handle);
    });
    await join('outbox.probe');
    await world.container.outbox.flush();
    const deadline = Date.now() + 5000;
    while (!seen.includes('outbox.probe') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await sub.stop();
    assert.ok(seen.includes('outbox.probe'));
  });

  it('rejects a bad sign-up with 400 naming each field, and writes nothing', async () => {
    const response = await world.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { handle: 'x', email: 'not-an-email', password: 'short' },
    });
    assert.equal(response.statusCode, 400);
    const { error } = response.json();
    assert.equal(error.code, 'COT_ERR_VALIDATION');
    const fields = (error.details as { field: string }[]).map((d) => d.field).sort();
    assert.deepEqual(fields, ['body.email', 'body.handle', 'body.password']);
    const [row] = await world.container.database.query<{ n: number }>("select count(*)::int as n from accounts where handle = 'x'");
    assert.equal(row!.n, 0);
  });

  it('answers 409 naming the field when the handle or the email is taken, even when racing', async () => {
    await join('taken');
    const again = await world.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { handle: 'taken', email: 'other@example.com', password },
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.details[0].field, 'body.handle');
    const race = await Promise.all(
      [1, 2, 3].map((i) =>
        world.app.inject({ method: 'POST', url: '/api/v1/accounts', payload: { handle: 'racer', email: `racer${i}@example.com`, password } }),
      ),
    );
    assert.deepEqual(race.map((r) => r.statusCode).sort(), [201, 409, 409]);
  });

  it('signs in by handle or email, refuses a wrong password with 401, and signs out', async () => {
    await join('bea');
    const wrong = await world.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'bea', password: 'wrong password!' } });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, 'COT_ERR_UNAUTHENTICATED');
    const unknown = await world.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'nobody', password } });
    assert.equal(unknown.statusCode, 401);
    const byEmail = await world.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'BEA@example.com', password } });
    assert.equal(byEmail.statusCode, 200);
    const cookie = sessionCookieFrom(byEmail);
    const out = await world.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
    assert.equal(out.statusCode, 204);
    const me = await world.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    assert.equal(me.statusCode, 401);
  });

  it('issues bearer tokens for API clients; a cookie token does not work as a bearer', async () => {
    const { cookie } = await join('api.client');
    const issued = await world.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { login: 'api.client', password, label: 'importer' },
    });
    assert.equal(issued.statusCode, 201);
    const { token } = issued.json();
    const me = await world.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().account.handle, 'api.client');
    const cookieToken = cookie.split('=')[1]!;
    const misuse = await world.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${cookieToken}` } });
    assert.equal(misuse.statusCode, 401);
    const garbage = await world.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer nope' } });
    assert.equal(garbage.statusCode, 401);
  });

  it('stops honouring an expired session, and prunes it', async () => {
    const { cookie, account } = await join('expiring');
    await world.container.database.query("update sessions set expires_at = now() - interval '1 minute' where account_id = $1", [account.id]);
    const me = await world.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    assert.equal(me.statusCode, 401);
    assert.match(String(me.headers['set-cookie']), /coterie_session=;/, 'the stale cookie is cleared');
    await world.container.identity.pruneExpiredSessions();
    const [row] = await world.container.database.query<{ n: number }>('select count(*)::int as n from sessions where account_id = $1', [account.id]);
    assert.equal(row!.n, 0);
  });

  it('slows password guessing: sign-in attempts per address are limited more tightly than the API', async () => {
    const { container } = world;
    const strict = { ...container, config: { ...container.config, http: { ...container.config.http, authRateLimitPerMinute: 3 } } };
    const app = await buildApp(strict, { webRoot: path.join(container.config.dataDir, 'none') });
    await app.ready();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'nobody', password: `guess ${i}` } });
        statuses.push(r.statusCode);
      }
      assert.deepEqual(statuses, [401, 401, 401, 429]);
      const elsewhere = await app.inject({ method: 'GET', url: '/api/v1/accounts/nobody' });
      assert.equal(elsewhere.statusCode, 404, 'the rest of the API is not limited by it');
    } finally {
      await app.close();
    }
  });

  it('refuses a cookie-authenticated change coming from another site', async () => {
    const { cookie } = await join('csrf.target');
    const response = await world.app.inject({
      method: 'PATCH',
      url: '/api/v1/accounts/csrf.target',
      headers: { cookie, origin: 'https://evil.example' },
      payload: { bio: 'pwned' },
    });
    assert.equal(response.statusCode, 403);
    const same = await world.app.inject({
      method: 'PATCH',
      url: '/api/v1/accounts/csrf.target',
      headers: { cookie, origin: 'http://shop.example:8080', host: 'shop.example:8080' },
      payload: { bio: 'mine' },
    });
    assert.equal(same.statusCode, 200, same.body);
  });
});

describe('authorization: one member cannot touch another\'s things', () => {
  let world: TestWorld;
  let alice: { cookie: string; id: string };
  let bob: { cookie: string; id: string };
  before(async () => {
    world = await createTestWorld();
    const make = async (handle: string) => {
      const r = await world.app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { handle, email: `${handle}@example.com`, password },
      });
      return { cookie: sessionCookieFrom(r), id: r.json().account.id as string };
    };
    alice = await make('alice');
    bob = await make('bob');
  });
  after(async () => {
    await world.close();
  });

  it("shows another member's public profile without the private email", async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/v1/accounts/alice', headers: { cookie: bob.cookie } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().account.email, undefined);
    const own = await world.app.inject({ method: 'GET', url: '/api/v1/accounts/alice', headers: { cookie: alice.cookie } });
    assert.equal(own.json().account.email, 'alice@example.com');
  });

  it("refuses to edit another member's profile (403) and an anonymous edit (401)", async () => {
    const byBob = await world.app.inject({
      method: 'PATCH',
      url: '/api/v1/accounts/alice',
      headers: { cookie: bob.cookie },
      payload: { bio: 'hacked' },
    });
    assert.equal(byBob.statusCode, 403);
    const anonymous = await world.app.inject({ method: 'PATCH', url: '/api/v1/accounts/alice', payload: { bio: 'hacked' } });
    assert.equal(anonymous.statusCode, 401);
    const profile = await world.app.inject({ method: 'GET', url: '/api/v1/accounts/alice' });
    assert.equal(profile.json().account.bio, null);
  });

  it("cannot see or revoke another member's session: it does not exist for them", async () => {
    const list = await world.app.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: { cookie: alice.cookie } });
    const aliceSession = list.json().sessions[0].id as string;
    assert.equal(list.json().sessions[0].current, true);
    const byBob = await world.app.inject({ method: 'DELETE', url: `/api/v1/sessions/${aliceSession}`, headers: { cookie: bob.cookie } });
    assert.equal(byBob.statusCode, 404);
    const stillIn = await world.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: alice.cookie } });
    assert.equal(stillIn.statusCode, 200);
  });

  it('a member cannot make themselves an admin or a buyer; an admin can', async () => {
    const self = await world.app.inject({
      method: 'PUT',
      url: '/api/v1/accounts/bob/kind',
      headers: { cookie: bob.cookie },
      payload: { kind: 'admin' },
    });
    assert.equal(self.statusCode, 403);
    const signUpAsAdmin = await world.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { handle: 'sneaky', email: 'sneaky@example.com', password, kind: 'admin' },
    });
    assert.equal(signUpAsAdmin.json().account.kind, 'member');
    await world.container.database.query("update accounts set kind = 'admin' where handle = 'alice'");
    const byAdmin = await world.app.inject({
      method: 'PUT',
      url: '/api/v1/accounts/bob/kind',
      headers: { cookie: alice.cookie },
      payload: { kind: 'buyer' },
    });
    assert.equal(byAdmin.statusCode, 200, byAdmin.body);
    assert.equal(byAdmin.json().account.kind, 'buyer');
  });
});
