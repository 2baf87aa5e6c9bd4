/**
 * The trend score: one number per key and hour, documented in docs/trends.md.
 *
 *   x   = weighted unique members over the last 24 h (a member counts once a day per event type,
 *         weighted by type: view 1, love/comment/bag 2, share 3, photo/purchase 4)
 *   μ   = the seasonal baseline for those 24 h: the key's mean daily x over the 28 days before the
 *         window, per hemisphere, times the weekday factor of the window's hours (the key's own
 *         weekly rhythm, shrunk towards flat) and the category's seasonal index (now ÷ 15 days ago)
 *         in each hemisphere; at least a small prior for new keys
 *   z   = (x − μ) / √(w̄·μ + μ²/r + v₀)        overdispersed (negative binomial) surprise
 *   α   = clamp(log₂((x + w̄) / (x₋₂₄ + w̄)), 0, 1)   acceleration: growth over the previous 24 h
 *   σ   = min(1, (2^H − 1 + N₂₄/2) / c)      spread: H is the entropy (bits) of the excess members
 *         over cities in the last 72 h (each city's members beyond what its previous 11 days would
 *         bring, where clearly beyond), so 2^H is how many cities the surge is really in; N₂₄ cities first reached in the
 *         last 24 h; c (`spreadCities`) is the spread that counts as fully spread
 *   score = max(0, z) · σ · (0.5 + 0.5·α)
 *
 * While an alert is live it is scored against the baseline it was raised on, with its spread
 * counting at least 0.5.
 *
 * An alert is raised when score ≥ ON while growing (α > 0) with at least `minActors` members in
 * 24 h and a surge in at least `minCities` effective cities (2^H), after the detector has seen `warmupDays` of the stream; it
 * stays active while score ≥ OFF (hysteresis), then cools: its shown score halves every
 * `halfLifeHours` and it expires after `coolingHours` below OFF.
 */
import { DAY, HOUR, type KeyState } from './key-state.js';
import { seasonalIndex } from './seasons.js';
import type { Baseline } from './types.js';

export type { Baseline };

export interface ScoreParams {
  on: number;
  off: number;
  minActors: number;
  /** Effective cities (2^H of the excess) a surge must reach to raise an alert. */
  minCities: number;
  /** Members a city must bring beyond its usual level and two Poisson deviations to count in the spread. */
  cityMargin: number;
  /** Effective cities beyond the first (plus half the new ones) at which the spread term reaches 1. */
  spreadCities: number;
  warmupDays: number;
  baselineDays: number;
  /** Weight of the flat week against the key's own weekday means (shrinkage). */
  weekdayShrink: number;
  /** Negative binomial dispersion: variance μ + μ²/r. */
  dispersion: number;
  /** A typical member's weight, scaling the Poisson part of the variance. */
  meanWeight: number;
  /** Variance floor: about one member's worth, so a few events are never a surprise. */
  varianceFloor: number;
  /** Weighted members a day a key with no history is expected to have. */
  priorPerDay: number;
  halfLifeHours: number;
  coolingHours: number;
}

export const DEFAULT_SCORE_PARAMS: Readonly<ScoreParams> = {
  on: 5,
  off: 2.5,
  minActors: 5,
  minCities: 1.5,
  spreadCities: 2,
  cityMargin: 1,
  warmupDays: 14,
  baselineDays: 28,
  weekdayShrink: 0.5,
  dispersion: 4,
  meanWeight: 2.5,
  varianceFloor: 4,
  priorPerDay: 0.5,
  halfLifeHours: 12,
  coolingHours: 48,
};

export interface Reading {
  /** Epoch ms the reading is as of (the end of hour `h`). */
  at: number;
  x: number;
  previous: number;
  expected: number;
  z: number;
  growth: number;
  acceleration: number;
  entropy: number;
  /** 2^entropy: the number of cities the surge is effectively in. */
  effectiveCities: number;
  cities72: number;
  countries72: number;
  newCities24: number;
  spread: number;
  actors24: number;
  score: number;
}


/**
 * The key's baseline from the `baselineDays` full days before the window that ends at `at`. Those
 * days are closed, so the answer is cached per key until the window moves into another day.
 */
export function baselineOf(state: KeyState, at: number, params: ScoreParams): Baseline {
  const last = Math.floor((at - DAY) / DAY) - 1;
  if (state.baselineDay === last && state.baseline !== null) return state.baseline;
  const baseline = computeBaseline(state, last, params);
  state.baselineDay = last;
  state.baseline = baseline;
  return baseline;
}

function computeBaseline(state: KeyState, last: number, params: ScoreParams): Baseline {
  const first = Math.max(last - params.baselineDays + 1, Math.floor(state.firstAt / DAY));
  const days = last - first + 1;
  if (days <= 0) return { north: 0, south: 0, actors: 0, weekday: [1, 1, 1, 1, 1, 1, 1] };
  let north = 0;
  let south = 0;
  let actors = 0;
  const bySum = [0, 0, 0, 0, 0, 0, 0];
  const byCount = [0, 0, 0, 0, 0, 0, 0];
  for (let d = first; d <= last; d++) {
    const day = state.day(d);
    north += day.north;
    south += day.south;
    actors += day.actors;
    const weekday = (d + 4) % 7; // 1970-01-01 was a Thursday
    bySum[weekday]! += day.north + day.south;
    byCount[weekday]! += 1;
  }
  north /= days;
  south /= days;
  actors /= days;
  const level = north + south;
  const k = params.weekdayShrink;
  const weekday = bySum.map((sum, w) => (level > 0 && byCount[w]! > 0 ? (sum / byCount[w]! + k * level) / ((1 + k) * level) : 1));
  return { north, south, actors, weekday };
}

