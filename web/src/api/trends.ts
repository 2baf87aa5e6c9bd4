import { apiRequest, requireUuid } from './client.ts';
import type { PhotoSummary } from './types.ts';

/*
 * The trend radar's API. The shapes mirror src/modules/trends/trends.schemas.ts (the server's
 * source of truth); web/ never imports src/, so they are repeated here by hand.
 */

export const TREND_KINDS = ['product', 'brand', 'category_colour', 'hashtag'] as const;
export type TrendKind = (typeof TREND_KINDS)[number];
/** The buyers' status: what the team has done about the alert. */
export const ALERT_STATUSES = ['new', 'acknowledged', 'reordered', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
/** The detector's state: `active` while the score holds, `cooling` once it falls, then `expired`. */
export const ALERT_STATES = ['active', 'cooling', 'expired'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
export const REGIONS = ['europe', 'americas', 'asia_pacific', 'middle_east_africa'] as const;
export type Region = (typeof REGIONS)[number];

/** Members per hour against what the seasonal baseline expected, oldest hour first. */
export interface Sparkline {
  start: string;
  step_hours: 1;
  actors: number[];
  baseline: number[];
}

/** One alert in the radar's list. */
export interface TrendAlert {
  id: string;
  kind: TrendKind;
  /** The product id, the brand name, `category/colour` or the hashtag without #. */
  key: string;
  label: string;
  category: string | null;
  detected_at: string;
  score: number;
  peak_score: number;
  status: AlertStatus;
  state: AlertState;
  expired_at: string | null;
  as_of: string;
  unique_actors_24h: number;
  /** Unique members by event type over the last 24 hours (view, love, share, photo, purchase …). */
  counts: Record<string, number>;
  cities_reached: number;
  countries_reached: number;
  regions: Region[];
  sparkline: Sparkline;
}

export interface TrendList {
  /** The detector's watermark; null before any event. */
  as_of: string | null;
  /** Highest score first. */
  alerts: TrendAlert[];
}

export interface PlaceReached {
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  first_at: string;
  actors: number;
  /** Active before the surge's window: not a city the trend reached (listed after those). */
  already_active: boolean;
}

export interface CountryReached {
  country: string;
  first_at: string;
  actors: number;
  already_active: boolean;
}

export interface StockBySize {
  size: string;
  stock: number;
}

export interface InventoryProduct {
  product_id: string;
  title: string;
  image: string | null;
  stock: number;
  stock_by_size: StockBySize[];
  sold_7d: number;
  sold_28d: number;
}

export interface ReorderAdvice {
  quantity: number;
  daily_demand: number;
  lead_time_days: number;
  safety_stock: number;
  stock_on_hand: number;
  on_order: number;
  /** The formula with its figures, as a sentence. */
  formula: string;
}

export interface InventoryContext {
  products: InventoryProduct[];
  stock_on_hand: number;
  stock_by_size: StockBySize[];
  sold_7d: number;
  sold_28d: number;
  /** 0..1 */
  sell_through_7d: number;
  sell_through_28d: number;
  /** Null when nothing sold over the last 7 days. */
  days_of_cover: number | null;
  on_order: number;
  suggested_reorder: ReorderAdvice;
}

export type AlertActionKind = 'acknowledge' | 'reorder' | 'dismiss';

/** One line of the audit trail. */
export interface AlertAction {
  id: string;
  action: AlertActionKind;
  /** The buyer's handle. */
  by: string;
  at: string;
  quantity: number | null;
  note: string | null;
  reason: string | null;
}

export interface TrendAlertDetail extends TrendAlert {
  photos: PhotoSummary[];
  /** In the order the trend reached them. */
  cities: PlaceReached[];
  countries: CountryReached[];
  /** Null for hashtags: they have no stock of their own. */
  inventory: InventoryContext | null;
  /** Oldest first. */
  actions: AlertAction[];
}

export type AlertActionRequest =
  | { action: 'acknowledge'; note?: string }
  | { action: 'reorder'; quantity: number; note?: string }
  | { action: 'dismiss'; reason: string };

export interface TrendFilters {
  kind?: TrendKind;
  category?: string;
  region?: Region;
  /** `all` shows expired alerts too. */
  include?: 'live' | 'all';
}

/** The list's query string, in the API's own names so the page's URL can reuse it. */
export function trendQueryString(filters: TrendFilters): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.category) params.set('category', filters.category);
  if (filters.region) params.set('region', filters.region);
  if (filters.include === 'all') params.set('include', 'all');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The radar's alerts, highest score first. */
export async function fetchTrends(filters: TrendFilters, signal?: AbortSignal): Promise<TrendList> {
  const params = new URLSearchParams(trendQueryString(filters));
  params.set('limit', '100');
  return apiRequest<TrendList>('GET', `/trends?${params.toString()}`, undefined, signal);
}

/** One alert with its evidence; buyers and admins only (401/403 otherwise, 404 when unknown). */
export async function fetchTrendAlert(id: string, signal?: AbortSignal): Promise<TrendAlertDetail> {
  requireUuid(id);
  return apiRequest<TrendAlertDetail>('GET', `/trends/${encodeURIComponent(id)}`, undefined, signal);
}

/**
 * Acknowledges, reorders or dismisses an alert; answers the alert as it now stands. The same
 * `idempotencyKey` on a retry is not recorded twice. 409 when the alert's status does not allow it.
 */
export async function actOnTrendAlert(id: string, request: AlertActionRequest, idempotencyKey: string): Promise<TrendAlertDetail> {
  requireUuid(id);
  return apiRequest<TrendAlertDetail>('POST', `/trends/${encodeURIComponent(id)}/actions`, request, undefined, {
    'Idempotency-Key': idempotencyKey,
  });
}

/** Server-Sent Events: an `alert` event carries a TrendAlert each time one is raised or updated. */
export const TRENDS_STREAM_URL = '/api/v1/trends/stream';
