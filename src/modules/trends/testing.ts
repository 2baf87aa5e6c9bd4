/**
 * A small, seeded stream for the detector's tests: a month of ordinary activity (members in cities
 * of both hemispheres, popular and quiet products, a daily rhythm) with a planted trend that reaches
 * ten cities in two days, and three decoys — one member's spam, a product busy every Saturday, a
 * burst confined to one city.
 */
import type { ProductFacts, TrendEvent } from './detector/types.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** mulberry32: small, fast and good enough for test data. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SAMPLE_CITIES: readonly { city: string; country: string; south?: boolean }[] = [
  { city: 'Milan', country: 'IT' }, { city: 'Paris', country: 'FR' }, { city: 'London', country: 'GB' }, { city: 'New York', country: 'US' },
  { city: 'Istanbul', country: 'TR' }, { city: 'Dubai', country: 'AE' }, { city: 'Tokyo', country: 'JP' }, { city: 'Seoul', country: 'KR' },
  { city: 'Sydney', country: 'AU', south: true }, { city: 'São Paulo', country: 'BR', south: true }, { city: 'Los Angeles', country: 'US' },
  { city: 'Singapore', country: 'SG' }, { city: 'Berlin', country: 'DE' }, { city: 'Madrid', country: 'ES' }, { city: 'Melbourne', country: 'AU', south: true },
  { city: 'Cape Town', country: 'ZA', south: true }, { city: 'Mumbai', country: 'IN' }, { city: 'Toronto', country: 'CA' }, { city: 'Amsterdam', country: 'NL' },
  { city: 'Hong Kong', country: 'HK' },
];

export interface SampleStream {
  events: TrendEvent[];
  products: Map<string, ProductFacts>;
  start: number;
  end: number;
  trend: { product: string; onset: number; cities: string[] };
  decoys: { spam: string; weekly: string; oneCity: string };
}

const CATEGORIES = ['dresses', 'shoes', 'bags', 'tops', 'coats-jackets'];
const COLOURS = ['red', 'black', 'white', 'blue', 'green'];
const BRANDS = ['Atelier Nord', 'Casa Sorrel', 'Lumen', 'Yara'];
const TYPES: readonly [string, number][] = [['view', 0.55], ['love', 0.2], ['share', 0.08], ['comment', 0.04], ['add_to_bag', 0.08], ['photo', 0.03], ['purchase', 0.02]];

