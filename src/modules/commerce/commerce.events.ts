import type { Channel, OrderStatus } from './commerce.tables.js';

/** Events the commerce module publishes (through the outbox, in the transaction of the change). */
export const commerceEvents = {
  bagItemAdded: 'commerce.bag_item_added',
  orderPlaced: 'commerce.order_placed',
  orderStatusChanged: 'commerce.order_status_changed',
} as const;

/** A member put units of one size in their bag (intent: the trend radar and insights read it). */
export interface BagItemAdded {
  account_id: string;
  sku: string;
  product_id: string;
  /** Units this add put in. */
  quantity: number;
  /** Units of this size in the bag after the add. */
  line_quantity: number;
}

export interface OrderPlacedLine {
  product_id: string;
  sku: string;
  size: string;
  quantity: number;
  unit_price_minor: number;
}

/** An order was placed and paid. */
export interface OrderPlaced {
  order_id: string;
  number: string;
  account_id: string;
  status: OrderStatus;
  channel: Channel;
  /** The assisting personal shopper, if any. */
  stylist_id: string | null;
  stylist: string | null;
  conversation_id: string | null;
  currency: string;
  subtotal_minor: number;
  shipping_minor: number;
  total_minor: number;
  lines: OrderPlacedLine[];
}

/** An order moved from one status to another (by its owner or by staff). */
export interface OrderStatusChanged {
  order_id: string;
  number: string;
  account_id: string;
  from: OrderStatus;
  to: OrderStatus;
  by: string;
  note: string | null;
  /** Minor units given back to the member (cancellations and returns of paid orders), else 0. */
  refunded_minor: number;
}
