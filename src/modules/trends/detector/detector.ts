/**
 * The streaming trend detector, in event time. Events are buffered by the hour they happened in;
 * the watermark (the latest event time seen minus the allowed lateness) says when an hour is
 * complete, and a complete hour is closed: its events are counted in (time, id) order, then every
 * key it touched and every key with a live alert is scored. An event for an hour already closed is
 * late and not counted. Because an hour is only ever counted whole and in a fixed order, the same
 * events give the same alerts however they were batched and in whatever order they arrived within
 * the lateness.
 */
import { createHash } from 'node:crypto';
import { keyHash, keysOf, TYPE_INDEX, TYPE_WEIGHTS, type KeyDescriptor } from './keys.js';
import { DAY, HOUR, KeyState, SPARK_HOURS, type LiveAlert } from './key-state.js';
import { baselineOf, DEFAULT_SCORE_PARAMS, expectedActorsInHour, raises, readKey, surpriseOf, type Reading, type ScoreParams } from './score.js';
import type { AlertChange, DetectedAlert, DetectorStats, HemisphereLookup, ProductLookup, TrendEvent } from './types.js';

export interface DetectorOptions {
  products: ProductLookup;
  hemisphere?: HemisphereLookup;
  /** How late (event time behind the latest seen) an event may arrive and still count. Default 2 h. */
  latenessMs?: number;
  /** Only keys whose hash falls in this partition (a worker of a group); default every key. */
  partition?: { index: number; count: number };
  params?: Partial<ScoreParams>;
  /** Sees every reading (key, hour) as it is scored: for evaluations and tuning, not for production. */
  onReading?: (kind: string, key: string, reading: Reading) => void;
}

/** A key of an event, with its state once found (cached with the product's keys). */
interface KeyRef {
  id: string;
  desc: KeyDescriptor;
  state: KeyState | null;
}

export type OfferResult = 'accepted' | 'duplicate' | 'late' | 'ignored';

interface OpenHour {
  ids: Set<string>;
  events: TrendEvent[];
}

