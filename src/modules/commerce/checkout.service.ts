/**
 * Checkout: the bag becomes a paid order in one transaction, or nothing changes at all. The steps
 * and what undoes each: lock the bag (a second checkout of it waits) → re-check every line for this
 * actor → take the stock (locks the variants; undone by the rollback) → write the order, lines and
 * history → authorise the payment (a decline throws, so the rollback gives the stock back and leaves
 * the bag) → mark it paid, empty the bag, emit `order_placed`.
 */
import { randomUUID } from 'node:crypto';
import { isUniqueViolation, sqlStateOf, type Database, type Executor, type Tx } from '../../platform/db/index.js';
import type { Actor, RequestContext } from '../../platform/http/context.js';
import { AppError, fail } from '../../platform/http/errors.js';
import type { Outbox } from '../../platform/outbox/index.js';
import { lookupVariants, takeStock, type VariantInfo } from '../catalog/index.js';
import { requireSignedIn } from '../identity/index.js';
import { eventContext, recordEvents } from '../events/index.js';
import { lineProblem, stockConflict } from './bag.service.js';
import { commerceEvents, type OrderPlaced } from './commerce.events.js';
import { commerceRepository as repo, type BagItemRow, type OrderLineRow, type OrderRecord, type OrderRow } from './commerce.repository.js';
import type { CheckoutInput, OrderView } from './commerce.schemas.js';
import type { ShippingAddress } from './commerce.tables.js';
import { imageUrl, loadOrderView, toOrderView } from './order-view.js';
import { cardDigits, newOrderNumber, sha256Of, shippingFor } from './order-rules.js';
import type { PaymentOutcome, PaymentProvider, PaymentRequest } from './payments/payment-provider.js';

export interface CheckoutDeps {
  database: Database;
  outbox: Outbox;
  payments: PaymentProvider;
  now: () => Date;
}

export interface CheckoutResult {
  order: OrderView;
  /** True when an earlier checkout with the same Idempotency-Key is answered again. */
  replayed: boolean;
}

type Attempt = { kind: 'placed'; order: OrderView } | { kind: 'replayed'; orderId: string };

// Serialisation failures and deadlocks are the database asking for a retry, not errors.
const retryableStates = new Set(['40001', '40P01']);
const maxAttempts = 4;

