import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { variants } from '../catalog/index.js';
import { accounts } from '../identity/index.js';

export const ORDER_STATUSES = ['placed', 'paid', 'shipped', 'delivered', 'cancelled', 'returned'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const CHANNELS = ['web', 'app', 'chat', 'whatsapp'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The most of one size a bag line may hold. */
export const MAX_LINE_QUANTITY = 10;

export const bagItems = pgTable(
  'bag_items',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    sku: text('sku')
      .notNull()
      .references(() => variants.sku, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.sku] }),
    check('bag_items_quantity_check', sql`${t.quantity} between 1 and 10`),
  ],
);

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string | undefined;
  city: string;
  postcode: string;
  country: string;
  phone?: string | undefined;
}

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey(),
    /** What the member and the shop say on the phone: "CT-7K2M9Q". */
    number: text('number').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    status: text('status').$type<OrderStatus>().notNull(),
    currency: text('currency').notNull(),
    subtotalMinor: bigint('subtotal_minor', { mode: 'number' }).notNull(),
    shippingMinor: bigint('shipping_minor', { mode: 'number' }).notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    /** The personal shopper who assisted, and the conversation the order came from. */
    stylistId: uuid('stylist_id').references(() => accounts.id, { onDelete: 'set null' }),
    conversationId: uuid('conversation_id'),
    shippingAddress: jsonb('shipping_address').$type<ShippingAddress>().notNull(),
    paymentProvider: text('payment_provider').notNull(),
    paymentReference: text('payment_reference'),
    /** The last four digits of the card, shown on the order; the number itself is never stored. */
    cardLast4: text('card_last4'),
    /** The client's `Idempotency-Key` and a fingerprint of what it asked, so a retry answers the same order. */
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_number_key').on(t.number),
    uniqueIndex('orders_idempotency_key').on(t.accountId, t.idempotencyKey),
    index('orders_account_idx').on(t.accountId, t.createdAt),
    index('orders_stylist_idx').on(t.stylistId),
    check('orders_status_check', sql`${t.status} in ('placed','paid','shipped','delivered','cancelled','returned')`),
    check('orders_channel_check', sql`${t.channel} in ('web','app','chat','whatsapp')`),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    productId: text('product_id').notNull(),
    sku: text('sku').notNull(),
    /** Copied at checkout: the order reads the same after the product changes or is archived. */
    title: text('title').notNull(),
    brand: text('brand').notNull(),
    size: text('size').notNull(),
    image: text('image'),
    unitPriceMinor: bigint('unit_price_minor', { mode: 'number' }).notNull(),
    quantity: integer('quantity').notNull(),
    lineTotalMinor: bigint('line_total_minor', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.position] }),
    index('order_lines_product_idx').on(t.productId),
    check('order_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
);

/** Every status an order went through, who moved it and why. */
export const orderHistory = pgTable(
  'order_history',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    status: text('status').$type<OrderStatus>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    byAccountId: uuid('by_account_id'),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.seq] })],
);