/** The weekday factor averaged over the 24 hours ending at `at` (they span two days). */
function windowWeekdayFactor(baseline: Baseline, at: number): number {
  const endDay = Math.floor((at - 1) / DAY);
  const hoursInEndDay = Math.round((at - endDay * DAY) / HOUR);
  const end = baseline.weekday[(((endDay + 4) % 7) + 7) % 7]!;
  const before = baseline.weekday[(((endDay + 3) % 7) + 7) % 7]!;
  return (hoursInEndDay * end + (24 - hoursInEndDay) * before) / 24;
}

/** Expected weighted members over the 24 hours ending at `at`. */
export function expectedOf(baseline: Baseline, category: string | null, at: number, params: ScoreParams): number {
  const then = at - 15 * DAY;
  const north = baseline.north * (seasonalIndex(category, 'north', at) / seasonalIndex(category, 'north', then));
  const south = baseline.south * (seasonalIndex(category, 'south', at) / seasonalIndex(category, 'south', then));
  return Math.max(params.priorPerDay, (north + south) * windowWeekdayFactor(baseline, at));
}

/** Expected unique members in one hour (for the sparkline), from the baseline's weekday factor. */
export function expectedActorsInHour(baseline: Baseline, hourStart: number): number {
  const day = Math.floor(hourStart / DAY);
  return (baseline.actors * baseline.weekday[(((day + 4) % 7) + 7) % 7]!) / 24;
}

/**
 * The surprise alone, cheaply: a key without a live alert whose z is below ON cannot raise one
 * (the other terms are at most 1), so the rest of the reading is skipped.
 */
export function surpriseOf(state: KeyState, h: number, params: ScoreParams): number {
  state.roll(h);
  const at = (h + 1) * HOUR;
  const x = state.weightedWindow(h, 0);
  const expected = expectedOf(baselineOf(state, at, params), state.desc.category, at, params);
  const w = params.meanWeight;
  return (x - expected) / Math.sqrt(w * expected + (expected * expected) / params.dispersion + params.varianceFloor);
}

/** A city's share of all activity (0..1), for what a key should usually see there. */
export type CityShare = (placeId: number) => number;

/**
 * Reads the key at the close of hour `h`: every term of the score. A live alert passes the baseline
 * it was raised against (`held`): a trend must not become its own baseline while it lasts, and its
 * spread counts at least half (the cities it has reached stay reached).
 */
export function readKey(state: KeyState, h: number, params: ScoreParams, cityShare: CityShare, held?: Baseline): Reading {
  state.roll(h);
  const at = (h + 1) * HOUR;
  const x = state.weightedWindow(h, 0);
  const previous = state.weightedWindow(h, 24);
  const baseline = held ?? baselineOf(state, at, params);
  const expected = expectedOf(baseline, state.desc.category, at, params);
  const w = params.meanWeight;
  const z = (x - expected) / Math.sqrt(w * expected + (expected * expected) / params.dispersion + params.varianceFloor);
  const growth = (x + w) / (previous + w);
  const acceleration = Math.min(1, Math.max(0, Math.log2(growth)));

  const recent = state.recentByPlace(Math.floor(h / 24));
  // Each city's surge: its members of the last 3 days beyond what it usually brings the key (its
  // own previous 11 days, or the key's daily members times the city's share of all activity, the
  // larger), counted only when clearly beyond (two Poisson deviations and `cityMargin` members), so the
  // ordinary ups and downs of a busy key's many cities do not pass for spread.
  const excess = recent.map((r) => {
    const usual = Math.max((3 * r.before) / 11, 3 * baseline.actors * cityShare(r.key));
    return r.actors >= usual + 2 * Math.sqrt(usual) + params.cityMargin ? r.actors - usual : 0;
  });
  let total = 0;
  for (const e of excess) total += e;
  let entropy = 0;
  const countries = new Set<string>();
  let newCities24 = 0;
  recent.forEach((r, i) => {
    const e = excess[i]!;
    if (e > 0) {
      const p = e / total;
      entropy -= p * Math.log2(p);
    }
    countries.add(r.place.country);
    if (r.place.firstAt > at - DAY) newCities24 += 1;
  });
  const effectiveCities = Math.pow(2, entropy);
  const measured = Math.min(1, (effectiveCities - 1 + newCities24 / 2) / params.spreadCities);
  const spread = held ? Math.max(0.5, measured) : measured;
  const score = Math.max(0, z) * spread * (0.5 + 0.5 * acceleration);
  return {
    at, x, previous, expected, z, growth, acceleration, entropy, effectiveCities,
    cities72: recent.length, countries72: countries.size, newCities24, spread,
    actors24: state.actorsWindow(h), score,
  };
}

/** Whether a reading raises an alert on a key without a live one. */
export function raises(reading: Reading, params: ScoreParams): boolean {
  return (
    reading.score >= params.on &&
    reading.acceleration > 0 &&
    reading.actors24 >= params.minActors &&
    reading.effectiveCities >= params.minCities
  );
}