/** Checkout use case. */
export function createCheckoutService(deps: CheckoutDeps) {
  const { database, outbox, payments, now } = deps;
  const db = database.db;

  async function findStylist(handle: string): Promise<Stylist> {
    const account = await repo.findAccountByHandle(db, handle);
    if (account?.kind !== 'stylist') {
      throw fail.unprocessable('The stylist must be the handle of a stylist account', [{ field: 'body.stylist', message: 'is not a stylist' }]);
    }
    return { id: account.id, handle: account.handle };
  }

  /** Replays an earlier order for the same key when the request and bag agree with it, else 422. */
  async function replayOrRefuse(ex: Executor, existing: OrderRecord, requestHash: string, bag: BagItemRow[]): Promise<{ kind: 'replayed'; orderId: string }> {
    const { lines } = await repo.loadDetails(ex, [existing.id]);
    const sameRequest = existing.requestHash === requestHash;
    const sameBag = bag.length === 0 || sameLines(bag, lines);
    if (sameRequest && sameBag) return { kind: 'replayed', orderId: existing.id };
    throw fail.unprocessable('This Idempotency-Key was used for a different checkout', [
      { field: 'headers.idempotency-key', message: 'was used for a different checkout; send a new key' },
    ]);
  }

  async function authorise(ctx: RequestContext, request: PaymentRequest): Promise<PaymentOutcome> {
    try {
      return await payments.authorise(request);
    } catch (error) {
      ctx.log.error({ err: error, provider: payments.name }, 'payment authorisation failed');
      throw new AppError('COT_ERR_UNAVAILABLE', 'The payment could not be taken right now; nothing was charged, try again');
    }
  }

  async function placeOrder(ctx: RequestContext, tx: Tx, actor: Actor, input: CheckoutInput, stylist: Stylist | null, key: Key | null): Promise<Attempt> {
    // 1. The bag, locked: a second checkout of it waits here, then finds it empty (or replays).
    const bag = await repo.lockBag(tx, actor.id);
    if (key) {
      const existing = await repo.findOrderByKey(tx, actor.id, key.value);
      if (existing) return replayOrRefuse(tx, existing, key.requestHash, bag);
    }
    // 2. Every line still on sale to this actor, in one currency, priced now.
    const at = now();
    const priced = priceBag(actor, bag, await lookupVariants(tx, bag.map((l) => l.sku)), at);
    // 3. The stock, all or nothing (the variants stay locked until commit; a rollback gives it back).
    const taken = await takeStock(tx, bag);
    if (!taken.ok) throw stockConflict(taken.short);
    // 4. The order as placed, its lines copied from the catalogue as they are now.
    const orderId = randomUUID();
    const number = newOrderNumber();
    const digits = cardDigits(input.payment.card_number);
    const row = await repo.insertOrder(tx, {
      id: orderId,
      number,
      accountId: actor.id,
      status: 'placed',
      currency: priced.currency,
      subtotalMinor: priced.subtotal,
      shippingMinor: priced.shipping,
      totalMinor: priced.total,
      channel: input.channel,
      stylistId: stylist?.id ?? null,
      conversationId: input.conversation_id ?? null,
      shippingAddress: addressOf(input),
      paymentProvider: payments.name,
      cardLast4: digits.slice(-4),
      idempotencyKey: key?.value ?? null,
      requestHash: key?.requestHash ?? null,
    });
    const lines = orderLineRows(orderId, priced.lines);
    await repo.insertLines(tx, lines);
    // 5. The payment; a decline throws, and the rollback undoes steps 3 and 4.
    const outcome = await authorise(ctx, {
      // A client key makes a retry reach the provider with the same key (never a second charge);
      // scoped to the member and the payment itself, so another member or another card never collides.
      idempotencyKey: key ? `chk_${sha256Of([actor.id, key.value, digits, input.payment.expiry, priced.total, priced.currency]).slice(0, 40)}` : `ord_${orderId}`,
      amountMinor: priced.total,
      currency: priced.currency,
      method: { kind: 'card', number: digits, expiry: input.payment.expiry, cvc: input.payment.cvc },
      description: `Coterie order ${number}`,
    });
    if (outcome.status === 'declined') {
      throw new AppError('COT_ERR_PAYMENT_DECLINED', outcome.message, [{ field: 'body.payment', message: outcome.reason }]);
    }
    // 6. Paid: history, an empty bag, the event.
    await repo.updateOrder(tx, orderId, { status: 'paid', paymentReference: outcome.reference });
    // Both rows written together: nothing of this transaction is visible before it commits anyway.
    const history = await repo.insertHistory(tx, [
      { orderId, seq: 1, status: 'placed', at, byAccountId: actor.id, note: null },
      { orderId, seq: 2, status: 'paid', at, byAccountId: actor.id, note: `Payment authorised (${payments.name})` },
    ]);
    await repo.clearBag(tx, actor.id);
    const paid = { ...row, status: 'paid' as const, paymentReference: outcome.reference, stylistHandle: stylist?.handle ?? null };
    await outbox.emit(tx, { type: commerceEvents.orderPlaced, data: placedEvent(paid, stylist, lines) });
    // One purchase event per line, in the order's transaction: the trend radar and insights count these.
    const who = eventContext(ctx) ?? { actorId: actor.id, actorHandle: actor.handle, device: null };
    await recordEvents(
      tx,
      lines.map((l) => ({
        ...who,
        type: 'purchase' as const,
        occurredAt: at,
        productId: l.productId,
        brand: l.brand,
        quantity: l.quantity,
        amountMinor: l.lineTotalMinor,
        currency: priced.currency,
        channel: input.channel,
        subject: number,
      })),
    );
    ctx.log.info({ order_id: orderId, number, total_minor: priced.total, currency: priced.currency }, 'order placed');
    // Built from what was just written, by the builder later reads use, sparing three queries.
    return { kind: 'placed', order: toOrderView(paid, lines, history) };
  }

  return {
    /**
     * Turns the signed-in member's bag into a paid order. With an Idempotency-Key, a retry of the same
     * request answers the same order (`replayed`), and the key reused for another checkout is a 422.
     */
    async checkout(ctx: RequestContext, input: CheckoutInput, idempotencyKey?: string): Promise<CheckoutResult> {
      const actor = requireSignedIn(ctx);
      const stylist = input.stylist ? await findStylist(input.stylist) : null;
      const key = idempotencyKey === undefined ? null : { value: idempotencyKey, requestHash: fingerprint(input) };
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await outbox.transaction((tx) => placeOrder(ctx, tx, actor, input, stylist, key));
          if (result.kind === 'placed') return { order: result.order, replayed: false };
          return { order: await loadOrderView(db, result.orderId), replayed: true };
        } catch (error) {
          if (key && isUniqueViolation(error, 'orders_idempotency_key')) {
            // Two requests with one key raced past each other: the unique index chose the winner; answer its order.
            const existing = await repo.findOrderByKey(db, actor.id, key.value);
            if (existing) {
              const replay = await replayOrRefuse(db, existing, key.requestHash, await repo.listBag(db, actor.id));
              return { order: await loadOrderView(db, replay.orderId), replayed: true };
            }
          }
          const retry = isUniqueViolation(error, 'orders_number_key') || retryableStates.has(sqlStateOf(error).code ?? '');
          if (retry && attempt < maxAttempts) continue;
          throw error;
        }
      }
    },
  };
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;

