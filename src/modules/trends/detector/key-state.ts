/**
 * What the detector remembers about one key: rings of hourly and daily counts over fixed windows,
 * and the places reached. Everything is bounded by the windows: counters by the ring sizes, the
 * places by 14 days. (Which members already counted today is kept per member, by the detector.)
 */
import { COUNTED_TYPES, WEIGHT_BY_INDEX, type KeyDescriptor } from './keys.js';
import type { Baseline, DetectedAlert } from './types.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Hours of unique-member counts kept: the 14-day sparkline. */
export const SPARK_HOURS = 14 * 24;
/** Hours of weighted counts kept: this 24 h window and the one before it. */
const WEIGHTED_HOURS = 48;
/** Days of daily totals kept for the baseline (28) with room for the current and the partial days. */
export const BASELINE_RING_DAYS = 35;
const TYPES = COUNTED_TYPES.length;
/** Days of per-place counts kept: the last 3 days are the spread's window, the 11 before it its baseline. */
const PLACE_DAYS = 14;
export const SPREAD_DAYS = 3;
export const EVIDENCE_DAYS = 14;
const QUIET_RESTART = 3 * DAY;

export interface Place {
  name: string;
  country: string;
  /** When the current spell of activity there began (after three quiet days it starts afresh). */
  firstAt: number;
  lastAt: number;
  /** Unique members (a member counted once a day) since `firstAt`. */
  actors: number;
  /** Per day (ring of PLACE_DAYS, stamped), unique members. */
  recent: number[];
  recentDay: number[];
}

/** The detector's live view of an alert on this key, beyond what it hands out. */
export interface LiveAlert extends DetectedAlert {
  /** The score when it started cooling; the shown score decays from it. */
  heldScore: number;
  coolingSince: number | null;
  /** The score last handed out, to emit only material changes. */
  emittedScore: number;
  emittedCities: number;
  /** The baseline when it was raised: what the trend is held against while it lasts. */
  heldBaseline: Baseline;
}

export class KeyState {
  readonly desc: KeyDescriptor;
  /** Epoch ms of the first event counted. */
  readonly firstAt: number;
  /** The latest hour written to the rings; later slots are stale. */
  lastHour: number;
  readonly actors = new Uint16Array(SPARK_HOURS);
  readonly weighted = new Float32Array(WEIGHTED_HOURS);
  readonly types = new Uint16Array(24 * TYPES);
  /** Daily weighted totals by hemisphere and daily unique members, stamped with their day. */
  readonly dayNorth = new Float64Array(BASELINE_RING_DAYS);
  readonly daySouth = new Float64Array(BASELINE_RING_DAYS);
  readonly dayActors = new Float64Array(BASELINE_RING_DAYS);
  readonly dayStamp = new Int32Array(BASELINE_RING_DAYS).fill(-1);
  private prunedDay = -1;
  /** By the detector's place number (a city in a country). */
  readonly places = new Map<number, Place>();
  readonly countries = new Map<string, { firstAt: number; lastAt: number; actors: number }>();
  alert: LiveAlert | null = null;
  /** The baseline as last computed, and the last day it covers (see score.ts). */
  baseline: Baseline | null = null;
  baselineDay = -1;

  /** A number of its own, for the detector's per-member bookkeeping. */
  readonly index: number;
  /** The last hour it was put on the hour's list of keys to score. */
  touchedHour = -1;
  /** Let go by housekeeping: a cached reference must look it up again. */
  forgotten = false;

  constructor(desc: KeyDescriptor, firstAt: number, index: number) {
    this.index = index;
    this.desc = desc;
    this.firstAt = firstAt;
    this.lastHour = Math.floor(firstAt / HOUR) - 1;
  }

  /** Moves the rings forward to hour `h`, clearing the slots of hours they skipped. */
  roll(h: number): void {
    if (h <= this.lastHour) return;
    const from = this.lastHour + 1;
    clearRing(this.actors, from, h);
    clearRing(this.weighted, from, h);
    // The per-type ring is 24 hours of TYPES counters.
    if (h - from + 1 >= 24) this.types.fill(0);
    else for (let hh = from; hh <= h; hh++) this.types.fill(0, (hh % 24) * TYPES, (hh % 24) * TYPES + TYPES);
    this.lastHour = h;
  }

  private daySlot(day: number): number {
    const slot = day % BASELINE_RING_DAYS;
    if (this.dayStamp[slot] !== day) {
      this.dayStamp[slot] = day;
      this.dayNorth[slot] = 0;
      this.daySouth[slot] = 0;
      this.dayActors[slot] = 0;
    }
    return slot;
  }

  /** The day's totals, or zeros when the ring no longer (or never) held that day. */
  day(day: number): { north: number; south: number; actors: number } {
    const slot = day % BASELINE_RING_DAYS;
    if (this.dayStamp[slot] !== day) return { north: 0, south: 0, actors: 0 };
    return { north: this.dayNorth[slot]!, south: this.daySouth[slot]!, actors: this.dayActors[slot]! };
  }

