// A generated event stream for the trends benchmark (dataset B and the speed runs), deterministic from
// a seed and independent of the demo world's generator:
//   - background: members in 41 cities of both hemispheres (Zipf-active), Zipf-popular products of a
//     synthetic catalogue (categories, colours, brands), a weekly rhythm, a daily rhythm in each city's
//     local time, a slow hemisphere-aware seasonality by category (swimwear in the local summer, coats in
//     the local winter), a growing member base and some hashtags on photos and comments;
//   - planted trends (two products, a brand, a hashtag) with growing unique actors per day and spreading
//     to new cities, at different rates (one slow, one starting in the southern hemisphere);
//   - decoys: one member's spam on a product, a product busy every weekend, a burst confined to one city.
// The truth comes out in seed-truth.json's shape (plus each trend's `end`).
import type { HemisphereLookup, ProductFacts, TrendEvent } from '../../src/modules/trends/detector/types.js';
import { DAY, HOUR, type Dataset, type KeyRef, type Truth, type TruthDecoy, type TruthTrend } from './model.js';
import { Rng, Zipf } from './rng.js';

export interface StreamOptions {
  seed: number;
  /** Background events over the period (planted ones come on top). */
  events: number;
  days: number;
  members: number;
  products: number;
  brands: number;
  /** Epoch ms of the first day (UTC midnight). */
  start: number;
  /** Multiplies the planted trends' and decoys' actors (1 = the rates below). */
  trendScale: number;
}

export interface City {
  name: string;
  country: string;
  hemisphere: 'north' | 'south';
  /** Hours ahead of UTC. */
  offset: number;
  weight: number;
}

// prettier-ignore
const CITY_ROWS: [string, string, 'north' | 'south', number, number][] = [
  ['London', 'GB', 'north', 0, 6], ['Paris', 'FR', 'north', 1, 5], ['Milan', 'IT', 'north', 1, 4], ['New York', 'US', 'north', -5, 6],
  ['Los Angeles', 'US', 'north', -8, 4], ['Tokyo', 'JP', 'north', 9, 4], ['Seoul', 'KR', 'north', 9, 3], ['Hong Kong', 'HK', 'north', 8, 3],
  ['Singapore', 'SG', 'north', 8, 3], ['Dubai', 'AE', 'north', 4, 3], ['Istanbul', 'TR', 'north', 3, 2], ['Berlin', 'DE', 'north', 1, 2],
  ['Madrid', 'ES', 'north', 1, 2], ['Amsterdam', 'NL', 'north', 1, 2], ['Stockholm', 'SE', 'north', 1, 1], ['Copenhagen', 'DK', 'north', 1, 1],
  ['Moscow', 'RU', 'north', 3, 2], ['Shanghai', 'CN', 'north', 8, 3], ['Mumbai', 'IN', 'north', 5, 2], ['Toronto', 'CA', 'north', -5, 2],
  ['Chicago', 'US', 'north', -6, 2], ['Miami', 'US', 'north', -5, 2], ['Mexico City', 'MX', 'north', -6, 2], ['Riyadh', 'SA', 'north', 3, 1],
  ['Doha', 'QA', 'north', 3, 1], ['Zurich', 'CH', 'north', 1, 1], ['Vienna', 'AT', 'north', 1, 1], ['Bangkok', 'TH', 'north', 7, 2],
  ['Taipei', 'TW', 'north', 8, 1], ['Kuwait City', 'KW', 'north', 3, 1],
  ['Sydney', 'AU', 'south', 10, 4], ['Melbourne', 'AU', 'south', 10, 3], ['São Paulo', 'BR', 'south', -3, 4], ['Rio de Janeiro', 'BR', 'south', -3, 2],
  ['Buenos Aires', 'AR', 'south', -3, 2], ['Santiago', 'CL', 'south', -4, 1], ['Johannesburg', 'ZA', 'south', 2, 2], ['Cape Town', 'ZA', 'south', 2, 1],
  ['Auckland', 'NZ', 'south', 12, 1], ['Lima', 'PE', 'south', -5, 1], ['Jakarta', 'ID', 'south', 7, 2],
];
export const CITIES: City[] = CITY_ROWS.map(([name, country, hemisphere, offset, weight]) => ({ name, country, hemisphere, offset, weight }));