/** A UUID (version-5 layout) from the alert's kind, key and detection time: a replay writes the same id. */
export function alertId(kind: string, key: string, detectedAt: number): string {
  const hex = createHash('sha1').update(`${kind}\u0000${key}\u0000${detectedAt}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
/** The spread is measured over the 72 hours before a reading. */
const SPREAD_WINDOW = 72 * HOUR;

export class TrendDetector {
  private readonly products: ProductLookup;
  private readonly hemisphere: HemisphereLookup;
  private readonly latenessMs: number;
  private readonly partition: { index: number; count: number } | null;
  readonly params: ScoreParams;
  private readonly onReading: DetectorOptions['onReading'];

  private readonly open = new Map<number, OpenHour>();
  private readonly keys = new Map<string, KeyState>();
  private readonly live = new Set<KeyState>();
  private readonly raised: LiveAlert[] = [];
  private changes: AlertChange[] = [];
  /** Events per place over the whole stream: a city's share of all activity. */
  private readonly placeEvents: number[] = [];
  private readonly placeSouth: boolean[] = [];
  /** Places (a city in a country) as small numbers: city → country → number. */
  private readonly placeNumbers = new Map<string, Map<string, number>>();
  /** A hashtag as written → its key (null for an empty tag); one list reused for an event's keys. */
  private readonly tagCache = new Map<string, KeyRef | null>();
  private readonly scratch: KeyRef[] = [];
  /** The keys of a product (by product, then the event's brand), worked out once. */
  private readonly keyCache = new Map<string, Map<string, KeyRef[]>>();
  /**
   * Per member, what they counted for in the last day: flat triples (key index, type index or −1 for
   * "as a member", event second since 2020). A member counts once a day per key and event type, so
   * one member's spam is one member; a member's list is short and scanned.
   */
  private readonly counted = new Map<number, number[]>();
  private nextKeyIndex = 0;
  /** Actor handles as small numbers, for cheap per-key bookkeeping. */
  private readonly actorNumbers = new Map<string, number>();
  private placeTotal = 0;
  private readonly cityShare = (placeId: number) => (this.placeTotal === 0 ? 0 : (this.placeEvents[placeId] ?? 0) / this.placeTotal);
  private maxTime = -Infinity;
  /** The last hour closed; null before the first close. */
  private closedThrough: number | null = null;
  private firstHour: number | null = null;
  private readonly counters = { accepted: 0, duplicates: 0, late: 0, ignored: 0 };

  constructor(options: DetectorOptions) {
    this.products = options.products;
    this.hemisphere = options.hemisphere ?? (() => 'north');
    this.latenessMs = options.latenessMs ?? 2 * HOUR;
    this.partition = options.partition && options.partition.count > 1 ? options.partition : null;
    this.params = { ...DEFAULT_SCORE_PARAMS, ...options.params };
    this.onReading = options.onReading;
  }

  /** Takes one event; closes the hours the raised watermark completes. */
  offer(event: TrendEvent): OfferResult {
    if (TYPE_WEIGHTS[event.type] === undefined || !Number.isFinite(event.time)) {
      this.counters.ignored += 1;
      return 'ignored';
    }
    const hour = Math.floor(event.time / HOUR);
    if (this.closedThrough !== null && hour <= this.closedThrough) {
      this.counters.late += 1;
      return 'late';
    }
    let open = this.open.get(hour);
    if (!open) this.open.set(hour, (open = { ids: new Set(), events: [] }));
    if (open.ids.has(event.id)) {
      this.counters.duplicates += 1;
      return 'duplicate';
    }
    open.ids.add(event.id);
    open.events.push(event);
    this.counters.accepted += 1;
    if (event.time > this.maxTime) {
      this.maxTime = event.time;
      this.closeThrough(this.maxTime - this.latenessMs);
    }
    return 'accepted';
  }

  /** Closes every hour that ends at or before `time` (the end of input, or the clock of a live stream). */
  advanceTo(time: number): void {
    this.closeThrough(time);
  }

  /**
   * Closes every hour up to the latest event seen, as if nothing more could come late: for a stream
   * that has gone quiet (an import finished, a lull), so its last hours are not held back forever.
   */
  advanceToLatest(): void {
    if (Number.isFinite(this.maxTime)) this.closeThrough(this.maxTime);
  }

  /** The watermark: every hour ending at or before it is closed. Null before the first close. */
  get watermark(): number | null {
    return this.closedThrough === null ? null : (this.closedThrough + 1) * HOUR;
  }

  /** Alert changes since the last call, in the order they happened. */
  takeChanges(): AlertChange[] {
    const out = this.changes;
    this.changes = [];
    return out;
  }

  /** Every alert raised so far (active, cooling and expired), oldest first, as copies. */
  alerts(): DetectedAlert[] {
    return this.raised.map(publicAlert);
  }

  stats(): DetectorStats {
    return { ...this.counters, keys: this.keys.size, openHours: this.open.size, watermark: this.watermark };
  }

  private closeThrough(time: number): void {
    const target = Math.floor(time / HOUR) - 1; // the last hour that ends at or before `time`
    let closed = this.closedThrough;
    if (closed === null) {
      if (this.open.size === 0) return;
      const first = Math.min(...this.open.keys());
      if (target < first) return;
      this.firstHour = first;
      closed = first - 1;
    }
    while (closed < target) {
      const next: number = closed + 1;
      // Skip runs of empty hours while nothing is live: nothing would change.
      if (this.live.size === 0 && !this.open.has(next)) {
        const pending = this.open.size === 0 ? Infinity : Math.min(...this.open.keys());
        const jump = Math.min(target, pending - 1);
        if (jump > next) {
          // Daily housekeeping still runs for every day boundary crossed.
          for (let h = next; h <= jump; h++) if ((h + 1) % 24 === 0) this.housekeeping(h);
          closed = this.closedThrough = jump;
          continue;
        }
      }
      this.closeHour(next);
      closed = this.closedThrough = next;
    }
  }

  private closeHour(h: number): void {
    const open = this.open.get(h);
    this.open.delete(h);
    const touched: KeyState[] = [];
    if (open) {
      open.events.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const event of open.events) this.countEvent(h, event, touched);
    }
    for (const state of this.live) {
      if (state.touchedHour !== h) {
        state.touchedHour = h;
        touched.push(state);
      }
    }
    const warm = this.firstHour !== null && (h + 1 - this.firstHour) * HOUR >= this.params.warmupDays * DAY;
    for (const state of touched) this.evaluate(state, h, warm);
    if ((h + 1) % 24 === 0) this.housekeeping(h);
  }

  private countEvent(h: number, event: TrendEvent, touched: KeyState[]): void {
    let place = -1;
    let south = false;
    if (event.city !== undefined || event.country !== undefined) {
      place = this.placeNumber(event.city, event.country);
      this.placeEvents[place]! += 1;
      this.placeTotal += 1;
      south = this.placeSouth[place]!;
    } else {
      south = this.hemisphere(undefined, undefined) === 'south';
    }
    const day = Math.floor(event.time / DAY);
    let actor = this.actorNumbers.get(event.actor);
    if (actor === undefined) this.actorNumbers.set(event.actor, (actor = this.actorNumbers.size));
    const typeIndex = TYPE_INDEX.get(event.type)!;
    const second = Math.floor((event.time - EPOCH) / 1000);
    let list = this.counted.get(actor);
    if (!list) this.counted.set(actor, (list = []));
    else dropOlderThan(list, second - DAY_SECONDS);
    for (const ref of this.keysOfEvent(event)) {
      // The cache entry remembers its key's state until housekeeping lets the key go.
      let state = ref.state !== null && !ref.state.forgotten ? ref.state : this.keys.get(ref.id);
      if (!state) {
        if (this.partition && keyHash(ref.desc.kind, ref.desc.key) % this.partition.count !== this.partition.index) continue;
        this.keys.set(ref.id, (state = new KeyState(ref.desc, event.time, this.nextKeyIndex++)));
      }
      ref.state = state;
      let newForType = true;
      let newMember = true;
      for (let i = 0; i < list.length; i += 3) {
        if (list[i] !== state.index) continue;
        if (list[i + 1] === typeIndex) newForType = false;
        else if (list[i + 1] === -1) newMember = false;
      }
      if (newForType) list.push(state.index, typeIndex, second);
      if (newMember) list.push(state.index, -1, second);
      state.count(h, day, event.time, typeIndex, newForType, newMember, south, place, event.city, event.country);
      if (state.touchedHour !== h) {
        state.touchedHour = h;
        touched.push(state);
      }
    }
  }

  /** A place's number (its hemisphere is looked up once, then kept). */
  private placeNumber(city: string | undefined, country: string | undefined): number {
    let byCountry = this.placeNumbers.get(city ?? '');
    if (!byCountry) this.placeNumbers.set(city ?? '', (byCountry = new Map<string, number>()));
    let n = byCountry.get(country ?? '');
    if (n === undefined) {
      n = this.placeEvents.length;
      byCountry.set(country ?? '', n);
      this.placeEvents.push(0);
      this.placeSouth.push(this.hemisphere(city, country) === 'south');
    }
    return n;
  }

  /** The event's keys with their map ids; a product's (with the event's brand) are worked out once. */
  private keysOfEvent(event: TrendEvent): KeyRef[] {
    let keys: KeyRef[] = [];
    if (event.product !== undefined || event.brand !== undefined) {
      let byBrand = this.keyCache.get(event.product ?? '');
      if (!byBrand) this.keyCache.set(event.product ?? '', (byBrand = new Map<string, KeyRef[]>()));
      let cached = byBrand.get(event.brand ?? '');
      if (!cached) {
        cached = keysOf({ ...event, hashtags: undefined }, this.products).map((desc) => ({ id: `${desc.kind}\u0000${desc.key}`, desc, state: null }));
        // A product the catalogue does not know yet is asked about again next time.
        if (event.product === undefined || this.products(event.product) !== null) byBrand.set(event.brand ?? '', cached);
      }
      keys = cached;
    }
    if (event.hashtags && event.hashtags.length > 0) {
      const out = this.scratch;
      out.length = 0;
      for (const k of keys) out.push(k);
      for (const raw of event.hashtags) {
        let ref = this.tagCache.get(raw);
        if (ref === undefined) {
          const [desc] = keysOf({ id: '', type: 'view', time: 0, actor: '', hashtags: [raw] }, this.products);
          ref = desc ? { id: `${desc.kind}\u0000${desc.key}`, desc, state: null } : null;
          if (this.tagCache.size < 100_000) this.tagCache.set(raw, ref);
        }
        if (ref !== null && !out.includes(ref)) out.push(ref);
      }
      return out;
    }
    return keys;
  }

  private evaluate(state: KeyState, h: number, warm: boolean): void {
    const live = state.alert !== null && state.alert.state !== 'expired';
    if (!live && (!warm || surpriseOf(state, h, this.params) < this.params.on)) return;
    const held = live ? state.alert!.heldBaseline : undefined;
    const reading = readKey(state, h, this.params, this.cityShare, held);
    this.onReading?.(state.desc.kind, state.desc.key, reading);
    const alert = state.alert;
    if (!live) {
      if (raises(reading, this.params)) this.raise(state, reading);
      return;
    }
    const p = this.params;
    if (alert === null) return;
    const before = alert.state;
    if (reading.score >= p.off) {
      alert.state = 'active';
      alert.coolingSince = null;
      alert.score = reading.score;
      alert.heldScore = reading.score;
      alert.peakScore = Math.max(alert.peakScore, reading.score);
    } else {
      if (alert.coolingSince === null) {
        alert.coolingSince = reading.at;
        alert.state = 'cooling';
      }
      const hours = (reading.at - alert.coolingSince) / HOUR;
      alert.score = alert.heldScore * Math.pow(0.5, hours / p.halfLifeHours);
      if (hours >= p.coolingHours) {
        alert.state = 'expired';
        alert.expiredAt = reading.at;
      }
    }
    const cities = state.places.size;
    const material =
      alert.state !== before ||
      Math.abs(alert.score - alert.emittedScore) >= 0.1 * Math.max(alert.emittedScore, 1) ||
      cities !== alert.emittedCities;
    if (alert.state === 'expired') this.live.delete(state);
    if (!material) return;
    this.fillEvidence(state, alert, reading, h);
    this.changes.push({ alert: publicAlert(alert), change: alert.state === 'expired' ? 'expired' : 'updated' });
  }

  private raise(state: KeyState, reading: Reading): void {
    const { kind, key, label, category } = state.desc;
    const alert: LiveAlert = {
      id: alertId(kind, key, reading.at),
      kind, key, label, category,
      detectedAt: reading.at,
      asOf: reading.at,
      score: reading.score,
      peakScore: reading.score,
      state: 'active',
      expiredAt: null,
      uniqueActors24h: 0,
      counts: {},
      cities: [],
      countries: [],
      sparkline: { start: 0, actors: [], baseline: [] },
      heldScore: reading.score,
      coolingSince: null,
      emittedScore: reading.score,
      emittedCities: 0,
      heldBaseline: baselineOf(state, reading.at, this.params),
    };
    state.alert = alert;
    this.live.add(state);
    this.raised.push(alert);
    this.fillEvidence(state, alert, reading, Math.floor(reading.at / HOUR) - 1);
    this.changes.push({ alert: publicAlert(alert), change: 'raised' });
  }

  /** The evidence as of hour `h`: counts, places in the order reached, the 14-day sparkline. */
  private fillEvidence(state: KeyState, alert: LiveAlert, reading: Reading, h: number): void {
    alert.asOf = reading.at;
    alert.score = round3(alert.score);
    alert.peakScore = round3(alert.peakScore);
    alert.emittedScore = alert.score;
    alert.emittedCities = state.places.size;
    alert.uniqueActors24h = reading.actors24;
    alert.counts = state.typeCounts(h);
    // The cities the surge reached, in order, come first; those active before its window follow.
    const surgeFrom = alert.detectedAt - SPREAD_WINDOW;
    const inOrder = <T extends { firstAt: number; alreadyActive: boolean }>(list: T[], name: (t: T) => string) =>
      list.sort((a, b) => Number(a.alreadyActive) - Number(b.alreadyActive) || a.firstAt - b.firstAt || (name(a) < name(b) ? -1 : 1));
    alert.cities = inOrder(
      [...state.places.values()].map((p) => ({ city: p.name, country: p.country, firstAt: p.firstAt, actors: p.actors, alreadyActive: p.firstAt < surgeFrom })),
      (c) => c.city,
    );
    alert.countries = inOrder(
      [...state.countries.entries()].map(([country, c]) => ({ country, firstAt: c.firstAt, actors: c.actors, alreadyActive: c.firstAt < surgeFrom })),
      (c) => c.country,
    );
    const baseline = alert.heldBaseline;
    const startHour = Math.max(h - SPARK_HOURS + 1, Math.floor(state.firstAt / HOUR));
    const actors: number[] = [];
    const expected: number[] = [];
    for (let hh = startHour; hh <= h; hh++) {
      actors.push(hh <= state.lastHour ? state.actors[hh % SPARK_HOURS]! : 0);
      expected.push(round3(expectedActorsInHour(baseline, hh * HOUR)));
    }
    alert.sparkline = { start: startHour * HOUR, actors, baseline: expected };
  }

  /** Once a day: forget members with nothing counted in the last day, and keys idle beyond the baseline. */
  private housekeeping(h: number): void {
    const at = (h + 1) * HOUR;
    const since = Math.floor((at - EPOCH) / 1000) - DAY_SECONDS;
    for (const [actor, list] of this.counted) {
      dropOlderThan(list, since);
      if (list.length === 0) this.counted.delete(actor);
    }
    for (const [id, state] of this.keys) {
      const idle = at - (state.lastHour + 1) * HOUR >= (this.params.baselineDays + 2) * DAY;
      if (idle && !this.live.has(state)) {
        this.keys.delete(id);
        state.forgotten = true;
      }
    }
  }
}

const EPOCH = Date.UTC(2020, 0, 1);
const DAY_SECONDS = 86_400;

/** Removes, in place, the triples counted at or before `second` (a member's list is in time order). */
function dropOlderThan(list: number[], second: number): void {
  let drop = 0;
  while (drop < list.length && list[drop + 2]! <= second) drop += 3;
  if (drop === 0) return;
  list.copyWithin(0, drop);
  list.length -= drop;
}

function publicAlert(alert: LiveAlert): DetectedAlert {
  return {
    id: alert.id,
    kind: alert.kind,
    key: alert.key,
    label: alert.label,
    category: alert.category,
    detectedAt: alert.detectedAt,
    asOf: alert.asOf,
    score: alert.score,
    peakScore: alert.peakScore,
    state: alert.state,
    expiredAt: alert.expiredAt,
    uniqueActors24h: alert.uniqueActors24h,
    counts: { ...alert.counts },
    cities: alert.cities.map((c) => ({ ...c })),
    countries: alert.countries.map((c) => ({ ...c })),
    sparkline: { start: alert.sparkline.start, actors: [...alert.sparkline.actors], baseline: [...alert.sparkline.baseline] },
  };
}
