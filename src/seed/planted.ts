/**
 * Planted micro-trends and decoys, with their exact ground truth for `seed-truth.json`: what the trend
 * radar must find (and how early it could), and what it must ignore.
 *
 * Trends (each grows day by day and spreads to new cities in a fixed order):
 *   - a product: red heels photographed in Milan and Paris, in ten cities within two days, then across
 *     the world;
 *     its category × colour (`shoes/red`) rises with it;
 *   - a brand: a quiet brand suddenly loved and photographed across its range;
 *   - a hashtag: #sorbetsummer on photos of many products.
 * Decoys:
 *   - one member's spam burst on one product (hundreds of events, one actor, a few hours);
 *   - a product busy every weekend of the whole period (weekly rhythm, not a trend);
 *   - a burst of many members confined to one city (no spread).
 */
import type { ContractEvent } from '../modules/events/index.js';
import { baseEvent, emptyDay, pickSize, unitPrice, type DayActivity } from './activity.js';
import type { PlannedProduct } from './catalogue.js';
import { brandHandles, captionFor, type PlannedPhoto } from './photos.plan.js';
import { Random } from './random.js';
import { DAY, type WorldView } from './world.js';

export interface TrendKey {
  kind: 'product' | 'brand' | 'category_colour' | 'hashtag';
  key: string;
}

export interface PlantedTrendTruth {
  id: string;
  kind: TrendKey['kind'];
  key: string;
  label: string;
  /** Keys that rise with it and are also right to raise (the red heels' `shoes/red`). */
  also: TrendKey[];
  /** Event time of its first event. */
  onset: string;
  /** Cities in the order the trend reached them, with the time of the first event there. */
  cities: { city: string; country: string; first_at: string }[];
  events: number;
  unique_actors: number;
  photos: number;
}

export interface DecoyTruth {
  id: string;
  /** Why it is not a trend. */
  reason: 'one_actor_spam' | 'weekly_rhythm' | 'one_city';
  keys: TrendKey[];
  from: string;
  to: string;
  events: number;
  unique_actors: number;
}

export interface Planted {
  /** Extra activity by day index. */
  days: Map<number, DayActivity>;
  photos: PlannedPhoto[];
  trends: PlantedTrendTruth[];
  decoys: DecoyTruth[];
}

const SPREAD = ['Milan', 'Paris', 'London', 'New York', 'Istanbul', 'Dubai', 'Tokyo', 'Seoul', 'Sydney', 'São Paulo', 'Los Angeles', 'Singapore', 'Hong Kong', 'Melbourne'];
/** Cities reached by each day after onset (cumulative): ten cities in two days, as micro-trends spread. */
const CITIES_BY_DAY = [2, 5, 10, 12, 13, 14, 14, 14, 14, 14];
/** Unique actors on each day after onset, before the plan's scale. */
const ACTORS_BY_DAY = [6, 14, 24, 34, 42, 48, 50, 50, 48, 46];

interface Step {
  type: ContractEvent['type'];
  p: number;
}

class Planter {
  readonly out: Planted = { days: new Map(), photos: [], trends: [], decoys: [] };
  private n = 0;
  /** While a trend is planted: the members it brings to every key its events count for. */
  private tally: Map<string, Set<number>> | null = null;
  private readonly byCity = new Map<string, number[]>();
  private readonly brands: Map<string, string>;

  constructor(
    readonly world: WorldView,
    readonly random: Random,
    readonly loved: Set<string>,
    brandNames: readonly string[],
  ) {
    for (const index of world.actors) {
      const cityId = world.people.accounts[index]!.cityId;
      const list = this.byCity.get(cityId) ?? [];
      list.push(index);
      this.byCity.set(cityId, list);
    }
    this.brands = brandHandles(world, brandNames);
  }

  day(time: number): DayActivity {
    const index = Math.floor((time - this.world.start) / DAY);
    let day = this.out.days.get(index);
    if (!day) this.out.days.set(index, (day = emptyDay()));
    return day;
  }

  cityId(name: string): string {
    for (const city of this.world.cities.values()) if (city.name === name) return city.id;
    throw new Error(`seed: no city named ${name}`);
  }

