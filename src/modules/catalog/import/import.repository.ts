/**
 * The importer's SQL: reading what a batch's products and variants look like now, and writing them
 * back in a few set-based statements per batch (rows travel as one JSON parameter, unpacked with
 * jsonb_to_recordset, the same on PGlite and PostgreSQL). No business rules here.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../../platform/db/index.js';
import type { ProductStatus } from '../catalog.tables.js';
import { toTextArray } from '../stock.js';
import type { ImageRecord, ProductRecord, VariantRecord, VariantState } from './product-plan.js';
import { categorySearchText, searchVectorSql } from './search-vector.js';

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** The images each product has now, by position. */
export async function loadImages(ex: Executor, productIds: readonly string[]): Promise<Map<string, ImageRecord[]>> {
  const found = new Map<string, ImageRecord[]>();
  if (productIds.length === 0) return found;
  const rows = rowsOf<{ product_id: string; position: number; source: string; blob_key: string; width: number; height: number }>(
    await ex.execute(sql`
      select product_id, position, source, blob_key, width, height from product_images
       where product_id = any(${toTextArray(productIds)}) order by product_id, position`),
  );
  for (const r of rows) {
    const list = found.get(r.product_id) ?? [];
    list.push({ position: Number(r.position), source: r.source, blobKey: r.blob_key, width: Number(r.width), height: Number(r.height) });
    found.set(r.product_id, list);
  }
  return found;
}

/** A stored product as the importer compares and merges it. */
export interface StoredProduct {
  record: ProductRecord;
  brandId: string;
}

interface ProductRow extends Record<string, unknown> {
  id: string;
  brand_id: string;
  brand_name: string;
  title: string;
  description: string | null;
  category: string;
  subcategory: string | null;
  colours: string[];
  colour_raw: string | null;
  materials: string[];
  pattern: string | null;
  gender: string | null;
  age_group: string | null;
  link: string | null;
  gtin: string | null;
  mpn: string | null;
  condition: string | null;
  google_product_category: string | null;
  product_type: string | null;
  custom_labels: (string | null)[];
  price_minor: number | string;
  sale_price_minor: number | string | null;
  currency: string;
  status: ProductStatus;
  release_at: Date | string | null;
  published_at: Date | string | null;
  source_hash: string | null;
}

/** What the first rows of a product in an import are compared with: its hash and currency. */
export interface ProductHash {
  sourceHash: string | null;
  currency: string;
}

/** The hashes of the batch's products that exist already (a light read: most batches need no more). */
export async function loadProductHashes(ex: Executor, ids: readonly string[]): Promise<Map<string, ProductHash>> {
  const found = new Map<string, ProductHash>();
  if (ids.length === 0) return found;
  const rows = rowsOf<{ id: string; source_hash: string | null; currency: string }>(
    await ex.execute(sql`select id, source_hash, currency from products where id = any(${toTextArray(ids)})`),
  );
  for (const r of rows) found.set(r.id, { sourceHash: r.source_hash, currency: r.currency });
  return found;
}

/** Whole stored products, for merging more rows into them. */
export async function loadProducts(ex: Executor, ids: readonly string[]): Promise<Map<string, StoredProduct>> {
  const found = new Map<string, StoredProduct>();
  if (ids.length === 0) return found;
  const rows = rowsOf<ProductRow>(
    await ex.execute(sql`
      select p.id, p.brand_id, b.name as brand_name, p.title, p.description, p.category, p.subcategory, p.colours,
             p.colour_raw, p.materials, p.pattern, p.gender, p.age_group, p.link, p.gtin, p.mpn, p.condition,
             p.google_product_category, p.product_type, p.custom_labels, p.price_minor, p.sale_price_minor, p.currency,
             p.status, p.release_at, p.published_at, p.source_hash
        from products p join brands b on b.id = p.brand_id
       where p.id = any(${toTextArray(ids)})`),
  );
  for (const r of rows) {
    found.set(r.id, {
      brandId: r.brand_id,
      record: {
        id: r.id,
        brandName: r.brand_name,
        title: r.title,
        description: r.description,
        category: r.category,
        subcategory: r.subcategory,
        colours: r.colours,
        colourRaw: r.colour_raw,
        materials: r.materials,
        pattern: r.pattern,
        gender: r.gender,
        ageGroup: r.age_group,
        link: r.link,
        gtin: r.gtin,
        mpn: r.mpn,
        condition: r.condition,
        googleProductCategory: r.google_product_category,
        productType: r.product_type,
        customLabels: r.custom_labels,
        priceMinor: Number(r.price_minor),
        salePriceMinor: r.sale_price_minor === null ? null : Number(r.sale_price_minor),
        currency: r.currency,
        status: r.status,
        sizesInStock: [],
        releaseAt: iso(r.release_at),
        publishedAt: iso(r.published_at),
        sourceHash: r.source_hash,
      },
    });
  }
  return found;
}

