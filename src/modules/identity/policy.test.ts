import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pino } from 'pino';
import type { Actor, RequestContext } from '../../platform/http/context.js';
import type { AppError } from '../../platform/http/errors.js';
import { authorize, can, requireKind } from './policy.js';

const log = pino({ level: 'silent' });
const actor = (id: string, kind: Actor['kind'] = 'member'): Actor => ({ id, handle: id, kind, eip: false, via: 'cookie', sessionId: 's' });
const ctx = (who: Actor | null): RequestContext => ({ actor: who, requestId: 't', log });
const statusOf = (fn: () => void) => {
  try {
    fn();
    return 200;
  } catch (error) {
    return (error as AppError).status;
  }
};

describe('policy', () => {
  const privateThing = { ownerId: 'ann', visibility: 'private' as const, noun: 'Set' };
  const publicThing = { ownerId: 'ann', visibility: 'public' as const, noun: 'Set' };

  it('lets the owner do anything with their things and admins moderate', () => {
    for (const action of ['read', 'update', 'delete'] as const) {
      assert.equal(can(actor('ann'), action, privateThing), true);
      assert.equal(can(actor('root', 'admin'), action, privateThing), true);
    }
  });

  it('hides private things from others (404) and refuses changes to public ones (403, or 401 signed out)', () => {
    assert.equal(statusOf(() => authorize(ctx(actor('ben')), 'read', privateThing)), 404);
    assert.equal(statusOf(() => authorize(ctx(actor('ben')), 'delete', privateThing)), 404);
    assert.equal(statusOf(() => authorize(ctx(null), 'read', privateThing)), 404);
    assert.equal(statusOf(() => authorize(ctx(actor('ben')), 'read', publicThing)), 200);
    assert.equal(statusOf(() => authorize(ctx(actor('ben')), 'update', publicThing)), 403);
    assert.equal(statusOf(() => authorize(ctx(null), 'update', publicThing)), 401);
  });

  it('keeps buyer and admin work for buyers and admins', () => {
    assert.equal(statusOf(() => requireKind(ctx(actor('m')), 'buyer')), 403);
    assert.equal(statusOf(() => requireKind(ctx(actor('s', 'stylist')), 'admin')), 403);
    assert.equal(statusOf(() => requireKind(ctx(null), 'buyer')), 401);
    assert.equal(statusOf(() => requireKind(ctx(actor('b', 'buyer')), 'buyer')), 200);
    assert.equal(statusOf(() => requireKind(ctx(actor('a', 'admin')), 'buyer')), 200);
  });
});
