/** SQL for the hashtag and mention index and for hashtag pages; no rules here. */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/index.js';
import { toTextArray } from '../catalog/index.js';
import type { AccountCardRow } from './graph.repository.js';
import { isoTime, keysetTime, type Keyset } from './keyset.js';

/** What can carry hashtags and mentions. */
export type TextSourceKind = 'comment' | 'set' | 'photo';

export interface HashtagItemRow {
  kind: TextSourceKind;
  id: string;
  /** ISO 8601. */
  created_at: string;
  by: AccountCardRow;
  text: string | null;
  target_kind: 'product' | 'set' | 'photo' | null;
  target_id: string | null;
  key_t: string;
}

/** Makes the source carry exactly these tags: new ones are added (dated now), gone ones removed, kept ones keep their date. */
export async function replaceHashtags(ex: Executor, kind: TextSourceKind, sourceId: string, accountId: string | null, tags: readonly string[]): Promise<void> {
  await ex.execute(sql`delete from hashtag_uses where source_kind = ${kind} and source_id = ${sourceId} and not (tag = any(${toTextArray(tags)}))`);
  if (tags.length === 0) return;
  await ex.execute(sql`
    insert into hashtag_uses (tag, source_kind, source_id, account_id)
    select t, ${kind}, ${sourceId}, ${accountId}::uuid from unnest(${toTextArray(tags)}) t
    on conflict do nothing`);
}

/** Makes the source mention exactly the existing accounts among `handles`; returns the handles that exist. */
export async function replaceMentions(ex: Executor, kind: TextSourceKind, sourceId: string, byAccountId: string | null, handles: readonly string[]): Promise<string[]> {
  const found = rowsOf<{ id: string; handle: string }>(
    handles.length === 0 ? { rows: [] } : await ex.execute(sql`select id, handle from accounts where handle = any(${toTextArray(handles)})`),
  );
  const ids = found.map((r) => r.id);
  await ex.execute(sql`delete from mentions where source_kind = ${kind} and source_id = ${sourceId} and not (account_id = any(${toTextArray(ids)}::uuid[]))`);
  if (ids.length > 0) {
    await ex.execute(sql`
      insert into mentions (account_id, source_kind, source_id, by_account_id)
      select a::uuid, ${kind}, ${sourceId}, ${byAccountId}::uuid from unnest(${toTextArray(ids)}) a
      on conflict do nothing`);
  }
  const order = new Map(handles.map((h, i) => [h, i]));
  return found.map((r) => r.handle).sort((a, b) => order.get(a)! - order.get(b)!);
}

/**
 * Indexes many new sources at once (bulk loads): each row one tag or one mention, dated `at`. The
 * sources must carry no index yet; mentions of handles that do not exist are dropped, as one at a time.
 */
export async function insertIndexRows(
  ex: Executor,
  kind: TextSourceKind,
  tags: { sourceId: string; accountId: string; tag: string; at: string }[],
  mentioned: { sourceId: string; byAccountId: string; handle: string; at: string }[],
): Promise<void> {
  if (tags.length > 0) {
    await ex.execute(sql`
      insert into hashtag_uses (tag, source_kind, source_id, account_id, created_at)
      select t, ${kind}, s, a::uuid, at::timestamptz
        from unnest(${toTextArray(tags.map((r) => r.tag))}, ${toTextArray(tags.map((r) => r.sourceId))},
                    ${toTextArray(tags.map((r) => r.accountId))}, ${toTextArray(tags.map((r) => r.at))}) as x(t, s, a, at)
      on conflict do nothing`);
  }
  if (mentioned.length > 0) {
    await ex.execute(sql`
      insert into mentions (account_id, source_kind, source_id, by_account_id, created_at)
      select acc.id, ${kind}, s, b::uuid, at::timestamptz
        from unnest(${toTextArray(mentioned.map((r) => r.handle))}, ${toTextArray(mentioned.map((r) => r.sourceId))},
                    ${toTextArray(mentioned.map((r) => r.byAccountId))}, ${toTextArray(mentioned.map((r) => r.at))}) as x(h, s, b, at)
        join accounts acc on acc.handle = x.h
      on conflict do nothing`);
  }
}

/** Removes a source's tags and mentions (the source was deleted). */
export async function removeIndex(ex: Executor, kind: TextSourceKind, sourceId: string): Promise<void> {
  await ex.execute(sql`delete from hashtag_uses where source_kind = ${kind} and source_id = ${sourceId}`);
  await ex.execute(sql`delete from mentions where source_kind = ${kind} and source_id = ${sourceId}`);
}

