/**
 * The follow graph, generated in memory: heavy-tailed on both sides, as real social graphs are.
 *
 * - How many accounts a member follows is Pareto-distributed (most follow a few dozen, some follow
 *   hundreds), capped by the plan.
 * - Whom they follow: a share of picks goes to "stars" (celebrities, brands, editors) drawn by a Zipf
 *   popularity over a shuffled order, celebrities weighted highest; the rest goes to other members,
 *   also by Zipf popularity (preferential attachment in its stationary form), a share of those in
 *   the follower's own city.
 * - Clients follow their stylist; celebrities and editors follow a few accounts too.
 * - A follow's time lies after both accounts existed and before the end of the recorded period.
 */
import type { People, SeedAccount } from './people.js';
import { planEnd, type WorldPlan } from './plan.js';
import { Random, WeightedSampler } from './random.js';

export interface FollowGraph {
  /** Indices into `people.accounts`. */
  follower: Int32Array;
  followee: Int32Array;
  /** Epoch milliseconds. */
  createdAt: Float64Array;
  length: number;
}

const STAR_MULTIPLIER: Partial<Record<SeedAccount['kind'], number>> = { celebrity: 4, brand: 1.6, editor: 0.8 };
const PARETO_ALPHA = 1.6;

/** Zipf weights over a seeded random order of `indices`: who is popular is random, how popular is not. */
function popularity(indices: readonly number[], s: number, random: Random, multiplier: (i: number) => number): Float64Array {
  const order = random.shuffle(indices);
  const weights = new Float64Array(indices.length);
  const position = new Map<number, number>(indices.map((v, i) => [v, i]));
  order.forEach((accountIndex, rank) => {
    weights[position.get(accountIndex) ?? 0] = multiplier(accountIndex) / Math.pow(rank + 1, s);
  });
  return weights;
}

class Builder {
  follower: number[] = [];
  followee: number[] = [];
  createdAt: number[] = [];

  constructor(
    private readonly accounts: readonly SeedAccount[],
    private readonly random: Random,
    private readonly end: number,
  ) {}

  add(a: number, b: number): void {
    const from = this.accounts[a];
    const to = this.accounts[b];
    if (!from || !to || a === b) return;
    const earliest = Math.max(from.createdAt, to.createdAt);
    this.follower.push(a);
    this.followee.push(b);
    this.createdAt.push(earliest + Math.floor(this.random.next() * Math.max(1, this.end - earliest)));
  }
}

export function generateFollows(plan: WorldPlan, seed: number, people: People): FollowGraph {
  const random = new Random(seed, 'follows');
  const shape = random.fork('shape');
  const picks = random.fork('picks');
  const times = random.fork('times');
  const { accounts } = people;
  const builder = new Builder(accounts, times, planEnd(plan));
  const f = plan.follows;

  const stars: number[] = [];
  const members: number[] = [];
  const idIndex = new Map<string, number>();
  accounts.forEach((a, i) => {
    idIndex.set(a.id, i);
    if (a.kind === 'celebrity' || a.kind === 'brand' || a.kind === 'editor') stars.push(i);
    else if (a.kind === 'member') members.push(i);
  });

  const starWeights = popularity(stars, f.starZipf, shape, (i) => STAR_MULTIPLIER[accounts[i]?.kind ?? 'member'] ?? 1);
  const starSampler = stars.length > 0 ? new WeightedSampler(starWeights) : null;
  const memberWeights = popularity(members, f.memberZipf, shape, () => 1);
  const memberSampler = members.length > 1 ? new WeightedSampler(memberWeights) : null;

  // Per-city samplers over the same popularity, for follows between neighbours.
  const cityMembers = new Map<string, { members: number[]; weights: number[] }>();
  members.forEach((accountIndex, k) => {
    const cityId = accounts[accountIndex]?.cityId ?? '';
    const entry = cityMembers.get(cityId) ?? { members: [], weights: [] };
    entry.members.push(accountIndex);
    entry.weights.push(memberWeights[k] ?? 0);
    cityMembers.set(cityId, entry);
  });
  const citySamplers = new Map<string, { members: number[]; sampler: WeightedSampler }>();
  for (const [cityId, entry] of cityMembers) if (entry.members.length > 1) citySamplers.set(cityId, { members: entry.members, sampler: new WeightedSampler(entry.weights) });

  const xm = (f.meanFollowing * (PARETO_ALPHA - 1)) / PARETO_ALPHA;
  const chosen = new Set<number>();
  accounts.forEach((account, a) => {
    let degree: number;
    if (account.kind === 'member') degree = account.demo ? 40 : Math.min(f.maxFollowing, Math.floor(shape.pareto(xm, PARETO_ALPHA)));
    else if (account.kind === 'celebrity' || account.kind === 'editor') degree = shape.int(3, 15);
    else return;
    chosen.clear();
    if (account.stylistId !== null) {
      const stylist = idIndex.get(account.stylistId);
      if (stylist !== undefined) chosen.add(stylist);
    }
    const city = citySamplers.get(account.cityId);
    // Stars first: a member follows a few dozen of them at most, however many accounts they follow;
    // the heavy tail of big followers goes to other members.
    const starTarget = account.kind === 'member' ? Math.min(Math.round(degree * f.starShare), Math.ceil(f.meanFollowing * f.starShare * 1.5)) : degree;
    for (let attempt = 0; starSampler && chosen.size < starTarget && attempt < starTarget * 3; attempt++) {
      const b = stars[starSampler.sample(picks)];
      if (b !== undefined && b !== a) chosen.add(b);
    }
    for (let attempt = 0; chosen.size < degree && attempt < degree * 3; attempt++) {
      let b: number | undefined;
      if (city && picks.chance(f.sameCityShare)) b = city.members[city.sampler.sample(picks)];
      else if (memberSampler) b = members[memberSampler.sample(picks)];
      if (b !== undefined && b !== a) chosen.add(b);
    }
    for (const b of chosen) builder.add(a, b);
  });

  return {
    follower: Int32Array.from(builder.follower),
    followee: Int32Array.from(builder.followee),
    createdAt: Float64Array.from(builder.createdAt),
    length: builder.follower.length,
  };
}
