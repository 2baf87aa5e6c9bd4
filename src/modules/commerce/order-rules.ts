/**
 * The rules of an order that need no database: what shipping costs, how an order is numbered,
 * which status may follow which, and how a checkout request is fingerprinted for idempotency.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { OrderStatus } from './commerce.tables.js';

/** Orders whose subtotal reaches this (minor units, any currency) ship free. */
export const FREE_SHIPPING_FROM_MINOR = 20_000;
/** What shipping costs below the threshold (minor units, in the order's currency). */
export const FLAT_SHIPPING_MINOR = 500;

/** Shipping for a subtotal: free from 200.00, else a flat 5.00, in the order's own currency. */
export function shippingFor(subtotalMinor: number): number {
  return subtotalMinor >= FREE_SHIPPING_FROM_MINOR ? 0 : FLAT_SHIPPING_MINOR;
}

// Crockford's base32: no I, L, O or U, so a number read out on the phone cannot be misheard as another.
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new order number, "CT-" and 8 random Crockford base32 characters (40 bits; unique index backs it). */
export function newOrderNumber(bytes: Buffer = randomBytes(5)): string {
  let value = 0n;
  for (const byte of bytes.subarray(0, 5)) value = (value << 8n) | BigInt(byte);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = crockford[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return `CT-${out}`;
}

/** The statuses an order may move to from each status; anything else is a 409. */
export const transitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  placed: ['paid', 'cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: ['returned'],
  cancelled: [],
  returned: [],
};

/** True when `to` may follow `from`. */
export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return transitions[from].includes(to);
}

/** Statuses after which the goods come back to the shelf and the money to the member. */
export function givesBack(status: OrderStatus): boolean {
  return status === 'cancelled' || status === 'returned';
}

/** JSON with object keys sorted, so equal values always hash the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 hex of the canonical JSON of a value. */
export function sha256Of(value: unknown): string {
  return createHash('sha256').update(typeof value === 'string' ? value : canonicalJson(value)).digest('hex');
}

/** The digits of a card number, spaces and dashes dropped. */
export function cardDigits(cardNumber: string): string {
  return cardNumber.replace(/[\s-]/g, '');
}
