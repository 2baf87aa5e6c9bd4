/**
 * SQL for reading the catalogue: the words of a search (tsvector), product cards and pages, brands.
 * No rules here: the service decides who sees what and hands in the visibility condition.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/index.js';
import type { ProductStatus } from './catalog.tables.js';
import { toTextArray } from './stock.js';

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
}

const productColumns = sql`
  p.id, p.title, b.name as brand, b.slug as brand_slug, p.category, p.subcategory, p.colours, p.status, p.release_at,
  p.price_minor, p.sale_price_minor, p.currency,
  coalesce((select array_agg(i.blob_key order by i.position) from product_images i where i.product_id = p.id), '{}') as images,
  coalesce((select json_agg(json_build_object('sku', v.sku, 'size', v.size, 'stock', v.stock) order by v.position)
              from variants v where v.product_id = p.id), '[]'::json) as variants`;

/**
 * Products whose words match `q` (English stemming, web-search syntax), with their weighted rank.
 * The matches come back as one packed text (id, unit separator, rank; record separator between):
 * for ten thousand matches that is a third of the cost of as many rows.
 */
export async function textRanks(ex: Executor, q: string): Promise<Map<string, number>> {
  const [row] = rowsOf<{ packed: string | null }>(
    await ex.execute(sql`
      select string_agg(id || chr(31) || ts_rank(search, query)::text, chr(30)) as packed
        from products, websearch_to_tsquery('english', ${q}) query
       where search @@ query`),
  );
  const ranks = new Map<string, number>();
  if (!row?.packed) return ranks;
  for (const entry of row.packed.split('\x1e')) {
    const cut = entry.lastIndexOf('\x1f');
    ranks.set(entry.slice(0, cut), Number(entry.slice(cut + 1)));
  }
  return ranks;
}

/** Product cards by id (any status; callers have already applied visibility). */
export async function loadProducts(ex: Executor, ids: readonly string[]): Promise<ProductRow[]> {
  if (ids.length === 0) return [];
  const rows = rowsOf<ProductRow>(
    await ex.execute(sql`select ${productColumns} from products p join brands b on b.id = p.brand_id where p.id = any(${toTextArray(ids)})`),
  );
  return rows.map(normaliseRow);
}

export interface ProductDetailRow extends ProductRow {
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

function normaliseRow<T extends ProductRow>(row: T): T {
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
