import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, joinAs, type TestMember, type TestWorld } from '../../testing.js';

describe('EIP clients and their stylists', () => {
  let world: TestWorld;
  let client: TestMember;
  let stylist: TestMember;
  let rival: TestMember;
  let admin: TestMember;
  before(async () => {
    world = await createTestWorld();
    client = await joinAs(world, 'cleo');
    stylist = await joinAs(world, 'sasha.styles', { kind: 'stylist' });
    rival = await joinAs(world, 'rita.styles', { kind: 'stylist' });
    admin = await joinAs(world, 'ada.admin', { kind: 'admin' });
  });
  after(async () => {
    await world.close();
  });

  const setEip = (who: TestMember | null, payload: object, handle = 'cleo') =>
    world.app.inject({ method: 'PUT', url: `/api/v1/accounts/${handle}/eip`, payload, headers: who ? { cookie: who.cookie } : {} });

  it('only stylists and admins can make a client EIP', async () => {
    assert.equal((await setEip(null, { eip: true })).statusCode, 401);
    assert.equal((await setEip(client, { eip: true })).statusCode, 403);
    assert.equal((await setEip(stylist, { eip: true }, 'nobody.here')).statusCode, 404);
    assert.equal((await setEip(stylist, { eip: true, stylist: 'cleo' })).statusCode, 400, 'the stylist must be a stylist');
  });

  it('a stylist takes a client on; another stylist cannot take them over; an admin can', async () => {
    const taken = await setEip(stylist, { eip: true, stylist: 'sasha.styles' });
    assert.equal(taken.statusCode, 200, taken.body);
    assert.equal(taken.json().account.eip, true);
    assert.equal(taken.json().stylist, 'sasha.styles');
    const me = (await world.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: client.cookie } })).json();
    assert.equal(me.account.eip, true, 'the client sees it on their own account');
    const publicView = (await world.app.inject({ method: 'GET', url: '/api/v1/accounts/cleo' })).json();
    assert.equal(publicView.account.eip, undefined, 'others do not');
    assert.equal((await setEip(rival, { eip: true, stylist: 'rita.styles' })).statusCode, 403);
    const moved = await setEip(admin, { eip: true, stylist: 'rita.styles' });
    assert.equal(moved.statusCode, 200);
    assert.equal(moved.json().stylist, 'rita.styles');
    const outbox = await world.container.database.query<{ n: number }>(
      "select count(*)::int as n from outbox where type = 'identity.account_eip_changed'",
    );
    assert.equal(outbox[0]?.n, 2);
  });

  it('the operator grants a kind without a session (coterie accounts grant), and it is audited', async () => {
    const granted = await world.container.identity.grantKind('CLEO', 'buyer');
    assert.equal(granted.kind, 'buyer');
    const events = await world.container.database.query<{ data: { by: string | null; to: string } }>(
      "select data from outbox where type = 'identity.account_kind_changed' order by seq desc limit 1",
    );
    assert.deepEqual([events[0]?.data.to, events[0]?.data.by], ['buyer', null]);
    await assert.rejects(world.container.identity.grantKind('nobody.here', 'admin'), /was not found/);
  });
});
