/** Comments on products and sets (photos when they exist), with their mentions and hashtags. */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../platform/http/context.js';
import { AppError, fail } from '../../platform/http/errors.js';
import { recordEvents } from '../events/index.js';
import { authorize, can, requireSignedIn } from '../identity/index.js';
import { loadAccountCards } from './graph.repository.js';
import { indexedTextOf } from './hashtags.repository.js';
import { deleteComment, findComment, insertComment, listComments, type CommentRow } from './interactions.repository.js';
import { aboutTarget } from './interactions.service.js';
import { decodeCursor, pageOf } from './keyset.js';
import { eventActor, findVisibleTarget, toAccountCard } from './social-access.js';
import type { SocialDeps } from './social.deps.js';
import type { AccountCard, CommentPage, CommentView, PageQuery } from './social.schemas.js';
import type { TargetKind } from './social.tables.js';
import { indexText, removeTextIndex } from './text-index.js';

const commentPolicy = (row: Pick<CommentRow, 'author_id'>) => ({ ownerId: row.author_id, visibility: 'public' as const, noun: 'Comment' });

/** Post, list and delete comments. */
export function createCommentService(deps: SocialDeps) {
  const { database, outbox } = deps;
  const db = database.db;

  function toView(ctx: RequestContext, row: CommentRow, author: AccountCard, index: { hashtags: string[]; mentions: string[] }): CommentView {
    return {
      id: row.id,
      author,
      body: row.body,
      created_at: row.created_at,
      mentions: index.mentions,
      hashtags: index.hashtags,
      can_delete: can(ctx.actor, 'delete', commentPolicy(row)),
    };
  }

  return {
    /** Comments on something the viewer can see, oldest first. */
    async list(ctx: RequestContext, kind: TargetKind, id: string, query: PageQuery): Promise<CommentPage> {
      const target = await findVisibleTarget(db, ctx, deps, kind, id);
      const rows = await listComments(db, target.kind, target.id, ctx.actor?.id ?? null, decodeCursor(query.cursor), query.limit);
      const { page, next } = pageOf(rows, query.limit, (r) => r.id);
      const index = await indexedTextOf(db, 'comment', page.map((r) => r.id));
      return {
        comments: page.map((r) => toView(ctx, r, toAccountCard(r.author), index.get(r.id) ?? { hashtags: [], mentions: [] })),
        next,
      };
    },

    /** Comments on something the actor can see; indexes its @mentions and #hashtags and records the event. */
    async post(ctx: RequestContext, kind: TargetKind, id: string, body: string): Promise<CommentView> {
      const actor = requireSignedIn(ctx);
      const target = await findVisibleTarget(db, ctx, deps, kind, id);
      const { row, index } = await outbox.transaction(async (tx) => {
        const created = await insertComment(tx, { id: randomUUID(), authorId: actor.id, kind: target.kind, targetId: target.id, body });
        const indexed = await indexText(tx, { sourceKind: 'comment', sourceId: created.id, accountId: actor.id, text: body });
        await recordEvents(tx, [
          { type: 'comment', ...eventActor(ctx), hashtags: indexed.hashtags, ...aboutTarget(target) },
        ]);
        return { row: created, index: indexed };
      });
      const author = (await loadAccountCards(db, [actor.id])).get(actor.id);
      if (!author) throw fail.unauthenticated();
      return toView(ctx, row, toAccountCard(author), index);
    },

    /**
     * Deletes a comment with its mentions and hashtags: its author or an admin (moderation). Others
     * get 403; a comment on something the viewer cannot see does not exist for them (404).
     */
    async remove(ctx: RequestContext, id: string): Promise<void> {
      const row = await findComment(db, id);
      if (!row) throw fail.notFound('Comment');
      // Admins moderate everything, even comments left on things since hidden or deleted.
      if (ctx.actor?.kind !== 'admin') {
        await findVisibleTarget(db, ctx, deps, row.target_kind, row.target_id).catch((error: unknown) => {
          throw error instanceof AppError && error.status === 404 ? fail.notFound('Comment') : error;
        });
      }
      authorize(ctx, 'delete', commentPolicy(row));
      await database.transaction(async (tx) => {
        await removeTextIndex(tx, { sourceKind: 'comment', sourceId: row.id });
        await deleteComment(tx, row.id);
      });
      ctx.log.info({ comment_id: row.id, by: ctx.actor?.id }, 'comment deleted');
    },
  };
}

export type CommentService = ReturnType<typeof createCommentService>;