type Season = 'summer' | 'winter' | null;
// prettier-ignore
const CATEGORIES: [string, number, Season, string][] = [
  ['dresses', 12, null, 'dress'], ['tops', 14, null, 'top'], ['knitwear', 6, 'winter', 'jumper'], ['coats', 5, 'winter', 'coat'],
  ['jackets', 6, 'winter', 'jacket'], ['trousers', 8, null, 'trousers'], ['skirts', 6, null, 'skirt'], ['jeans', 7, null, 'jeans'],
  ['shoes', 10, null, 'heels'], ['boots', 4, 'winter', 'boots'], ['bags', 10, null, 'bag'], ['accessories', 8, null, 'scarf'],
  ['swimwear', 3, 'summer', 'swimsuit'], ['shorts', 3, 'summer', 'shorts'],
];
const COLOURS = ['black', 'white', 'red', 'blue', 'navy', 'green', 'beige', 'pink', 'yellow', 'brown', 'grey', 'lilac', 'mint', 'orange', 'cream'];
const COLOUR_WEIGHTS = [14, 9, 5, 6, 6, 4, 7, 4, 3, 5, 6, 2, 2, 2, 4];
const ADJECTIVES = ['Fluid', 'Tailored', 'Cropped', 'Oversized', 'Pleated', 'Quilted', 'Ribbed', 'Draped', 'Belted', 'Structured', 'Slim', 'Relaxed'];
const BRAND_A = ['Maison', 'Atelier', 'Studio', 'Casa', 'House of', 'Officine', 'Lab'];
const BRAND_B = ['Aster', 'Vela', 'Noor', 'Orla', 'Kiri', 'Sable', 'Tova', 'Lumen', 'Rhea', 'Isko', 'Mara', 'Pell', 'Quill', 'Zeno', 'Brio', 'Cleo', 'Dune', 'Fenn', 'Galt', 'Hale'];
const TAGS = ['ootd', 'streetstyle', 'newin', 'wiw', 'styleinspo', 'weekendlook', 'officestyle', 'datenight', 'minimal', 'vintage', 'lookbook', 'fashionweek', 'travelstyle', 'wedding', 'holiday', 'sneakerhead', 'quietluxury', 'colourpop', 'monochrome', 'layering'];
/** Event types of the background by weight; follow and search carry no product. */
const TYPES = ['view', 'love', 'share', 'comment', 'photo', 'add_to_bag', 'purchase', 'follow', 'search'] as const;
const TYPE_WEIGHTS = [50, 14, 6, 5, 4, 9, 3, 5, 4];
/** Activity by local hour (a member's day: quiet at night, a lunch bump, an evening peak). */
const HOUR_WEIGHTS = [2, 1, 0.6, 0.4, 0.4, 0.6, 1.5, 3, 4, 4.5, 5, 5.5, 7, 6.5, 5.5, 5, 5.5, 6.5, 8, 9.5, 10, 9, 6.5, 4];
/** Monday … Sunday. */
const WEEKDAY_WEIGHTS = [0.85, 0.9, 0.95, 1, 1.1, 1.35, 1.25];

interface Step {
  type: string;
  p: number;
}
const TREND_STEPS: Step[] = [
  { type: 'view', p: 1 },
  { type: 'love', p: 0.5 },
  { type: 'photo', p: 0.15 },
  { type: 'share', p: 0.3 },
  { type: 'add_to_bag', p: 0.2 },
  { type: 'purchase', p: 0.06 },
];
const HASHTAG_STEPS: Step[] = [
  { type: 'photo', p: 0.45 },
  { type: 'love', p: 0.4 },
  { type: 'share', p: 0.3 },
  { type: 'comment', p: 0.2 },
];

