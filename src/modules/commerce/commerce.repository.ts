import { aliasedTable, and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.js';
import type { ActorKind } from '../../platform/http/context.js';
import { accounts } from '../identity/index.js';
import { bagItems, orderHistory, orderLines, orders, type OrderStatus } from './commerce.tables.js';

export type BagItemRow = Pick<typeof bagItems.$inferSelect, 'sku' | 'quantity'>;
export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type OrderHistoryRow = typeof orderHistory.$inferSelect;

/** An order with what deciding who may see or move it needs. */
export interface OrderRecord extends OrderRow {
  /** Handle of the assisting stylist. */
  stylistHandle: string | null;
  /** The personal shopper who looks after the member who placed it. */
  clientStylistId: string | null;
  /** created_at as PostgreSQL prints it, microseconds included: what a page cursor carries. */
  createdAtText: string;
}

const stylist = aliasedTable(accounts, 'stylist');
const client = aliasedTable(accounts, 'client');

const orderRecordColumns = {
  order: orders,
  stylistHandle: stylist.handle,
  clientStylistId: client.stylistId,
  createdAtText: sql<string>`${orders.createdAt}::text`,
};

function toRecord(row: { order: OrderRow; stylistHandle: string | null; clientStylistId: string | null; createdAtText: string }): OrderRecord {
  return { ...row.order, stylistHandle: row.stylistHandle, clientStylistId: row.clientStylistId, createdAtText: row.createdAtText };
}

/** SQL for bags and orders; no rules here. */
export const commerceRepository = {
  async listBag(ex: Executor, accountId: string): Promise<BagItemRow[]> {
    return ex
      .select({ sku: bagItems.sku, quantity: bagItems.quantity })
      .from(bagItems)
      .where(eq(bagItems.accountId, accountId))
      .orderBy(asc(bagItems.addedAt), asc(bagItems.sku));
  },

  /** The bag's lines, locked until the transaction ends: two checkouts of one bag queue. */
  async lockBag(tx: Executor, accountId: string): Promise<BagItemRow[]> {
    return tx
      .select({ sku: bagItems.sku, quantity: bagItems.quantity })
      .from(bagItems)
      .where(eq(bagItems.accountId, accountId))
      .orderBy(asc(bagItems.addedAt), asc(bagItems.sku))
      .for('update');
  },

  /** Adds units to the line for this sku (creating it); returns the line's new quantity. */
  async addToLine(ex: Executor, accountId: string, sku: string, quantity: number): Promise<number> {
    const [row] = await ex
      .insert(bagItems)
      .values({ accountId, sku, quantity })
      .onConflictDoUpdate({
        target: [bagItems.accountId, bagItems.sku],
        set: { quantity: sql`${bagItems.quantity} + excluded.quantity`, updatedAt: sql`now()` },
      })
      .returning({ quantity: bagItems.quantity });
    return row!.quantity;
  },

  /** Sets a line's quantity; false when the bag has no such line. */
  async setLineQuantity(ex: Executor, accountId: string, sku: string, quantity: number): Promise<boolean> {
    const rows = await ex
      .update(bagItems)
      .set({ quantity, updatedAt: sql`now()` })
      .where(and(eq(bagItems.accountId, accountId), eq(bagItems.sku, sku)))
      .returning({ sku: bagItems.sku });
    return rows.length > 0;
  },

  async findLine(ex: Executor, accountId: string, sku: string): Promise<BagItemRow | undefined> {
    const [row] = await ex
      .select({ sku: bagItems.sku, quantity: bagItems.quantity })
      .from(bagItems)
      .where(and(eq(bagItems.accountId, accountId), eq(bagItems.sku, sku)))
      .limit(1);
    return row;
  },

  async removeLine(ex: Executor, accountId: string, sku: string): Promise<void> {
    await ex.delete(bagItems).where(and(eq(bagItems.accountId, accountId), eq(bagItems.sku, sku)));
  },

  async clearBag(ex: Executor, accountId: string): Promise<void> {
    await ex.delete(bagItems).where(eq(bagItems.accountId, accountId));
  },

  async findAccountByHandle(ex: Executor, handle: string): Promise<{ id: string; handle: string; kind: ActorKind } | undefined> {
    const [row] = await ex
      .select({ id: accounts.id, handle: accounts.handle, kind: accounts.kind })
      .from(accounts)
      .where(eq(accounts.handle, handle))
      .limit(1);
    return row;
  },

  async insertOrder(ex: Executor, row: typeof orders.$inferInsert): Promise<OrderRow> {
    const [created] = await ex.insert(orders).values(row).returning();
    return created!;
  },

  async insertLines(ex: Executor, rows: (typeof orderLines.$inferInsert)[]): Promise<void> {
    if (rows.length > 0) await ex.insert(orderLines).values(rows);
  },

  /** The first history rows of a new order, seqs given. */
  async insertHistory(ex: Executor, rows: (typeof orderHistory.$inferInsert)[]): Promise<OrderHistoryRow[]> {
    return ex.insert(orderHistory).values(rows).returning();
  },

  /** Appends a history row (the next seq for the order). */
  async appendHistory(ex: Executor, row: { orderId: string; status: OrderStatus; byAccountId: string | null; note: string | null; at: Date }): Promise<void> {
    await ex.execute(sql`
      insert into order_history (order_id, seq, status, at, by_account_id, note)
      select ${row.orderId}::uuid, coalesce(max(seq), 0) + 1, ${row.status}, ${row.at.toISOString()}::timestamptz, ${row.byAccountId}::uuid, ${row.note}
        from order_history where order_id = ${row.orderId}::uuid`);
  },

  async updateOrder(ex: Executor, id: string, changes: Partial<Pick<OrderRow, 'status' | 'paymentReference' | 'cardLast4'>>): Promise<void> {
    await ex
      .update(orders)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(orders.id, id));
  },

  /** Locks the order row until the transaction ends: two status changes of one order queue. */
  async lockOrder(tx: Executor, id: string): Promise<boolean> {
    const rows = await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, id)).for('update');
    return rows.length > 0;
  },

  async findOrder(ex: Executor, id: string): Promise<OrderRecord | undefined> {
    const [row] = await ex
      .select(orderRecordColumns)
      .from(orders)
      .leftJoin(stylist, eq(stylist.id, orders.stylistId))
      .innerJoin(client, eq(client.id, orders.accountId))
      .where(eq(orders.id, id))
      .limit(1);
    return row && toRecord(row);
  },

  async findOrderByKey(ex: Executor, accountId: string, idempotencyKey: string): Promise<OrderRecord | undefined> {
    const [row] = await ex
      .select(orderRecordColumns)
      .from(orders)
      .leftJoin(stylist, eq(stylist.id, orders.stylistId))
      .innerJoin(client, eq(client.id, orders.accountId))
      .where(and(eq(orders.accountId, accountId), eq(orders.idempotencyKey, idempotencyKey)))
      .limit(1);
    return row && toRecord(row);
  },

  /** A member's orders, newest first, after the (created_at, id) of the previous page's last one. */
  async listOrders(ex: Executor, accountId: string, after: { createdAt: string; id: string } | null, limit: number): Promise<OrderRecord[]> {
    const rows = await ex
      .select(orderRecordColumns)
      .from(orders)
      .leftJoin(stylist, eq(stylist.id, orders.stylistId))
      .innerJoin(client, eq(client.id, orders.accountId))
      .where(
        and(
          eq(orders.accountId, accountId),
          after
            ? sql`(${orders.createdAt}, ${orders.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(limit);
    return rows.map(toRecord);
  },

  /** Lines and history of several orders at once, in position and seq order. */
  async loadDetails(ex: Executor, orderIds: string[]): Promise<{ lines: OrderLineRow[]; history: OrderHistoryRow[] }> {
    if (orderIds.length === 0) return { lines: [], history: [] };
    const [lines, history] = [
      await ex.select().from(orderLines).where(inArray(orderLines.orderId, orderIds)).orderBy(asc(orderLines.orderId), asc(orderLines.position)),
      await ex.select().from(orderHistory).where(inArray(orderHistory.orderId, orderIds)).orderBy(asc(orderHistory.orderId), asc(orderHistory.seq)),
    ];
    return { lines, history };
  },
};