/** The batch's variants that exist already, by sku. */
export async function loadVariants(ex: Executor, skus: readonly string[]): Promise<Map<string, VariantState>> {
  const found = new Map<string, VariantState>();
  if (skus.length === 0) return found;
  const rows = rowsOf<{ sku: string; product_id: string; size: string; size_system: string | null; colour_raw: string | null; gtin: string | null; position: number; stock: number }>(
    await ex.execute(sql`
      select sku, product_id, size, size_system, colour_raw, gtin, position, stock from variants
       where sku = any(${toTextArray(skus)})`),
  );
  for (const r of rows) {
    found.set(r.sku, {
      productId: r.product_id,
      size: r.size,
      sizeSystem: r.size_system,
      colourRaw: r.colour_raw,
      gtin: r.gtin,
      position: Number(r.position),
      stock: Number(r.stock),
    });
  }
  return found;
}

/** A URL name for a brand: "Maison Margiela" → "maison-margiela". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'brand' : slug;
}

/**
 * Brand ids by lower-cased name, creating the brands that do not exist yet (named as the feed first
 * spells them). Two names that differ only in punctuation get distinct slugs ("-2", "-3" …).
 * `known` holds ids found earlier (committed), which are not looked up again.
 */
export async function ensureBrands(ex: Executor, names: readonly string[], known: ReadonlyMap<string, string> = new Map()): Promise<Map<string, string>> {
  const wanted = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const name of names) {
    const key = name.toLowerCase();
    const id = known.get(key);
    if (id !== undefined) ids.set(key, id);
    else if (!wanted.has(key)) wanted.set(key, name);
  }
  const lookup = async () => {
    const missing = [...wanted.keys()].filter((k) => !ids.has(k));
    if (missing.length === 0) return;
    const rows = rowsOf<{ id: string; key: string }>(
      await ex.execute(sql`select id, lower(name) as key from brands where lower(name) = any(${toTextArray(missing)})`),
    );
    for (const r of rows) ids.set(r.key, r.id);
  };
  await lookup();
  for (let attempt = 0; attempt < 5; attempt++) {
    const missing = [...wanted.entries()].filter(([k]) => !ids.has(k));
    if (missing.length === 0) return ids;
    const bases = missing.map(([, name]) => slugify(name));
    const taken = new Set(
      rowsOf<{ slug: string }>(
        await ex.execute(sql`select slug from brands where slug = any(${toTextArray(bases)}) or slug ~ ${`^(${bases.map(escapeRegex).join('|')})-[0-9]+$`}`),
      ).map((r) => r.slug),
    );
    const fresh = missing.map(([, name], i) => {
      const base = bases[i]!;
      let slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
      taken.add(slug);
      return { id: randomUUID(), slug, name };
    });
    // Another import may create the same brand meanwhile: then look again and retry what is left.
    await ex.execute(sql`
      insert into brands (id, slug, name)
      select d.id, d.slug, d.name from jsonb_to_recordset(${json(fresh)}) as d(id uuid, slug text, name text)
      on conflict do nothing`);
    await lookup();
  }
  const left = [...wanted.values()].filter((n) => !ids.has(n.toLowerCase()));
  if (left.length > 0) throw new Error(`could not create the brand(s) ${left.join(', ')}`);
  return ids;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/**
 * Inserts new products and rewrites the feed's fields of existing ones. Status, sizes in stock,
 * release and publication dates are only set on insert: on an existing product the merchandiser and
 * the stock settling own them.
 */