  /** An actor in the city not used yet by this plant (a visitor when the locals run out), or null. */
  actorIn(cityId: string, used: Set<number>, at: number): number | null {
    const locals = this.byCity.get(cityId) ?? [];
    for (let tries = 0; tries < 12 && locals.length > 0; tries++) {
      const a = this.random.pick(locals);
      if (!used.has(a) && this.world.people.accounts[a]!.createdAt < at) return used.add(a), a;
    }
    for (let tries = 0; tries < 40; tries++) {
      const a = this.random.pick(this.world.actors);
      if (!used.has(a) && this.world.people.accounts[a]!.createdAt < at) return used.add(a), a;
    }
    return null;
  }

  /** One actor's events about a product at a time and place, by the plant's step probabilities. */
  act(actor: number, product: PlannedProduct, at: number, cityId: string, steps: readonly Step[], hashtags: string[]): number {
    const account = this.world.people.accounts[actor]!;
    const city = this.world.cities.get(cityId)!;
    const day = this.day(at);
    let made = 0;
    steps.forEach((step, i) => {
      if (!this.random.chance(step.p)) return;
      const time = Math.min(this.world.end - 1, at + i * this.random.int(60_000, 1_800_000));
      if (step.type === 'photo') {
        const post = { author: actor, at: time, cityId, products: [product] };
        const { caption, hashtags: tags } = captionFor(this.world, this.random, post, this.brands, hashtags);
        this.out.photos.push({ id: this.random.uuid(), ...post, caption, hashtags: tags });
        this.count(actor, product, tags);
        made++;
        return;
      }
      this.count(actor, product, hashtags);
      const event = baseEvent(`seed-${this.world.seed}-p-${this.n++}`, step.type, time, account.handle, city);
      event.product = product.id;
      event.brand = product.brand;
      event.hashtags = hashtags.length > 0 ? hashtags : null;
      event.device = this.random.chance(0.65) ? 'app' : 'web';
      if (step.type === 'love') {
        const key = `${actor}|${product.id}`;
        if (this.loved.has(key)) return;
        this.loved.add(key);
        day.loves.push({ account: actor, product: product.id, at: time });
      } else if (step.type === 'share') {
        event.channel = 'whatsapp';
        day.shares.push({ id: this.random.uuid(), account: actor, product: product.id, channel: 'whatsapp', at: time });
      } else if (step.type === 'purchase') {
        const { size, sku } = pickSize(product, this.random);
        const unitMinor = unitPrice(product);
        Object.assign(event, { quantity: 1, amountMinor: unitMinor, currency: 'GBP', channel: event.device });
        day.orders.push({ id: this.random.uuid(), account: actor, at: time, channel: event.device === 'app' ? 'app' : 'web', stylistId: null, lines: [{ product: product.id, sku, size, quantity: 1, unitMinor }], totalMinor: unitMinor });
      }
      day.events.push(event);
      made++;
    });
    return made;
  }

  private count(actor: number, product: PlannedProduct, hashtags: readonly string[]): void {
    if (!this.tally) return;
    const keys = [`product|${product.id}`, `brand|${product.brand}`, `category_colour|${product.category}/${product.look.colour}`, ...hashtags.map((t) => `hashtag|${t}`)];
    for (const key of keys) {
      let actors = this.tally.get(key);
      if (!actors) this.tally.set(key, (actors = new Set()));
      actors.add(actor);
    }
  }

