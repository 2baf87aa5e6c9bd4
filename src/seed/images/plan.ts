// productLook: plans a spec from a seeded random source, so a seed world can ask for "a dress" and
// get a varied but reproducible look.
import { COLOUR_SLUGS } from './colour.js';
import { CUT_DETAILS, CUTS, PATTERNS, type Detail, type ImageCategory, type Pattern, type ProductImageSpec } from './spec.js';

/** A source of numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32 over a 32-bit seed; a string seed is hashed first (FNV-1a). */
export function seededRng(seed: number | string): Rng {
  let a = typeof seed === 'number' ? seed >>> 0 : fnv1a(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length) % list.length]!;

export function isImageCategory(slug: string): slug is ImageCategory {
  return Object.hasOwn(CUTS, slug);
}

// Fabrics worn in each family; jewellery, watches and shoes stay solid, mostly.
const FAMILY_PATTERNS: Partial<Record<ImageCategory, readonly Pattern[]>> = {
  jeans: ['solid'],
  jewellery: ['solid'],
  watches: ['solid'],
  shoes: ['solid', 'solid', 'solid', 'animal'],
  bags: ['solid', 'solid', 'checks', 'animal'],
  hats: ['solid', 'solid', 'checks'],
};
const JEANS_COLOURS = ['blue', 'navy', 'black', 'grey', 'white'];
const METAL_COLOURS = ['gold', 'silver'];

/**
 * A look for one product of `category`; `subcategory` (or a cut name) picks the cut when it names one
 * of CUTS[category], otherwise the cut is drawn at random.
 */
export function productLook(rngOrSeed: Rng | number | string, category: string, subcategory: string | null = null): ProductImageSpec {
  if (!isImageCategory(category)) throw new Error(`unknown category: ${category}`);
  const rng = typeof rngOrSeed === 'function' ? rngOrSeed : seededRng(rngOrSeed);
  const cuts: readonly string[] = CUTS[category];
  const cut = subcategory !== null && cuts.includes(subcategory) ? subcategory : pick(rng, cuts);
  const details: Detail[] = (CUT_DETAILS[cut] ?? []).filter(() => rng() < 0.6);
  const pattern = pick<Pattern>(rng, FAMILY_PATTERNS[category] ?? [...PATTERNS, 'solid', 'solid']);
  const colours = category === 'jeans' ? JEANS_COLOURS : category === 'jewellery' || category === 'watches' ? METAL_COLOURS : COLOUR_SLUGS;
  const colour = pick(rng, colours);
  let accent = pick(rng, COLOUR_SLUGS);
  if (accent === colour) accent = COLOUR_SLUGS[(COLOUR_SLUGS.indexOf(accent) + 3) % COLOUR_SLUGS.length]!;
  return { category, cut, details, pattern, colour, accent };
}

/** Every category and cut with all its details, solid: one spec per drawable sub-type. */
export function allCutSpecs(colour = 'red', accent = 'navy'): ProductImageSpec[] {
  return (Object.keys(CUTS) as ImageCategory[]).flatMap((category) =>
    CUTS[category].map((cut: string) => ({ category, cut, details: [...(CUT_DETAILS[cut] ?? [])], pattern: 'solid' as const, colour, accent })),
  );
}
