#!/usr/bin/env node
// Builds a believable Google Merchant Center feed from the real development photos, so the importer,
// visual search and category suggestions can be tried on pictures nobody here drew.
//
//   node scripts/feed-from-photos.mjs OUT_DIR [PHOTOS_DIR] [--per-class N]
//
// PHOTOS_DIR defaults to $COTERIE_PHOTOS, else ../shared/data/clothing-photos beside the repository
// (labels.csv + images/<class>/*.jpg). Writes OUT_DIR/feed.csv and copies the photos to OUT_DIR/images.
// One product per photo: a brand, a title and a description in the retailer's words, a price (some on
// sale), the colour read from the middle of the photo, sizes as item_group_id variants for about a third,
// a few preorders (early access) and out-of-stock rows, and six deliberately bad rows the import must
// reject (listed when the script ends). Deterministic, except that preorder dates are 45 days from today.
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(message, status = 1) {
  process.stderr.write(`feed-from-photos: ${message}\n`);
  process.exit(status);
}

const args = process.argv.slice(2);
const perClassAt = args.indexOf('--per-class');
let perClass = Infinity;
if (perClassAt !== -1) {
  perClass = Number(args[perClassAt + 1]);
  if (!Number.isInteger(perClass) || perClass < 1) fail('--per-class needs a whole number of 1 or more', 2);
  args.splice(perClassAt, 2);
}
const [outArg, photosArg] = args;
if (!outArg) fail('usage: node scripts/feed-from-photos.mjs OUT_DIR [PHOTOS_DIR] [--per-class N]', 2);
const outDir = path.resolve(outArg);
const photosDir = path.resolve(photosArg ?? process.env.COTERIE_PHOTOS ?? path.join(root, '../shared/data/clothing-photos'));
const labelsFile = path.join(photosDir, 'labels.csv');
if (!(await stat(labelsFile).catch(() => null))?.isFile()) {
  fail(`no photos at ${photosDir} (expected labels.csv and images/<class>/): pass the folder as the second argument or set COTERIE_PHOTOS`);
}

// A tiny seeded generator: the same photos always give the same feed.
let seed = 20240601;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const BRANDS = ['Maison Verre', 'Atelier Nord', 'Oslo Row', 'Kite & Kin', 'Sable Studio', 'Marlow Field', 'Ines Aubert', 'Tideline', 'Rue Sept', 'Fenwick & Lane', 'Hanami', 'Common Thread Co.'];
const LETTER_SIZES = ['XS', 'S', 'M', 'L', 'XL'];

/** What each photo class is sold as: Google category, the retailer's product type, titles, materials, prices (GBP), sizes. */
const CLASSES = {
  dress: { google: 'Apparel & Accessories > Clothing > Dresses', type: 'Womenswear > Dresses', nouns: ['midi dress', 'wrap dress', 'slip dress', 'shirt dress', 'tiered maxi dress'], materials: ['silk', 'viscose', 'cotton poplin', 'linen'], price: [85, 420], sizes: LETTER_SIZES, gender: 'female' },
  hat: { google: 'Apparel & Accessories > Clothing Accessories > Hats', type: 'Accessories > Hats', nouns: ['bucket hat', 'wool beanie', 'baseball cap', 'felt fedora'], materials: ['cotton twill', 'merino wool', 'felt'], price: [25, 140], sizes: null, gender: 'unisex' },
  longsleeve: { google: 'Apparel & Accessories > Clothing > Shirts & Tops', type: 'Tops > Long sleeve', nouns: ['long-sleeve top', 'ribbed long-sleeve tee', 'jersey top', 'striped long-sleeve tee'], materials: ['organic cotton', 'modal', 'merino wool'], price: [30, 120], sizes: LETTER_SIZES, gender: 'unisex' },
  outwear: { google: 'Apparel & Accessories > Clothing > Outerwear > Coats & Jackets', type: 'Outerwear', nouns: ['denim jacket', 'parka', 'wool coat', 'bomber jacket', 'quilted jacket'], materials: ['wool', 'recycled nylon', 'cotton denim', 'leather'], price: [120, 690], sizes: LETTER_SIZES, gender: 'unisex' },
  pants: { google: 'Apparel & Accessories > Clothing > Pants', type: 'Trousers', nouns: ['wide-leg trousers', 'chinos', 'cargo pants', 'pleated trousers', 'joggers'], materials: ['cotton twill', 'wool', 'linen'], price: [60, 260], sizes: ['28', '30', '32', '34', '36'], gender: 'unisex' },
  shirt: { google: 'Apparel & Accessories > Clothing', type: 'Menswear > Shirts', nouns: ['oxford shirt', 'linen shirt', 'flannel shirt', 'poplin shirt'], materials: ['cotton', 'linen', 'brushed cotton'], price: [55, 180], sizes: LETTER_SIZES, gender: 'male' },
  shoes: { google: 'Apparel & Accessories > Shoes', type: 'Shoes', nouns: ['leather sneakers', 'chelsea boots', 'penny loafers', 'running sneakers', 'suede boots'], materials: ['leather', 'suede', 'canvas'], price: [90, 450], sizes: ['38', '39', '40', '41', '42', '43'], gender: 'unisex' },
  shorts: { google: 'Apparel & Accessories > Clothing > Shorts', type: 'Shorts', nouns: ['chino shorts', 'denim shorts', 'linen shorts', 'swim-ready shorts'], materials: ['cotton', 'linen', 'denim'], price: [35, 130], sizes: LETTER_SIZES, gender: 'unisex' },
  skirt: { google: 'Apparel & Accessories > Clothing > Skirts', type: 'Womenswear > Skirts', nouns: ['pleated midi skirt', 'denim skirt', 'satin slip skirt', 'A-line skirt'], materials: ['satin', 'denim', 'wool', 'cotton'], price: [55, 260], sizes: LETTER_SIZES, gender: 'female' },
  't-shirt': { google: 'Apparel & Accessories > Clothing > Shirts & Tops', type: 'Tops > T-shirts', nouns: ['organic cotton T-shirt', 'boxy T-shirt', 'graphic tee', 'pocket T-shirt'], materials: ['organic cotton', 'cotton jersey'], price: [20, 90], sizes: LETTER_SIZES, gender: 'unisex' },
};
const ADJECTIVES = ['Relaxed', 'Tailored', 'Oversized', 'Classic', 'Cropped', 'Easy', 'Structured', 'Washed', 'Everyday', 'Heritage'];

