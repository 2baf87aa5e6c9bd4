/**
 * Orders after checkout: the member's list and detail, cancellation, and the status moves staff make
 * (shipping, delivery, returns). A cancellation or return gives the stock back and refunds, in the
 * same transaction as the status change.
 */
import type { Database, Tx } from '../../platform/db/index.js';
import type { Actor, RequestContext } from '../../platform/http/context.js';
import { AppError, fail } from '../../platform/http/errors.js';
import type { Outbox } from '../../platform/outbox/index.js';
import { restoreStock } from '../catalog/index.js';
import { requireSignedIn } from '../identity/index.js';
import { commerceEvents, type OrderStatusChanged } from './commerce.events.js';
import { commerceRepository as repo, type OrderRecord } from './commerce.repository.js';
import type { ListOrdersInput, OrderView } from './commerce.schemas.js';
import type { OrderStatus } from './commerce.tables.js';
import { decodeOrderCursor, encodeOrderCursor, loadOrderView, loadOrderViews } from './order-view.js';
import { canMove, givesBack, transitions } from './order-rules.js';
import type { PaymentProvider } from './payments/payment-provider.js';

export interface OrdersDeps {
  database: Database;
  outbox: Outbox;
  payments: PaymentProvider;
  now: () => Date;
}

/**
 * Who an actor is to an order. Staff are admins, buyers (they run fulfilment) and stylists for the
 * orders they assisted or of the clients they look after; staff and the owner may see it, nobody else.
 */
export function relationTo(actor: Actor, order: Pick<OrderRecord, 'accountId' | 'stylistId' | 'clientStylistId'>) {
  const owner = actor.id === order.accountId;
  const staff =
    actor.kind === 'admin' ||
    actor.kind === 'buyer' ||
    (actor.kind === 'stylist' && (order.stylistId === actor.id || order.clientStylistId === actor.id));
  return { owner, staff, canSee: owner || staff };
}

/** Order use cases: list, read, cancel, move through the lifecycle. */
export function createOrdersService(deps: OrdersDeps) {
  const { database, outbox, payments, now } = deps;
  const db = database.db;

  /** The order locked for a change, if this actor may see it (else 404, so ids cannot be probed). */
  async function lockVisibleOrder(tx: Tx, actor: Actor, id: string): Promise<OrderRecord> {
    const found = (await repo.lockOrder(tx, id)) ? await repo.findOrder(tx, id) : undefined;
    if (!found || !relationTo(actor, found).canSee) throw fail.notFound('Order');
    return found;
  }

  /** Moves an order to `to`; cancellations and returns restock and refund. Runs in the caller's transaction. */
  async function move(ctx: RequestContext, tx: Tx, actor: Actor, order: OrderRecord, to: OrderStatus, note: string | null): Promise<void> {
    const from = order.status;
    if (!canMove(from, to)) {
      const allowed = transitions[from];
      throw fail.conflict(`An order that is ${from} cannot become ${to}`, [
        { field: 'body.status', message: allowed.length > 0 ? `can only become ${allowed.join(' or ')}` : `is final once ${from}` },
      ]);
    }
    await repo.updateOrder(tx, order.id, { status: to });
    await repo.appendHistory(tx, { orderId: order.id, status: to, byAccountId: actor.id, note, at: now() });
    let refunded = 0;
    if (givesBack(to)) {
      const { lines } = await repo.loadDetails(tx, [order.id]);
      await restoreStock(tx, lines);
      if (order.paymentReference !== null) {
        await refund(ctx, order.paymentReference, order.totalMinor);
        refunded = order.totalMinor;
      }
    }
    await outbox.emit(tx, {
      type: commerceEvents.orderStatusChanged,
      data: {
        order_id: order.id,
        number: order.number,
        account_id: order.accountId,
        from,
        to,
        by: actor.id,
        note,
        refunded_minor: refunded,
      } satisfies OrderStatusChanged,
    });
    ctx.log.info({ order_id: order.id, from, to, refunded_minor: refunded }, 'order status changed');
  }

  async function refund(ctx: RequestContext, reference: string, amountMinor: number): Promise<void> {
    try {
      // Idempotent per reference: a retried cancellation never refunds twice.
      await payments.refund(reference, amountMinor);
    } catch (error) {
      ctx.log.error({ err: error, provider: payments.name }, 'refund failed');
      throw new AppError('COT_ERR_UNAVAILABLE', 'The refund could not be made right now; the order is unchanged, try again');
    }
  }

  return {
    /** The signed-in member's own orders, newest first, a page at a time. */
    async listOrders(ctx: RequestContext, input: ListOrdersInput): Promise<{ orders: OrderView[]; next: string | null }> {
      const actor = requireSignedIn(ctx);
      const after = input.cursor ? decodeOrderCursor(input.cursor) : null;
      const records = await repo.listOrders(db, actor.id, after, input.limit + 1);
      const page = records.slice(0, input.limit);
      const next = records.length > input.limit ? encodeOrderCursor(page[page.length - 1]!) : null;
      return { orders: await loadOrderViews(db, page), next };
    },

    /** One order: for its owner, the stylist who assisted or looks after the client, buyers and admins. */
    async getOrder(ctx: RequestContext, id: string): Promise<OrderView> {
      const actor = requireSignedIn(ctx);
      const order = await repo.findOrder(db, id);
      if (!order || !relationTo(actor, order).canSee) throw fail.notFound('Order');
      return loadOrderView(db, id);
    },

    /** Cancels an order that has not shipped: by its owner or by staff. Restocks and refunds. */
    async cancelOrder(ctx: RequestContext, id: string, reason: string | undefined): Promise<OrderView> {
      const actor = requireSignedIn(ctx);
      await outbox.transaction(async (tx) => {
        const order = await lockVisibleOrder(tx, actor, id);
        await move(ctx, tx, actor, order, 'cancelled', reason ?? null);
      });
      return loadOrderView(db, id);
    },

    /** Moves an order along its lifecycle (staff only): paid → shipped → delivered → returned, or cancelled. */
    async changeStatus(ctx: RequestContext, id: string, to: OrderStatus, note: string | undefined): Promise<OrderView> {
      const actor = requireSignedIn(ctx);
      await outbox.transaction(async (tx) => {
        const order = await lockVisibleOrder(tx, actor, id);
        if (!relationTo(actor, order).staff) {
          throw fail.forbidden("Only staff can change an order's status; to cancel, use the cancel action");
        }
        await move(ctx, tx, actor, order, to, note ?? null);
      });
      return loadOrderView(db, id);
    },
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
