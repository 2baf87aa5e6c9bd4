/**
 * Coterie's category taxonomy and the mapping from what retailers put in their feeds
 * (Google product taxonomy, their own `product_type`, the product title) onto it.
 *
 * Precedence, highest first (the first source that names a category wins):
 *   1. `google_product_category` — a numeric Google id we know, else its path, deepest segment first;
 *   2. `product_type` — the retailer's own path, deepest segment first;
 *   3. words in the title.
 * Within one text the garment noun usually comes last in English ("shirt dress" is a dress, "dress
 * shirt" a shirt), so the latest keyword wins, except swimwear and lingerie words, which win outright
 * ("bikini top" is swimwear). The subcategory (shoes only) comes from the same source when it names
 * one, otherwise from the next source that names one of that category's subcategories.
 */

export interface Subcategory {
  readonly slug: string;
  readonly name: string;
}

export interface Category {
  readonly slug: string;
  readonly name: string;
  readonly subcategories: readonly Subcategory[];
}

export const CATEGORIES: readonly Category[] = [
  { slug: 'dresses', name: 'Dresses', subcategories: [] },
  { slug: 'tops', name: 'Tops', subcategories: [] },
  { slug: 'shirts', name: 'Shirts', subcategories: [] },
  { slug: 'knitwear', name: 'Knitwear', subcategories: [] },
  { slug: 'coats-jackets', name: 'Coats & Jackets', subcategories: [] },
  { slug: 'trousers', name: 'Trousers', subcategories: [] },
  { slug: 'jeans', name: 'Jeans', subcategories: [] },
  { slug: 'skirts', name: 'Skirts', subcategories: [] },
  { slug: 'shorts', name: 'Shorts', subcategories: [] },
  { slug: 'swimwear', name: 'Swimwear', subcategories: [] },
  { slug: 'lingerie', name: 'Lingerie', subcategories: [] },
  {
    slug: 'shoes',
    name: 'Shoes',
    subcategories: [
      { slug: 'heels', name: 'Heels' },
      { slug: 'flats', name: 'Flats' },
      { slug: 'sneakers', name: 'Sneakers' },
      { slug: 'boots', name: 'Boots' },
    ],
  },
  { slug: 'bags', name: 'Bags', subcategories: [] },
  { slug: 'hats', name: 'Hats', subcategories: [] },
  { slug: 'jewellery', name: 'Jewellery', subcategories: [] },
  { slug: 'watches', name: 'Watches', subcategories: [] },
  { slug: 'accessories', name: 'Accessories', subcategories: [] },
];

export interface CategoryMatch {
  category: string;
  subcategory: string | null;
}

/** Whether `slug` is one of Coterie's top-level category slugs. */
export function isCategorySlug(slug: string): boolean {
  return CATEGORIES.some((c) => c.slug === slug);
}

// Google product taxonomy ids we are certain of; anything else falls back to the path or product_type.
const GOOGLE_IDS: ReadonlyMap<string, CategoryMatch> = new Map([
  ['2271', { category: 'dresses', subcategory: null }],
  ['187', { category: 'shoes', subcategory: null }],
  ['3032', { category: 'bags', subcategory: null }],
  ['188', { category: 'jewellery', subcategory: null }],
  ['201', { category: 'watches', subcategory: null }],
  ['212', { category: 'tops', subcategory: null }],
  ['204', { category: 'trousers', subcategory: null }],
  ['1581', { category: 'skirts', subcategory: null }],
  ['207', { category: 'shorts', subcategory: null }],
  ['211', { category: 'swimwear', subcategory: null }],
  ['5598', { category: 'coats-jackets', subcategory: null }],
]);

interface Rule {
  readonly words: readonly string[];
  readonly category: string;
  readonly subcategory: string | null;
  /** Strong words decide the category whatever else the text says. */
  readonly strong: boolean;
}

function rules(category: string, phrases: string, subcategory: string | null = null, strong = false): Rule[] {
  return phrases.split(',').map((p) => ({ words: p.trim().split(' '), category, subcategory, strong }));
}

const RULES: readonly Rule[] = [
  ...rules('dresses', 'dress,gown,sundress,kaftan'),
  ...rules('tops', 'top,t shirt,tshirt,tee,blouse,camisole,cami,tank,bodysuit,tunic,sweatshirt,hoodie'),
  ...rules('shirts', 'shirt,overshirt'),
  ...rules('knitwear', 'knitwear,cardigan,jumper,sweater,pullover,turtleneck'),
  ...rules('coats-jackets', 'coat,jacket,blazer,parka,trench,puffer,gilet,anorak,bomber,outerwear,coats and jackets'),
  ...rules('trousers', 'trousers,pants,chinos,joggers,leggings,culottes,slacks'),
  ...rules('jeans', 'jeans'),
  ...rules('skirts', 'skirt,miniskirt'),
  ...rules('shorts', 'shorts'),
  ...rules('swimwear', 'swimwear,swimsuit,bikini,swim,bathing suit,swimming costume,boardshorts', null, true),
  ...rules('lingerie', 'lingerie,bra,bralette,knickers,underwear,thong,intimates,negligee', null, true),
  ...rules('shoes', 'shoe,footwear,sandal,mule,espadrille,slipper'),
  ...rules('shoes', 'heel,heels,heeled,stiletto,pump,slingback,court shoe', 'heels'),
  ...rules('shoes', 'flats,ballerina,ballet flat,loafer,moccasin', 'flats'),
  ...rules('shoes', 'sneaker,trainer,running shoe', 'sneakers'),
  ...rules('shoes', 'boot,bootie,booties', 'boots'),
  ...rules('bags', 'bag,handbag,tote,clutch,backpack,satchel,crossbody,purse'),
  ...rules('hats', 'hat,beanie,cap,beret,fedora'),
  ...rules('jewellery', 'jewellery,jewelry,necklace,earring,bracelet,ring,pendant,bangle,brooch,anklet'),
  ...rules('watches', 'watch,timepiece,chronograph'),
  ...rules('accessories', 'accessories,accessory,belt,scarf,scarves,gloves,sunglasses,wallet,socks,tights,tie,umbrella'),
];

