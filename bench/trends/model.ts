// What the trends benchmark evaluates: a dataset (events in event time, product facts, hemispheres and
// the planted truth in seed-truth.json's shape) and the keys an event counts for, as the detector keys them.
import type { HemisphereLookup, ProductFacts, TrendEvent, TrendKind } from '../../src/modules/trends/detector/types.js';

export interface KeyRef {
  kind: TrendKind;
  key: string;
}

/** A planted trend, as seed-truth.json's `trends` give it (`end` is ours: the last hour of planted growth). */
export interface TruthTrend {
  id: string;
  kind: TrendKind;
  key: string;
  label: string;
  also: KeyRef[];
  onset: string;
  cities: { city: string; country: string; first_at: string }[];
  events: number;
  unique_actors: number;
  photos: number;
  /** ISO time the planted growth ends (generated stream); derived for the demo world. */
  end?: string;
}

/** A decoy, as seed-truth.json's `decoys` give it. */
export interface TruthDecoy {
  id: string;
  reason: string;
  keys: KeyRef[];
  from: string;
  to: string;
  events: number;
  unique_actors: number;
}

export interface Truth {
  trends: TruthTrend[];
  decoys: TruthDecoy[];
}

export interface Dataset {
  name: string;
  /** Every event (trend signals and others), sorted by event time. */
  events: TrendEvent[];
  products: Map<string, ProductFacts>;
  hemisphere: HemisphereLookup;
  truth: Truth;
  /** Epoch ms: the first hour and the end of the period (advanceTo(end) closes the input). */
  start: number;
  end: number;
  /** One line on where it came from. */
  description: string;
}

export const SIGNAL_TYPES: ReadonlySet<string> = new Set(['view', 'love', 'share', 'comment', 'photo', 'add_to_bag', 'purchase']);

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function refId(kind: string, key: string): string {
  return `${kind}:${key}`;
}

/**
 * The keys an event counts for, as the detector keys them (src/modules/trends/detector/keys.ts, mirrored
 * here without its labels so the baseline pays no more than it needs): its product, its brand (the
 * event's, else the product's), `category/colour` with the product's main colour (the palette's first),
 * and each hashtag (lower case, no #). Events that are not trend signals (follow, search) count for none.
 */
export function keysOf(event: TrendEvent, products: ReadonlyMap<string, ProductFacts>): string[] {
  if (!SIGNAL_TYPES.has(event.type)) return [];
  const out: string[] = [];
  const facts = event.product ? products.get(event.product) : undefined;
  if (event.product) out.push(refId('product', event.product));
  const brand = event.brand ?? facts?.brand;
  if (brand) out.push(refId('brand', brand));
  const colour = facts?.colours[0];
  if (facts && colour) out.push(refId('category_colour', `${facts.category}/${colour}`));
  if (event.hashtags) {
    for (const raw of event.hashtags) {
      const tag = raw.replace(/^#+/, '').toLowerCase();
      if (tag !== '' && !out.includes(refId('hashtag', tag))) out.push(refId('hashtag', tag));
    }
  }
  return out;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function iso(time: number): string {
  return `${new Date(time).toISOString().slice(0, 16)}Z`;
}