/** The tags and mentioned handles of several sources of one kind. */
export async function indexedTextOf(ex: Executor, kind: TextSourceKind, sourceIds: readonly string[]): Promise<Map<string, { hashtags: string[]; mentions: string[] }>> {
  const found = new Map<string, { hashtags: string[]; mentions: string[] }>(sourceIds.map((id) => [id, { hashtags: [], mentions: [] }]));
  if (sourceIds.length === 0) return found;
  const rows = rowsOf<{ source_id: string; what: 'tag' | 'mention'; value: string }>(
    await ex.execute(sql`
      select source_id, 'tag' as what, tag as value from hashtag_uses where source_kind = ${kind} and source_id = any(${toTextArray(sourceIds)})
      union all
      select m.source_id, 'mention', a.handle from mentions m join accounts a on a.id = m.account_id
       where m.source_kind = ${kind} and m.source_id = any(${toTextArray(sourceIds)})
      order by 1, 2, 3`),
  );
  for (const r of rows) found.get(r.source_id)?.[r.what === 'tag' ? 'hashtags' : 'mentions'].push(r.value);
  return found;
}

/**
 * The uses of a tag the viewer may see: comments on products `productVisible` allows (products
 * aliased `p`) or on sets the viewer may see, and sets the viewer may see (public, their own, or any
 * for admins), leaving out the content of accounts that block the viewer. Photos count when `photos` is
 * true (the media module is wired): their index holds published photos only, since taking a photo
 * down forgets its tags.
 */
function visibleUses(tag: string, viewerId: string | null, admin: boolean, productVisible: SQL, photos: boolean): SQL {
  const setVisible = (alias: string) => {
    const s = sql.raw(alias);
    if (admin) return sql`${s}.id is not null`;
    const own = viewerId === null ? sql`false` : sql`${s}.owner_id = ${viewerId}`;
    const hidden = viewerId === null ? sql`false` : sql`exists (select 1 from blocks b where b.blocker_id = ${s}.owner_id and b.blocked_id = ${viewerId})`;
    return sql`${s}.id is not null and (${s}.visibility = 'public' or ${own}) and not ${hidden}`;
  };
  const authorHidden =
    viewerId === null || admin ? sql`false` : sql`exists (select 1 from blocks b where b.blocker_id = h.account_id and b.blocked_id = ${viewerId})`;
  return sql`
    from hashtag_uses h
    left join comments c on c.id = case when h.source_kind = 'comment' then h.source_id::uuid end
    left join products p on c.target_kind = 'product' and p.id = c.target_id
    left join sets cs on cs.id = case when c.target_kind = 'set' then c.target_id::uuid end
    left join sets s on s.id = case when h.source_kind = 'set' then h.source_id::uuid end
    join accounts a on a.id = coalesce(c.author_id, s.owner_id, case when h.source_kind = 'photo' then h.account_id end)
   where h.tag = ${tag} and not ${authorHidden}
     and ((c.id is not null and ((p.id is not null and ${productVisible}) or (${setVisible('cs')})))
          or (${setVisible('s')})
          or (h.source_kind = 'photo' and ${photos ? sql`true` : sql`false`}))`;
}

/** One page of what carries the tag, newest first. */
export async function hashtagItems(
  ex: Executor,
  tag: string,
  viewer: { id: string | null; admin: boolean },
  productVisible: SQL,
  photos: boolean,
  after: Keyset | null,
  limit: number,
): Promise<HashtagItemRow[]> {
  const cursor = after ? sql`and (h.created_at, h.source_kind || '/' || h.source_id) < (${after.t}::timestamptz, ${after.id})` : sql``;
  return rowsOf<HashtagItemRow>(
    await ex.execute(sql`
      select h.source_kind as kind, h.source_id as id, ${isoTime(sql.raw('h.created_at'))} as created_at, ${keysetTime(sql.raw('h.created_at'))} as key_t,
             coalesce(c.body, s.description) as text, c.target_kind, c.target_id,
             json_build_object('id', a.id, 'handle', a.handle, 'display_name', a.display_name, 'avatar_url', a.avatar_url,
                               'kind', a.kind, 'home_city', a.home_city) as by
      ${visibleUses(tag, viewer.id, viewer.admin, productVisible, photos)}
        ${cursor}
       order by h.created_at desc, h.source_kind || '/' || h.source_id desc
       limit ${limit + 1}`),
  );
}

/** How many uses of the tag the viewer may see. */
export async function countHashtag(ex: Executor, tag: string, viewer: { id: string | null; admin: boolean }, productVisible: SQL, photos: boolean): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await ex.execute(sql`select count(*)::int as n ${visibleUses(tag, viewer.id, viewer.admin, productVisible, photos)}`));
  return row?.n ?? 0;
}
