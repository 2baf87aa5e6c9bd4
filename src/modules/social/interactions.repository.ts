/** SQL for loves, shares and comments; no rules here (the service decides who may). */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/index.js';
import type { ShareChannel, TargetKind } from './social.tables.js';
import type { AccountCardRow } from './graph.repository.js';
import { isoTime, keysetTime, type Keyset } from './keyset.js';

export interface CommentRow {
  id: string;
  author_id: string;
  target_kind: TargetKind;
  target_id: string;
  body: string;
  /** ISO 8601. */
  created_at: string;
}

export interface CommentListRow extends CommentRow {
  author: AccountCardRow;
  key_t: string;
}

/** Adds the love; false when it was already there. */
export async function insertLove(ex: Executor, accountId: string, kind: TargetKind, targetId: string): Promise<boolean> {
  const rows = rowsOf(
    await ex.execute(sql`insert into loves (account_id, target_kind, target_id) values (${accountId}, ${kind}, ${targetId}) on conflict do nothing returning 1 as added`),
  );
  return rows.length > 0;
}

/** Removes the love; false when there was none. */
export async function deleteLove(ex: Executor, accountId: string, kind: TargetKind, targetId: string): Promise<boolean> {
  const rows = rowsOf(
    await ex.execute(sql`delete from loves where account_id = ${accountId} and target_kind = ${kind} and target_id = ${targetId} returning 1 as removed`),
  );
  return rows.length > 0;
}

/** How many accounts love the target. */
export async function countLoves(ex: Executor, kind: TargetKind, targetId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await ex.execute(sql`select count(*)::int as n from loves where target_kind = ${kind} and target_id = ${targetId}`));
  return row?.n ?? 0;
}

/** Whether this account loves this target. */
export async function hasLoved(ex: Executor, accountId: string, kind: TargetKind, targetId: string): Promise<boolean> {
  const rows = rowsOf<{ one: number }>(
    await ex.execute(sql`select 1 as one from loves where account_id = ${accountId} and target_kind = ${kind} and target_id = ${targetId}`),
  );
  return rows.length > 0;
}

/**
 * One page of the products an account loves, most recently loved first, keeping only products that
 * `visible` (a condition on products aliased `p`) lets the viewer see.
 */
export async function lovedProductIds(ex: Executor, accountId: string, visible: SQL, after: Keyset | null, limit: number): Promise<{ id: string; key_t: string }[]> {
  const cursor = after ? sql`and (l.created_at, l.target_id) < (${after.t}::timestamptz, ${after.id})` : sql``;
  return rowsOf<{ id: string; key_t: string }>(
    await ex.execute(sql`
      select l.target_id as id, ${keysetTime(sql.raw('l.created_at'))} as key_t
        from loves l join products p on p.id = l.target_id
       where l.account_id = ${accountId} and l.target_kind = 'product' and ${visible} ${cursor}
       order by l.created_at desc, l.target_id desc
       limit ${limit + 1}`),
  );
}

/** How many products the account loves that the viewer can see. */
export async function countLovedProducts(ex: Executor, accountId: string, visible: SQL): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await ex.execute(sql`
      select count(*)::int as n from loves l join products p on p.id = l.target_id
       where l.account_id = ${accountId} and l.target_kind = 'product' and ${visible}`),
  );
  return row?.n ?? 0;
}

/** Records one share. */
export async function insertShare(ex: Executor, row: { id: string; accountId: string; kind: TargetKind; targetId: string; channel: ShareChannel }): Promise<void> {
  await ex.execute(sql`insert into shares (id, account_id, target_kind, target_id, channel) values (${row.id}, ${row.accountId}, ${row.kind}, ${row.targetId}, ${row.channel})`);
}

/** Adds a comment and answers it as stored. */
export async function insertComment(ex: Executor, row: { id: string; authorId: string; kind: TargetKind; targetId: string; body: string }): Promise<CommentRow> {
  const [created] = rowsOf<CommentRow>(
    await ex.execute(sql`
      insert into comments (id, author_id, target_kind, target_id, body) values (${row.id}, ${row.authorId}, ${row.kind}, ${row.targetId}, ${row.body})
      returning id, author_id, target_kind, target_id, body, ${isoTime(sql.raw('created_at'))} as created_at`),
  );
  return created!;
}

/** One comment by id. */
export async function findComment(ex: Executor, id: string): Promise<CommentRow | undefined> {
  const [row] = rowsOf<CommentRow>(await ex.execute(sql`select id, author_id, target_kind, target_id, body, ${isoTime(sql.raw('created_at'))} as created_at from comments where id = ${id}`));
  return row;
}

/** Deletes one comment (its index rows are the caller's to remove). */
export async function deleteComment(ex: Executor, id: string): Promise<void> {
  await ex.execute(sql`delete from comments where id = ${id}`);
}

/**
 * One page of comments on a target, oldest first, with their authors. Comments by accounts the
 * viewer blocks, or that block the viewer, are left out.
 */
export async function listComments(
  ex: Executor,
  kind: TargetKind,
  targetId: string,
  viewerId: string | null,
  after: Keyset | null,
  limit: number,
): Promise<CommentListRow[]> {
  const cursor = after ? sql`and (c.created_at, c.id) > (${after.t}::timestamptz, ${after.id}::uuid)` : sql``;
  const unblocked =
    viewerId === null
      ? sql``
      : sql`and not exists (select 1 from blocks b where (b.blocker_id = ${viewerId} and b.blocked_id = c.author_id)
                                                    or (b.blocker_id = c.author_id and b.blocked_id = ${viewerId}))`;
  return rowsOf<CommentListRow>(
    await ex.execute(sql`
      select c.id, c.author_id, c.target_kind, c.target_id, c.body, ${isoTime(sql.raw('c.created_at'))} as created_at, ${keysetTime(sql.raw('c.created_at'))} as key_t,
             json_build_object('id', a.id, 'handle', a.handle, 'display_name', a.display_name, 'avatar_url', a.avatar_url,
                               'kind', a.kind, 'home_city', a.home_city) as author
        from comments c join accounts a on a.id = c.author_id
       where c.target_kind = ${kind} and c.target_id = ${targetId} ${cursor} ${unblocked}
       order by c.created_at, c.id
       limit ${limit + 1}`),
  );
}
