/** SQL for accounts as the social graph sees them: follows, follower counts, blocks. No rules here. */
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/index.js';
import type { ActorKind } from '../../platform/http/context.js';
import { toTextArray } from '../catalog/index.js';
import type { Keyset } from './keyset.js';
import { isoTime, keysetTime } from './keyset.js';

export interface AccountCardRow {
  id: string;
  handle: string;
  display_name: string;
  avatar_url: string | null;
  kind: ActorKind;
  home_city: string | null;
}

export interface AccountRef extends AccountCardRow {
  home_city_id: string | null;
}

export interface FollowRow extends AccountCardRow {
  /** ISO 8601. */
  followed_at: string;
  key_t: string;
}

export interface Counts {
  followers: number;
  following: number;
}

const cardColumns = sql`a.id, a.handle, a.display_name, a.avatar_url, a.kind, a.home_city`;

/** An account (card fields and resolved home city) by its lower-case handle. */
export async function findAccountByHandle(ex: Executor, handle: string): Promise<AccountRef | undefined> {
  const [row] = rowsOf<AccountRef>(await ex.execute(sql`select ${cardColumns}, a.home_city_id from accounts a where a.handle = ${handle}`));
  return row;
}

/** Account cards by id (unknown ids are left out). */
export async function loadAccountCards(ex: Executor, ids: readonly string[]): Promise<Map<string, AccountCardRow>> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf<AccountCardRow>(await ex.execute(sql`select ${cardColumns} from accounts a where a.id = any(${toTextArray([...new Set(ids)])}::uuid[])`));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Serialises every follow, unfollow, block and unblock between two accounts until the transaction
 * ends, so a block cannot interleave with a follow of the same pair and leave the follow behind.
 */
