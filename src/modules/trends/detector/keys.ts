/** Which trend keys an event counts for, and how much each event type weighs. */
import type { ProductFacts, ProductLookup, TrendEvent, TrendKind } from './types.js';

/**
 * Weight of one member's event of a type: a photo, a purchase or a share says more about a trend
 * than a view. Follows and searches are not about a product and are not counted.
 */
export const TYPE_WEIGHTS: Readonly<Record<string, number>> = {
  view: 1,
  love: 2,
  comment: 2,
  add_to_bag: 2,
  share: 3,
  photo: 4,
  purchase: 4,
};

/** The counted types, in a fixed order (an index into per-type counters). */
export const COUNTED_TYPES = Object.keys(TYPE_WEIGHTS);
export const TYPE_INDEX: ReadonlyMap<string, number> = new Map(COUNTED_TYPES.map((t, i) => [t, i]));
/** The weights by type index. */
export const WEIGHT_BY_INDEX: readonly number[] = COUNTED_TYPES.map((t) => TYPE_WEIGHTS[t]!);

export interface KeyDescriptor {
  kind: TrendKind;
  key: string;
  label: string;
  category: string | null;
}

const capitalise = (s: string) => (s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1));

/** The label a buyer reads for a category × colour key: "Red shoes". */
export function categoryColourLabel(category: string, colour: string): string {
  return `${capitalise(colour)} ${category.replace(/-/g, ' ')}`;
}

/** A stable 32-bit hash (FNV-1a) of a key, for partitioning keys between workers. */
export function keyHash(kind: string, key: string): number {
  let h = 0x811c9dc5;
  const text = `${kind}\u0000${key}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The keys of an event: its product, its brand (the event's, else the product's), the product's
 * category × its main colour (the palette's first), and each hashtag. A product the catalogue does not know still
 * counts as a product key (and its brand, when the event names one).
 */
export function keysOf(event: TrendEvent, products: ProductLookup): KeyDescriptor[] {
  const keys: KeyDescriptor[] = [];
  const facts: ProductFacts | null = event.product ? products(event.product) : null;
  if (event.product) keys.push({ kind: 'product', key: event.product, label: facts?.title ?? event.product, category: facts?.category ?? null });
  const brand = event.brand ?? facts?.brand;
  if (brand) keys.push({ kind: 'brand', key: brand, label: brand, category: null });
  const colour = facts?.colours[0];
  if (facts && colour) {
    keys.push({ kind: 'category_colour', key: `${facts.category}/${colour}`, label: categoryColourLabel(facts.category, colour), category: facts.category });
  }
  if (event.hashtags) {
    const seen = new Set<string>();
    for (const raw of event.hashtags) {
      const tag = raw.replace(/^#+/, '').toLowerCase();
      if (tag === '' || seen.has(tag)) continue;
      seen.add(tag);
      keys.push({ kind: 'hashtag', key: tag, label: `#${tag}`, category: null });
    }
  }
  return keys;
}
