/**
 * Months of interactions, one day at a time (so the netset's million events never sit in memory at
 * once): views, searches, loves, shares, comments, bag adds and purchases, with each hemisphere's
 * seasons, the weekly and daily cycles, travel, trans-seasonal buying at the plan's share, and the
 * channel mix of a mobile-first network whose sales still close on the web and with stylists.
 *
 * Every draw comes from streams forked from the seed, day by day, so a day's activity does not
 * depend on how the days before were consumed.
 */
import type { ContractEvent } from '../modules/events/index.js';
import { HOUR_WEIGHTS, inSeasonClass, seasonAt, WEEKDAY_WEIGHTS, type SeasonClass } from './calendar.js';
import type { PlannedProduct } from './catalogue.js';
import { Random, WeightedSampler } from './random.js';
import { cityAt, DAY, type WorldView } from './world.js';

export interface SeedLove {
  account: number;
  product: string;
  at: number;
}
export interface SeedShare {
  id: string;
  account: number;
  product: string;
  channel: 'link' | 'whatsapp' | 'instagram' | 'email' | 'message';
  at: number;
}
export interface SeedComment {
  id: string;
  account: number;
  product: string;
  body: string;
  at: number;
}
export interface SeedOrderLine {
  product: string;
  sku: string;
  size: string;
  quantity: number;
  unitMinor: number;
}
export interface SeedOrder {
  id: string;
  account: number;
  at: number;
  channel: 'web' | 'app' | 'chat' | 'whatsapp';
  /** The assisting stylist's account id, for chat and WhatsApp sales. */
  stylistId: string | null;
  lines: SeedOrderLine[];
  totalMinor: number;
}

/** What one day adds to the world. */
export interface DayActivity {
  events: ContractEvent[];
  loves: SeedLove[];
  shares: SeedShare[];
  comments: SeedComment[];
  orders: SeedOrder[];
}

export function emptyDay(): DayActivity {
  return { events: [], loves: [], shares: [], comments: [], orders: [] };
}

type TrafficType = 'view' | 'search' | 'love' | 'share' | 'comment' | 'add_to_bag' | 'purchase';
const TYPES: readonly TrafficType[] = ['view', 'search', 'love', 'share', 'comment', 'add_to_bag', 'purchase'];
const TYPE_WEIGHTS = [0.5, 0.09, 0.14, 0.05, 0.04, 0.09, 0.035];
/** Browsing happens on phones; buying still closes on the web, and with stylists in chat and WhatsApp. */
const TRAFFIC_DEVICES = ['app', 'mobile_web', 'web'] as const;
const TRAFFIC_DEVICE_WEIGHTS = [0.45, 0.22, 0.33];
const SALE_DEVICES = ['web', 'app', 'mobile_web'] as const;
const SALE_DEVICE_WEIGHTS = [0.52, 0.34, 0.14];
/** Share of a stylist's client's purchases made in chat or WhatsApp with the stylist. */
const ASSISTED_SHARE = 0.55;
const SHARE_CHANNELS = ['link', 'whatsapp', 'instagram', 'email', 'message'] as const;
const COMMENTS = [
  'Obsessed with this colour', 'Does it run small?', 'Need this for the summer', 'The fabric looks amazing', 'Just ordered mine!',
  'Perfect for a wedding', 'Is it lined?', 'So chic', 'Wore it all weekend', 'Love the cut', 'Restock please', 'Gorgeous in person',
  'What size are you wearing?', 'Adding to my wishlist', 'Stunning with white sneakers',
];

const hourSampler = new WeightedSampler(HOUR_WEIGHTS);

/** The product types by count, excluding follows and photos which have their own generators. */
export function typeShares(): Record<TrafficType, number> {
  const total = TYPE_WEIGHTS.reduce((a, b) => a + b, 0);
  return Object.fromEntries(TYPES.map((t, i) => [t, TYPE_WEIGHTS[i]! / total])) as Record<TrafficType, number>;
}

