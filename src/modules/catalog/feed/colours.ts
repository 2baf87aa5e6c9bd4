/**
 * Coterie's colour palette and the normalisation of the free-text `color` a retailer sends.
 *
 * Decisions a buyer would ask about:
 * - camel, tan, cognac and caramel are browns (they shop next to chocolate, not next to stone);
 *   sand, stone, taupe, nude, oatmeal and ecru are beige.
 * - off-white, ivory, cream and chalk are white; khaki, olive and sage are green; bordeaux,
 *   burgundy and wine are red; indigo and turquoise are blue; navy and midnight are navy.
 * - "rose gold" is gold, "navy blue" is navy (phrases win over their words).
 * - A value naming several colours ("Navy/White", "red & black") keeps them all, in the order given.
 * - Words we do not know are dropped; a value with no known word gives an empty palette.
 */

export interface PaletteColour {
  readonly slug: string;
  readonly name: string;
  /** A swatch for filters; multicolour has no single swatch. */
  readonly hex: string | null;
}

export const PALETTE: readonly PaletteColour[] = [
  { slug: 'black', name: 'Black', hex: '#000000' },
  { slug: 'white', name: 'White', hex: '#FFFFFF' },
  { slug: 'grey', name: 'Grey', hex: '#8A8A8A' },
  { slug: 'beige', name: 'Beige', hex: '#D9C4A3' },
  { slug: 'brown', name: 'Brown', hex: '#7A4B2A' },
  { slug: 'red', name: 'Red', hex: '#C41E3A' },
  { slug: 'pink', name: 'Pink', hex: '#F2A7C3' },
  { slug: 'orange', name: 'Orange', hex: '#F28C28' },
  { slug: 'yellow', name: 'Yellow', hex: '#F5D547' },
  { slug: 'green', name: 'Green', hex: '#3C7A46' },
  { slug: 'blue', name: 'Blue', hex: '#3A6FC4' },
  { slug: 'navy', name: 'Navy', hex: '#1C2841' },
  { slug: 'purple', name: 'Purple', hex: '#6A3D9A' },
  { slug: 'gold', name: 'Gold', hex: '#C9A227' },
  { slug: 'silver', name: 'Silver', hex: '#C0C0C0' },
  { slug: 'multicolour', name: 'Multicolour', hex: null },
];

const SYNONYMS: Record<string, string> = {
  black: 'black,noir,nero,jet,onyx,ebony',
  white: 'white,off white,ivory,cream,chalk,optic white,snow,blanc,bianco,ecru white',
  grey: 'grey,gray,charcoal,anthracite,slate,graphite,gunmetal,ash,heather grey,heather gray',
  beige: 'beige,sand,stone,taupe,nude,oatmeal,ecru,champagne,biscuit,natural',
  brown: 'brown,camel,tan,cognac,caramel,chocolate,mocha,coffee,chestnut,espresso,walnut,marron',
  red: 'red,bordeaux,burgundy,wine,maroon,oxblood,claret,cherry,crimson,scarlet,rouge,rosso',
  pink: 'pink,rose,blush,fuchsia,magenta,salmon,raspberry,dusty rose,rosa',
  orange: 'orange,coral,rust,terracotta,tangerine,apricot,peach,burnt orange',
  yellow: 'yellow,mustard,lemon,ochre,butter,canary',
  green: 'green,khaki,olive,sage,mint,emerald,forest,lime,bottle green,army,jade,vert,verde',
  blue: 'blue,cobalt,azure,sky,turquoise,teal,aqua,denim,indigo,cornflower,royal blue,powder blue,bleu,blu',
  navy: 'navy,navy blue,midnight,midnight blue,marine',
  purple: 'purple,lilac,lavender,violet,plum,mauve,aubergine,amethyst',
  gold: 'gold,golden,rose gold,brass',
  silver: 'silver,metallic silver,chrome,platinum',
  multicolour: 'multi,multicolour,multicolor,multicoloured,multicolored,multi colour,multi color,rainbow,tie dye,assorted',
};

const PHRASES: ReadonlyMap<string, string> = new Map(
  Object.entries(SYNONYMS).flatMap(([slug, list]) => list.split(',').map((p) => [p, slug] as const)),
);
const LONGEST_PHRASE = Math.max(...[...PHRASES.keys()].map((p) => p.split(' ').length));

function tokens(part: string): string[] {
  return part.split(/[^a-z0-9]+/).filter((t) => t.length > 0);
}

/** Maps a feed's free-text colour onto the palette, keeping the raw value. */
export function normaliseColours(raw: string): { palette: string[]; raw: string } {
  const text = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const palette: string[] = [];
  // Separators between colours; "and"/"with" as words too ("black and white").
  for (const part of text.split(/[/,&+;|]|\band\b|\bwith\b|\bor\b/)) {
    const ts = tokens(part);
    let i = 0;
    while (i < ts.length) {
      let matched = 0;
      // Longest phrase first, so "navy blue" beats "blue" and "off white" beats nothing.
      for (let n = Math.min(LONGEST_PHRASE, ts.length - i); n >= 1; n--) {
        const slug = PHRASES.get(ts.slice(i, i + n).join(' '));
        if (slug !== undefined) {
          if (!palette.includes(slug)) palette.push(slug);
          matched = n;
          break;
        }
      }
      i += matched > 0 ? matched : 1;
    }
  }
  return { palette, raw };
}
