/**
 * Who may see and change a set, asked by every set use case. The identity policy decides (owner and
 * admins change; private sets exist only for them); on top, a set's owner who blocked the viewer is
 * someone whose sets do not exist for that viewer.
 */
import type { Executor } from '../../../platform/db/index.js';
import type { RequestContext } from '../../../platform/http/context.js';
import { fail } from '../../../platform/http/errors.js';
import { authorize, can, type OwnedResource } from '../../identity/index.js';
import { blockedByOwner } from '../social-access.js';
import { setsRepository as repo, type OwnerRow, type SetRecord } from './sets.repository.js';

/** The set as the policy sees it. */
export function setPolicy(set: Pick<SetRecord, 'ownerId' | 'visibility'>): OwnedResource {
  return { ownerId: set.ownerId, visibility: set.visibility, noun: 'Set' };
}

/** Whether the owner's sets are hidden from this viewer (the owner blocked them); admins are never hidden from. */
export function hiddenFrom(ex: Executor, ctx: RequestContext, ownerId: string): Promise<boolean> {
  return blockedByOwner(ex, ctx, ownerId);
}

/** The set if the viewer may see it; 404 when unknown, private to someone else, or its owner blocked the viewer. */
export async function findReadableSet(ex: Executor, ctx: RequestContext, id: string): Promise<SetRecord> {
  const set = await repo.findSet(ex, id);
  if (!set || (await hiddenFrom(ex, ctx, set.ownerId))) throw fail.notFound('Set');
  authorize(ctx, 'read', setPolicy(set));
  return set;
}

/** The set if the actor may change it: 404 when they may not even see it, 401 signed out, 403 when not theirs. */
export async function findEditableSet(ex: Executor, ctx: RequestContext, id: string, action: 'update' | 'delete' = 'update'): Promise<SetRecord> {
  const set = await findReadableSet(ex, ctx, id);
  authorize(ctx, action, setPolicy(set));
  return set;
}

/** Whether the viewer may change the set (the view's `can_edit`). */
export function canEdit(ctx: RequestContext, set: Pick<SetRecord, 'ownerId' | 'visibility'>): boolean {
  return can(ctx.actor, 'update', setPolicy(set));
}

/**
 * A context that sees the catalogue as the set's owner does. A set may only hold products its owner can
 * see, even when an admin edits it; the catalogue's visibility rules read only the actor's kind and EIP flag.
 */
export function asOwner(ctx: RequestContext, owner: OwnerRow): RequestContext {
  if (ctx.actor?.id === owner.id) return ctx;
  return {
    ...ctx,
    actor: { id: owner.id, handle: owner.handle, kind: owner.kind, eip: owner.eip, via: ctx.actor?.via ?? 'cookie', sessionId: ctx.actor?.sessionId ?? '' },
  };
}