/** Generates the sample stream, in event-time order, deterministically from `seed`. */
export function sampleStream(seed = 7, days = 30): SampleStream {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const products = new Map<string, ProductFacts>();
  for (let i = 0; i < 60; i++) {
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const colour = COLOURS[Math.floor(i / CATEGORIES.length) % COLOURS.length]!;
    products.set(`P${String(i).padStart(3, '0')}`, { title: `Sample ${colour} ${category} ${i}`, brand: BRANDS[i % BRANDS.length]!, category, colours: [colour] });
  }
  const ids = [...products.keys()];
  const members = Array.from({ length: 600 }, (_, i) => ({ handle: `m${i}`, place: SAMPLE_CITIES[Math.floor(Math.pow(random(), 1.5) * SAMPLE_CITIES.length)]! }));
  const start = Date.UTC(2026, 5, 1); // a Monday
  const end = start + days * DAY;
  const events: TrendEvent[] = [];
  let n = 0;
  const push = (type: string, time: number, member: { handle: string; place: { city: string; country: string } }, product: string, hashtags?: string[]) => {
    const facts = products.get(product)!;
    events.push({ id: `s${seed}-${n++}`, type, time, actor: member.handle, product, brand: facts.brand, hashtags, city: member.place.city, country: member.place.country });
  };
  const typeOf = () => {
    let r = random();
    for (const [type, p] of TYPES) if ((r -= p) < 0) return type;
    return 'view';
  };
  // Ordinary activity: Zipf-popular products (the first few are busy), daytime hours.
  for (let d = 0; d < days; d++) {
    for (let k = 0; k < 160; k++) {
      const product = ids[Math.min(ids.length - 1, Math.floor(Math.pow(random(), 2.2) * ids.length))]!;
      const time = start + d * DAY + (7 + Math.floor(random() * 16)) * HOUR + Math.floor(random() * HOUR);
      push(typeOf(), time, pick(members), product, random() < 0.1 ? [pick(['ootd', 'newin', 'weekendlook'])] : undefined);
    }
  }
  // The trend: a quiet product, ten cities in two days, growing.
  const trendProduct = ids[ids.length - 1]!;
  const onsetDay = days - 9;
  const spreadOrder = SAMPLE_CITIES.slice(0, 12).map((c) => c.city);
  const citiesByDay = [2, 5, 10, 12, 12, 12, 12, 12, 12];
  const actorsByDay = [6, 14, 24, 34, 40, 40, 36, 30, 24];
  let onset = Infinity;
  let fresh = 1000;
  for (let k = 0; k < actorsByDay.length && onsetDay + k < days; k++) {
    for (let a = 0; a < actorsByDay[k]!; a++) {
      const city = spreadOrder[Math.min(citiesByDay[k]! - 1, Math.floor(Math.pow(random(), 1.4) * citiesByDay[k]!))]!;
      const place = SAMPLE_CITIES.find((c) => c.city === city)!;
      const member = { handle: `t${fresh++}`, place };
      const time = start + (onsetDay + k) * DAY + (7 + Math.floor(random() * 15)) * HOUR + Math.floor(random() * HOUR);
      onset = Math.min(onset, time);
      push('view', time, member, trendProduct);
      if (random() < 0.5) push('love', time + 60_000, member, trendProduct);
      if (random() < 0.3) push('share', time + 120_000, member, trendProduct);
      if (random() < 0.15) push('photo', time + 180_000, member, trendProduct);
    }
  }
  // Decoys.
  const spam = ids[ids.length - 2]!;
  const spammer = members[0]!;
  for (let i = 0; i < 250; i++) push(i % 5 === 0 ? 'share' : 'view', start + (days - 6) * DAY + 14 * HOUR + i * 30_000, spammer, spam, ['dealoftheday']);
  const weekly = ids[ids.length - 3]!;
  for (let d = 5; d < days; d += 7) {
    for (let a = 0; a < 25; a++) push(random() < 0.7 ? 'view' : 'love', start + d * DAY + (9 + Math.floor(random() * 12)) * HOUR, pick(members), weekly);
  }
  const oneCity = ids[ids.length - 4]!;
  const seoul = SAMPLE_CITIES.find((c) => c.city === 'Seoul')!;
  for (let a = 0; a < 50; a++) {
    const member = { handle: `c${a}`, place: seoul };
    const time = start + (days - 12) * DAY + Math.floor(random() * 36 * HOUR);
    push('view', time, member, oneCity);
    if (random() < 0.5) push('love', time + 60_000, member, oneCity);
    if (random() < 0.2) push('photo', time + 120_000, member, oneCity);
  }
  events.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
  return { events, products, start, end, trend: { product: trendProduct, onset, cities: spreadOrder }, decoys: { spam, weekly, oneCity } };
}

/** The hemisphere of the sample's cities. */
export function sampleHemisphere(city: string | undefined): 'north' | 'south' {
  return SAMPLE_CITIES.find((c) => c.city === city)?.south ? 'south' : 'north';
}

/** The sample's events as the API takes them (`POST /api/v1/events`). */
export function contractEventsOf(events: readonly TrendEvent[]): Record<string, unknown>[] {
  return events.map((e) => ({
    id: e.id,
    type: e.type,
    time: new Date(e.time).toISOString(),
    actor: e.actor,
    product: e.product ?? null,
    brand: e.brand ?? null,
    hashtags: e.hashtags ?? null,
    city: e.city ?? null,
    country: e.country ?? null,
  }));
}

/** The events in an order where each may come before others up to `window` earlier in event time. */
export function shuffledWithin(events: readonly TrendEvent[], window: number, seed: number): TrendEvent[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: TrendEvent[] = [];
  let block: TrendEvent[] = [];
  let blockStart = events[0]?.time ?? 0;
  const flush = () => {
    for (let i = block.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [block[i], block[j]] = [block[j]!, block[i]!];
    }
    out.push(...block);
    block = [];
  };
  for (const e of events) {
    if (e.time - blockStart >= window) {
      flush();
      blockStart = e.time;
    }
    block.push(e);
  }
  flush();
  return out;
}
