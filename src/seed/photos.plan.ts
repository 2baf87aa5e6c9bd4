/**
 * Member photo posts, planned before any pixel is drawn: who posts, when, from which city (home or a
 * trip), which products are in the picture (one, sometimes two), and the caption with its hashtags
 * and the odd @brand. Travellers say where they are going ("packing for Istanbul") and where they are.
 * Each post becomes one `photo` event per product; the image itself is composed later (photos/).
 */
import type { ContractEvent } from '../modules/events/index.js';
import { seasonAt } from './calendar.js';
import { baseEvent, dailyCounts, localTime, pickProduct } from './activity.js';
import type { PlannedProduct } from './catalogue.js';
import { Random } from './random.js';
import { cityAt, DAY, tripAhead, type WorldView } from './world.js';

export interface PlannedPhoto {
  id: string;
  /** Index into people.accounts. */
  author: number;
  at: number;
  cityId: string;
  products: PlannedProduct[];
  caption: string;
  hashtags: string[];
}

const SEASON_TAGS: Record<string, string[]> = {
  summer: ['summerstyle', 'beachday', 'sunnydays'],
  winter: ['winterlayers', 'cosyseason', 'coldweatherstyle'],
  spring: ['springlooks', 'newseason'],
  autumn: ['autumnstyle', 'transitionalstyle'],
};
const EVERYDAY_TAGS = ['ootd', 'lookoftheday', 'wiwt', 'styleinspo', 'newin', 'weekendlook', 'workwear'];
const OPENERS = ['Today’s look', 'New favourite', 'Could not resist', 'Finally arrived', 'Weekend mood', 'Wearing it on repeat', 'Date night', 'Office ready'];

/** The "@brand" an author may tag: brand name → its account's handle. */
export function brandHandles(world: WorldView, brandNames: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const account of world.people.accounts) {
    if (account.kind === 'brand' && account.brandIndex !== null) out.set(brandNames[account.brandIndex]!, account.handle);
  }
  return out;
}

/** A caption for a post: an opener, travel words when there are any, a few hashtags, maybe the brand. */
export function captionFor(
  world: WorldView,
  random: Random,
  post: { author: number; at: number; cityId: string; products: readonly PlannedProduct[] },
  brands: ReadonlyMap<string, string>,
  extraTags: readonly string[] = [],
): { caption: string; hashtags: string[] } {
  const account = world.people.accounts[post.author]!;
  const parts: string[] = [random.pick(OPENERS)];
  const city = world.cities.get(post.cityId)!;
  if (post.cityId !== account.cityId) {
    parts.push(random.pick([`${city.name} nights`, `Hello from ${city.name}`, `${city.name} diaries`]));
  } else {
    const next = tripAhead(world, post.author, post.at, 2 * DAY);
    if (next) parts.push(`packing for ${world.cities.get(next.cityId)!.name} ✈️`);
  }
  const tags = new Set<string>(extraTags);
  if (random.chance(0.7)) tags.add(random.pick(EVERYDAY_TAGS));
  if (random.chance(0.5)) tags.add(random.pick(SEASON_TAGS[seasonAt(post.at, city.hemisphere)]!));
  if (post.cityId !== account.cityId && random.chance(0.6)) tags.add('travel');
  const handle = brands.get(post.products[0]!.brand);
  const mention = handle && random.chance(0.3) ? ` @${handle}` : '';
  const hashtags = [...tags];
  return { caption: `${parts.join(' · ')}${mention}${hashtags.length > 0 ? ` ${hashtags.map((t) => `#${t}`).join(' ')}` : ''}`, hashtags };
}

/** The `photo` events of a post: one per product in it. */
export function photoEvents(world: WorldView, photo: PlannedPhoto, idPrefix: string): ContractEvent[] {
  const account = world.people.accounts[photo.author]!;
  const city = world.cities.get(photo.cityId)!;
  return photo.products.map((product, i) => {
    const event = baseEvent(`${idPrefix}-${i}`, 'photo', photo.at, account.handle, city);
    event.product = product.id;
    event.brand = product.brand;
    event.hashtags = photo.hashtags.length > 0 ? photo.hashtags : null;
    event.device = 'app';
    event.subject = photo.id;
    return event;
  });
}

/** Plans `count` ordinary photo posts over the period (the planted trends add their own). */
export function planPhotos(world: WorldView, count: number, brandNames: readonly string[]): PlannedPhoto[] {
  const random = new Random(world.seed, 'photos/plan');
  const brands = brandHandles(world, brandNames);
  const perDay = dailyCounts(world, count);
  const photos: PlannedPhoto[] = [];
  for (let day = 0; day < perDay.length; day++) {
    for (let made = 0; made < perDay[day]!; ) {
      const author = world.actors[world.activity.sample(random)]!;
      const account = world.people.accounts[author]!;
      const at = localTime(world, day, account.cityId, random);
      if (account.createdAt >= at) continue;
      const cityId = cityAt(world, author, at).id;
      const first = pickProduct(world, account.hemisphere, at, random);
      const products = [first];
      if (random.chance(0.2)) {
        const second = pickProduct(world, account.hemisphere, at, random);
        if (second.id !== first.id && second.category !== first.category) products.push(second);
      }
      const { caption, hashtags } = captionFor(world, random, { author, at, cityId, products }, brands);
      photos.push({ id: random.uuid(), author, at, cityId, products, caption, hashtags });
      made++;
    }
  }
  return photos;
}
