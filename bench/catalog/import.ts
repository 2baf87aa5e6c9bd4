// Importing a large Merchant Center feed: the catalogue importer (validation, grouping, hashing,
// compare-and-upsert, search vectors, sizes in stock) with --no-images, against a plain batched
// multi-row INSERT of the same rows into the same tables, measured in the same run on fresh databases.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { openDatabase, type Database } from '../../src/platform/db/index.js';
import { createLocalStorage } from '../../src/platform/storage/index.js';
import { DEFAULT_STOCK, importCatalogFeed, searchVectorSql, categorySearchText } from '../../src/modules/catalog/index.js';
import { readFeed } from '../../src/modules/catalog/feed/feed-reader.js';
import { parseMerchantPrice } from '../../src/modules/catalog/feed/money.js';
import { categoriseProduct } from '../../src/modules/catalog/feed/taxonomy.js';
import { sql, type SQL } from 'drizzle-orm';
import { formatInt, markdownTable } from '../http/stats.js';
import { seededRng } from '../../src/seed/images/index.js';

export interface ImportBenchOptions {
  /** Products in the generated feed (default 100,000); every fourth comes in three sizes. */
  products?: number;
  /** Rows per transaction, for the importer and the baseline alike (default 500). */
  batchSize?: number;
  /** Where progress lines go (default console.log). */
  log?: (line: string) => void;
}

export interface ImportBenchResult {
  products: number;
  rows: number;
  feedBytes: number;
  generateSeconds: number;
  /** The importer on a fresh database. */
  importSeconds: number;
  productsPerSecond: number;
  rowsPerSecond: number;
  /** The same feed again: every product unchanged, nothing written. */
  reimportSeconds: number;
  reimportProductsPerSecond: number;
  /** Plain multi-row INSERTs of the same rows on another fresh database. */
  baselineSeconds: number;
  baselineProductsPerSecond: number;
  /** Importer throughput ÷ baseline throughput (1 = as fast as the plain INSERTs). */
  ratio: number;
  /** Peak resident memory of this process during the run. */
  peakRssMiB: number;
}

const NOUNS = [
  ['dress', 'Apparel & Accessories > Clothing > Dresses'],
  ['blouse', 'Apparel & Accessories > Clothing > Shirts & Tops'],
  ['coat', 'Apparel & Accessories > Clothing > Outerwear > Coats & Jackets'],
  ['trousers', 'Apparel & Accessories > Clothing > Pants'],
  ['skirt', 'Apparel & Accessories > Clothing > Skirts'],
  ['ankle boots', 'Apparel & Accessories > Shoes'],
  ['sneakers', 'Apparel & Accessories > Shoes'],
  ['tote bag', 'Apparel & Accessories > Handbags, Wallets & Cases > Handbags'],
  ['cardigan', 'Apparel & Accessories > Clothing > Shirts & Tops'],
  ['jeans', 'Apparel & Accessories > Clothing > Pants'],
] as const;
const COLOURS = ['Black', 'Ivory', 'Navy', 'Camel', 'Bordeaux', 'Sage', 'Grey Marl', 'Cobalt', 'Blush', 'Chocolate'];
const MATERIALS = ['silk', 'wool', 'cotton', 'linen', 'leather', 'cashmere', 'denim', 'viscose/elastane'];
const ADJECTIVES = ['Tailored', 'Oversized', 'Cropped', 'Pleated', 'Belted', 'Quilted', 'Ribbed', 'Draped', 'Relaxed', 'Structured'];
const SIZES = ['S', 'M', 'L'];

