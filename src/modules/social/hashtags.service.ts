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
      const photos = deps.photos !== undefined;
      const [rows, count] = await Promise.all([
        hashtagItems(db, tag, viewer, productVisible, photos, decodeCursor(query.cursor), query.limit),
        countHashtag(db, tag, viewer, productVisible, photos),
      ]);
      const { page, next } = pageOf(rows, query.limit, (r) => `${r.kind}/${r.id}`);
      const photoIds = page.filter((r) => r.kind === 'photo').map((r) => r.id);
      const described = deps.photos && photoIds.length > 0 ? await deps.photos.describe(photoIds) : new Map<string, { caption: string; url: string }>();
      return {
        tag,
        count,
        items: page.flatMap((r) => {
          const photo = r.kind === 'photo' ? described.get(r.id) : undefined;
          // A photo taken down between the two reads drops out of the page.
          if (r.kind === 'photo' && !photo) return [];
          return [
            {
              kind: r.kind,
              id: r.id,
              created_at: r.created_at,
              by: toAccountCard(r.by),
              text: photo?.caption ?? r.text ?? '',
              target: r.kind === 'comment' && r.target_kind && r.target_id ? { kind: r.target_kind, id: r.target_id } : null,
              image_url: photo?.url ?? null,
            },
          ];
        }),
        next,
      };
    },
  };
}

export type HashtagService = ReturnType<typeof createHashtagService>;
