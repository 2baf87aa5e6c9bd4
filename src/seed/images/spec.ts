// What one generated product image shows. Everything the renderer draws comes from this value, so the
// same spec always gives the same bytes, and two specs that differ only in `colour`/`accent` ("near
// twins") share their silhouette exactly.

export const PATTERNS = ['solid', 'stripes', 'checks', 'florals', 'dots', 'animal'] as const;
export type Pattern = (typeof PATTERNS)[number];

export const DETAILS = ['buttons', 'belt', 'collar', 'straps', 'pockets', 'laces'] as const;
export type Detail = (typeof DETAILS)[number];

/** Sub-types drawn per category slug (taxonomy.ts); shoes use the taxonomy's own subcategories. */
export const CUTS = {
  dresses: ['slip', 'a-line', 'wrap', 'shirt-dress', 'maxi'],
  tops: ['tee', 'blouse', 'tank'],
  shirts: ['shirt'],
  knitwear: ['jumper', 'cardigan'],
  'coats-jackets': ['trench', 'puffer', 'blazer'],
  trousers: ['straight', 'wide'],
  jeans: ['jeans'],
  skirts: ['mini', 'pleated-midi'],
  shorts: ['shorts'],
  swimwear: ['bikini', 'swimsuit'],
  lingerie: ['bra-set', 'bodysuit'],
  shoes: ['heels', 'flats', 'sneakers', 'boots'],
  bags: ['tote', 'clutch', 'crossbody'],
  hats: ['beret', 'fedora', 'cap'],
  jewellery: ['necklace', 'earrings'],
  watches: ['watch'],
  accessories: ['scarf', 'belt', 'sunglasses'],
} as const satisfies Record<string, readonly string[]>;

export type ImageCategory = keyof typeof CUTS;

/** Details that each cut can show; the planner picks from these, the renderer ignores any other. */
export const CUT_DETAILS: Readonly<Record<string, readonly Detail[]>> = {
  slip: ['straps', 'belt'],
  'a-line': ['buttons', 'belt', 'collar', 'pockets'],
  wrap: ['belt', 'collar'],
  'shirt-dress': ['buttons', 'belt', 'collar', 'pockets'],
  maxi: ['straps', 'belt'],
  tee: ['pockets'],
  blouse: ['buttons', 'collar'],
  tank: ['straps'],
  shirt: ['buttons', 'collar', 'pockets'],
  jumper: ['collar'],
  cardigan: ['buttons', 'pockets'],
  trench: ['buttons', 'belt', 'collar', 'pockets'],
  puffer: ['pockets', 'collar'],
  blazer: ['buttons', 'pockets'],
  straight: ['belt', 'pockets'],
  wide: ['belt', 'buttons'],
  jeans: ['pockets', 'buttons'],
  mini: ['buttons', 'belt'],
  'pleated-midi': ['belt'],
  shorts: ['belt', 'pockets'],
  bikini: ['straps'],
  swimsuit: ['straps', 'belt'],
  'bra-set': ['straps'],
  bodysuit: ['straps', 'buttons'],
  heels: ['straps'],
  flats: ['straps'],
  sneakers: ['laces'],
  boots: ['laces', 'buttons'],
  tote: ['straps', 'pockets'],
  clutch: ['buttons'],
  crossbody: ['straps', 'buttons'],
  beret: [],
  fedora: ['belt'],
  cap: ['buttons'],
  necklace: ['buttons'],
  earrings: [],
  watch: ['straps'],
  scarf: [],
  belt: ['buttons'],
  sunglasses: [],
};

export interface ProductImageSpec {
  /** Category slug from the taxonomy. */
  readonly category: ImageCategory;
  /** One of CUTS[category]. */
  readonly cut: string;
  /** Details drawn, in CUT_DETAILS order; part of the silhouette. */
  readonly details: readonly Detail[];
  /** Fabric pattern; part of the look, drawn inside the silhouette. */
  readonly pattern: Pattern;
  /** Main colour: a palette slug (colours.ts). */
  readonly colour: string;
  /** Second colour for the pattern and the trims: a palette slug. */
  readonly accent: string;
}

/**
 * The silhouette of a spec: two specs with the same key draw the same outline and mask. Colour and
 * accent are not part of it, pattern is not either (it is drawn inside the outline).
 */
export function silhouetteKey(spec: ProductImageSpec): string {
  return `${spec.category}/${spec.cut}/${spec.details.join('+')}`;
}

/** A near twin: the same cut, details and pattern in another colour (and accent). */
export function nearTwin(spec: ProductImageSpec, colour: string, accent = spec.accent): ProductImageSpec {
  return { ...spec, colour, accent };
}
