import { z } from 'zod';
import { CHANNELS, MAX_LINE_QUANTITY, ORDER_STATUSES } from './commerce.tables.js';
import { isCountryCode } from './countries.js';

const money = z.object({ amount_minor: z.number().int(), currency: z.string() }).describe('Money: integer minor units and an ISO 4217 code');
export type MoneyView = z.infer<typeof money>;

const sku = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const quantity = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`);

// ---------------------------------------------------------------- bag

export const skuParams = z.object({ sku });

export const addItemBody = z.object({
  sku,
  quantity: quantity.default(1).describe('Units to add to the line for this size (default 1)'),
});
export type AddItemInput = z.infer<typeof addItemBody>;

export const setQuantityBody = z.object({ quantity });

export const bagLineReasons = ['sold_out', 'not_enough_stock', 'not_available'] as const;
export type BagLineReason = (typeof bagLineReasons)[number];

const bagLine = z.object({
  sku: z.string(),
  product_id: z.string(),
  title: z.string(),
  brand: z.string(),
  size: z.string(),
  image: z.string().nullable().describe('URL of the primary image, /blobs/<key>'),
  unit_price: money.describe('The price now (the sale price when there is one)'),
  quantity: z.number().int(),
  line_total: money,
  stock: z.number().int(),
  available: z.boolean().describe('Whether checkout can take this line now'),
  reason: z.enum(bagLineReasons).nullable().describe('Why the line cannot be bought now, or null'),
});
export type BagLineView = z.infer<typeof bagLine>;

const bag = z.object({
  lines: z.array(bagLine),
  count: z.number().int().describe('Units in the bag'),
  subtotal: money.nullable().describe('Sum of the line totals; null for an empty bag or one mixing currencies'),
  problems: z.array(z.object({ sku: z.string(), reason: z.enum(bagLineReasons) })).describe('Lines checkout would refuse'),
});
export type BagView = z.infer<typeof bag>;

export const bagResponse = z.object({ bag });

// ---------------------------------------------------------------- checkout

const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullish();
const requiredText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const addressInput = z.object({
  name: requiredText(100),
  line1: requiredText(200),
  line2: optionalText(200),
  city: requiredText(100),
  postcode: requiredText(20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .length(2, 'must be an ISO 3166-1 alpha-2 code such as GB')
    .refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 code such as GB')
    .describe('ISO 3166-1 alpha-2'),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{4,22}[0-9]$/, 'must be a phone number such as +44 20 7946 0000')
    .nullish(),
});

const paymentInput = z.object({
  card_number: z
    .string()
    .trim()
    // 12 to 19 digits, in groups separated by single spaces or dashes as people type them.
    .regex(/^(?:[0-9][ -]?){11,18}[0-9]$/, 'must be 12 to 19 digits')
    .describe('Test cards: 4242424242424242 succeeds, 4000000000000002 is declined'),
  expiry: z.string().trim().regex(/^(0[1-9]|1[0-2])\/\d{2}$/, 'must be MM/YY'),
  cvc: z.string().trim().regex(/^\d{3,4}$/, 'must be 3 or 4 digits'),
});

export const checkoutBody = z.object({
  shipping_address: addressInput,
  payment: paymentInput,
  channel: z.enum(CHANNELS).default('web').describe('Where the order was placed'),
  stylist: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'must not be empty')
    .max(30, 'must be at most 30 characters')
    .nullish()
    .describe('Handle of the personal shopper who assisted'),
  conversation_id: z.uuid().nullish().describe('The chat conversation the order came from'),
});
export type CheckoutInput = z.infer<typeof checkoutBody>;

export const checkoutHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7E]{1,255}$/, 'must be 1 to 255 visible ASCII characters')
    .optional()
    .describe('Retrying with the same key answers the same order instead of placing another'),
});

// ---------------------------------------------------------------- orders

const address = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  postcode: z.string(),
  country: z.string(),
  phone: z.string().nullable(),
});

const orderLine = z.object({
  product_id: z.string(),
  sku: z.string(),
  title: z.string(),
  brand: z.string(),
  size: z.string(),
  image: z.string().nullable(),
  unit_price: money,
  quantity: z.number().int(),
  line_total: money,
});

const order = z.object({
  id: z.uuid(),
  number: z.string().describe('What the member quotes: CT- and 8 characters'),
  status: z.enum(ORDER_STATUSES),
  created_at: z.string().describe('ISO 8601'),
  currency: z.string(),
  subtotal: money,
  shipping: money.describe('Free from 20000 minor units, else 500'),
  total: money,
  channel: z.enum(CHANNELS),
  stylist: z.string().nullable().describe('Handle of the assisting personal shopper'),
  conversation_id: z.string().nullable(),
  shipping_address: address,
  lines: z.array(orderLine),
  history: z.array(z.object({ status: z.enum(ORDER_STATUSES), at: z.string(), note: z.string().nullable() })),
  payment: z
    .object({ provider: z.string(), reference: z.string(), card_last4: z.string().nullable() })
    .nullable()
    .describe('Null until the payment is authorised'),
});
export type OrderView = z.infer<typeof order>;

export const orderResponse = z.object({ order });
export const ordersResponse = z.object({
  orders: z.array(order),
  next: z.string().nullable().describe('Cursor of the next page, or null on the last one'),
});

export const orderParams = z.object({ id: z.uuid() });

export const listOrdersQuery = z.object({
  cursor: z.string().max(200).optional().describe('The `next` value of the previous page'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type ListOrdersInput = z.infer<typeof listOrdersQuery>;

export const cancelBody = z
  .object({ reason: z.string().trim().min(1).max(500).optional().describe('Why, kept in the order history') })
  .nullish()
  .describe('Optional: a cancellation needs no body');

export const changeStatusBody = z.object({
  status: z.enum(ORDER_STATUSES),
  note: z.string().trim().min(1).max(500).optional(),
});