  /**
   * Counts one event of hour `h` (events of an hour come in (time, id) order, hours in order). The
   * detector says whether this member already counted for this key today: once per event type for
   * the weighted signal (`newForType`), once at all for the member counts and places (`newMember`).
   */
  count(h: number, day: number, time: number, typeIndex: number, newForType: boolean, newMember: boolean, south: boolean, placeId: number, city: string | undefined, country: string | undefined): void {
    this.roll(h);
    if (day !== this.prunedDay) this.newDay(day, time);
    if (newForType) {
      const w = WEIGHT_BY_INDEX[typeIndex]!;
      this.weighted[h % WEIGHTED_HOURS]! += w;
      this.types[(h % 24) * TYPES + typeIndex]! += 1;
      const slot = this.daySlot(day);
      if (south) this.daySouth[slot]! += w;
      else this.dayNorth[slot]! += w;
    }
    if (newMember) {
      this.actors[h % SPARK_HOURS]! += 1;
      this.dayActors[this.daySlot(day)]! += 1;
    }
    // Places change only when a member arrives (once a day per member), which keeps repeat actions cheap.
    if (placeId < 0 || !newMember) return;
    let place = this.places.get(placeId);
    if (!place) {
      place = { name: city ?? '', country: country ?? '', firstAt: time, lastAt: time, actors: 0, recent: new Array<number>(PLACE_DAYS).fill(0), recentDay: new Array<number>(PLACE_DAYS).fill(-1) };
      this.places.set(placeId, place);
    }
    // A place quiet for three days starts afresh: its first time is when this spell of activity began.
    if (time - place.lastAt >= QUIET_RESTART) {
      place.firstAt = time;
      place.actors = 0;
    }
    place.lastAt = time;
    place.actors += 1;
    const slot = day % PLACE_DAYS;
    if (place.recentDay[slot] !== day) {
      place.recentDay[slot] = day;
      place.recent[slot] = 0;
    }
    place.recent[slot]! += 1;
    if (country !== undefined) {
      let c = this.countries.get(country);
      if (!c) this.countries.set(country, (c = { firstAt: time, lastAt: time, actors: 0 }));
      c.lastAt = time;
      c.actors += 1;
    }
  }

  /** Sum of the weighted counts of the 24 hours ending with hour `h`, shifted back `back` hours. */
  weightedWindow(h: number, back: number): number {
    let sum = 0;
    for (let hh = h - back - 23; hh <= h - back; hh++) if (hh > h - WEIGHTED_HOURS && hh <= this.lastHour) sum += this.weighted[hh % WEIGHTED_HOURS]!;
    return sum;
  }

  /** Unique members per hour over the 24 hours ending with hour `h` (a member once a day). */
  actorsWindow(h: number): number {
    let sum = 0;
    for (let hh = h - 23; hh <= h; hh++) if (hh <= this.lastHour) sum += this.actors[hh % SPARK_HOURS]!;
    return sum;
  }

  /** Counts by event type over the 24 hours ending with hour `h`. */
  typeCounts(h: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (let t = 0; t < TYPES; t++) {
      let n = 0;
      for (let hh = h - 23; hh <= h; hh++) if (hh <= this.lastHour) n += this.types[(hh % 24) * TYPES + t]!;
      if (n > 0) out[COUNTED_TYPES[t]!] = n;
    }
    return out;
  }

  /**
   * Per place with members in the three days ending with `day`: those members, and the members of
   * the 11 days before (what the place usually brings this key).
   */
  recentByPlace(day: number): { key: number; place: Place; actors: number; before: number }[] {
    const out: { key: number; place: Place; actors: number; before: number }[] = [];
    for (const [key, place] of this.places) {
      let n = 0;
      let before = 0;
      for (let s = 0; s < PLACE_DAYS; s++) {
        const d = place.recentDay[s]!;
        if (d > day - SPREAD_DAYS && d <= day) n += place.recent[s]!;
        else if (d > day - PLACE_DAYS && d <= day - SPREAD_DAYS) before += place.recent[s]!;
      }
      if (n > 0) out.push({ key, place, actors: n, before });
    }
    return out;
  }

  /** The first event of a day: once a week, places idle for 14 days are let go. */
  private newDay(day: number, time: number): void {
    this.prunedDay = day;
    if (day % 7 !== 0) return; // places idle for 14 days are let go weekly
    for (const [k, p] of this.places) if (time - p.lastAt >= EVIDENCE_DAYS * DAY) this.places.delete(k);
    for (const [k, c] of this.countries) if (time - c.lastAt >= EVIDENCE_DAYS * DAY) this.countries.delete(k);
  }
}

/** Zeroes the slots of hours `from`…`to` in a ring indexed by hour modulo its length. */
function clearRing(ring: Uint16Array | Float32Array, from: number, to: number): void {
  const size = ring.length;
  if (to - from + 1 >= size) {
    ring.fill(0);
    return;
  }
  const a = from % size;
  const b = to % size;
  if (a <= b) ring.fill(0, a, b + 1);
  else {
    ring.fill(0, a);
    ring.fill(0, 0, b + 1);
  }
}
