/**
 * The demo catalogue: brands and products planned from a seed, their images drawn by the garment
 * renderer, written as a Merchant Center feed (JSON Lines, local images) and imported through the same
 * importer an operator uses — so the seed's products obey every rule the catalogue has.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../platform/db/index.js';
import type { BlobStorage } from '../platform/storage/index.js';
import { importCatalogFeed, type ImportReport } from '../modules/catalog/index.js';
import { nearTwin, productLook, renderProductImage, seededRng, type ProductImageSpec, type Rng } from './images/index.js';

export interface CataloguePlanOptions {
  seed: number;
  brands: number;
  products: number;
  /** The world's "now": release dates of early-access products are counted from it. */
  now: Date;
}

export interface PlannedProduct {
  id: string;
  title: string;
  brand: string;
  category: string;
  subcategory: string | null;
  look: ProductImageSpec;
  /** The product whose look this one copies in another colour, if it is a near-twin. */
  twinOf: string | null;
  priceMinor: number;
  salePriceMinor: number | null;
  /** size → units in stock. */
  sizes: [string, number][];
  releaseAt: Date | null;
  material: string;
  gender: 'female' | 'male' | 'unisex';
}

const CATEGORY_WEIGHTS: [string, string | null, string, number][] = [
  // category, subcategory, the feed's product_type, weight
  ['dresses', null, 'Dresses', 12],
  ['tops', null, 'Tops', 9],
  ['shirts', null, 'Shirts', 5],
  ['knitwear', null, 'Knitwear', 7],
  ['coats-jackets', null, 'Coats & Jackets', 7],
  ['trousers', null, 'Trousers', 6],
  ['jeans', null, 'Jeans', 5],
  ['skirts', null, 'Skirts', 5],
  ['shorts', null, 'Shorts', 3],
  ['swimwear', null, 'Swimwear', 4],
  ['lingerie', null, 'Lingerie', 3],
  ['shoes', 'heels', 'Shoes > Heels', 5],
  ['shoes', 'flats', 'Shoes > Flats', 3],
  ['shoes', 'sneakers', 'Shoes > Sneakers', 4],
  ['shoes', 'boots', 'Shoes > Boots', 4],
  ['bags', null, 'Bags', 7],
  ['hats', null, 'Hats', 2],
  ['jewellery', null, 'Jewellery', 4],
  ['watches', null, 'Watches', 2],
  ['accessories', null, 'Accessories', 3],
];

const NOUNS: Record<string, string> = {
  slip: 'slip dress', 'a-line': 'A-line dress', wrap: 'wrap dress', 'shirt-dress': 'shirt dress', maxi: 'maxi dress',
  tee: 'T-shirt', blouse: 'blouse', tank: 'tank top', shirt: 'shirt', jumper: 'jumper', cardigan: 'cardigan',
  trench: 'trench coat', puffer: 'puffer jacket', blazer: 'blazer', straight: 'straight trousers', wide: 'wide-leg trousers',
  jeans: 'jeans', mini: 'mini skirt', 'pleated-midi': 'pleated midi skirt', shorts: 'shorts', bikini: 'bikini',
  swimsuit: 'swimsuit', 'bra-set': 'bra set', bodysuit: 'lace bodysuit', heels: 'slingback heels', flats: 'ballet flats',
  sneakers: 'sneakers', boots: 'ankle boots', tote: 'tote bag', clutch: 'clutch', crossbody: 'crossbody bag', beret: 'beret',
  fedora: 'fedora', cap: 'cap', necklace: 'pendant necklace', earrings: 'drop earrings', watch: 'watch', scarf: 'scarf',
  belt: 'leather belt', sunglasses: 'sunglasses',
};
const ADJECTIVES = ['Tailored', 'Oversized', 'Cropped', 'Draped', 'Relaxed', 'Structured', 'Fluid', 'Classic', 'Soft', 'Sculpted', 'Belted', 'Easy'];
const MATERIALS: Record<string, string[]> = {
  default: ['cotton', 'silk', 'wool', 'linen', 'viscose', 'cashmere'],
  shoes: ['leather', 'suede', 'canvas'],
  bags: ['leather', 'canvas', 'raffia'],
  jewellery: ['gold-plated brass', 'sterling silver'],
  watches: ['stainless steel'],
  jeans: ['denim'],
  swimwear: ['recycled nylon'],
};
const BRAND_FIRST = ['Maison', 'Atelier', 'Studio', 'House of', 'Casa', 'Officine', ''];
const BRAND_WORDS = ['Verre', 'Nord', 'Sable', 'Lumen', 'Arden', 'Calla', 'Oriel', 'Fenwick', 'Marlowe', 'Isola', 'Kestrel', 'Solenne', 'Tamsin',
  'Rive', 'Ostra', 'Velin', 'Corde', 'Halden', 'Mireille', 'Saffa', 'Brume', 'Lisière', 'Onda', 'Peregrine', 'Quill', 'Roselle', 'Sorrel',
  'Tova', 'Umber', 'Vale', 'Wren', 'Yara', 'Zephyr', 'Alder', 'Bellamy', 'Cressida', 'Dune', 'Ember', 'Fable', 'Garance'];