export async function upsertProducts(ex: Executor, products: readonly ProductRecord[], brandIds: ReadonlyMap<string, string>): Promise<void> {
  if (products.length === 0) return;
  const rows = products.map((p) => ({
    id: p.id,
    brand_id: brandIds.get(p.brandName.toLowerCase()),
    brand_name: p.brandName,
    title: p.title,
    description: p.description,
    category: p.category,
    subcategory: p.subcategory,
    colours: p.colours,
    colour_raw: p.colourRaw,
    materials: p.materials,
    pattern: p.pattern,
    gender: p.gender,
    age_group: p.ageGroup,
    link: p.link,
    gtin: p.gtin,
    mpn: p.mpn,
    condition: p.condition,
    google_product_category: p.googleProductCategory,
    product_type: p.productType,
    custom_labels: p.customLabels,
    price_minor: p.priceMinor,
    sale_price_minor: p.salePriceMinor,
    currency: p.currency,
    status: p.status,
    sizes_in_stock: p.sizesInStock,
    release_at: p.releaseAt,
    published_at: p.publishedAt,
    source_hash: p.sourceHash,
    category_text: categorySearchText(p),
  }));
  const search = searchVectorSql({ title: sql`d.title`, brand: sql`d.brand_name`, categoryText: sql`d.category_text`, description: sql`d.description` });
  await ex.execute(sql`
    insert into products (id, brand_id, title, description, category, subcategory, colours, colour_raw, materials, pattern,
                          gender, age_group, link, gtin, mpn, condition, google_product_category, product_type, custom_labels,
                          price_minor, sale_price_minor, currency, status, sizes_in_stock, release_at, published_at, search, source_hash)
    select d.id, d.brand_id, d.title, d.description, d.category, d.subcategory, d.colours, d.colour_raw, d.materials, d.pattern,
           d.gender, d.age_group, d.link, d.gtin, d.mpn, d.condition, d.google_product_category, d.product_type, d.custom_labels,
           d.price_minor, d.sale_price_minor, d.currency, d.status, d.sizes_in_stock, d.release_at, d.published_at, ${search}, d.source_hash
      from jsonb_to_recordset(${json(rows)}) as d(
           id text, brand_id uuid, brand_name text, title text, description text, category text, subcategory text,
           colours text[], colour_raw text, materials text[], pattern text, gender text, age_group text, link text, gtin text,
           mpn text, condition text, google_product_category text, product_type text, custom_labels jsonb, price_minor bigint,
           sale_price_minor bigint, currency text, status text, sizes_in_stock text[], release_at timestamptz, published_at timestamptz,
           source_hash text, category_text text)
    on conflict (id) do update set
      brand_id = excluded.brand_id, title = excluded.title, description = excluded.description, category = excluded.category,
      subcategory = excluded.subcategory, colours = excluded.colours, colour_raw = excluded.colour_raw,
      materials = excluded.materials, pattern = excluded.pattern, gender = excluded.gender, age_group = excluded.age_group,
      link = excluded.link, gtin = excluded.gtin, mpn = excluded.mpn, condition = excluded.condition,
      google_product_category = excluded.google_product_category, product_type = excluded.product_type,
      custom_labels = excluded.custom_labels, price_minor = excluded.price_minor, sale_price_minor = excluded.sale_price_minor,
      currency = excluded.currency, search = excluded.search, source_hash = excluded.source_hash, updated_at = now()`);
}

/**
 * Inserts or rewrites variants. Where the feed does not set the stock, an existing variant keeps the
 * stock it has at write time (not the one read earlier), so a sale meanwhile is never undone.
 */
export async function upsertVariants(ex: Executor, variants: readonly VariantRecord[]): Promise<void> {
  for (const setStock of [true, false]) {
    const rows = variants
      .filter((v) => v.setStock === setStock)
      .map((v) => ({ sku: v.sku, product_id: v.productId, size: v.size, size_system: v.sizeSystem, colour_raw: v.colourRaw, gtin: v.gtin, position: v.position, stock: v.stock }));
    if (rows.length === 0) continue;
    await ex.execute(sql`
      insert into variants (sku, product_id, size, size_system, colour_raw, gtin, position, stock)
      select d.sku, d.product_id, d.size, d.size_system, d.colour_raw, d.gtin, d.position, d.stock
        from jsonb_to_recordset(${json(rows)}) as d(sku text, product_id text, size text, size_system text, colour_raw text, gtin text, position int, stock int)
      on conflict (sku) do update set
        product_id = excluded.product_id, size = excluded.size, size_system = excluded.size_system,
        colour_raw = excluded.colour_raw, gtin = excluded.gtin, position = excluded.position,
        ${setStock ? sql`stock = excluded.stock,` : sql``} updated_at = now()`);
  }
}

/** Replaces the images of the given products with these lists. */
export async function replaceImages(ex: Executor, images: ReadonlyMap<string, readonly ImageRecord[]>): Promise<void> {
  if (images.size === 0) return;
  await ex.execute(sql`delete from product_images where product_id = any(${toTextArray([...images.keys()])})`);
  const rows = [...images].flatMap(([productId, list]) =>
    list.map((i) => ({ product_id: productId, position: i.position, blob_key: i.blobKey, source: i.source, width: i.width, height: i.height })),
  );
  if (rows.length === 0) return;
  await ex.execute(sql`
    insert into product_images (product_id, position, blob_key, source, width, height)
    select d.product_id, d.position, d.blob_key, d.source, d.width, d.height
      from jsonb_to_recordset(${json(rows)}) as d(product_id text, position int, blob_key text, source text, width int, height int)`);
}
