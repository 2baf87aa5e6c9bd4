/**
 * SQL for reading the catalogue: one search statement that filters, ranks, pages and counts facets
 * over a single pass of the matching products, and the loads for product pages and brands. No rules
 * here: the service decides who sees what and hands in the visibility condition.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/index.js';
import type { ProductStatus } from './catalog.tables.js';
import { toTextArray } from './stock.js';

export const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'popular'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchQuery {
  q: string | null;
  brands: string[];
  categories: { category: string; subcategory: string | null }[];
  colours: string[];
  sizes: string[];
  minPrice: number | null;
  maxPrice: number | null;
  onSale: boolean;
  newIn: boolean;
  /** Days a product counts as new in. */
  newInDays: number;
  sort: Sort;
  after: { key: number; id: string } | null;
  limit: number;
  visible: SQL;
}

export interface ProductRow {
  id: string;
  title: string;
  brand: string;
  brand_slug: string;
  category: string;
  subcategory: string | null;
  colours: string[];
  status: ProductStatus;
  release_at: Date | null;
  price_minor: number;
  sale_price_minor: number | null;
  currency: string;
  images: string[];
  variants: { sku: string; size: string; stock: number }[];
  /** The value the sort orders by, for the next cursor. */
  sort_key: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  rows: ProductRow[];
  total: number;
  facets: {
    brand: (FacetCount & { label: string })[];
    category: FacetCount[];
    subcategory: FacetCount[];
    colour: FacetCount[];
    size: FacetCount[];
    price: { min: number | null; max: number | null; currency: string | null };
    onSale: number;
  };
}

const productColumns = sql`
  p.id, p.title, b.name as brand, b.slug as brand_slug, p.category, p.subcategory, p.colours, p.status, p.release_at,
  p.price_minor, p.sale_price_minor, p.currency,
  coalesce((select array_agg(i.blob_key order by i.position) from product_images i where i.product_id = p.id), '{}') as images,
  coalesce((select json_agg(json_build_object('sku', v.sku, 'size', v.size, 'stock', v.stock) order by v.position)
              from variants v where v.product_id = p.id), '[]'::json) as variants`;

function sortKey(sort: Sort, hasQuery: boolean): SQL {
  switch (sort) {
    case 'relevance':
      return hasQuery ? sql`base.rank::float8` : sql`base.popularity::float8`;
    case 'newest':
      return sql`extract(epoch from base.published)::float8`;
    case 'price_asc':
    case 'price_desc':
      return sql`base.price::float8`;
    case 'popular':
      return sql`base.popularity::float8`;
  }
}

const ascending = (sort: Sort) => sort === 'price_asc';