const CLOTHING_SIZES = ['XS', 'S', 'M', 'L', 'XL'];
const SHOE_SIZES = ['36', '37', '38', '39', '40', '41'];
const WAIST_SIZES = ['24', '26', '28', '30', '32'];
const PRICE_RANGES: Record<string, [number, number]> = {
  dresses: [9_000, 120_000], tops: [3_000, 45_000], shirts: [6_000, 40_000], knitwear: [9_000, 90_000], 'coats-jackets': [20_000, 250_000],
  trousers: [8_000, 60_000], jeans: [9_000, 40_000], skirts: [7_000, 60_000], shorts: [5_000, 30_000], swimwear: [6_000, 35_000],
  lingerie: [4_000, 25_000], shoes: [15_000, 110_000], bags: [25_000, 350_000], hats: [6_000, 40_000], jewellery: [8_000, 150_000],
  watches: [30_000, 900_000], accessories: [5_000, 60_000],
};

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length) % list.length]!;
const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function weighted<T extends { 3: number }>(rng: Rng, list: readonly T[]): T {
  const total = list.reduce((sum, item) => sum + item[3], 0);
  let r = rng() * total;
  for (const item of list) {
    r -= item[3];
    if (r < 0) return item;
  }
  return list[list.length - 1]!;
}

/** Brand names, unique and the same for a seed. */
export function planBrands(rng: Rng, count: number): string[] {
  const names = new Set<string>();
  for (let i = 0; names.size < count; i++) {
    const word = BRAND_WORDS[i % BRAND_WORDS.length]!;
    const first = pick(rng, BRAND_FIRST);
    const suffix = i >= BRAND_WORDS.length ? ` ${['Paris', 'Milano', 'London', 'Studio', 'Collective', 'Atelier', 'Co.'][Math.floor(i / BRAND_WORDS.length) % 7]}` : '';
    const name = `${first ? `${first} ` : ''}${word}${suffix}`;
    names.add(names.has(name) ? `${name} ${i}` : name);
  }
  return [...names];
}

function sizesFor(rng: Rng, category: string): [string, number][] {
  const scale = category === 'shoes' ? SHOE_SIZES : category === 'jeans' ? WAIST_SIZES
    : ['bags', 'hats', 'jewellery', 'watches', 'accessories'].includes(category) ? ['One size'] : CLOTHING_SIZES;
  const soldOut = rng() < 0.03;
  return scale.map((size) => [size, soldOut || rng() < 0.12 ? 0 : 1 + Math.floor(rng() * 12)]);
}