// Path segments too broad to say anything ("Apparel & Accessories" is not the accessories category).
const IGNORED_SEGMENTS = new Set(['apparel and accessories', 'clothing', 'apparel']);

/** Lower-case, accent-free words; "&" reads as "and", punctuation separates words. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

function wordMatches(token: string, keyword: string): boolean {
  if (token === keyword || token === `${keyword}s`) return true;
  return /(s|x|z|ch|sh)$/.test(keyword) && token === `${keyword}es`;
}

interface Hit {
  rule: Rule;
  end: number;
  length: number;
}

/** The forms a keyword matches as a token (see `wordMatches`): "dress", "dresss", "dresses". */
function formsOf(keyword: string): string[] {
  return /(s|x|z|ch|sh)$/.test(keyword) ? [keyword, `${keyword}s`, `${keyword}es`] : [keyword, `${keyword}s`];
}

// Rules by the forms of their first word, so a text is matched token by token instead of rule by rule
// (the importer categorises every row: this is most of a row's validation time otherwise).
const RULES_BY_FIRST_WORD: ReadonlyMap<string, readonly { rule: Rule; order: number }[]> = (() => {
  const index = new Map<string, { rule: Rule; order: number }[]>();
  RULES.forEach((rule, order) => {
    for (const form of new Set(formsOf(rule.words[0] ?? ''))) index.set(form, [...(index.get(form) ?? []), { rule, order }]);
  });
  return index;
})();

function hitsIn(tokens: readonly string[]): Hit[] {
  const found: { hit: Hit; order: number; start: number }[] = [];
  for (let start = 0; start < tokens.length; start++) {
    for (const { rule, order } of RULES_BY_FIRST_WORD.get(tokens[start] ?? '') ?? []) {
      const n = rule.words.length;
      if (start + n > tokens.length) continue;
      if (rule.words.every((w, k) => wordMatches(tokens[start + k] ?? '', w))) found.push({ hit: { rule, end: start + n, length: n }, order, start });
    }
  }
  // In rule order, then position: ties between equally good hits go the way they always have.
  found.sort((a, b) => a.order - b.order || a.start - b.start);
  return found.map((f) => f.hit);
}

function better(a: Hit, b: Hit): boolean {
  if (a.rule.strong !== b.rule.strong) return a.rule.strong;
  if (a.end !== b.end) return a.end > b.end;
  return a.length > b.length;
}

/** The category one free text names (a title or a single path segment), or null. */
function matchText(text: string): { match: CategoryMatch; hits: Hit[] } | null {
  const hits = hitsIn(words(text));
  let best: Hit | undefined;
  for (const hit of hits) if (best === undefined || better(hit, best)) best = hit;
  if (best === undefined) return null;
  const category = best.rule.category;
  return { match: { category, subcategory: subcategoryFrom(hits, category) }, hits };
}

function subcategoryFrom(hits: readonly Hit[], category: string): string | null {
  let best: Hit | undefined;
  for (const hit of hits) {
    if (hit.rule.category !== category || hit.rule.subcategory === null) continue;
    if (best === undefined || better(hit, best)) best = hit;
  }
  return best?.rule.subcategory ?? null;
}

/** The category a ">"-separated taxonomy path names, reading the deepest segment first. */
function matchPath(path: string): CategoryMatch | null {
  const segments = path.split('>').map((s) => s.trim()).filter((s) => s.length > 0);
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i] ?? '';
    if (IGNORED_SEGMENTS.has(words(segment).join(' '))) continue;
    const found = matchText(segment);
    if (found !== null) return found.match;
  }
  return null;
}

function matchGoogle(value: string): CategoryMatch | null {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    const known = GOOGLE_IDS.get(trimmed);
    return known === undefined ? null : { ...known };
  }
  return matchPath(trimmed);
}

/** Maps a feed row's category hints onto Coterie's taxonomy (see the file comment for precedence). */
export function categoriseProduct(hints: {
  googleProductCategory?: string;
  productType?: string;
  title?: string;
}): CategoryMatch | null {
  const sources: (() => CategoryMatch | null)[] = [
    () => (hints.googleProductCategory ? matchGoogle(hints.googleProductCategory) : null),
    () => (hints.productType ? matchPath(hints.productType) : null),
    () => (hints.title ? (matchText(hints.title)?.match ?? null) : null),
  ];
  let result: CategoryMatch | null = null;
  for (const source of sources) {
    const found = source();
    if (found === null) continue;
    if (result === null) result = found;
    else if (found.category === result.category && result.subcategory === null) result.subcategory = found.subcategory;
    if (result.subcategory !== null) return result;
  }
  // A lower source may name the subcategory under another category's word ("Shoes" then a title "heeled sandal").
  if (result !== null && result.subcategory === null && hints.title) {
    const hits = hitsIn(words(hints.title));
    result.subcategory = subcategoryFrom(hits, result.category);
  }
  return result;
}
