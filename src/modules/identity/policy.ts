import type { Actor, ActorKind, RequestContext } from '../../platform/http/context.js';
import { fail } from '../../platform/http/errors.js';

/**
 * The one policy every object endpoint asks. Rules: anyone may read public things; only the owner
 * may see private things or change anything of theirs; admins may do anything (moderation).
 * Someone who may not even see a private thing is told it does not exist (404), not that it is
 * forbidden, so ids cannot be probed.
 */
export type Action = 'read' | 'update' | 'delete';

export interface OwnedResource {
  ownerId: string;
  visibility: 'public' | 'private';
  /** Used in the error message: "Set was not found". */
  noun: string;
}

export function can(actor: Actor | null, action: Action, resource: OwnedResource): boolean {
  if (actor?.kind === 'admin') return true;
  const isOwner = actor !== null && actor.id === resource.ownerId;
  if (isOwner) return true;
  return action === 'read' && resource.visibility === 'public';
}

/** Throws the right error (401, 403 or 404) unless the context's actor may do this. */
export function authorize(ctx: RequestContext, action: Action, resource: OwnedResource): void {
  if (can(ctx.actor, action, resource)) return;
  if (!can(ctx.actor, 'read', resource)) throw fail.notFound(resource.noun);
  if (!ctx.actor) throw fail.unauthenticated();
  throw fail.forbidden(`Only the owner can ${action} this ${resource.noun.toLowerCase()}`);
}

/** The signed-in actor, or 401. */
export function requireSignedIn(ctx: RequestContext): Actor {
  if (!ctx.actor) throw fail.unauthenticated();
  return ctx.actor;
}

/** The signed-in actor when its kind is one of `kinds` (admins always pass), else 401/403. */
export function requireKind(ctx: RequestContext, ...kinds: ActorKind[]): Actor {
  const actor = requireSignedIn(ctx);
  if (actor.kind !== 'admin' && !kinds.includes(actor.kind)) {
    throw fail.forbidden(`This needs a ${kinds.join(' or ')} account`);
  }
  return actor;
}