/** A colour name for one pixel: by lightness for neutrals, by hue for the rest. */
function nameOf(r, g, b) {
  const max = Math.max(r, g, b) / 255;
  const min = Math.min(r, g, b) / 255;
  const light = (max + min) / 2;
  const chroma = max - min;
  const sat = chroma === 0 ? 0 : chroma / (1 - Math.abs(2 * light - 1));
  if (sat < 0.13 || chroma < 0.07) {
    if (light < 0.22) return 'Black';
    if (light > 0.7) return 'White';
    return r > b + 14 && light > 0.5 ? 'Beige' : 'Grey';
  }
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  let hue = max === rn ? ((gn - bn) / chroma) % 6 : max === gn ? (bn - rn) / chroma + 2 : (rn - gn) / chroma + 4;
  hue = (hue * 60 + 360) % 360;
  if (hue < 12 || hue >= 340) return light > 0.72 ? 'Pink' : light < 0.3 ? 'Burgundy' : 'Red';
  if (hue < 45) return light < 0.42 ? 'Brown' : light > 0.7 ? 'Beige' : 'Orange';
  if (hue < 70) return light < 0.4 ? 'Olive' : 'Yellow';
  if (hue < 170) return 'Green';
  if (hue < 255) return light < 0.3 ? 'Navy' : 'Blue';
  if (hue < 300) return 'Purple';
  return 'Pink';
}

/**
 * The garment's colour: the photo's background is what its border shows most, so the middle's pixels
 * that differ from it are the garment; the colour most of them have wins.
 */
async function colourOf(file) {
  const size = 64;
  const { data } = await sharp(file).rotate().resize(size, size, { fit: 'fill' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x, y) => [data[(y * size + x) * 3], data[(y * size + x) * 3 + 1], data[(y * size + x) * 3 + 2]];
  const buckets = new Map();
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (x >= 4 && x < size - 4 && y >= 4 && y < size - 4) continue;
      const [r, g, b] = at(x, y);
      const key = `${r >> 5},${g >> 5},${b >> 5}`;
      const bucket = buckets.get(key) ?? { n: 0, r: 0, g: 0, b: 0 };
      bucket.n++;
      bucket.r += r;
      bucket.g += g;
      bucket.b += b;
      buckets.set(key, bucket);
    }
  }
  const top = [...buckets.values()].sort((a, b) => b.n - a.n)[0];
  const background = [top.r / top.n, top.g / top.n, top.b / top.n];
  const votes = new Map();
  const all = new Map();
  for (let y = size / 4; y < (size * 3) / 4; y++) {
    for (let x = size / 4; x < (size * 3) / 4; x++) {
      const [r, g, b] = at(x, y);
      const name = nameOf(r, g, b);
      all.set(name, (all.get(name) ?? 0) + 1);
      if (Math.hypot(r - background[0], g - background[1], b - background[2]) > 55) votes.set(name, (votes.get(name) ?? 0) + 1);
    }
  }
  const counted = [...votes.values()].reduce((a, b) => a + b, 0) > (size * size) / 40 ? votes : all;
  return [...counted].sort((a, b) => b[1] - a[1])[0][0];
}

const csv = (value) => {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const money = (pounds) => `${pounds.toFixed(2)} GBP`;

const labels = (await readFile(labelsFile, 'utf8'))
  .split(/\r?\n/)
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [file, label] = line.split(',');
    return { file: file.trim(), label: label.trim() };
  });
