/** Follows and blocks: the social graph's writes and its follower lists. */
import type { RequestContext } from '../../platform/http/context.js';
import { fail } from '../../platform/http/errors.js';
import { recordEvents } from '../events/index.js';
import { requireSignedIn } from '../identity/index.js';
import {
  adjustCounts,
  blockState,
  countsOf,
  deleteBlock,
  deleteFollow,
  findAccountByHandle,
  insertBlock,
  insertFollow,
  listBlocked,
  listFollows,
  lockPair,
} from './graph.repository.js';
import { decodeCursor, pageOf } from './keyset.js';
import { eventActor, findVisibleAccount, toAccountCard } from './social-access.js';
import type { SocialDeps } from './social.deps.js';
import type { AccountCard, FollowAnswer, FollowList, PageQuery } from './social.schemas.js';

/** The most accounts `GET /me/blocks` lists. */
export const MAX_BLOCKS_LISTED = 1000;

/** Follow, unfollow, block, unblock, and the followers/following lists. */
export function createGraphService(deps: SocialDeps) {
  const { database, outbox } = deps;
  const db = database.db;

  // Blocking and unblocking find the account even when it blocks the actor: blocks can be mutual, and
  // each side must be able to lift its own. Handles are public anyway (sign-up says which are taken).
  async function findAccount(handle: string) {
    const account = await findAccountByHandle(db, handle);
    if (!account) throw fail.notFound('Account');
    return account;
  }

  async function list(ctx: RequestContext, handle: string, direction: 'followers' | 'following', query: PageQuery): Promise<FollowList> {
    const account = await findVisibleAccount(db, ctx, handle);
    const after = decodeCursor(query.cursor);
    const [rows, counts] = await Promise.all([listFollows(db, direction, account.id, after, query.limit), countsOf(db, account.id)]);
    const { page, next } = pageOf(rows, query.limit, (r) => r.id);
    return {
      accounts: page.map((r) => ({ ...toAccountCard(r), followed_at: r.followed_at })),
      next,
      total: counts[direction],
    };
  }

  return {
    /**
     * Follows an account (idempotent: following twice counts once, even at the same instant). Not
     * yourself (422); not someone who blocks you (404: they do not exist for you) or whom you block (403).
     */
    async follow(ctx: RequestContext, handle: string): Promise<FollowAnswer> {
      const actor = requireSignedIn(ctx);
      const target = await findVisibleAccount(db, ctx, handle);
      if (target.id === actor.id) throw fail.unprocessable('You cannot follow yourself');
      return outbox.transaction(async (tx) => {
        await lockPair(tx, actor.id, target.id);
        const state = await blockState(tx, actor.id, target.id);
        if (state.bBlocksA && actor.kind !== 'admin') throw fail.notFound('Account');
        if (state.aBlocksB) throw fail.forbidden('Unblock this account before following it');
        if (await insertFollow(tx, actor.id, target.id)) {
          await adjustCounts(tx, [
            { accountId: actor.id, followers: 0, following: 1 },
            { accountId: target.id, followers: 1, following: 0 },
          ]);
          await recordEvents(tx, [{ type: 'follow', ...eventActor(ctx), subject: target.handle }]);
        }
        return { following: true, counts: await countsOf(tx, target.id) };
      });
    },

    /** Stops following (idempotent). */
    async unfollow(ctx: RequestContext, handle: string): Promise<FollowAnswer> {
      const actor = requireSignedIn(ctx);
      const target = await findVisibleAccount(db, ctx, handle);
      return outbox.transaction(async (tx) => {
        await lockPair(tx, actor.id, target.id);
        if (await deleteFollow(tx, actor.id, target.id)) {
          await adjustCounts(tx, [
            { accountId: actor.id, followers: 0, following: -1 },
            { accountId: target.id, followers: -1, following: 0 },
          ]);
        }
        return { following: false, counts: await countsOf(tx, target.id) };
      });
    },

    /** Blocks an account (idempotent): follows both ways end, counts follow, and they no longer see you. */
    async block(ctx: RequestContext, handle: string): Promise<{ blocked: boolean }> {
      const actor = requireSignedIn(ctx);
      const target = await findAccount(handle);
      if (target.id === actor.id) throw fail.unprocessable('You cannot block yourself');
      await database.transaction(async (tx) => {
        await lockPair(tx, actor.id, target.id);
        await insertBlock(tx, actor.id, target.id);
        const youFollowed = await deleteFollow(tx, actor.id, target.id);
        const theyFollowed = await deleteFollow(tx, target.id, actor.id);
        await adjustCounts(tx, [
          { accountId: actor.id, followers: theyFollowed ? -1 : 0, following: youFollowed ? -1 : 0 },
          { accountId: target.id, followers: youFollowed ? -1 : 0, following: theyFollowed ? -1 : 0 },
        ]);
      });
      ctx.log.info({ blocker: actor.id, blocked: target.id }, 'account blocked');
      return { blocked: true };
    },

    /** Lifts a block (idempotent); follows that ended with it stay ended. */
    async unblock(ctx: RequestContext, handle: string): Promise<{ blocked: boolean }> {
      const actor = requireSignedIn(ctx);
      const target = await findAccount(handle);
      await database.transaction(async (tx) => {
        await lockPair(tx, actor.id, target.id);
        await deleteBlock(tx, actor.id, target.id);
      });
      return { blocked: false };
    },

    /** The accounts the signed-in member blocks, most recent first. */
    async listBlocks(ctx: RequestContext): Promise<AccountCard[]> {
      const actor = requireSignedIn(ctx);
      return (await listBlocked(db, actor.id, MAX_BLOCKS_LISTED)).map(toAccountCard);
    },

    /** Who follows an account, most recent first. */
    listFollowers(ctx: RequestContext, handle: string, query: PageQuery): Promise<FollowList> {
      return list(ctx, handle, 'followers', query);
    },

    /** Whom an account follows, most recent first. */
    listFollowing(ctx: RequestContext, handle: string, query: PageQuery): Promise<FollowList> {
      return list(ctx, handle, 'following', query);
    },
  };
}

export type GraphService = ReturnType<typeof createGraphService>;
