import { z } from 'zod';
import { photoSummary } from '../media/index.js';

/**
 * The trend radar's API: alerts as the brief's contract names them (`id`, `kind`, `key`, `label`,
 * `detected_at`, `score`, `status`), extended with the evidence and the inventory context a buyer
 * needs to act on them.
 */

export const TREND_KINDS = ['product', 'brand', 'category_colour', 'hashtag'] as const;
export type TrendKind = (typeof TREND_KINDS)[number];
export const ALERT_STATUSES = ['new', 'acknowledged', 'reordered', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
/** The detector's view: `active` while the score holds, `cooling` once it falls below the hold line, then `expired`. */
export const ALERT_STATES = ['active', 'cooling', 'expired'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
export const REGIONS = ['europe', 'americas', 'asia_pacific', 'middle_east_africa'] as const;
export type Region = (typeof REGIONS)[number];

const isoTime = z.string().describe('ISO 8601, UTC');
const countsByType = z
  .record(z.string(), z.number().int())
  .describe('Unique members by event type over the last 24 hours of event time (view, love, share, photo, purchase …)');

export const trendsQuery = z.object({
  at: z
    .string()
    .datetime({ offset: true })
    .optional()
    .describe('ISO 8601: the alerts as they stood then, computed only from events with earlier event times. Default: now'),
  kind: z.enum(TREND_KINDS).optional(),
  category: z.string().max(60).optional().describe('Only alerts about this catalogue category (products, category × colour)'),
  region: z.enum(REGIONS).optional().describe('Only alerts whose activity reached this region'),
  include: z.enum(['live', 'all']).default('live').describe('`live`: active and cooling alerts; `all`: expired ones too'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TrendsQuery = z.infer<typeof trendsQuery>;

export const alertParams = z.object({ id: z.uuid() });
export const alertDetailQuery = z.object({
  at: z.string().datetime({ offset: true }).optional().describe('ISO 8601: the alert as it stood then'),
});

export const sparkline = z.object({
  start: isoTime.describe('The first hour of the series'),
  step_hours: z.literal(1),
  actors: z.array(z.number()).describe('Unique members per hour (any event type), oldest first, up to 14 days'),
  baseline: z.array(z.number()).describe('What the seasonal baseline expected per hour, same hours'),
});

/** One alert in the radar's list. */
export const trendAlert = z.object({
  id: z.uuid(),
  kind: z.enum(TREND_KINDS),
  key: z.string().describe('The product id, the brand name, `category/colour` (e.g. `shoes/red`) or the hashtag without #'),
  label: z.string().describe('What a buyer reads: the product title, the brand, "Red shoes", "#sorbetsummer"'),
  category: z.string().nullable().describe('The catalogue category, for product and category × colour alerts'),
  detected_at: isoTime.describe('Event time of the hour whose close raised the alert'),
  score: z.number().describe('The trend score at `as_of` (see docs/trends.md for the formula); decays once cooling'),
  peak_score: z.number(),
  status: z.enum(ALERT_STATUSES).describe("The buyers' status"),
  state: z.enum(ALERT_STATES).describe("The detector's state"),
  expired_at: isoTime.nullable(),
  as_of: isoTime.describe('Event time the figures are as of'),
  unique_actors_24h: z.number().int(),
  counts: countsByType,
  cities_reached: z.number().int().describe('Cities with activity in the last 14 days'),
  countries_reached: z.number().int(),
  regions: z.array(z.enum(REGIONS)),
  sparkline,
});
export type TrendAlertView = z.infer<typeof trendAlert>;

export const trendsResponse = z.object({
  as_of: isoTime.nullable().describe('The detector watermark the list is as of (`at` when given); null before any event'),
  alerts: z.array(trendAlert).describe('Highest score first'),
});

const placeReached = z.object({
  city: z.string(),
  country: z.string().describe('ISO 3166-1 alpha-2'),
  first_at: isoTime.describe('Event time of the first event there within the evidence window'),
  actors: z.number().int().describe('Unique members there over the evidence window'),
  already_active: z.boolean().describe('Active for this key before the 72 hours before detection: not a city the surge reached (listed after those)'),
});

const stockBySize = z.object({ size: z.string(), stock: z.number().int() });

export const inventoryProduct = z.object({
  product_id: z.string(),
  title: z.string(),
  image: z.string().nullable(),
  stock: z.number().int(),
  stock_by_size: z.array(stockBySize),
  sold_7d: z.number().int(),
  sold_28d: z.number().int(),
});

export const reorderAdvice = z.object({
  quantity: z.number().int().describe('max(0, ceil(forecast demand over the lead time + safety stock − stock on hand − on order))'),
  daily_demand: z.number().describe('Forecast units a day: the recent sales rate lifted by the trend'),
  lead_time_days: z.number(),
  safety_stock: z.number(),
  stock_on_hand: z.number().int(),
  on_order: z.number().int(),
  formula: z.string().describe('The formula with its figures, as a sentence'),
});

export const inventoryContext = z.object({
  products: z.array(inventoryProduct).describe('The products behind the alert, most sold first (up to 12)'),
  stock_on_hand: z.number().int(),
  stock_by_size: z.array(stockBySize),
  sold_7d: z.number().int(),
  sold_28d: z.number().int(),
  sell_through_7d: z.number().describe('Units sold over 7 days ÷ (sold + on hand), 0..1'),
  sell_through_28d: z.number(),
  days_of_cover: z.number().nullable().describe('Stock on hand ÷ units sold a day over the last 7 days; null when nothing sold'),
  on_order: z.number().int().describe('Units recorded as reordered from alerts and not yet received'),
  suggested_reorder: reorderAdvice,
});
export type InventoryContext = z.infer<typeof inventoryContext>;

export const ALERT_ACTIONS = ['acknowledge', 'reorder', 'dismiss'] as const;
export const alertActionView = z.object({
  id: z.uuid(),
  action: z.enum(ALERT_ACTIONS),
  by: z.string().describe('The handle of the buyer'),
  at: isoTime,
  quantity: z.number().int().nullable(),
  note: z.string().nullable(),
  reason: z.string().nullable(),
});

export const trendAlertDetail = trendAlert.extend({
  photos: z.array(photoSummary).describe('Member photos of the key, newest first (up to 24)'),
  cities: z.array(placeReached).describe('Cities in the order the surge reached them, then those already active before it'),
  countries: z.array(z.object({ country: z.string(), first_at: isoTime, actors: z.number().int(), already_active: z.boolean() })),
  inventory: inventoryContext.nullable().describe('Stock and reorder advice (products, brands, category × colour); null for hashtags'),
  actions: z.array(alertActionView).describe("Buyers' actions, oldest first (the audit trail)"),
});
export type TrendAlertDetail = z.infer<typeof trendAlertDetail>;

export const alertActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('acknowledge'), note: z.string().max(500).optional() }),
  z.object({
    action: z.literal('reorder'),
    quantity: z.number().int().min(1).max(1_000_000),
    note: z.string().max(500).optional(),
  }),
  z.object({ action: z.literal('dismiss'), reason: z.string().trim().min(1).max(500) }),
]);
export type AlertActionBody = z.infer<typeof alertActionBody>;

export const actionHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7E]{1,255}$/, 'must be 1 to 255 visible ASCII characters')
    .optional()
    .describe('Retrying with the same key answers the alert as it is instead of acting twice'),
});