  /**
   * A spreading trend: actors per day growing, cities joining in SPREAD order. `also` lists the other
   * keys it lifts with at least 12 members and 4% of its members (the product's category × colour,
   * a brand's busiest products, the hashtags of its photos): right to raise, not false alarms.
   */
  spread(own: TrendKey, onsetDay: number, products: () => PlannedProduct, steps: readonly Step[], hashtags: string[]): Omit<PlantedTrendTruth, 'id' | 'kind' | 'key' | 'label'> {
    const scale = this.world.plan.plantedScale;
    this.tally = new Map();
    const used = new Set<number>();
    const reached = new Map<string, number>();
    let events = 0;
    const photosBefore = this.out.photos.length;
    let onset = Infinity;
    for (let k = 0; k < ACTORS_BY_DAY.length && onsetDay + k < this.world.plan.days; k++) {
      const cities = SPREAD.slice(0, CITIES_BY_DAY[k]);
      const actors = Math.round(ACTORS_BY_DAY[k]! * scale);
      for (let a = 0; a < actors; a++) {
        // Newer cities are a smaller share of the day than the trend's home.
        const cityName = cities[Math.min(cities.length - 1, Math.floor(Math.pow(this.random.next(), 1.4) * cities.length))]!;
        const cityId = this.cityId(cityName);
        const at = this.world.start + (onsetDay + k) * DAY + this.random.int(7, 22) * 3_600_000 + this.random.int(0, 3_599_999);
        const actor = this.actorIn(cityId, used, at);
        if (actor === null) continue;
        const made = this.act(actor, products(), at, cityId, steps, hashtags);
        if (made === 0) continue;
        events += made;
        onset = Math.min(onset, at);
        if (!reached.has(cityName) || reached.get(cityName)! > at) reached.set(cityName, at);
      }
    }
    const least = Math.max(12, 0.04 * used.size);
    const also: TrendKey[] = [...this.tally.entries()]
      .filter(([key, actors]) => key !== `${own.kind}|${own.key}` && actors.size >= least)
      .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))
      .map(([key]) => {
        const [kind, ...rest] = key.split('|');
        return { kind: kind as TrendKey['kind'], key: rest.join('|') };
      });
    this.tally = null;
    const order = [...reached.entries()].sort((a, b) => a[1] - b[1]);
    return {
      also,
      onset: new Date(onset).toISOString(),
      cities: order.map(([name, at]) => ({ city: name, country: this.world.cities.get(this.cityId(name))!.country, first_at: new Date(at).toISOString() })),
      events,
      unique_actors: used.size,
      photos: this.out.photos.length - photosBefore,
    };
  }
}

const TREND_STEPS: readonly Step[] = [
  { type: 'view', p: 1 },
  { type: 'love', p: 0.5 },
  { type: 'photo', p: 0.14 },
  { type: 'share', p: 0.3 },
  { type: 'add_to_bag', p: 0.2 },
  { type: 'purchase', p: 0.06 },
];
const HASHTAG_STEPS: readonly Step[] = [
  { type: 'photo', p: 0.35 },
  { type: 'love', p: 0.4 },
  { type: 'share', p: 0.3 },
];

/** The day a plant starts: `before` days before the end, or as early as a short test world allows. */
function onsetDay(days: number, before: number): number {
  return Math.max(0, days - before);
}

function choose(world: WorldView, random: Random, taken: Set<string>, prefer: (p: PlannedProduct) => boolean): PlannedProduct {
  const candidates = world.products.filter((p) => !taken.has(p.id) && prefer(p));
  const pool = candidates.length > 0 ? candidates : world.products.filter((p) => !taken.has(p.id));
  const product = random.pick(pool);
  taken.add(product.id);
  return product;
}

/** Plants the trends and decoys for a world; `loved` is shared with the base activity (one love each). */
export function plantTrends(world: WorldView, brandNames: readonly string[], loved: Set<string>): Planted {
  const random = new Random(world.seed, 'planted');
  const planter = new Planter(world, random, loved, brandNames);
  const days = world.plan.days;
  const taken = new Set<string>();

  const heels = choose(world, random, taken, (p) => p.category === 'shoes' && p.subcategory === 'heels' && p.look.colour === 'red');
  const product = planter.spread({ kind: 'product', key: heels.id }, onsetDay(days, 11), () => heels, TREND_STEPS, []);
  planter.out.trends.push({ id: 'product-trend', kind: 'product', key: heels.id, label: heels.title, ...product });

  const brandCounts = new Map<string, PlannedProduct[]>();
  for (const p of world.products) brandCounts.set(p.brand, [...(brandCounts.get(p.brand) ?? []), p]);
  const brandChoices = [...brandCounts.entries()].filter(([, list]) => list.length >= 5).sort((a, b) => a[1].length - b[1].length);
  const [brand, brandProducts] = brandChoices[Math.floor(brandChoices.length / 4)] ?? [...brandCounts.entries()][0]!;
  const brandTrend = planter.spread({ kind: 'brand', key: brand }, onsetDay(days, 25), () => random.pick(brandProducts), TREND_STEPS, []);
  planter.out.trends.push({ id: 'brand-trend', kind: 'brand', key: brand, label: brand, ...brandTrend });

  const pastels = world.products.filter((p) => ['pink', 'yellow', 'lilac', 'mint', 'beige', 'white'].includes(p.look.colour) && p.category !== 'shoes');
  const hashtag = planter.spread({ kind: 'hashtag', key: 'sorbetsummer' }, onsetDay(days, 18), () => random.pick(pastels.length > 0 ? pastels : world.products), HASHTAG_STEPS, ['sorbetsummer']);
  planter.out.trends.push({ id: 'hashtag-trend', kind: 'hashtag', key: 'sorbetsummer', label: '#sorbetsummer', ...hashtag });

  plantDecoys(planter, taken);
  return planter.out;
}