/** How many base interactions fall on each day: the weekly cycle on a network that grows over the period. */
export function dailyCounts(world: WorldView, total: number): number[] {
  const weights = Array.from({ length: world.plan.days }, (_, d) => {
    const weekday = new Date(world.start + d * DAY).getUTCDay();
    return WEEKDAY_WEIGHTS[weekday]! * (0.75 + (0.5 * d) / Math.max(1, world.plan.days - 1));
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((total * w) / sum));
  counts[counts.length - 1]! += total - counts.reduce((a, b) => a + b, 0);
  return counts;
}

/** A time on local day `day` (days since the start) in a city: the hour from the daily cycle. */
export function localTime(world: WorldView, day: number, cityId: string, random: Random): number {
  const offset = world.offsets.get(cityId) ?? 0;
  const local = world.start + day * DAY + hourSampler.sample(random) * 3_600_000 + random.int(0, 3_599_999);
  return Math.min(world.end - 1, Math.max(world.start, local - offset));
}

/**
 * The season class of a pick for an account on a day: in the home summer or winter a seasonal pick is in
 * season except for the plan's trans-seasonal share; in spring and autumn either class.
 */
export function seasonalClass(world: WorldView, hemisphere: 'north' | 'south', time: number, random: Random): SeasonClass {
  if (!random.chance(world.seasonalShare)) return 'all';
  const favoured = inSeasonClass(seasonAt(time, hemisphere));
  if (favoured === null) return random.chance(0.5) ? 'warm' : 'cold';
  return random.chance(world.plan.transSeasonalShare) ? (favoured === 'warm' ? 'cold' : 'warm') : favoured;
}

/** A product of a season class, by popularity ('all' when the class is empty). */
export function productOfClass(world: WorldView, cls: SeasonClass, random: Random): PlannedProduct {
  const group = world.byClass[cls].products.length > 0 ? world.byClass[cls] : world.byClass.all;
  return group.products[group.sampler.sample(random)]!;
}

export function pickProduct(world: WorldView, hemisphere: 'north' | 'south', time: number, random: Random): PlannedProduct {
  return productOfClass(world, seasonalClass(world, hemisphere, time, random), random);
}

/** A size of the product, preferring one in stock; the feed's sku for it. */
export function pickSize(product: PlannedProduct, random: Random): { size: string; sku: string } {
  const inStock = product.sizes.filter(([, stock]) => stock > 0);
  const [size] = random.pick(inStock.length > 0 ? inStock : product.sizes);
  return { size, sku: product.sizes.length > 1 ? `${product.id}-${size.replace(/\s+/g, '')}` : product.id };
}

export function unitPrice(product: PlannedProduct): number {
  return product.salePriceMinor ?? product.priceMinor;
}

/** The event's fields every generator fills the same way. */
export function baseEvent(id: string, type: ContractEvent['type'], time: number, handle: string, city: { name: string; country: string }): ContractEvent {
  return {
    id,
    type,
    time: new Date(time).toISOString(),
    actor: handle,
    product: null,
    brand: null,
    hashtags: null,
    city: city.name,
    country: city.country,
    device: null,
    channel: null,
    quantity: null,
    amountMinor: null,
    currency: null,
    subject: null,
  };
}

/** Generates day `day`'s base interactions; `loved` carries who loved what across days (a love is once). */
export function generateDay(world: WorldView, day: number, count: number, loved: Set<string>): DayActivity {
  const random = new Random(world.seed, `activity/day-${day}`);
  const out = emptyDay();
  const dayEnd = world.start + (day + 1) * DAY;
  const typeSampler = new WeightedSampler(TYPE_WEIGHTS);
  let n = 0;
  while (n < count) {
    const type = TYPES[typeSampler.sample(random)]!;
    const position = type === 'purchase' ? world.spending.sample(random) : world.activity.sample(random);
    const actorIndex = world.actors[position]!;
    const account = world.people.accounts[actorIndex]!;
    if (account.createdAt >= dayEnd) continue;
    const homeCity = world.cities.get(account.cityId)!;
    const time = Math.max(account.createdAt, localTime(world, day, homeCity.id, random));
    const city = cityAt(world, actorIndex, time);
    const cls = seasonalClass(world, account.hemisphere, time, random);
    let product = productOfClass(world, cls, random);
    if (type === 'purchase') {
      // The biggest spenders also buy the dearer pieces: the best-priced of a few they looked at.
      const rank = world.spendRank[position]!;
      for (let looks = rank > 0.97 ? 3 : rank > 0.85 ? 1 : 0; looks > 0; looks--) {
        const other = productOfClass(world, cls, random);
        if (unitPrice(other) > unitPrice(product)) product = other;
      }
    }
    const id = `seed-${world.seed}-${day}-${n}`;
    const event = baseEvent(id, type, time, account.handle, city);
    event.device = random.weighted(TRAFFIC_DEVICES, TRAFFIC_DEVICE_WEIGHTS);
    if (type === 'search') {
      event.subject = `${product.look.colour} ${product.title.split(' ').at(-1)!.toLowerCase()}`;
    } else {
      event.product = product.id;
      event.brand = product.brand;
    }
    if (type === 'love') {
      const key = `${actorIndex}|${product.id}`;
      if (loved.has(key)) event.type = 'view';
      else {
        loved.add(key);
        out.loves.push({ account: actorIndex, product: product.id, at: time });
      }
    } else if (type === 'share') {
      const channel = random.weighted(SHARE_CHANNELS, [0.3, 0.3, 0.2, 0.1, 0.1]);
      event.channel = channel;
      out.shares.push({ id: random.uuid(), account: actorIndex, product: product.id, channel, at: time });
    } else if (type === 'comment') {
      out.comments.push({ id: random.uuid(), account: actorIndex, product: product.id, body: random.pick(COMMENTS), at: time });
    } else if (type === 'add_to_bag') {
      event.quantity = 1;
    } else if (type === 'purchase') {
      purchase(out, event, { world, actorIndex, product, time, random });
    }
    out.events.push(event);
    n++;
  }
  return out;
}

function purchase(
  out: DayActivity,
  event: ContractEvent,
  at: { world: WorldView; actorIndex: number; product: PlannedProduct; time: number; random: Random },
): void {
  const { world, actorIndex, product, time, random } = at;
  const account = world.people.accounts[actorIndex]!;
  const assisted = account.stylistId !== null && random.chance(ASSISTED_SHARE);
  const device = assisted ? (random.chance(0.6) ? 'chat' : 'whatsapp') : random.weighted(SALE_DEVICES, SALE_DEVICE_WEIGHTS);
  const { size, sku } = pickSize(product, random);
  const quantity = random.chance(0.08) ? 2 : 1;
  const unitMinor = unitPrice(product);
  event.device = device;
  event.quantity = quantity;
  event.amountMinor = unitMinor * quantity;
  event.currency = 'GBP';
  event.channel = device === 'mobile_web' ? 'web' : device;
  out.orders.push({
    id: random.uuid(),
    account: actorIndex,
    at: time,
    channel: event.channel as SeedOrder['channel'],
    stylistId: assisted ? account.stylistId : null,
    lines: [{ product: product.id, sku, size, quantity, unitMinor }],
    totalMinor: unitMinor * quantity,
  });
}