/** Plans the whole catalogue from the seed: no randomness afterwards. */
export function planCatalogue(options: CataloguePlanOptions): { brands: string[]; products: PlannedProduct[] } {
  const rng = seededRng(`catalogue:${options.seed}`);
  const brands = planBrands(rng, options.brands);
  const products: PlannedProduct[] = [];
  for (let i = 0; i < options.products; i++) {
    const id = `CT${String(i + 1).padStart(5, '0')}`;
    const previous = products.length > 0 ? pick(rng, products) : null;
    // About one in ten is a near-twin: the same cut, pattern and details as an earlier product, in another colour.
    const twin = previous !== null && rng() < 0.1 ? previous : null;
    const [category, subcategory] = twin ? [twin.category, twin.subcategory] : weighted(rng, CATEGORY_WEIGHTS);
    const look = twin ? nearTwin(twin.look, pick(rng, ['black', 'red', 'navy', 'beige', 'green', 'pink'].filter((c) => c !== twin.look.colour))) : productLook(rng, category, subcategory);
    const [low, high] = PRICE_RANGES[category] ?? [5_000, 50_000];
    const priceMinor = Math.round((low + rng() * (high - low)) / 500) * 500;
    const material = pick(rng, MATERIALS[category] ?? MATERIALS.default!);
    products.push({
      id,
      title: `${pick(rng, ADJECTIVES)} ${look.colour} ${material} ${NOUNS[look.cut] ?? look.cut}`.replace(/\s+/g, ' '),
      brand: twin?.brand ?? pick(rng, brands),
      category,
      subcategory,
      look,
      twinOf: twin?.id ?? null,
      priceMinor,
      salePriceMinor: rng() < 0.12 ? Math.round((priceMinor * (0.5 + rng() * 0.3)) / 500) * 500 : null,
      sizes: sizesFor(rng, category),
      releaseAt: rng() < 0.02 ? new Date(options.now.getTime() + (1 + Math.floor(rng() * 14)) * 86_400_000) : null,
      material,
      gender: category === 'watches' || category === 'sneakers' ? 'unisex' : rng() < 0.85 ? 'female' : rng() < 0.5 ? 'male' : 'unisex',
    });
  }
  return { brands, products };
}

const money = (minor: number) => `${(minor / 100).toFixed(2)} GBP`;

/** One feed row per size, grouped by the product id; images are local files beside the feed. */
export function feedRows(product: PlannedProduct, productType: string): Record<string, unknown>[] {
  const grouped = product.sizes.length > 1;
  return product.sizes.map(([size, stock]) => ({
    id: grouped ? `${product.id}-${size.replace(/\s+/g, '')}` : product.id,
    item_group_id: grouped ? product.id : undefined,
    title: titleCase(product.title),
    description: `${titleCase(product.title)} by ${product.brand}. ${titleCase(product.material)}.`,
    image_link: `images/${product.id}.jpg`,
    availability: product.releaseAt ? 'preorder' : stock > 0 ? 'in_stock' : 'out_of_stock',
    availability_date: product.releaseAt?.toISOString(),
    quantity: stock,
    price: money(product.priceMinor),
    sale_price: product.salePriceMinor === null ? undefined : money(product.salePriceMinor),
    brand: product.brand,
    product_type: productType,
    color: product.look.colour,
    size,
    material: product.material,
    pattern: product.look.pattern === 'solid' ? undefined : product.look.pattern,
    gender: product.gender,
    age_group: 'adult',
    condition: 'new',
  }));
}

/** Draws every product's image into `dir/images` and writes `dir/feed.jsonl`; returns the feed's path. */
export async function writeCatalogueFeed(dir: string, products: readonly PlannedProduct[], onImage?: () => void): Promise<string> {
  await mkdir(path.join(dir, 'images'), { recursive: true });
  const lines: string[] = [];
  const productTypes = new Map(CATEGORY_WEIGHTS.map(([c, s, type]) => [`${c}/${s ?? ''}`, type]));
  // Four at a time: sharp renders on the libuv pool (four threads); two per core hide the encoder's waits.
  for (let i = 0; i < products.length; i += 4) {
    await Promise.all(
      products.slice(i, i + 4).map(async (product) => {
        const image = await renderProductImage(product.look);
        await writeFile(path.join(dir, 'images', `${product.id}.jpg`), image.jpeg);
        onImage?.();
      }),
    );
  }
  for (const product of products) {
    const type = productTypes.get(`${product.category}/${product.subcategory ?? ''}`) ?? product.category;
    for (const row of feedRows(product, type)) lines.push(JSON.stringify(row));
  }
  const file = path.join(dir, 'feed.jsonl');
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

/** Imports the written feed through the catalogue importer, with the world's clock. */
export async function importCatalogue(deps: { database: Database; storage: BlobStorage }, file: string, now: Date): Promise<ImportReport> {
  return importCatalogFeed(deps, { file, source: 'demo-world.jsonl', now: () => now });
}