const counts = new Map();
const chosen = labels.filter(({ label }) => {
  const n = (counts.get(label) ?? 0) + 1;
  counts.set(label, n);
  return n <= perClass;
});

const COLUMNS = ['id', 'item_group_id', 'title', 'description', 'link', 'image_link', 'availability', 'availability_date', 'quantity', 'price', 'sale_price', 'brand', 'mpn', 'condition', 'google_product_category', 'product_type', 'color', 'size', 'size_system', 'material', 'gender', 'age_group', 'custom_label_0'];
const rows = [];
const preorderDate = new Date(Date.now() + 45 * 24 * 3600 * 1000).toISOString().slice(0, 10);
await mkdir(path.join(outDir, 'images'), { recursive: true });

let index = 0;
for (const { file, label } of chosen) {
  const spec = CLASSES[label];
  if (!spec) fail(`labels.csv names an unknown class "${label}"`);
  index++;
  const source = path.join(photosDir, file);
  const target = path.join('images', label, path.basename(file));
  await mkdir(path.join(outDir, 'images', label), { recursive: true });
  await copyFile(source, path.join(outDir, target));
  const colour = await colourOf(source);
  const brand = pick(BRANDS);
  const noun = pick(spec.nouns);
  const material = pick(spec.materials);
  const title = `${pick(ADJECTIVES)} ${noun}`;
  const [low, high] = spec.price;
  const price = Math.round(low + random() * (high - low)) - 0.01 + 0.01 * Math.round(random());
  const onSale = random() < 0.18;
  const roll = random();
  const availability = roll < 0.04 ? 'preorder' : roll < 0.09 ? 'out of stock' : 'in stock';
  const base = {
    title,
    description: `${title} by ${brand} in ${colour.toLowerCase()} ${material}. ${pick(['Cut for an easy fit.', 'Made to be worn season after season.', 'Finished by hand.', 'A wardrobe staple.'])}`,
    link: `https://shop.example.com/${label}/${index}`,
    image_link: target.split(path.sep).join('/'),
    availability,
    availability_date: availability === 'preorder' ? preorderDate : '',
    price: money(price),
    sale_price: onSale ? money(Math.round(price * 0.7)) : '',
    brand,
    mpn: `${brand.replace(/[^A-Z]/g, '')}-${1000 + index}`,
    condition: 'new',
    google_product_category: spec.google,
    product_type: spec.type,
    color: colour,
    material,
    gender: spec.gender,
    age_group: 'adult',
    custom_label_0: pick(['SS25', 'AW25', 'Core']),
  };
  const sized = spec.sizes !== null && random() < 0.35;
  if (sized) {
    const start = Math.floor(random() * 2);
    const sizes = spec.sizes.slice(start, start + 3 + Math.floor(random() * 2));
    for (const size of sizes) {
      rows.push({ ...base, id: `CP${index}-${size}`, item_group_id: `CP${index}`, size, size_system: 'UK', quantity: String(Math.floor(random() * 12)) });
    }
  } else {
    rows.push({ ...base, id: `CP${index}`, size: spec.sizes === null ? '' : pick(spec.sizes), size_system: spec.sizes === null ? '' : 'UK' });
  }
}

// Deliberately bad rows: each one tests a rule of the importer and must be reported by its line.
const sample = rows[0] ?? fail('no photos were chosen');
const bad = [
  { ...sample, id: 'BAD-PRICE', item_group_id: '', price: 'free', why: 'price is not an amount and a currency' },
  { ...sample, id: 'BAD-BRAND', item_group_id: '', brand: '', why: 'brand is missing' },
  { ...sample, id: 'BAD-IMAGE', item_group_id: '', image_link: 'images/missing/nowhere.jpg', why: 'image_link names a file that is not there' },
  { ...sample, id: sample.id, why: 'id repeats the first row' },
  { ...sample, id: 'BAD-SALE', item_group_id: '', sale_price: money(9999), why: 'sale_price is above price' },
  { ...sample, id: 'BAD-PATH', item_group_id: '', image_link: '../outside.jpg', why: 'image_link points outside the feed folder' },
];
// Spread them through the feed rather than at the end.
const lines = [...rows];
bad.forEach((row, i) => lines.splice(Math.floor(((i + 1) * lines.length) / (bad.length + 1)), 0, row));
const out = [COLUMNS.join(','), ...lines.map((row) => COLUMNS.map((c) => csv(row[c])).join(','))].join('\n') + '\n';
await writeFile(path.join(outDir, 'feed.csv'), out);

const products = new Set(rows.map((r) => r.item_group_id || r.id)).size;
process.stdout.write(`wrote ${path.join(outDir, 'feed.csv')}: ${products} products in ${rows.length} good rows, ${chosen.length} photos copied to ${path.join(outDir, 'images')}\n`);
process.stdout.write('deliberately bad rows (the import must reject them):\n');
for (const row of bad) process.stdout.write(`  line ${lines.indexOf(row) + 2}: ${row.id}: ${row.why}\n`);
