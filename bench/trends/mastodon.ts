// The Mastodon-style baseline (after Mastodon's Trends::Tags): per key and UTC day, the unique accounts
// seen so far today (observed) against the unique accounts of the whole of yesterday (expected, at
// least 1); score = (observed − expected)² / expected when observed > expected and observed reaches
// Mastodon's minimum of accounts, else 0. Evaluated at the close of every hour of event time, so it can
// fire during the day; an alert is raised when the score reaches the threshold and the key has no
// live alert, and it ends with the first UTC day that closes below the threshold. Same keys as the
// detector (keysOf). No alerts before the first whole UTC day has been seen (no yesterday before it).
// It expects its input in event-time order (it is fed the sorted stream).
import type { ProductFacts, TrendEvent, TrendKind } from '../../src/modules/trends/detector/types.js';
import { HOUR, keysOf } from './model.js';

export interface BaselineAlert {
  kind: TrendKind;
  key: string;
  /** Epoch ms: the end of the hour whose evaluation raised it. */
  detectedAt: number;
  score: number;
  endedAt: number | null;
}

export interface MastodonOptions {
  products: ReadonlyMap<string, ProductFacts>;
  /** Score at which an alert is raised (default 10). */
  threshold?: number;
  /** Mastodon's `threshold` option: fewer unique accounts today than this scores 0 (default 5). */
  minAccounts?: number;
}

export class MastodonBaseline {
  readonly threshold: number;
  readonly minAccounts: number;
  private readonly products: ReadonlyMap<string, ProductFacts>;
  private today = new Map<string, Set<string>>();
  private yesterday = new Map<string, number>();
  /** Keys whose count changed in the open hour. */
  private dirty = new Set<string>();
  private readonly live = new Map<string, BaselineAlert>();
  private readonly raised: BaselineAlert[] = [];
  private hour: number | null = null;
  /** No alerts before a whole UTC day has been seen: before that there is no yesterday to compare with. */
  private warm = false;
  private rolled = 0;
  private firstHour: number | null = null;
  events = 0;

  constructor(options: MastodonOptions) {
    this.products = options.products;
    this.threshold = options.threshold ?? 10;
    this.minAccounts = options.minAccounts ?? 5;
  }

  offer(event: TrendEvent): void {
    const hour = Math.floor(event.time / HOUR);
    if (this.hour === null) {
      this.hour = hour;
      this.firstHour = hour;
    } else if (hour > this.hour) {
      this.closeUntil(hour);
    }
    const keys = keysOf(event, this.products);
    if (keys.length === 0) return;
    this.events++;
    for (const key of keys) {
      let actors = this.today.get(key);
      if (!actors) this.today.set(key, (actors = new Set()));
      const before = actors.size;
      actors.add(event.actor);
      if (actors.size !== before) this.dirty.add(key);
    }
  }

  /** Closes every hour ending at or before `time`. */
  advanceTo(time: number): void {
    if (this.hour === null) return;
    this.closeUntil(Math.floor(time / HOUR));
  }

  alerts(): BaselineAlert[] {
    return this.raised;
  }

  private score(key: string, observed: number): number {
    const expected = Math.max(1, this.yesterday.get(key) ?? 0);
    if (observed <= expected || observed < this.minAccounts) return 0;
    return (observed - expected) ** 2 / expected;
  }

  /** Closes hours [this.hour, until): evaluates the keys that moved, rolls the day at midnight. */
  private closeUntil(until: number): void {
    while (this.hour! < until) {
      const end = (this.hour! + 1) * HOUR;
      for (const key of this.dirty) {
        const score = this.score(key, this.today.get(key)!.size);
        if (this.warm && score >= this.threshold && !this.live.has(key)) {
          const split = key.indexOf(':');
          const alert: BaselineAlert = { kind: key.slice(0, split) as TrendKind, key: key.slice(split + 1), detectedAt: end, score, endedAt: null };
          this.live.set(key, alert);
          this.raised.push(alert);
        }
      }
      this.dirty.clear();
      this.hour!++;
      if (this.hour! % 24 === 0) this.rollDay(end);
      // Skip quiet stretches quickly: nothing moves between events.
      if (this.dirty.size === 0 && this.hour! < until && this.hour! % 24 !== 0) {
        const nextMidnight = (Math.floor(this.hour! / 24) + 1) * 24;
        this.hour = Math.min(until, nextMidnight);
        if (this.hour % 24 === 0) this.rollDay(this.hour * HOUR);
      }
    }
  }

  private rollDay(at: number): void {
    for (const [key, alert] of this.live) {
      const observed = this.today.get(key)?.size ?? 0;
      if (this.score(key, observed) < this.threshold) {
        alert.endedAt = at;
        this.live.delete(key);
      }
    }
    const counts = new Map<string, number>();
    for (const [key, actors] of this.today) counts.set(key, actors.size);
    // The first roll ends a partial or whole first day: from the next day on, yesterday is known.
    if (this.rolled++ >= 1 || (this.firstHour !== null && this.firstHour % 24 === 0)) this.warm = true;
    this.yesterday = counts;
    this.today = new Map();
  }
}
