import { and, desc, eq, gt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.js';
import type { ActorKind } from '../../platform/http/context.js';
import { accounts, sessions, type SessionKind } from './identity.tables.js';

export type AccountRow = typeof accounts.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

/** SQL for accounts and sessions; no rules here. */
export const identityRepository = {
  async insertAccount(ex: Executor, row: typeof accounts.$inferInsert): Promise<AccountRow> {
    const [created] = await ex.insert(accounts).values(row).returning();
    return created!;
  },

  async findAccountById(ex: Executor, id: string): Promise<AccountRow | undefined> {
    const [row] = await ex.select().from(accounts).where(eq(accounts.id, id)).limit(1);
    return row;
  },

  async findAccountByHandle(ex: Executor, handle: string): Promise<AccountRow | undefined> {
    const [row] = await ex.select().from(accounts).where(eq(accounts.handle, handle)).limit(1);
    return row;
  },

  async findAccountByLogin(ex: Executor, login: string): Promise<AccountRow | undefined> {
    const [row] = await ex
      .select()
      .from(accounts)
      .where(or(eq(accounts.handle, login), eq(accounts.email, login)))
      .limit(1);
    return row;
  },

  async findTakenFields(ex: Executor, handle: string, email: string): Promise<{ handle: boolean; email: boolean }> {
    const rows = await ex
      .select({ handle: accounts.handle, email: accounts.email })
      .from(accounts)
      .where(or(eq(accounts.handle, handle), eq(accounts.email, email)));
    return { handle: rows.some((r) => r.handle === handle), email: rows.some((r) => r.email === email) };
  },

  async updateAccount(ex: Executor, id: string, changes: Partial<typeof accounts.$inferInsert>): Promise<AccountRow> {
    const [row] = await ex
      .update(accounts)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(accounts.id, id))
      .returning();
    return row!;
  },

  async insertSession(
    ex: Executor,
    row: { id: string; accountId: string; tokenHash: string; kind: SessionKind; label: string | null; expiresAt: Date },
  ): Promise<SessionRow> {
    const [created] = await ex.insert(sessions).values(row).returning();
    return created!;
  },

  /** The live session with this token hash and its account. */
  async findLiveSession(
    ex: Executor,
    tokenHash: string,
  ): Promise<{ session: SessionRow; account: { id: string; handle: string; kind: ActorKind; eip: boolean } } | undefined> {
    const [row] = await ex
      .select({
        session: sessions,
        account: { id: accounts.id, handle: accounts.handle, kind: accounts.kind, eip: accounts.eip },
      })
      .from(sessions)
      .innerJoin(accounts, eq(accounts.id, sessions.accountId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`)))
      .limit(1);
    return row;
  },

  async touchSession(ex: Executor, id: string): Promise<void> {
    await ex.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
  },

  async findSession(ex: Executor, id: string): Promise<SessionRow | undefined> {
    const [row] = await ex.select().from(sessions).where(eq(sessions.id, id)).limit(1);
    return row;
  },

  async listLiveSessions(ex: Executor, accountId: string): Promise<SessionRow[]> {
    return ex
      .select()
      .from(sessions)
      .where(and(eq(sessions.accountId, accountId), gt(sessions.expiresAt, sql`now()`)))
      .orderBy(desc(sessions.lastSeenAt));
  },

  async deleteSession(ex: Executor, id: string): Promise<void> {
    await ex.delete(sessions).where(eq(sessions.id, id));
  },

  async deleteExpiredSessions(ex: Executor): Promise<void> {
    await ex.delete(sessions).where(sql`${sessions.expiresAt} < now()`);
  },
};
