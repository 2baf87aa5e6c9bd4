// productLook: plans a spec from a seeded random source, so a seed world can ask for "a dress" and
// get a varied but reproducible look.
import { Random } from '../random.js';
import { COLOUR_SLUGS } from './colour.js';
import { CUT_DETAILS, CUTS, PATTERNS, type Detail, type ImageCategory, type Pattern, type ProductImageSpec } from './spec.js';

/** A source of numbers in [0, 1). */
export type Rng = () => number;

/** The seed's generator (`src/seed/random.ts`) as a function; a string seed names the stream. */
export function seededRng(seed: number | string): Rng {
  const random = typeof seed === 'number' ? new Random(seed, 'looks') : new Random(0, seed);
  return () => random.next();
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