function plantDecoys(planter: Planter, taken: Set<string>): void {
  const { world, random } = planter;
  const days = world.plan.days;
  const scale = world.plan.plantedScale;

  // One member, one product, a few hours, hundreds of events and a hashtag of their own.
  const spamProduct = choose(world, random, taken, (p) => p.category === 'bags');
  const spammer = planter.actorIn(world.people.accounts[world.actors[0]!]!.cityId, new Set(), world.start + onsetDay(days, 7) * DAY)!;
  const spamFrom = world.start + onsetDay(days, 7) * DAY + 14 * 3_600_000;
  const spamCity = world.people.accounts[spammer]!.cityId;
  let spamEvents = 0;
  for (let i = 0; i < Math.round(300 * scale); i++) {
    const at = spamFrom + i * 30_000;
    spamEvents += planter.act(spammer, spamProduct, at, spamCity, [{ type: i % 10 === 0 ? 'photo' : i % 3 === 0 ? 'share' : 'view', p: 1 }], ['dealoftheday']);
  }
  planter.out.decoys.push({
    id: 'spam-burst', reason: 'one_actor_spam',
    keys: [{ kind: 'product', key: spamProduct.id }, { kind: 'hashtag', key: 'dealoftheday' }],
    from: new Date(spamFrom).toISOString(), to: new Date(spamFrom + Math.round(300 * scale) * 30_000).toISOString(), events: spamEvents, unique_actors: 1,
  });

  // Busy every Saturday and Sunday from the first week to the last, everywhere, and quiet between.
  const weekly = choose(world, random, taken, (p) => p.category === 'dresses');
  let weeklyEvents = 0;
  const weeklyActors = new Set<number>();
  for (let d = 0; d < days; d++) {
    const weekday = new Date(world.start + d * DAY).getUTCDay();
    if (weekday !== 0 && weekday !== 6) continue;
    for (let a = 0; a < Math.round(22 * scale); a++) {
      const actor = world.actors[world.activity.sample(random)]!;
      const at = world.start + d * DAY + random.int(9, 21) * 3_600_000;
      if (world.people.accounts[actor]!.createdAt >= at) continue;
      weeklyActors.add(actor);
      weeklyEvents += planter.act(actor, weekly, at, world.people.accounts[actor]!.cityId, [{ type: 'view', p: 1 }, { type: 'love', p: 0.3 }, { type: 'add_to_bag', p: 0.15 }], []);
    }
  }
  planter.out.decoys.push({
    id: 'weekend-regular', reason: 'weekly_rhythm', keys: [{ kind: 'product', key: weekly.id }],
    from: new Date(world.start).toISOString(), to: new Date(world.end).toISOString(), events: weeklyEvents, unique_actors: weeklyActors.size,
  });

  // Many members in one city over a day and a half; nobody anywhere else.
  const local = choose(world, random, taken, (p) => p.category === 'tops');
  const seoul = planter.cityId('Seoul');
  const localFrom = world.start + onsetDay(days, 14) * DAY;
  const used = new Set<number>();
  let localEvents = 0;
  for (let a = 0; a < Math.round(60 * scale); a++) {
    const at = localFrom + random.int(0, 36 * 3_600_000);
    const actor = planter.actorIn(seoul, used, at);
    if (actor !== null) localEvents += planter.act(actor, local, at, seoul, TREND_STEPS, []);
  }
  planter.out.decoys.push({
    id: 'one-city-burst', reason: 'one_city', keys: [{ kind: 'product', key: local.id }],
    from: new Date(localFrom).toISOString(), to: new Date(localFrom + 36 * 3_600_000).toISOString(), events: localEvents, unique_actors: used.size,
  });
}