/** A planted trend's plan: unique actors and cities reached (cumulative) on each day after onset. */
interface TrendPlan {
  truth: TruthTrend;
  onsetDay: number;
  actorsByDay: number[];
  citiesByDay: number[];
  /** City indices in the order the trend reaches them. */
  route: number[];
  product: () => number;
  steps: Step[];
  hashtags: string[];
  used: Set<number>;
  reached: Map<number, number>;
  onset: number;
}

export interface GeneratedStream {
  products: Map<string, ProductFacts>;
  hemisphere: HemisphereLookup;
  /** Filled in as `days()` runs: complete once it has been iterated to the end. */
  truth: Truth;
  start: number;
  end: number;
  members: number;
  brands: number;
  /** The events day by day, each day's sorted by event time. */
  days(): Generator<TrendEvent[]>;
}

function seasonCos(time: number, hemisphere: 'north' | 'south'): number {
  const year = new Date(time).getUTCFullYear();
  const dayOfYear = (time - Date.UTC(year, 0, 1)) / DAY;
  const c = Math.cos((2 * Math.PI * (dayOfYear - 196)) / 365.25); // 1 in mid-July
  return hemisphere === 'north' ? c : -c;
}

export function generateStream(options: StreamOptions): GeneratedStream {
  const { seed, days, start } = options;
  const rng = new Rng(seed, 'trends-stream');
  const end = start + days * DAY;

  // Catalogue: product i has popularity rank i; brands are Zipf-sized.
  const brandNames: string[] = [];
  for (let b = 0; brandNames.length < options.brands; b++) {
    const name = `${BRAND_A[b % BRAND_A.length]} ${BRAND_B[Math.floor(b / BRAND_A.length) % BRAND_B.length]}${b >= BRAND_A.length * BRAND_B.length ? ` ${Math.floor(b / (BRAND_A.length * BRAND_B.length)) + 1}` : ''}`;
    brandNames.push(name);
  }
  const brandZipf = new Zipf(options.brands, 0.8);
  const productZipf = new Zipf(options.products, 1.0);
  const productIds: string[] = [];
  const productCategory: number[] = [];
  const productBrand: number[] = [];
  const products = new Map<string, ProductFacts>();
  const brandProducts: number[][] = brandNames.map(() => []);
  for (let i = 0; i < options.products; i++) {
    const id = `SP${String(i + 1).padStart(6, '0')}`;
    const category = rng.weighted(CATEGORIES.map((c) => c[1]));
    const colour = rng.weighted(COLOUR_WEIGHTS);
    const colours = [COLOURS[colour]!];
    if (rng.chance(0.3)) {
      const second = COLOURS[rng.weighted(COLOUR_WEIGHTS)]!;
      if (second !== colours[0]) colours.push(second);
    }
    const brand = brandZipf.sample(rng);
    const [categoryName, , , noun] = CATEGORIES[category]!;
    products.set(id, { title: `${rng.pick(ADJECTIVES)} ${colours[0]} ${noun}`, brand: brandNames[brand]!, category: categoryName, colours });
    productIds.push(id);
    productCategory.push(category);
    productBrand.push(brand);
    brandProducts[brand]!.push(i);
  }

  // Members: a home city each, Zipf activity.
  const cityWeights = CITIES.map((c) => c.weight);
  const home = new Uint8Array(options.members);
  const handles: string[] = [];
  const byCity: number[][] = CITIES.map(() => []);
  for (let m = 0; m < options.members; m++) {
    const c = rng.weighted(cityWeights);
    home[m] = c;
    handles.push(`m${seed}x${m}`);
    byCity[c]!.push(m);
  }
  const memberZipf = new Zipf(options.members, 0.7);
  const tagZipf = new Zipf(TAGS.length, 1.1);
  const hemisphereByCity = new Map(CITIES.map((c) => [`${c.name}|${c.country}`, c.hemisphere]));
  const hemisphere: HemisphereLookup = (city, country) => hemisphereByCity.get(`${city}|${country}`) ?? 'north';

  // Planted trends: tail products, a quiet brand, a new hashtag.
  const taken = new Set<number>();
  const tailProduct = (test: (i: number) => boolean): number => {
    const from = Math.floor(options.products * 0.55);
    const to = Math.floor(options.products * 0.95);
    for (let tries = 0; tries < 5000; tries++) {
      const i = rng.int(from, to);
      if (test(i) && !taken.has(i)) return taken.add(i), i;
    }
    const i = rng.int(from, to);
    taken.add(i);
    return i;
  };
  const cityIndex = (name: string): number => CITIES.findIndex((c) => c.name === name);
  const routeFrom = (first: string[]): number[] => {
    const head = first.map(cityIndex);
    const rest = rng.shuffle(CITIES.map((_, i) => i).filter((i) => !head.includes(i)));
    return [...head, ...rest];
  };
  const scale = (list: number[]) => list.map((n) => Math.max(1, Math.round(n * options.trendScale)));
  const alsoOf = (i: number): KeyRef[] => {
    // The detector keys category × colour by the product's main colour.
    const facts = products.get(productIds[i]!)!;
    return [{ kind: 'category_colour', key: `${facts.category}/${facts.colours[0]!}` }];
  };
  const newTruth = (id: string, kind: TruthTrend['kind'], key: string, label: string, also: KeyRef[]): TruthTrend => ({
    id, kind, key, label, also, onset: '', cities: [], events: 0, unique_actors: 0, photos: 0,
  });
  const plan = (truth: TruthTrend, onsetDay: number, actorsByDay: number[], citiesByDay: number[], route: number[], product: () => number, steps: Step[], hashtags: string[]): TrendPlan => {
    const lastDay = Math.min(days, onsetDay + actorsByDay.length);
    truth.end = new Date(start + lastDay * DAY).toISOString();
    return { truth, onsetDay, actorsByDay: scale(actorsByDay), citiesByDay, route, product, steps, hashtags, used: new Set(), reached: new Map(), onset: Infinity };
  };
  const at = (fraction: number) => Math.max(1, Math.min(days - 3, Math.round(days * fraction)));

  const fastProduct = tailProduct((i) => CATEGORIES[productCategory[i]!]![0] === 'bags');
  const slowProduct = tailProduct((i) => CATEGORIES[productCategory[i]!]![0] === 'swimwear');
  const brandChoices = brandProducts
    .map((list, b) => ({ b, list, weight: list.reduce((sum, i) => sum + productZipf.p(i), 0) }))
    .filter((x) => x.list.length >= 6)
    .sort((x, y) => x.weight - y.weight);
  const quietBrand = brandChoices[Math.floor(brandChoices.length * 0.3)] ?? { b: 0, list: brandProducts[0]!, weight: 0 };
  const linen = [...products.entries()].map(([, f], i) => ({ f, i })).filter(({ f }) => ['white', 'beige', 'cream'].includes(f.colours[0]!) && !['coats', 'boots', 'knitwear'].includes(f.category)).map(({ i }) => i);
  const fast = productIds[fastProduct]!;
  const slow = productIds[slowProduct]!;
  const trends: TrendPlan[] = [
    // Fast: 2 cities on day 0, 10 by day 2, everywhere within a week.
    plan(newTruth('fast-product', 'product', fast, products.get(fast)!.title, alsoOf(fastProduct)), at(0.6),
      [4, 9, 18, 32, 50, 66, 78, 84, 80, 72], [2, 5, 10, 14, 18, 22, 25, 28, 30, 32], routeFrom(['Paris', 'Seoul']), () => fastProduct, TREND_STEPS, []),
    // Medium: a quiet brand across its range.
    plan(newTruth('brand', 'brand', brandNames[quietBrand.b]!, brandNames[quietBrand.b]!, []), at(0.45),
      [3, 5, 8, 13, 20, 28, 36, 42, 45, 44, 40], [2, 3, 5, 8, 11, 14, 17, 19, 21, 22, 23], routeFrom(['London', 'New York']), () => rng.pick(quietBrand.list), TREND_STEPS, []),
    // Slow: a hashtag on photos of light-coloured pieces, two weeks to reach 19 cities.
    plan(newTruth('slow-hashtag', 'hashtag', 'linenrevival', '#linenrevival', []), at(0.7),
      [2, 3, 3, 4, 6, 7, 9, 11, 13, 15, 18, 21, 24, 26], [1, 2, 2, 3, 4, 5, 6, 7, 9, 11, 13, 15, 17, 19], routeFrom(['Milan']), () => rng.pick(linen.length > 0 ? linen : [0]), HASHTAG_STEPS, ['linenrevival']),
    // Slow, southern: swimwear starting in São Paulo and Buenos Aires.
    plan(newTruth('southern-product', 'product', slow, products.get(slow)!.title, alsoOf(slowProduct)), at(0.8),
      [2, 3, 4, 6, 8, 10, 13, 16, 20, 24, 27, 30], [2, 3, 4, 5, 6, 8, 10, 12, 14, 16, 18, 20], routeFrom(['São Paulo', 'Buenos Aires', 'Sydney']), () => slowProduct, TREND_STEPS, []),
  ];

  // Decoys.
  const spamProduct = tailProduct((i) => CATEGORIES[productCategory[i]!]![0] === 'shoes');
  const weeklyProduct = tailProduct((i) => CATEGORIES[productCategory[i]!]![0] === 'dresses');
  const localProduct = tailProduct((i) => CATEGORIES[productCategory[i]!]![0] === 'tops');
  const spamDay = at(0.65);
  const spamFrom = start + spamDay * DAY + 14 * HOUR;
  const spamEvents = Math.round(400 * options.trendScale);
  const spammer = rng.pick(byCity[cityIndex('Dubai')]!.length > 0 ? byCity[cityIndex('Dubai')]! : [0]);
  const localDay = at(0.75);
  const localCity = cityIndex('Seoul');
  const localFrom = start + localDay * DAY + 6 * HOUR;
  const decoys: TruthDecoy[] = [
    { id: 'spam-burst', reason: 'one_actor_spam', keys: [{ kind: 'product', key: productIds[spamProduct]! }, { kind: 'hashtag', key: 'flashdeal' }], from: new Date(spamFrom).toISOString(), to: new Date(spamFrom + spamEvents * 30_000).toISOString(), events: 0, unique_actors: 1 },
    { id: 'weekend-regular', reason: 'weekly_rhythm', keys: [{ kind: 'product', key: productIds[weeklyProduct]! }], from: new Date(start).toISOString(), to: new Date(end).toISOString(), events: 0, unique_actors: 0 },
    { id: 'one-city-burst', reason: 'one_city', keys: [{ kind: 'product', key: productIds[localProduct]! }], from: new Date(localFrom).toISOString(), to: new Date(localFrom + 36 * HOUR).toISOString(), events: 0, unique_actors: 0 },
  ];
  const weeklyActors = new Set<number>();
  const localActors = new Set<number>();
  const truth: Truth = { trends: trends.map((t) => t.truth), decoys };

  // Background volume per day: weekly rhythm, slow growth, a monthly wobble.
  const dayWeights = Array.from({ length: days }, (_, d) => {
    const weekday = (new Date(start + d * DAY).getUTCDay() + 6) % 7;
    return WEEKDAY_WEIGHTS[weekday]! * (1 + (0.25 * d) / days) * (1 + 0.12 * Math.sin((2 * Math.PI * d) / 30));
  });
  const weightSum = dayWeights.reduce((a, b) => a + b, 0);

  let n = 0;
  function* generateDays(): Generator<TrendEvent[]> {
    const dayRng = new Rng(seed, 'trends-stream-days');
    for (let d = 0; d < days; d++) {
      const dayStart = start + d * DAY;
      const out: TrendEvent[] = [];
      const timeIn = (cityIdx: number): number => {
        const localHour = dayRng.weighted(HOUR_WEIGHTS);
        const utcHour = (((localHour - CITIES[cityIdx]!.offset) % 24) + 24) % 24;
        return dayStart + Math.floor(utcHour * HOUR + dayRng.next() * HOUR);
      };
      const emit = (type: string, time: number, member: number, cityIdx: number, product: number | null, hashtags: string[] | undefined): TrendEvent => {
        const city = CITIES[cityIdx]!;
        const event: TrendEvent = { id: `g${seed}-${n++}`, type, time: Math.min(time, dayStart + DAY - 1), actor: handles[member]!, city: city.name, country: city.country };
        if (product !== null) {
          event.product = productIds[product]!;
          event.brand = brandNames[productBrand[product]!]!;
        }
        if (hashtags !== undefined && hashtags.length > 0) event.hashtags = hashtags;
        out.push(event);
        return event;
      };
      const season = { north: seasonCos(dayStart, 'north'), south: seasonCos(dayStart, 'south') };
      const background = Math.round((options.events * dayWeights[d]!) / weightSum);
      const activeMembers = Math.max(1, Math.floor(options.members * (0.75 + (0.25 * (d + 1)) / days)));
      for (let k = 0; k < background; k++) {
        let member = memberZipf.sample(dayRng);
        if (member >= activeMembers) member = dayRng.int(0, activeMembers - 1);
        const cityIdx = dayRng.chance(0.06) ? dayRng.int(0, CITIES.length - 1) : home[member]!;
        const type = TYPES[dayRng.weighted(TYPE_WEIGHTS)]!;
        if (type === 'follow' || type === 'search') {
          emit(type, timeIn(cityIdx), member, cityIdx, null, undefined);
          continue;
        }
        const phase = season[CITIES[cityIdx]!.hemisphere];
        let product = productZipf.sample(dayRng);
        for (let tries = 0; tries < 4; tries++) {
          const kind = CATEGORIES[productCategory[product]!]![2];
          const lift = kind === 'summer' ? Math.exp(Math.log(2.5) * phase) : kind === 'winter' ? Math.exp(Math.log(2) * -phase) : 1;
          if (dayRng.next() * 2.5 < lift) break;
          product = productZipf.sample(dayRng);
        }
        const tagP = type === 'photo' ? 0.7 : type === 'comment' ? 0.35 : type === 'share' ? 0.1 : 0;
        let tags: string[] | undefined;
        if (tagP > 0 && dayRng.chance(tagP)) {
          tags = [TAGS[tagZipf.sample(dayRng)]!];
          if (dayRng.chance(0.3)) {
            const second = TAGS[tagZipf.sample(dayRng)]!;
            if (second !== tags[0]) tags.push(second);
          }
        }
        emit(type, timeIn(cityIdx), member, cityIdx, product, tags);
      }

      // Planted trends.
      for (const trend of trends) {
        const k = d - trend.onsetDay;
        if (k < 0 || k >= trend.actorsByDay.length) continue;
        const reachable = Math.min(trend.route.length, trend.citiesByDay[k]!);
        for (let a = 0; a < trend.actorsByDay[k]!; a++) {
          const cityIdx = trend.route[Math.min(reachable - 1, Math.floor(Math.pow(dayRng.next(), 1.4) * reachable))]!;
          const locals = byCity[cityIdx]!;
          let member = -1;
          for (let tries = 0; tries < 20 && locals.length > 0; tries++) {
            const m = dayRng.pick(locals);
            if (!trend.used.has(m)) {
              member = m;
              break;
            }
          }
          if (member < 0) continue;
          trend.used.add(member);
          const t0 = timeIn(cityIdx);
          const product = trend.product();
          let made = 0;
          trend.steps.forEach((step, i) => {
            if (!dayRng.chance(step.p)) return;
            const time = Math.min(dayStart + DAY - 1, t0 + i * dayRng.int(60_000, 1_800_000));
            emit(step.type, time, member, cityIdx, product, trend.hashtags.length > 0 ? [...trend.hashtags] : undefined);
            made++;
            if (step.type === 'photo') trend.truth.photos++;
            trend.onset = Math.min(trend.onset, time);
            if (!trend.reached.has(cityIdx) || trend.reached.get(cityIdx)! > time) trend.reached.set(cityIdx, time);
          });
          trend.truth.events += made;
        }
      }

      // Decoys.
      if (d === spamDay) {
        for (let i = 0; i < spamEvents; i++) {
          const type = i % 10 === 0 ? 'photo' : i % 3 === 0 ? 'share' : 'view';
          emit(type, spamFrom + i * 30_000, spammer, home[spammer]!, spamProduct, ['flashdeal']);
          decoys[0]!.events++;
        }
      }
      const weekday = new Date(dayStart).getUTCDay();
      if (weekday === 0 || weekday === 6) {
        for (let a = 0; a < Math.round(25 * options.trendScale); a++) {
          const member = memberZipf.sample(dayRng);
          const cityIdx = home[member]!;
          const t0 = dayStart + dayRng.int(9, 21) * HOUR;
          weeklyActors.add(member);
          for (const [i, step] of [{ type: 'view', p: 1 }, { type: 'love', p: 0.3 }, { type: 'add_to_bag', p: 0.15 }].entries()) {
            if (!dayRng.chance(step.p)) continue;
            emit(step.type, t0 + i * dayRng.int(60_000, 600_000), member, cityIdx, weeklyProduct, undefined);
            decoys[1]!.events++;
          }
        }
      }
      if (d === localDay || d === localDay + 1) {
        const locals = byCity[localCity]!;
        const count = Math.round((70 * options.trendScale) / 2);
        for (let a = 0; a < count && locals.length > 0; a++) {
          const time = d === localDay ? localFrom + dayRng.int(0, 18 * HOUR - 1) : dayStart + dayRng.int(0, 18 * HOUR - 1);
          const member = dayRng.pick(locals);
          localActors.add(member);
          TREND_STEPS.forEach((step, i) => {
            if (!dayRng.chance(step.p)) return;
            emit(step.type, Math.min(dayStart + DAY - 1, time + i * dayRng.int(60_000, 900_000)), member, localCity, localProduct, undefined);
            decoys[2]!.events++;
          });
        }
      }

      out.sort((a, b) => a.time - b.time);
      for (const trend of trends) {
        if (trend.onset === Infinity) continue;
        trend.truth.onset = new Date(trend.onset).toISOString();
        trend.truth.unique_actors = trend.used.size;
        trend.truth.cities = [...trend.reached.entries()]
          .sort((x, y) => x[1] - y[1])
          .map(([c, time]) => ({ city: CITIES[c]!.name, country: CITIES[c]!.country, first_at: new Date(time).toISOString() }));
      }
      decoys[1]!.unique_actors = weeklyActors.size;
      decoys[2]!.unique_actors = localActors.size;
      yield out;
    }
  }

  return { products, hemisphere, truth, start, end, members: options.members, brands: options.brands, days: generateDays };
}

/** The whole stream in memory, sorted by event time, as a dataset. */
export function streamDataset(options: StreamOptions, name: string): Dataset {
  const stream = generateStream(options);
  const events: TrendEvent[] = [];
  for (const day of stream.days()) for (const e of day) events.push(e);
  return {
    name,
    events,
    products: stream.products,
    hemisphere: stream.hemisphere,
    truth: stream.truth,
    start: stream.start,
    end: stream.end,
    description:
      `generated stream, seed ${options.seed}: ${events.length.toLocaleString('en-US')} events over ${options.days} days from ${new Date(options.start).toISOString().slice(0, 10)}, ` +
      `${options.members.toLocaleString('en-US')} members in ${CITIES.length} cities (${CITIES.filter((c) => c.hemisphere === 'south').length} southern), ` +
      `${options.products.toLocaleString('en-US')} products, ${options.brands} brands; ${stream.truth.trends.length} planted trends, ${stream.truth.decoys.length} decoys`,
  };
}
