/** Hashtag pages: everything carrying a tag, as the viewer may see it. */
import type { RequestContext } from '../../platform/http/context.js';
import { fail } from '../../platform/http/errors.js';
import { visibleCondition } from '../catalog/index.js';
import { countHashtag, hashtagItems } from './hashtags.repository.js';
import { decodeCursor, pageOf } from './keyset.js';
import { toAccountCard } from './social-access.js';
import type { SocialDeps } from './social.deps.js';
import type { HashtagPage, PageQuery } from './social.schemas.js';
import { normaliseHashtag } from './text-parser.js';

/** Hashtag pages. */
export function createHashtagService(deps: SocialDeps) {
  const db = deps.database.db;

  return {
    /** Everything carrying a tag that the viewer may see, newest first; 404 when `raw` cannot be a tag. */
    async hashtag(ctx: RequestContext, raw: string, query: PageQuery): Promise<HashtagPage> {
      const tag = normaliseHashtag(raw);
      if (tag === null) throw fail.notFound('Hashtag');
      const viewer = { id: ctx.actor?.id ?? null, admin: ctx.actor?.kind === 'admin' };
      const productVisible = visibleCondition(ctx.actor, 'p');
      const [rows, count] = await Promise.all([
        hashtagItems(db, tag, viewer, productVisible, decodeCursor(query.cursor), query.limit),
        countHashtag(db, tag, viewer, productVisible),
      ]);
      const { page, next } = pageOf(rows, query.limit, (r) => `${r.kind}/${r.id}`);
      return {
        tag,
        count,
        items: page.map((r) => ({
          kind: r.kind,
          id: r.id,
          created_at: r.created_at,
          by: toAccountCard(r.by),
          text: r.text ?? '',
          target: r.kind === 'comment' && r.target_kind && r.target_id ? { kind: r.target_kind, id: r.target_id } : null,
        })),
        next,
      };
    },
  };
}

export type HashtagService = ReturnType<typeof createHashtagService>;
