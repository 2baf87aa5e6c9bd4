/** Loves and shares of products and sets (photos when they exist). */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../platform/http/context.js';
import { recordEvents } from '../events/index.js';
import { requireSignedIn } from '../identity/index.js';
import { countLoves, deleteLove, hasLoved, insertLove, insertShare } from './interactions.repository.js';
import { eventActor, findVisibleTarget, type Target } from './social-access.js';
import type { SocialDeps } from './social.deps.js';
import type { LoveAnswer, ShareView } from './social.schemas.js';
import type { ShareChannel, TargetKind } from './social.tables.js';

/** The event fields that say what an interaction was about: a product and its brand, or a set. */
export function aboutTarget(target: Target): { productId: string | null; brand: string | null; subject: string | null } {
  return target.kind === 'product'
    ? { productId: target.id, brand: target.brand, subject: null }
    : { productId: null, brand: null, subject: target.id };
}

/** Love, unlove and share. */
export function createInteractionService(deps: SocialDeps) {
  const { database, outbox } = deps;
  const db = database.db;

  return {
    /** Loves something the actor can see (idempotent: a second love changes nothing and records nothing). */
    async love(ctx: RequestContext, kind: TargetKind, id: string): Promise<LoveAnswer> {
      const actor = requireSignedIn(ctx);
      const target = await findVisibleTarget(db, ctx, deps, kind, id);
      return outbox.transaction(async (tx) => {
        if (await insertLove(tx, actor.id, target.kind, target.id)) {
          await recordEvents(tx, [{ type: 'love', ...eventActor(ctx), ...aboutTarget(target) }]);
        }
        return { loved: true, loves: await countLoves(tx, target.kind, target.id) };
      });
    },

    /** How many love it, and whether the caller does (false when signed out). */
    async loveState(ctx: RequestContext, kind: TargetKind, id: string): Promise<LoveAnswer> {
      const target = await findVisibleTarget(db, ctx, deps, kind, id);
      const [loves, loved] = await Promise.all([
        countLoves(db, target.kind, target.id),
        ctx.actor ? hasLoved(db, ctx.actor.id, target.kind, target.id) : Promise.resolve(false),
      ]);
      return { loved, loves };
    },

    /** Takes a love back (idempotent). */
    async unlove(ctx: RequestContext, kind: TargetKind, id: string): Promise<LoveAnswer> {
      const actor = requireSignedIn(ctx);
      const target = await findVisibleTarget(db, ctx, deps, kind, id);
      return database.transaction(async (tx) => {
        await deleteLove(tx, actor.id, target.kind, target.id);
        return { loved: false, loves: await countLoves(tx, target.kind, target.id) };
      });
    },

    /** Records that the actor shared something they can see, and where to; answers the page's path to share. */
    async share(ctx: RequestContext, kind: TargetKind, id: string, channel: ShareChannel): Promise<ShareView> {
      const actor = requireSignedIn(ctx);
      const target = await findVisibleTarget(db, ctx, deps, kind, id);
      const shareId = randomUUID();
      await outbox.transaction(async (tx) => {
        await insertShare(tx, { id: shareId, accountId: actor.id, kind: target.kind, targetId: target.id, channel });
        await recordEvents(tx, [{ type: 'share', ...eventActor(ctx), channel, ...aboutTarget(target) }]);
      });
      return { id: shareId, channel, url: target.path };
    },
  };
}

export type InteractionService = ReturnType<typeof createInteractionService>;
