/**
 * The world plan: how big the demo world is at each scale, as data. Every later step of the seed
 * (catalogue, people, interactions, photos, planted trends) reads its sizes from here, so the two
 * scales differ only in these numbers.
 *
 * - `small` is what `npm start` seeds on first run: about 40 brands, 1,000 products, 2,000 members
 *   and three months of interactions, in seconds.
 * - `netset` reproduces the first six months of the original members' network: 110,000 members,
 *   54,000 member photos and more than 1,000,000 interactions, with about 450 brands and 20,000
 *   products.
 *
 * The calendar is fixed (not "now"), so a seed gives the same event times on every run.
 */

export const SCALES = ['small', 'netset'] as const;
export type Scale = (typeof SCALES)[number];

export interface PeoplePlan {
  /** Ordinary members (the demo login `demo` is one more). */
  members: number;
  celebrities: number;
  editors: number;
  stylists: number;
  buyers: number;
  /** Share of members who have a personal shopper (accounts.stylist_id). */
  clientShare: number;
}

export interface FollowPlan {
  /** Mean number of accounts a member follows; the spread is heavy-tailed (Pareto). */
  meanFollowing: number;
  /** The most any member follows. */
  maxFollowing: number;
  /** Share of a member's follows that go to celebrities, brands and editors (the rest: other members). */
  starShare: number;
  /** Zipf exponent of popularity among celebrities, brands and editors (larger: a steeper head). */
  starZipf: number;
  /** Zipf exponent of popularity among members (larger: a steeper head). */
  memberZipf: number;
  /** Share of member-to-member follows that stay in the follower's home city. */
  sameCityShare: number;
}

export interface WorldPlan {
  scale: Scale;
  /** The first day of recorded activity (UTC, ISO 8601). */
  start: string;
  /** Days of interactions after `start`. */
  days: number;
  brands: number;
  products: number;
  people: PeoplePlan;
  follows: FollowPlan;
  /** Member photos (photographs of products) over the whole period. */
  photos: number;
  /** Members' sets (looks) with composed covers. */
  sets: number;
  /**
   * Whether follows made during the period are also written as `follow` events. The netset's 1.3
   * million would double its event log and cost half a gigabyte of its 3 GB budget; its follows
   * table keeps every follow with its time either way.
   */
  followEvents: boolean;
  /** Interactions (views, loves, shares, comments, bag adds, purchases, follows, searches) over the period. */
  interactions: number;
  /** Share of purchases and photos that are out of the member's home season (bikinis in March). */
  transSeasonalShare: number;
  /** Share of members' posts made away from their home city. */
  travelShare: number;
  /**
   * Lognormal spread of how much members spend, tuned per scale so that the top 2% of customers bring
   * ≈40% of revenue (fewer customers need a wider spread for the same concentration).
   */
  spendSigma: number;
  /** How many more actors the planted trends and decoys have than in the small world. */
  plantedScale: number;
  /** Rows per multi-row INSERT, and statements per transaction, for bulk loads. */
  batch: { rows: number; statementsPerTransaction: number };
}

const small: WorldPlan = {
  scale: 'small',
  start: '2026-06-01T00:00:00Z',
  days: 92,
  brands: 40,
  products: 1_000,
  people: { members: 2_000, celebrities: 12, editors: 8, stylists: 6, buyers: 3, clientShare: 0.1 },
  follows: { meanFollowing: 24, maxFollowing: 400, starShare: 0.6, starZipf: 1.3, memberZipf: 0.75, sameCityShare: 0.35 },
  photos: 900,
  sets: 40,
  followEvents: true,
  interactions: 40_000,
  transSeasonalShare: 0.18,
  travelShare: 0.12,
  spendSigma: 2.2,
  plantedScale: 1,
  batch: { rows: 2_000, statementsPerTransaction: 2 },
};

const netset: WorldPlan = {
  scale: 'netset',
  start: '2026-03-01T00:00:00Z',
  days: 184,
  brands: 450,
  products: 20_000,
  people: { members: 110_000, celebrities: 120, editors: 60, stylists: 80, buyers: 20, clientShare: 0.06 },
  follows: { meanFollowing: 14, maxFollowing: 2_000, starShare: 0.5, starZipf: 1.1, memberZipf: 0.75, sameCityShare: 0.35 },
  photos: 54_000,
  sets: 1_000,
  followEvents: false,
  interactions: 1_100_000,
  transSeasonalShare: 0.18,
  travelShare: 0.12,
  spendSigma: 2.8,
  plantedScale: 4,
  batch: { rows: 5_000, statementsPerTransaction: 2 },
};

export const PLANS: Readonly<Record<Scale, WorldPlan>> = { small, netset };

/** The plan for a scale name (`--scale`); throws with the known names otherwise. */
export function planFor(scale: string): WorldPlan {
  if (!(SCALES as readonly string[]).includes(scale)) throw new Error(`unknown scale "${scale}" (use ${SCALES.join(' or ')})`);
  return PLANS[scale as Scale];
}

/** The end of the recorded period (exclusive), as epoch milliseconds. */
export function planEnd(plan: WorldPlan): number {
  return Date.parse(plan.start) + plan.days * 86_400_000;
}

/** The number of accounts the people step creates (demo logins included, one per brand). */
export function accountCount(plan: WorldPlan): number {
  const p = plan.people;
  return p.members + p.celebrities + p.editors + p.stylists + p.buyers + plan.brands + DEMO_LOGIN_COUNT;
}

/** `demo`, `stylist`, `buyer`, `admin`: see people.ts. */
export const DEMO_LOGIN_COUNT = 4;
