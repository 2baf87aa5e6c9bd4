/** SQL for sets and their items; no rules here (the service decides who sees and changes what). */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../platform/db/index.js';
import type { ActorKind } from '../../../platform/http/context.js';
import { accounts } from '../../identity/index.js';
import { comments, hashtagUses, loves, mentions, setItems, sets, shares } from '../social.tables.js';

export type SetRow = typeof sets.$inferSelect;

/** The account a set belongs to, as much as its card and the visibility rules need. */
export interface OwnerRow {
  id: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  kind: ActorKind;
  homeCity: string | null;
  eip: boolean;
}

export interface SetRecord extends SetRow {
  owner: OwnerRow;
  /** created_at as PostgreSQL prints it (microseconds included): what a page cursor carries. */
  createdAtText: string;
}

const ownerColumns = {
  id: accounts.id,
  handle: accounts.handle,
  displayName: accounts.displayName,
  avatarUrl: accounts.avatarUrl,
  kind: accounts.kind,
  homeCity: accounts.homeCity,
  eip: accounts.eip,
};

const recordColumns = { set: sets, owner: ownerColumns, createdAtText: sql<string>`${sets.createdAt}::text` };

function toRecord(row: { set: SetRow; owner: OwnerRow; createdAtText: string }): SetRecord {
  return { ...row.set, owner: row.owner, createdAtText: row.createdAtText };
}

/** SQL for sets; every function takes the database or the caller's transaction. */
export const setsRepository = {
  /** Inserts a set row (no items). */
  async insertSet(ex: Executor, row: typeof sets.$inferInsert): Promise<void> {
    await ex.insert(sets).values(row);
  },

  /** A set with its owner's card fields, or undefined. */
  async findSet(ex: Executor, id: string): Promise<SetRecord | undefined> {
    const [row] = await ex.select(recordColumns).from(sets).innerJoin(accounts, eq(accounts.id, sets.ownerId)).where(eq(sets.id, id)).limit(1);
    return row && toRecord(row);
  },

  /** Locks the set's row until the transaction ends (item changes of one set queue); false when it is gone. */
  async lockSet(tx: Executor, id: string): Promise<boolean> {
    const rows = await tx.select({ id: sets.id }).from(sets).where(eq(sets.id, id)).for('update');
    return rows.length > 0;
  },

  /** Changes a set's fields and bumps its updated_at (an empty change just bumps it). */
  async updateSet(ex: Executor, id: string, changes: Partial<Pick<SetRow, 'title' | 'description' | 'visibility' | 'coverKey' | 'coverKind'>>): Promise<void> {
    await ex
      .update(sets)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(sets.id, id));
  },

  /** Sets a composed cover only while the set still has one (an upload in between wins). */
  async replaceComposedCover(ex: Executor, id: string, coverKey: string | null): Promise<void> {
    await ex
      .update(sets)
      .set({ coverKey, coverKind: coverKey === null ? null : 'composed', updatedAt: sql`now()` })
      .where(and(eq(sets.id, id), eq(sets.coverKind, 'composed')));
  },

  /**
   * Deletes the set (its items go with it) and what members left on it: loves, shares, and comments with
   * their own hashtags and mentions. The set description's index is the text index's to remove.
   */
  async deleteSet(ex: Executor, id: string): Promise<void> {
    const onSet = (kind: AnyPgColumn, target: AnyPgColumn) => and(eq(kind, 'set'), eq(target, id));
    const commentIds = ex.select({ id: sql<string>`${comments.id}::text` }).from(comments).where(onSet(comments.targetKind, comments.targetId));
    await ex.delete(hashtagUses).where(and(eq(hashtagUses.sourceKind, 'comment'), inArray(hashtagUses.sourceId, commentIds)));
    await ex.delete(mentions).where(and(eq(mentions.sourceKind, 'comment'), inArray(mentions.sourceId, commentIds)));
    await ex.delete(comments).where(onSet(comments.targetKind, comments.targetId));
    await ex.delete(loves).where(onSet(loves.targetKind, loves.targetId));
    await ex.delete(shares).where(onSet(shares.targetKind, shares.targetId));
    await ex.delete(sets).where(eq(sets.id, id));
  },

  /** The set's product ids in order. */
  async itemIds(ex: Executor, setId: string): Promise<string[]> {
    const rows = await ex
      .select({ productId: setItems.productId })
      .from(setItems)
      .where(eq(setItems.setId, setId))
      .orderBy(asc(setItems.position), asc(setItems.productId));
    return rows.map((r) => r.productId);
  },

  /** The product ids of several sets, each in order. */
  async itemIdsOfSets(ex: Executor, setIds: readonly string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>(setIds.map((id) => [id, []]));
    if (setIds.length === 0) return found;
    const rows = await ex
      .select({ setId: setItems.setId, productId: setItems.productId })
      .from(setItems)
      .where(inArray(setItems.setId, [...setIds]))
      .orderBy(asc(setItems.setId), asc(setItems.position), asc(setItems.productId));
    for (const r of rows) found.get(r.setId)?.push(r.productId);
    return found;
  },

  /** Makes the set hold exactly these products, at positions 0, 1, 2 … */
  async replaceItems(ex: Executor, setId: string, productIds: readonly string[]): Promise<void> {
    await ex.delete(setItems).where(eq(setItems.setId, setId));
    if (productIds.length > 0) {
      await ex.insert(setItems).values(productIds.map((productId, position) => ({ setId, productId, position })));
    }
  },

  /** How many accounts love each set, and whether the viewer is one of them. */
  async loveStats(ex: Executor, setIds: readonly string[], viewerId: string | null): Promise<Map<string, { loves: number; loved: boolean }>> {
    const stats = new Map<string, { loves: number; loved: boolean }>(setIds.map((id) => [id, { loves: 0, loved: false }]));
    if (setIds.length === 0) return stats;
    const rows = await ex
      .select({
        setId: loves.targetId,
        loves: sql<number>`count(*)::int`,
        loved: viewerId === null ? sql<boolean>`false` : sql<boolean>`bool_or(${loves.accountId} = ${viewerId}::uuid)`,
      })
      .from(loves)
      .where(and(eq(loves.targetKind, 'set'), inArray(loves.targetId, [...setIds])))
      .groupBy(loves.targetId);
    for (const r of rows) stats.set(r.setId, { loves: Number(r.loves), loved: r.loved === true });
    return stats;
  },

  /** An account's sets, newest first, after the (created_at, id) of the previous page's last one. */
  async listByOwner(
    ex: Executor,
    ownerId: string,
    options: { includePrivate: boolean; after: { createdAt: string; id: string } | null; limit: number },
  ): Promise<SetRecord[]> {
    const { includePrivate, after, limit } = options;
    const rows = await ex
      .select(recordColumns)
      .from(sets)
      .innerJoin(accounts, eq(accounts.id, sets.ownerId))
      .where(
        and(
          eq(sets.ownerId, ownerId),
          includePrivate ? undefined : eq(sets.visibility, 'public'),
          after ? sql`(${sets.createdAt}, ${sets.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(desc(sets.createdAt), desc(sets.id))
      .limit(limit);
    return rows.map(toRecord);
  },

  /** The account behind a handle, as a set owner. */
  async findAccountByHandle(ex: Executor, handle: string): Promise<OwnerRow | undefined> {
    const [row] = await ex.select(ownerColumns).from(accounts).where(eq(accounts.handle, handle)).limit(1);
    return row;
  },
};