/** Runs one search: the page of products, the total, and facets counted as if each facet's own filter were off. */
export async function searchProducts(ex: Executor, query: SearchQuery): Promise<SearchResult> {
  const hasQuery = query.q !== null;
  const tsQuery = hasQuery ? sql`websearch_to_tsquery('english', ${query.q})` : null;
  const where: SQL[] = [query.visible];
  if (tsQuery) where.push(sql`p.search @@ ${tsQuery}`);
  if (query.newIn) where.push(sql`coalesce(p.published_at, p.created_at) >= now() - make_interval(days => ${query.newInDays})`);

  // Facet flags: each facet counts the products passing every filter but its own.
  const brandOk = query.brands.length === 0 ? sql`true` : sql`(b.slug = any(${toTextArray(query.brands)}) or lower(b.name) = any(${toTextArray(query.brands)}))`;
  const categoryOk =
    query.categories.length === 0
      ? sql`true`
      : sql`(${sql.join(
          query.categories.map((c) => (c.subcategory === null ? sql`p.category = ${c.category}` : sql`(p.category = ${c.category} and p.subcategory = ${c.subcategory})`)),
          sql` or `,
        )})`;
  const colourOk = query.colours.length === 0 ? sql`true` : sql`p.colours && ${toTextArray(query.colours)}`;
  const sizeOk = query.sizes.length === 0 ? sql`true` : sql`p.sizes_in_stock && ${toTextArray(query.sizes)}`;
  const priceParts: SQL[] = [];
  if (query.minPrice !== null) priceParts.push(sql`p.effective_price_minor >= ${query.minPrice}`);
  if (query.maxPrice !== null) priceParts.push(sql`p.effective_price_minor <= ${query.maxPrice}`);
  const priceOk = priceParts.length === 0 ? sql`true` : sql.join(priceParts, sql` and `);
  const saleOk = query.onSale ? sql`p.sale_price_minor is not null` : sql`true`;

  const key = sortKey(query.sort, hasQuery);
  const asc = ascending(query.sort);
  const after = query.after
    ? asc
      ? sql`and (${key} > ${query.after.key} or (${key} = ${query.after.key} and base.id > ${query.after.id}))`
      : sql`and (${key} < ${query.after.key} or (${key} = ${query.after.key} and base.id > ${query.after.id}))`
    : sql``;
  const order = asc ? sql`${key} asc, base.id asc` : sql`${key} desc, base.id asc`;
  const all = sql`base.b_ok and base.c_ok and base.col_ok and base.s_ok and base.p_ok and base.o_ok`;

  const statement = sql`
    with base as materialized (
      select p.id, p.brand_id, p.category, p.subcategory, p.colours, p.sizes_in_stock, p.currency,
             p.effective_price_minor as price, p.sale_price_minor is not null as on_sale, p.popularity,
             coalesce(p.published_at, p.created_at) as published,
             ${tsQuery ? sql`ts_rank(p.search, ${tsQuery})` : sql`0::real`} as rank,
             ${brandOk} as b_ok, ${categoryOk} as c_ok, ${colourOk} as col_ok, ${sizeOk} as s_ok,
             ${priceOk} as p_ok, ${saleOk} as o_ok
        from products p join brands b on b.id = p.brand_id
       where ${sql.join(where, sql` and `)}
    ),
    page as (
      select base.id, ${key} as sort_key from base where ${all} ${after} order by ${order} limit ${query.limit + 1}
    )
    select
      (select count(*)::int from base where ${all}) as total,
      (select coalesce(json_agg(x order by x.count desc, x.label), '[]'::json) from (
         select b.slug as value, b.name as label, count(*)::int as count
           from base join brands b on b.id = base.brand_id
          where base.c_ok and base.col_ok and base.s_ok and base.p_ok and base.o_ok
          group by b.slug, b.name) x) as brand_facet,
      (select coalesce(json_agg(x order by x.count desc, x.value), '[]'::json) from (
         select base.category as value, count(*)::int as count from base
          where base.b_ok and base.col_ok and base.s_ok and base.p_ok and base.o_ok group by base.category) x) as category_facet,
      (select coalesce(json_agg(x order by x.count desc, x.value), '[]'::json) from (
         select base.subcategory as value, count(*)::int as count from base
          where base.subcategory is not null and base.b_ok and base.col_ok and base.s_ok and base.p_ok and base.o_ok
          group by base.subcategory) x) as subcategory_facet,
      (select coalesce(json_agg(x order by x.count desc, x.value), '[]'::json) from (
         select c as value, count(*)::int as count from base, unnest(base.colours) c
          where base.b_ok and base.c_ok and base.s_ok and base.p_ok and base.o_ok group by c) x) as colour_facet,
      (select coalesce(json_agg(x order by x.count desc, x.value), '[]'::json) from (
         select s as value, count(*)::int as count from base, unnest(base.sizes_in_stock) s
          where base.b_ok and base.c_ok and base.col_ok and base.p_ok and base.o_ok group by s) x) as size_facet,
      (select json_build_object('min', min(base.price), 'max', max(base.price), 'currency', mode() within group (order by base.currency))
         from base where base.b_ok and base.c_ok and base.col_ok and base.s_ok and base.o_ok) as price_facet,
      (select count(*)::int from base where base.on_sale and base.b_ok and base.c_ok and base.col_ok and base.s_ok and base.p_ok) as on_sale_facet,
      (select coalesce(json_agg(json_build_object('id', page.id, 'sort_key', page.sort_key)), '[]'::json) from page) as page`;

  const [row] = rowsOf<{
    total: number;
    brand_facet: (FacetCount & { label: string })[];
    category_facet: FacetCount[];
    subcategory_facet: FacetCount[];
    colour_facet: FacetCount[];
    size_facet: FacetCount[];
    price_facet: { min: number | null; max: number | null; currency: string | null };
    on_sale_facet: number;
    page: { id: string; sort_key: number }[];
  }>(await ex.execute(statement));
  if (!row) throw new Error('search returned no row');

  // The page arrives as ids in order; the cards load in one more query.
  const keys = new Map(row.page.map((p, i) => [p.id, { i, sortKey: Number(p.sort_key) }]));
  const cards = await loadProducts(ex, [...keys.keys()]);
  const rows = cards
    .map((c) => ({ ...c, sort_key: keys.get(c.id)!.sortKey }))
    .sort((a, b) => keys.get(a.id)!.i - keys.get(b.id)!.i);
  return {
    rows,
    total: row.total,
    facets: {
      brand: row.brand_facet,
      category: row.category_facet,
      subcategory: row.subcategory_facet,
      colour: row.colour_facet,
      size: row.size_facet,
      price: {
        min: row.price_facet.min === null ? null : Number(row.price_facet.min),
        max: row.price_facet.max === null ? null : Number(row.price_facet.max),
        currency: row.price_facet.currency,
      },
      onSale: row.on_sale_facet,
    },
  };
}

