import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const PRODUCT_STATUSES = ['draft', 'early_access', 'live', 'sold_out', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const brands = pgTable(
  'brands',
  {
    id: uuid('id').primaryKey(),
    /** URL name, unique: "maison-margiela". */
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    logoUrl: text('logo_url'),
    story: text('story'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('brands_slug_key').on(t.slug), uniqueIndex('brands_name_key').on(sql`lower(${t.name})`)],
);

export const products = pgTable(
  'products',
  {
    /** The feed's `item_group_id` when rows are grouped, else the row's `id`. */
    id: text('id').primaryKey(),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id),
    title: text('title').notNull(),
    description: text('description'),
    /** One of the taxonomy's top-level slugs (dresses, shoes …). */
    category: text('category').notNull(),
    subcategory: text('subcategory'),
    /** Palette slugs, the first being the main colour. */
    colours: text('colours').array().notNull().default(sql`'{}'::text[]`),
    colourRaw: text('colour_raw'),
    materials: text('materials').array().notNull().default(sql`'{}'::text[]`),
    pattern: text('pattern'),
    gender: text('gender'),
    ageGroup: text('age_group'),
    link: text('link'),
    gtin: text('gtin'),
    mpn: text('mpn'),
    condition: text('condition'),
    googleProductCategory: text('google_product_category'),
    productType: text('product_type'),
    customLabels: jsonb('custom_labels').$type<(string | null)[]>().notNull().default(sql`'[]'::jsonb`),
    priceMinor: bigint('price_minor', { mode: 'number' }).notNull(),
    salePriceMinor: bigint('sale_price_minor', { mode: 'number' }),
    currency: text('currency').notNull(),
    /** What a shopper pays: the sale price when there is one. Filters and price sorts use it. */
    effectivePriceMinor: bigint('effective_price_minor', { mode: 'number' }).generatedAlwaysAs(
      (): SQL => sql`coalesce(${products.salePriceMinor}, ${products.priceMinor})`,
    ),
    status: text('status').$type<ProductStatus>().notNull(),
    /** When an early-access product goes live by itself. */
    releaseAt: timestamp('release_at', { withTimezone: true }),
    /** When it first became visible to everyone; "new in" and the newest sort read it. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Sizes with stock left, kept by `settleStock`; the size filter and facet read it. */
    sizesInStock: text('sizes_in_stock').array().notNull().default(sql`'{}'::text[]`),
    /** Units sold (and later loves); the popularity sort reads it. */
    popularity: integer('popularity').notNull().default(0),
    /** Weighted: title A, brand B, category C, description D. */
    search: tsvector('search').notNull(),
    /** sha256 of the normalised feed rows; an unchanged re-import compares it and writes nothing. */
    sourceHash: text('source_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('products_search_idx').using('gin', t.search),
    index('products_colours_idx').using('gin', t.colours),
    index('products_sizes_idx').using('gin', t.sizesInStock),
    index('products_brand_idx').on(t.brandId),
    index('products_status_category_idx').on(t.status, t.category),
    index('products_published_idx').on(t.publishedAt, t.id),
    index('products_price_idx').on(t.effectivePriceMinor, t.id),
    index('products_popularity_idx').on(t.popularity, t.id),
    index('products_release_idx').on(t.releaseAt).where(sql`status = 'early_access'`),
    check('products_status_check', sql`${t.status} in ('draft','early_access','live','sold_out','archived')`),
    check('products_price_check', sql`${t.priceMinor} >= 0 and (${t.salePriceMinor} is null or ${t.salePriceMinor} < ${t.priceMinor})`),
  ],
);

export const productImages = pgTable(
  'product_images',
  {
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** 0 is the primary image. */
    position: integer('position').notNull(),
    /** Content-addressed key in blob storage. */
    blobKey: text('blob_key').notNull(),
    /** The feed's link (URL or relative path) it came from. */
    source: text('source').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.position] })],
);

export const variants = pgTable(
  'variants',
  {
    /** The feed row's `id`. */
    sku: text('sku').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** "One size" when the feed gives none. */
    size: text('size').notNull(),
    sizeSystem: text('size_system'),
    colourRaw: text('colour_raw'),
    gtin: text('gtin'),
    position: integer('position').notNull(),
    stock: integer('stock').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('variants_product_idx').on(t.productId, t.position),
    index('variants_in_stock_idx').on(t.size, t.productId).where(sql`stock > 0`),
    check('variants_stock_check', sql`${t.stock} >= 0`),
  ],
);

export const IMPORT_STATUSES = ['running', 'completed', 'failed'] as const;

export const catalogImports = pgTable(
  'catalog_imports',
  {
    id: uuid('id').primaryKey(),
    /** The feed's file name. */
    source: text('source').notNull(),
    status: text('status').$type<(typeof IMPORT_STATUSES)[number]>().notNull(),
    startedBy: uuid('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    rows: integer('rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    /** The first problems, `{ line, field, reason }`, capped so a broken feed cannot bloat the table. */
    errors: jsonb('errors').$type<{ line: number; field: string; reason: string }[]>().notNull().default(sql`'[]'::jsonb`),
    /** Why a failed import stopped. */
    failure: text('failure'),
  },
  (t) => [
    index('catalog_imports_started_idx').on(t.startedAt),
    check('catalog_imports_status_check', sql`${t.status} in ('running','completed','failed')`),
  ],
);

/**
 * Which products changed, written by triggers on `products` (see the migration), so every node's
 * in-memory search index can catch up with a cheap query. `txid` is the writing transaction: a
 * reader re-reads every change of transactions that were still running at its previous look.
 */
export const catalogChanges = pgTable(
  'catalog_changes',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    txid: bigint('txid', { mode: 'number' }).notNull().default(sql`pg_current_xact_id()::text::bigint`),
    productId: text('product_id').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('catalog_changes_txid_idx').on(t.txid), index('catalog_changes_changed_idx').on(t.changedAt)],
);
