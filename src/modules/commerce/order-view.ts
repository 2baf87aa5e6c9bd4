import type { Executor } from '../../platform/db/index.js';
import { fail } from '../../platform/http/errors.js';
import { commerceRepository as repo, type OrderHistoryRow, type OrderLineRow, type OrderRecord, type OrderRow } from './commerce.repository.js';
import type { MoneyView, OrderView } from './commerce.schemas.js';

/** Money as the API shows it. */
export function money(amountMinor: number, currency: string): MoneyView {
  return { amount_minor: amountMinor, currency };
}

/** The blob URL of an image key, or null. */
export function imageUrl(key: string | null): string | null {
  return key === null ? null : `/blobs/${key}`;
}

/** One order as the API shows it, from its row, lines and history. */
export function toOrderView(record: OrderRow & { stylistHandle: string | null }, lines: OrderLineRow[], history: OrderHistoryRow[]): OrderView {
  const { currency } = record;
  const address = record.shippingAddress;
  return {
    id: record.id,
    number: record.number,
    status: record.status,
    created_at: record.createdAt.toISOString(),
    currency,
    subtotal: money(record.subtotalMinor, currency),
    shipping: money(record.shippingMinor, currency),
    total: money(record.totalMinor, currency),
    channel: record.channel,
    stylist: record.stylistHandle,
    conversation_id: record.conversationId,
    shipping_address: {
      name: address.name,
      line1: address.line1,
      line2: address.line2 ?? null,
      city: address.city,
      postcode: address.postcode,
      country: address.country,
      phone: address.phone ?? null,
    },
    lines: lines.map((l) => ({
      product_id: l.productId,
      sku: l.sku,
      title: l.title,
      brand: l.brand,
      size: l.size,
      image: l.image,
      unit_price: money(l.unitPriceMinor, currency),
      quantity: l.quantity,
      line_total: money(l.lineTotalMinor, currency),
    })),
    history: history.map((h) => ({ status: h.status, at: h.at.toISOString(), note: h.note })),
    payment:
      record.paymentReference === null
        ? null
        : { provider: record.paymentProvider, reference: record.paymentReference, card_last4: record.cardLast4 },
  };
}

/** Views of several orders, their lines and history read in two queries. */
export async function loadOrderViews(ex: Executor, records: OrderRecord[]): Promise<OrderView[]> {
  const { lines, history } = await repo.loadDetails(
    ex,
    records.map((r) => r.id),
  );
  return records.map((r) =>
    toOrderView(
      r,
      lines.filter((l) => l.orderId === r.id),
      history.filter((h) => h.orderId === r.id),
    ),
  );
}

/** The view of one order known to exist. */
export async function loadOrderView(ex: Executor, id: string): Promise<OrderView> {
  const record = await repo.findOrder(ex, id);
  if (!record) throw fail.notFound('Order');
  const [view] = await loadOrderViews(ex, [record]);
  return view!;
}

/** An opaque page cursor over (created_at, id); created_at as PostgreSQL text keeps its microseconds. */
export function encodeOrderCursor(record: OrderRecord): string {
  return Buffer.from(JSON.stringify([record.createdAtText, record.id])).toString('base64url');
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The position a cursor points after; a 400 for anything this API did not hand out. */
export function decodeOrderCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(parsed[0]) &&
      typeof parsed[1] === 'string' &&
      uuidPattern.test(parsed[1])
    ) {
      return { createdAt: parsed[0], id: parsed[1] };
    }
  } catch {
    // falls through to the 400
  }
  throw fail.validation([{ field: 'query.cursor', message: 'is not a cursor this API gave out' }]);
}