/** Product cards by id (any status; callers have already applied visibility). */
export async function loadProducts(ex: Executor, ids: readonly string[]): Promise<Omit<ProductRow, 'sort_key'>[]> {
  if (ids.length === 0) return [];
  const rows = rowsOf<Omit<ProductRow, 'sort_key'>>(
    await ex.execute(sql`select ${productColumns} from products p join brands b on b.id = p.brand_id where p.id = any(${toTextArray(ids)})`),
  );
  return rows.map(normaliseRow);
}

export interface ProductDetailRow extends Omit<ProductRow, 'sort_key'> {
  description: string | null;
  colour_raw: string | null;
  materials: string[];
  pattern: string | null;
  gender: string | null;
  age_group: string | null;
  link: string | null;
  brand_logo_url: string | null;
  brand_story: string | null;
}

/** One product with everything its page shows; by product id, or by the feed id of one of its variants. */
export async function findProductDetail(ex: Executor, id: string): Promise<ProductDetailRow | undefined> {
  const [row] = rowsOf<ProductDetailRow>(
    await ex.execute(sql`
      select ${productColumns}, p.description, p.colour_raw, p.materials, p.pattern, p.gender, p.age_group, p.link,
             b.logo_url as brand_logo_url, b.story as brand_story
        from products p join brands b on b.id = p.brand_id
       where p.id = coalesce((select id from products where id = ${id}), (select product_id from variants where sku = ${id}))`),
  );
  return row === undefined ? undefined : normaliseRow(row);
}

function normaliseRow<T extends Omit<ProductRow, 'sort_key'>>(row: T): T {
  return {
    ...row,
    release_at: row.release_at === null ? null : new Date(row.release_at),
    price_minor: Number(row.price_minor),
    sale_price_minor: row.sale_price_minor === null ? null : Number(row.sale_price_minor),
    variants: row.variants.map((v) => ({ sku: v.sku, size: v.size, stock: Number(v.stock) })),
  };
}

export interface BrandRow {
  name: string;
  slug: string;
  logo_url: string | null;
  story: string | null;
  product_count: number;
}

/** Brands with how many products the caller can see. */
export async function listBrands(ex: Executor, visible: SQL): Promise<BrandRow[]> {
  return rowsOf<BrandRow>(
    await ex.execute(sql`
      select b.name, b.slug, b.logo_url, b.story,
             (select count(*)::int from products p where p.brand_id = b.id and ${visible}) as product_count
        from brands b order by lower(b.name)`),
  );
}

/** One brand by slug. */
export async function findBrand(ex: Executor, slug: string, visible: SQL): Promise<BrandRow | undefined> {
  const [row] = rowsOf<BrandRow>(
    await ex.execute(sql`
      select b.name, b.slug, b.logo_url, b.story,
             (select count(*)::int from products p where p.brand_id = b.id and ${visible}) as product_count
        from brands b where b.slug = ${slug}`),
  );
  return row;
}
