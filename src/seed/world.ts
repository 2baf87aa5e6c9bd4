/**
 * What the activity generators share: the catalogue and the people as plain arrays, who is active and
 * how much, where each member is on a given day (home, or away on a trip), and the product samplers
 * by season class. Built once per seed, read by the interaction, photo and planted-trend generators.
 */
import { CITIES, type CityRecord } from '../modules/social/index.js';
import { cityOffsets, seasonClassOf, type SeasonClass } from './calendar.js';
import type { PlannedProduct } from './catalogue.js';
import type { People, SeedAccount } from './people.js';
import { planEnd, type WorldPlan } from './plan.js';
import { Random, WeightedSampler, zipfWeights } from './random.js';

export const DAY = 86_400_000;

export interface Trip {
  /** Epoch milliseconds, [from, to). */
  from: number;
  to: number;
  cityId: string;
}

export interface WorldView {
  plan: WorldPlan;
  seed: number;
  start: number;
  end: number;
  people: People;
  /** Products anyone can see and buy during the period (early access excluded). */
  products: readonly PlannedProduct[];
  cities: ReadonlyMap<string, CityRecord>;
  offsets: ReadonlyMap<string, number>;
  /** Indices into people.accounts of those who act: members, celebrities and editors. */
  actors: readonly number[];
  /** How active each actor is (Zipf over a seeded order), aligned with `actors`. */
  activity: WeightedSampler;
  /** How much each actor spends when they buy (heavy-tailed), aligned with `actors`. */
  spending: WeightedSampler;
  /** Each actor's place among spenders, 0 (least) to 1 (most), aligned with `actors`. */
  spendRank: Float64Array;
  /** Each actor index's trips, sorted by time; most people have none. */
  trips: ReadonlyMap<number, readonly Trip[]>;
  /** Product samplers by season class, by popularity. */
  byClass: Readonly<Record<SeasonClass, { products: readonly PlannedProduct[]; sampler: WeightedSampler }>>;
  /** The share of picks that go to seasonal (warm or cold) garments. */
  seasonalShare: number;
}

const ACTOR_KINDS = new Set<SeedAccount['kind']>(['member', 'celebrity', 'editor']);
/** Zipf exponent of activity among actors: a few post every day, most now and then. */
const ACTIVITY_ZIPF = 0.85;
const MEAN_TRIP_DAYS = 6;

function popularityWeights(random: Random, n: number, s: number): Float64Array {
  const ranks = random.shuffle(Array.from({ length: n }, (_, i) => i));
  const weights = new Float64Array(n);
  ranks.forEach((rank, i) => (weights[i] = 1 / Math.pow(rank + 1, s)));
  return weights;
}

/**
 * Everyone travels now and then: trips over about the plan's travel share of the days they are a
 * member in the period (a member who joins in July travels from July), so that the share of posts
 * made away from home matches the plan whoever posts the most. Trips that would overlap are dropped,
 * so a few more are drawn than the share alone asks for.
 */
function planTrips(random: Random, plan: WorldPlan, start: number, joined: number, home: string, cityPick: () => CityRecord): Trip[] {
  const firstDay = Math.max(0, Math.ceil((joined - start) / DAY));
  const memberDays = plan.days - firstDay;
  if (memberDays < MEAN_TRIP_DAYS + 3) return [];
  const count = random.poisson((memberDays * plan.travelShare * 1.15) / MEAN_TRIP_DAYS);
  const trips: Trip[] = [];
  for (let i = 0; i < count; i++) {
    const days = random.int(MEAN_TRIP_DAYS - 3, MEAN_TRIP_DAYS + 3);
    const from = start + random.int(firstDay, Math.max(firstDay, plan.days - days)) * DAY;
    let city = cityPick();
    for (let tries = 0; city.id === home && tries < 5; tries++) city = cityPick();
    if (city.id === home) continue;
    if (trips.some((t) => from < t.to + DAY && t.from < from + days * DAY + DAY)) continue;
    trips.push({ from, to: from + days * DAY, cityId: city.id });
  }
  return trips.sort((a, b) => a.from - b.from);
}

/** Builds the shared view of the world for a seed; `products` is the whole planned catalogue. */
export function buildWorld(plan: WorldPlan, seed: number, people: People, catalogue: readonly PlannedProduct[]): WorldView {
  const random = new Random(seed, 'world');
  const start = Date.parse(plan.start);
  const end = planEnd(plan);
  const products = catalogue.filter((p) => p.releaseAt === null);
  const actors = people.accounts.flatMap((a, i) => (ACTOR_KINDS.has(a.kind) ? [i] : []));
  const activityWeights = popularityWeights(random.fork('activity'), actors.length, ACTIVITY_ZIPF);
  const spend = random.fork('spending');
  const spendingWeights = Float64Array.from(actors, () => Math.exp(spend.normal(0, plan.spendSigma)));
  const order = Array.from(spendingWeights.keys()).sort((a, b) => spendingWeights[a]! - spendingWeights[b]!);
  const spendRank = new Float64Array(actors.length);
  order.forEach((position, rank) => (spendRank[position] = rank / Math.max(1, actors.length - 1)));
  const cityWeights = new WeightedSampler(zipfWeights(CITIES.length, 0.7));
  const travel = random.fork('trips');
  const trips = new Map<number, Trip[]>();
  for (const index of actors) {
    const account = people.accounts[index]!;
    const planned = planTrips(travel, plan, start, account.createdAt, account.cityId, () => CITIES[cityWeights.sample(travel)]!);
    if (planned.length > 0) trips.set(index, planned);
  }
  const productPopularity = popularityWeights(random.fork('products'), products.length, 0.8);
  const group = (c: SeasonClass) => {
    const indices = products.flatMap((p, i) => (seasonClassOf(p.category, p.subcategory) === c ? [i] : []));
    // An empty class (a tiny test world) keeps a placeholder sampler; pickers fall back to 'all'.
    return { products: indices.map((i) => products[i]!), sampler: new WeightedSampler(indices.length > 0 ? indices.map((i) => productPopularity[i]!) : [1]) };
  };
  const byClass: WorldView['byClass'] = { warm: group('warm'), cold: group('cold'), all: group('all') };
  return {
    plan,
    seed,
    start,
    end,
    people,
    products,
    cities: new Map(CITIES.map((c) => [c.id, c])),
    offsets: cityOffsets(start + (end - start) / 2),
    actors,
    activity: new WeightedSampler(activityWeights),
    spending: new WeightedSampler(spendingWeights),
    spendRank,
    trips,
    byClass,
    seasonalShare: 0.3,
  };
}

/** Where an account is at a time: the city of a trip it is on, else home. */
export function cityAt(world: WorldView, accountIndex: number, time: number): CityRecord {
  const trips = world.trips.get(accountIndex);
  if (trips) {
    for (const trip of trips) if (time >= trip.from && time < trip.to) return world.cities.get(trip.cityId)!;
  }
  const account = world.people.accounts[accountIndex]!;
  return world.cities.get(account.cityId)!;
}

/** The trip starting within the next `withinMs` after `time`, if any (for "packing for …" captions). */
export function tripAhead(world: WorldView, accountIndex: number, time: number, withinMs: number): Trip | null {
  for (const trip of world.trips.get(accountIndex) ?? []) if (trip.from > time && trip.from - time <= withinMs) return trip;
  return null;
}