interface Key {
  value: string;
  requestHash: string;
}

interface Stylist {
  id: string;
  handle: string;
}

/**
 * What makes two checkout requests "the same": the body, with the card reduced to its last four
 * digits and expiry (no hash of a full card number is ever stored).
 */
export function fingerprint(input: CheckoutInput): string {
  const digits = cardDigits(input.payment.card_number);
  return sha256Of({
    shipping_address: addressOf(input),
    channel: input.channel,
    stylist: input.stylist ?? null,
    conversation_id: input.conversation_id ?? null,
    payment: { last4: digits.slice(-4), expiry: input.payment.expiry },
  });
}

function addressOf(input: CheckoutInput): ShippingAddress {
  const a = input.shipping_address;
  return {
    name: a.name,
    line1: a.line1,
    ...(a.line2 ? { line2: a.line2 } : {}),
    city: a.city,
    postcode: a.postcode,
    country: a.country,
    ...(a.phone ? { phone: a.phone } : {}),
  };
}

/** True when the bag holds exactly the order's lines (same skus, same quantities). */
function sameLines(bag: BagItemRow[], lines: { sku: string; quantity: number }[]): boolean {
  const key = (rows: { sku: string; quantity: number }[]) =>
    rows
      .map((r) => `${r.sku}\u0000${r.quantity}`)
      .sort()
      .join('\u0001');
  return key(bag) === key(lines);
}

interface PricedBag {
  lines: { sku: string; quantity: number; variant: VariantInfo }[];
  currency: string;
  subtotal: number;
  shipping: number;
  total: number;
}

/**
 * The bag priced for checkout, or the refusal: 422 for an empty bag, lines no longer on sale to
 * this actor, or mixed currencies; 409 for a product marked sold out.
 */
function priceBag(actor: Actor, bag: BagItemRow[], variants: Map<string, VariantInfo>, at: Date): PricedBag {
  if (bag.length === 0) throw fail.unprocessable('Your bag is empty', [{ field: 'bag', message: 'is empty' }]);
  const problems = bag.map((l) => ({ ...l, problem: lineProblem(actor, variants.get(l.sku), l.quantity, at) }));
  const unavailable = problems.filter((l) => l.problem === 'not_available');
  if (unavailable.length > 0) {
    throw fail.unprocessable(
      'Some of your bag cannot be bought now',
      unavailable.map((l) => ({ field: `sku:${l.sku}`, message: 'is not on sale to you' })),
    );
  }
  const lines = bag.map((l) => ({ ...l, variant: variants.get(l.sku)! }));
  const currencies = [...new Set(lines.map((l) => l.variant.currency))].sort();
  if (currencies.length > 1) {
    throw fail.unprocessable('Your bag mixes currencies; check out one currency at a time', [{ field: 'bag', message: `mixes ${currencies.join(' and ')}` }]);
  }
  // Stock shortfalls are takeStock's to find under lock; a product merely marked sold out is refused here.
  const markedSoldOut = problems.filter((l) => l.problem === 'sold_out' && (variants.get(l.sku)?.stock ?? 0) > 0);
  if (markedSoldOut.length > 0) throw stockConflict(markedSoldOut.map((l) => ({ sku: l.sku, requested: l.quantity, available: 0 })));
  const subtotal = lines.reduce((n, l) => n + l.variant.unitPriceMinor * l.quantity, 0);
  const shipping = shippingFor(subtotal);
  return { lines, currency: currencies[0]!, subtotal, shipping, total: subtotal + shipping };
}

/** The order's lines: title, brand, size, image and price copied, so the order reads the same later. */
function orderLineRows(orderId: string, lines: PricedBag['lines']): OrderLineRow[] {
  return lines.map((l, position) => ({
    orderId,
    position,
    productId: l.variant.productId,
    sku: l.sku,
    title: l.variant.title,
    brand: l.variant.brand,
    size: l.variant.size,
    image: imageUrl(l.variant.imageKey),
    unitPriceMinor: l.variant.unitPriceMinor,
    quantity: l.quantity,
    lineTotalMinor: l.variant.unitPriceMinor * l.quantity,
  }));
}

function placedEvent(order: OrderRow, stylist: Stylist | null, lines: OrderLineRow[]): OrderPlaced {
  return {
    order_id: order.id,
    number: order.number,
    account_id: order.accountId,
    status: order.status,
    channel: order.channel,
    stylist_id: stylist?.id ?? null,
    stylist: stylist?.handle ?? null,
    conversation_id: order.conversationId,
    currency: order.currency,
    subtotal_minor: order.subtotalMinor,
    shipping_minor: order.shippingMinor,
    total_minor: order.totalMinor,
    lines: lines.map((l) => ({ product_id: l.productId, sku: l.sku, size: l.size, quantity: l.quantity, unit_price_minor: l.unitPriceMinor })),
  };
}
