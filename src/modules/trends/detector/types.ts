/**
 * The detector's own vocabulary, free of the database and the bus: what it reads (a trend event and
 * the facts of a product) and what it tells (alert changes). Everything under detector/ is pure and
 * deterministic: the same events give the same changes, whatever order they arrive in within the
 * lateness and however they are batched.
 */
import type { AlertState, TrendKind } from '../trends.schemas.js';

export type { TrendKind };

/** The event types the detector counts; the rest of the log (follow, search) is not a trend signal. */
export type TrendEventType = 'view' | 'love' | 'share' | 'comment' | 'photo' | 'add_to_bag' | 'purchase';

/** One interaction as the detector reads it (a logged event, trimmed). */
export interface TrendEvent {
  id: string;
  type: string;
  /** Event time, epoch milliseconds. */
  time: number;
  /** The actor's handle. */
  actor: string;
  product?: string | undefined;
  brand?: string | undefined;
  hashtags?: readonly string[] | undefined;
  city?: string | undefined;
  country?: string | undefined;
}

/** What the detector needs to know about a product to key its events. */
export interface ProductFacts {
  title: string;
  brand: string;
  category: string;
  colours: readonly string[];
}

/** Answers product facts (from the catalogue); null for a product the catalogue does not know. */
export type ProductLookup = (productId: string) => ProductFacts | null;

/** Answers a city's hemisphere; events without a known city count as northern. */
export type HemisphereLookup = (city: string | undefined, country: string | undefined) => 'north' | 'south';

export interface TrendKeyRef {
  kind: TrendKind;
  key: string;
}

/** A city the key's activity reached inside the evidence window, in the order they joined. */
export interface PlaceReached {
  city: string;
  country: string;
  /** Epoch ms of the first event there. */
  firstAt: number;
  actors: number;
  /** Active for this key before the surge's window (the 72 hours before detection): not reached by the trend. */
  alreadyActive: boolean;
}

/** An alert as the detector keeps it; `changes` hands out copies whenever one moves. */
export interface DetectedAlert {
  /** Deterministic: a UUID from kind, key and the detection hour, so a replay writes the same ids. */
  id: string;
  kind: TrendKind;
  key: string;
  label: string;
  category: string | null;
  /** Epoch ms: the end of the hour whose close raised it. */
  detectedAt: number;
  /** Epoch ms the figures are as of (the end of the last hour closed). */
  asOf: number;
  score: number;
  peakScore: number;
  state: AlertState;
  expiredAt: number | null;
  uniqueActors24h: number;
  /** Unique members by event type over the last 24 hours. */
  counts: Record<string, number>;
  cities: PlaceReached[];
  countries: { country: string; firstAt: number; actors: number; alreadyActive: boolean }[];
  /** Hourly unique members and the baseline's expectation, the last 14 days up to `asOf`. */
  sparkline: { start: number; actors: number[]; baseline: number[] };
}

/** Emitted when an alert is raised or its figures change at an hour's close. */
export interface AlertChange {
  alert: DetectedAlert;
  /** `raised`: new this hour; `updated`: a new score or evidence; `expired`: it ended this hour. */
  change: 'raised' | 'updated' | 'expired';
}

export interface DetectorStats {
  accepted: number;
  duplicates: number;
  /** Arrived after the watermark had closed their hour: not counted. */
  late: number;
  /** Not a trend signal (follow, search) or no key. */
  ignored: number;
  keys: number;
  openHours: number;
  watermark: number | null;
}

/** A key's expectation from its recent days (see score.ts). */
export interface Baseline {
  /** Mean daily weighted members by hemisphere, deseasonalised by nothing (the ratio applies at use). */
  north: number;
  south: number;
  /** Mean daily unique members. */
  actors: number;
  /** Weekday factor, Sunday = 0. */
  weekday: number[];
}
