/** SQL for photos and their product tags; no rules here (the service decides who sees what). */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/index.js';
import type { ActorKind } from '../../platform/http/context.js';
import { toTextArray } from '../catalog/index.js';
import { isoTime, keysetTime, type Keyset } from '../social/index.js';
import type { PhotoTagSource } from './media.tables.js';

export interface PhotoRow {
  id: string;
  author_id: string;
  caption: string;
  image_key: string;
  thumbnail_key: string | null;
  feed_key: string | null;
  feed_webp_key: string | null;
  width: number;
  height: number;
  /** ISO 8601. */
  posted_at: string;
  /** posted_at to the microsecond: what a page cursor carries. */
  key_t: string;
  author: { id: string; handle: string; display_name: string; avatar_url: string | null; kind: ActorKind; home_city: string | null };
  city: { id: string; name: string; country: string } | null;
}

export interface PhotoTagRow {
  photo_id: string;
  product_id: string;
  source: PhotoTagSource;
  x: number | null;
  y: number | null;
  w: number | null;
  h: number | null;
  confidence: number | null;
}

/** Which photos a list holds; every list leaves out removed photos and those `hidden` rules out. */
export type PhotoListScope =
  | { kind: 'author'; authorId: string }
  | { kind: 'product'; productId: string }
  | { kind: 'brand'; brand: string }
  | { kind: 'category_colour'; category: string; colour: string }
  | { kind: 'hashtag'; tag: string }
  | { kind: 'all' };

function scopeCondition(scope: PhotoListScope): SQL {
  switch (scope.kind) {
    case 'author':
      return sql`p.author_id = ${scope.authorId}::uuid`;
    case 'product':
      return sql`p.id in (select pp.photo_id from photo_products pp where pp.product_id = ${scope.productId})`;
    case 'brand':
      return sql`p.id in (select pp.photo_id from photo_products pp join products pr on pr.id = pp.product_id
                           join brands b on b.id = pr.brand_id where b.name = ${scope.brand})`;
    case 'category_colour':
      return sql`p.id in (select pp.photo_id from photo_products pp join products pr on pr.id = pp.product_id
                           where pr.category = ${scope.category} and pr.colours[1] = ${scope.colour})`;
    case 'hashtag':
      return sql`p.id::text in (select h.source_id from hashtag_uses h where h.tag = ${scope.tag} and h.source_kind = 'photo')`;
    case 'all':
      return sql`true`;
  }
}

const columns = sql`
  p.id, p.author_id, p.caption, p.image_key, p.thumbnail_key, p.feed_key, p.feed_webp_key, p.width, p.height,
  ${isoTime(sql.raw('p.posted_at'))} as posted_at, ${keysetTime(sql.raw('p.posted_at'))} as key_t,
  json_build_object('id', a.id, 'handle', a.handle, 'display_name', a.display_name, 'avatar_url', a.avatar_url,
                    'kind', a.kind, 'home_city', a.home_city) as author,
  case when c.id is null then null else json_build_object('id', c.id, 'name', c.name, 'country', c.country) end as city`;

const joins = sql`join accounts a on a.id = p.author_id left join cities c on c.id = p.city_id`;

/**
 * A condition on photos aliased `p`: the author does not block the viewer (null viewer: nobody is
 * hidden; admins pass `null` too, since they see everything).
 */
export function authorNotBlocking(viewerId: string | null): SQL {
  if (viewerId === null) return sql`true`;
  return sql`not exists (select 1 from blocks b where b.blocker_id = p.author_id and b.blocked_id = ${viewerId}::uuid)`;
}

/** A published photo with its author and city, or undefined. */
export async function findPublishedPhoto(ex: Executor, id: string): Promise<PhotoRow | undefined> {
  const [row] = rowsOf<PhotoRow>(await ex.execute(sql`select ${columns} from photos p ${joins} where p.id = ${id}::uuid and p.status = 'published'`));
  return row;
}

/** One page of published photos in a scope, newest posted first (`limit + 1` rows, for the cursor). */
export async function listPhotos(ex: Executor, scope: PhotoListScope, visible: SQL, after: Keyset | null, limit: number): Promise<PhotoRow[]> {
  const cursor = after ? sql`and (p.posted_at, p.id) < (${after.t}::timestamptz, ${after.id}::uuid)` : sql``;
  const where = scopeCondition(scope);
  return rowsOf<PhotoRow>(
    await ex.execute(sql`
      select ${columns} from photos p ${joins}
       where ${where} and p.status = 'published' and ${visible} ${cursor}
       order by p.posted_at desc, p.id desc
       limit ${limit + 1}`),
  );
}

/** The product tags of some photos, in the order they were tagged. */
export async function tagsOf(ex: Executor, photoIds: readonly string[]): Promise<PhotoTagRow[]> {
  if (photoIds.length === 0) return [];
  return rowsOf<PhotoTagRow>(
    await ex.execute(sql`
      select photo_id, product_id, source, x, y, w, h, confidence from photo_products
       where photo_id = any(${toTextArray(photoIds)}::uuid[]) order by photo_id, created_at, product_id`),
  );
}

/** How many love each photo, and whether the viewer does. */
export async function loveStats(ex: Executor, photoIds: readonly string[], viewerId: string | null): Promise<Map<string, { loves: number; loved: boolean }>> {
  const found = new Map(photoIds.map((id) => [id, { loves: 0, loved: false }]));
  if (photoIds.length === 0) return found;
  const rows = rowsOf<{ target_id: string; loves: number; loved: boolean }>(
    await ex.execute(sql`
      select target_id, count(*)::int as loves, coalesce(bool_or(account_id = ${viewerId}::uuid), false) as loved
        from loves where target_kind = 'photo' and target_id = any(${toTextArray(photoIds)}) group by target_id`),
  );
  for (const r of rows) found.set(r.target_id, { loves: r.loves, loved: r.loved });
  return found;
}

/** The author of a published photo, or null (unknown, removed, or not an id at all). */
export async function publishedAuthorOf(ex: Executor, id: string): Promise<string | null> {
  const [row] = rowsOf<{ author_id: string }>(await ex.execute(sql`select author_id from photos where id = ${id}::uuid and status = 'published'`));
  return row?.author_id ?? null;
}

/** Captions and image keys of published photos. */
export async function captionsOf(ex: Executor, ids: readonly string[]): Promise<{ id: string; caption: string; image_key: string }[]> {
  if (ids.length === 0) return [];
  return rowsOf(
    await ex.execute(sql`select id::text as id, caption, image_key from photos where id = any(${toTextArray(ids)}::uuid[]) and status = 'published'`),
  );
}

/** Marks a photo removed (it leaves every list and page); false when there was no published photo. */
export async function markRemoved(ex: Executor, id: string): Promise<boolean> {
  const rows = rowsOf(await ex.execute(sql`update photos set status = 'removed' where id = ${id}::uuid and status = 'published' returning id`));
  return rows.length > 0;
}