const csv = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Streams a deterministic Merchant Center CSV feed of `products` products to `file`; answers its row count. */
export async function generateFeed(file: string, products: number, seed = 1): Promise<number> {
  const next = seededRng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const out = createWriteStream(file);
  const columns = ['id', 'item_group_id', 'title', 'description', 'brand', 'price', 'sale_price', 'availability', 'image_link', 'google_product_category', 'color', 'size', 'material', 'gender'];
  let buffer = `${columns.join(',')}\n`;
  let rows = 0;
  for (let p = 1; p <= products; p++) {
    const [noun, category] = pick(NOUNS);
    const colour = pick(COLOURS);
    const material = pick(MATERIALS);
    const title = `${pick(ADJECTIVES)} ${material.split('/')[0]} ${noun}`;
    const brand = `Atelier ${1 + Math.floor(next() * 300)}`;
    const price = 40 + Math.floor(next() * 1200);
    const sale = next() < 0.15 ? `${Math.floor(price * 0.7)}.00 GBP` : '';
    const description = `A ${title.toLowerCase()} in ${colour.toLowerCase()}, cut from ${material}. Made to be worn, season after season.`;
    const sized = p % 4 === 0;
    for (const size of sized ? SIZES : ['']) {
      const id = sized ? `P${p}-${size}` : `P${p}`;
      const availability = next() < 0.05 ? 'out of stock' : 'in stock';
      buffer += [id, sized ? `P${p}` : '', title, description, brand, `${price}.00 GBP`, sale, availability, `https://images.example.com/p/${p}.jpg`, category, colour, size, material, pick(['female', 'male', 'unisex'])]
        .map(csv)
        .join(',') + '\n';
      rows++;
    }
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return rows;
}

/**
 * The baseline: the same file read by the same streaming reader, each row mapped with the least work
 * that fills the tables (no validation, no hashing, no comparison), then batched multi-row INSERTs of
 * products (with the same search vector) and variants, one transaction per batch.
 */
async function plainInsert(database: Database, file: string, batchSize: number): Promise<number> {
  const brands = new Map<string, string>();
  let products: SQL[] = [];
  let variants: SQL[] = [];
  let rows = 0;
  let lastProduct = '';
  let productCount = 0;
  let position = 0;
  const flush = async () => {
    const p = products;
    const v = variants;
    products = [];
    variants = [];
    if (p.length === 0) return;
    await database.transaction(async (tx) => {
      await tx.execute(sql`
        insert into products (id, brand_id, title, description, category, colours, price_minor, sale_price_minor, currency, status, published_at, search)
        values ${sql.join(p, sql`, `)}`);
      await tx.execute(sql`insert into variants (sku, product_id, size, position, stock) values ${sql.join(v, sql`, `)}`);
    });
  };
  for await (const item of readFeed(file)) {
    if (!('record' in item)) continue;
    const r = item.record as Record<string, string>;
    const productId = r.item_group_id || r.id!;
    let brandId = brands.get(r.brand!);
    if (brandId === undefined) {
      brandId = randomUUID();
      await database.db.execute(sql`insert into brands (id, slug, name) values (${brandId}, ${r.brand!.toLowerCase().replace(/[^a-z0-9]+/g, '-')}, ${r.brand!})`);
      brands.set(r.brand!, brandId);
    }
    if (productId !== lastProduct) {
      if (rows >= batchSize) {
        await flush();
        rows = 0;
      }
      const category = categoriseProduct({ googleProductCategory: r.google_product_category! })?.category ?? 'accessories';
      const colours = [r.color!.toLowerCase()];
      const search = searchVectorSql({
        title: r.title!,
        brand: r.brand!,
        categoryText: categorySearchText({ category, subcategory: null, colours, productType: null }),
        description: r.description!,
      });
      const sale = r.sale_price ? parseMerchantPrice(r.sale_price).amount_minor : null;
      products.push(
        sql`(${productId}, ${brandId}, ${r.title!}, ${r.description!}, ${category}, ${`{${colours.join(',')}}`}::text[], ${parseMerchantPrice(r.price!).amount_minor}, ${sale}, 'GBP', 'live', now(), ${search})`,
      );
      lastProduct = productId;
      productCount++;
      position = 0;
    }
    variants.push(sql`(${r.id!}, ${productId}, ${r.size || 'One size'}, ${position++}, ${DEFAULT_STOCK})`);
    rows++;
  }
  await flush();
  return productCount;
}

async function freshDatabase(dir: string, name: string): Promise<Database> {
  return openDatabase({ databaseUrl: undefined, dataDir: path.join(dir, name) });
}

/** Generates the feed, imports it, re-imports it, runs the baseline; answers the figures. */
export async function runImportBench(options: ImportBenchOptions = {}): Promise<ImportBenchResult> {
  const count = options.products ?? 100_000;
  const batchSize = options.batchSize ?? 500;
  const log = options.log ?? ((line: string) => console.log(line));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coterie-bench-import-'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  try {
    const file = path.join(dir, 'feed.csv');
    let t = performance.now();
    const rows = await generateFeed(file, count);
    const generateSeconds = (performance.now() - t) / 1000;
    const feedBytes = (await stat(file)).size;
    log(`generated ${count.toLocaleString('en-US')} products in ${rows.toLocaleString('en-US')} rows (${(feedBytes / 2 ** 20).toFixed(1)} MiB) in ${generateSeconds.toFixed(1)} s`);

    const database = await freshDatabase(dir, 'importer');
    const storage = createLocalStorage(path.join(dir, 'blobs'));
    let importSeconds: number;
    let reimportSeconds: number;
    try {
      t = performance.now();
      const report = await importCatalogFeed({ database, storage }, { file, images: false, batchSize });
      importSeconds = (performance.now() - t) / 1000;
      if (report.status !== 'completed' || report.created !== count || report.rejected !== 0) {
        throw new Error(`the import went wrong: ${JSON.stringify({ ...report, errors: report.errors.slice(0, 5) })}`);
      }
      log(`importer: ${count.toLocaleString('en-US')} products in ${importSeconds.toFixed(1)} s`);
      t = performance.now();
      const again = await importCatalogFeed({ database, storage }, { file, images: false, batchSize });
      reimportSeconds = (performance.now() - t) / 1000;
      if (again.unchanged !== count) throw new Error(`the re-import changed something: ${again.updated} updated`);
      log(`importer, same feed again (all unchanged): ${reimportSeconds.toFixed(1)} s`);
    } finally {
      await database.close();
    }

    const baselineDb = await freshDatabase(dir, 'baseline');
    let baselineSeconds: number;
    try {
      t = performance.now();
      const inserted = await plainInsert(baselineDb, file, batchSize);
      baselineSeconds = (performance.now() - t) / 1000;
      if (inserted !== count) throw new Error(`the baseline inserted ${inserted} products, expected ${count}`);
      log(`baseline (plain multi-row INSERTs): ${baselineSeconds.toFixed(1)} s`);
    } finally {
      await baselineDb.close();
    }

    const productsPerSecond = count / importSeconds;
    const baselineProductsPerSecond = count / baselineSeconds;
    return {
      products: count,
      rows,
      feedBytes,
      generateSeconds,
      importSeconds,
      productsPerSecond,
      rowsPerSecond: rows / importSeconds,
      reimportSeconds,
      reimportProductsPerSecond: count / reimportSeconds,
      baselineSeconds,
      baselineProductsPerSecond,
      ratio: productsPerSecond / baselineProductsPerSecond,
      peakRssMiB: peakRss / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
    await rm(dir, { recursive: true, force: true });
  }
}

/** The figures as a Markdown table (the goal: at least 2,000 products/s on PGlite). */
export function importBenchTable(r: ImportBenchResult): string {
  return markdownTable(
    ['what', 'seconds', 'products/s', 'rows/s', 'vs baseline'],
    [
      ['importer, new catalogue (--no-images)', r.importSeconds.toFixed(1), formatInt(r.productsPerSecond), formatInt(r.rowsPerSecond), `${r.ratio.toFixed(2)}×`],
      ['importer, same feed again (all unchanged)', r.reimportSeconds.toFixed(1), formatInt(r.reimportProductsPerSecond), formatInt(r.rows / r.reimportSeconds), `${(r.reimportProductsPerSecond / r.baselineProductsPerSecond).toFixed(2)}×`],
      ['baseline: plain multi-row INSERTs', r.baselineSeconds.toFixed(1), formatInt(r.baselineProductsPerSecond), formatInt(r.rows / r.baselineSeconds), '1.00×'],
    ],
  );
}