export async function lockPair(ex: Executor, a: string, b: string): Promise<void> {
  const key = a < b ? `${a}:${b}` : `${b}:${a}`;
  await ex.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`social-pair:${key}`}, 0))`);
}

/** Whether `a` blocks `b` and whether `b` blocks `a`. */
export async function blockState(ex: Executor, a: string, b: string): Promise<{ aBlocksB: boolean; bBlocksA: boolean }> {
  const rows = rowsOf<{ blocker_id: string }>(
    await ex.execute(sql`select blocker_id from blocks where (blocker_id = ${a} and blocked_id = ${b}) or (blocker_id = ${b} and blocked_id = ${a})`),
  );
  return { aBlocksB: rows.some((r) => r.blocker_id === a), bBlocksA: rows.some((r) => r.blocker_id === b) };
}

/** Adds the follow; false when it was already there. */
export async function insertFollow(ex: Executor, followerId: string, followeeId: string): Promise<boolean> {
  const rows = rowsOf(
    await ex.execute(sql`insert into follows (follower_id, followee_id) values (${followerId}, ${followeeId}) on conflict do nothing returning 1 as added`),
  );
  return rows.length > 0;
}

/** Removes the follow; false when there was none. */
export async function deleteFollow(ex: Executor, followerId: string, followeeId: string): Promise<boolean> {
  const rows = rowsOf(await ex.execute(sql`delete from follows where follower_id = ${followerId} and followee_id = ${followeeId} returning 1 as removed`));
  return rows.length > 0;
}

/**
 * Adds deltas to follower/following counts in one statement, rows locked in id order (two follows
 * crossing between the same accounts cannot deadlock on each other's counts). Counts rows exist for
 * every account with follows (this function or `recountFollows` wrote them), so a delta never
 * starts a row below zero.
 */
export async function adjustCounts(ex: Executor, deltas: readonly { accountId: string; followers: number; following: number }[]): Promise<void> {
  const list = deltas.filter((d) => d.followers !== 0 || d.following !== 0);
  if (list.length === 0) return;
  const values = sql.join(
    list.map((d) => sql`(${d.accountId}::uuid, ${d.followers}::int, ${d.following}::int)`),
    sql`, `,
  );
  await ex.execute(sql`
    insert into follow_counts (account_id, followers, following)
    select account_id, followers, following from (values ${values}) as d(account_id, followers, following) order by account_id
    on conflict (account_id) do update
       set followers = follow_counts.followers + excluded.followers, following = follow_counts.following + excluded.following`);
}

/** Recomputes counts from the follows table (bulk loads, repairs). */
export async function recountFollows(ex: Executor, accountIds: readonly string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await ex.execute(sql`
    insert into follow_counts (account_id, followers, following)
    select a.id,
           (select count(*) from follows f where f.followee_id = a.id)::int,
           (select count(*) from follows f where f.follower_id = a.id)::int
      from accounts a where a.id = any(${toTextArray(accountIds)}::uuid[])
    on conflict (account_id) do update set followers = excluded.followers, following = excluded.following`);
}

/** Follower and following counts (zero when the account has never followed or been followed). */
export async function countsOf(ex: Executor, accountId: string): Promise<Counts> {
  const [row] = rowsOf<Counts>(await ex.execute(sql`select followers, following from follow_counts where account_id = ${accountId}`));
  return row ?? { followers: 0, following: 0 };
}

/** One page of an account's followers (or of those it follows), newest first, after `after`. */
export async function listFollows(
  ex: Executor,
  direction: 'followers' | 'following',
  accountId: string,
  after: Keyset | null,
  limit: number,
): Promise<FollowRow[]> {
  // followers: rows where the account is followed, showing the follower; following: the reverse.
  const [self, other] = direction === 'followers' ? [sql.raw('f.followee_id'), sql.raw('f.follower_id')] : [sql.raw('f.follower_id'), sql.raw('f.followee_id')];
  const cursor = after ? sql`and (f.created_at, ${other}) < (${after.t}::timestamptz, ${after.id}::uuid)` : sql``;
  return rowsOf<FollowRow>(
    await ex.execute(sql`
      select ${cardColumns}, ${isoTime(sql.raw('f.created_at'))} as followed_at, ${keysetTime(sql.raw('f.created_at'))} as key_t
        from follows f join accounts a on a.id = ${other}
       where ${self} = ${accountId} ${cursor}
       order by f.created_at desc, ${other} desc
       limit ${limit + 1}`),
  );
}

/** Adds the block; false when it was already there. */
export async function insertBlock(ex: Executor, blockerId: string, blockedId: string): Promise<boolean> {
  const rows = rowsOf(await ex.execute(sql`insert into blocks (blocker_id, blocked_id) values (${blockerId}, ${blockedId}) on conflict do nothing returning 1 as added`));
  return rows.length > 0;
}

/** Lifts the block; false when there was none. */
export async function deleteBlock(ex: Executor, blockerId: string, blockedId: string): Promise<boolean> {
  const rows = rowsOf(await ex.execute(sql`delete from blocks where blocker_id = ${blockerId} and blocked_id = ${blockedId} returning 1 as removed`));
  return rows.length > 0;
}

/** The accounts `blockerId` blocks, most recent first (at most `limit`). */
export async function listBlocked(ex: Executor, blockerId: string, limit: number): Promise<AccountCardRow[]> {
  return rowsOf<AccountCardRow>(
    await ex.execute(sql`
      select ${cardColumns} from blocks b join accounts a on a.id = b.blocked_id
       where b.blocker_id = ${blockerId} order by b.created_at desc, a.id desc limit ${limit}`),
  );
}

/** How `viewerId` stands towards `subjectId`. */
export async function relation(ex: Executor, viewerId: string, subjectId: string): Promise<{ follows: boolean; blocked: boolean; blocks_you: boolean }> {
  const [row] = rowsOf<{ follows: boolean; blocked: boolean; blocks_you: boolean }>(
    await ex.execute(sql`
      select exists(select 1 from follows where follower_id = ${viewerId} and followee_id = ${subjectId}) as follows,
             exists(select 1 from blocks where blocker_id = ${viewerId} and blocked_id = ${subjectId}) as blocked,
             exists(select 1 from blocks where blocker_id = ${subjectId} and blocked_id = ${viewerId}) as blocks_you`),
  );
  return row ?? { follows: false, blocked: false, blocks_you: false };
}
