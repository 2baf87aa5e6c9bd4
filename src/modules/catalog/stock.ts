/**
 * Stock, the one thing money moves: looked up for bags and checkouts, taken atomically (rows locked in
 * a fixed order, so concurrent checkouts queue instead of deadlocking or overselling), given back on
 * cancellations and returns. A product with no stock left turns sold_out; restocked, live again.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/index.js';
import type { ProductStatus } from './catalog.tables.js';

export interface VariantInfo {
  sku: string;
  productId: string;
  title: string;
  brand: string;
  size: string;
  stock: number;
  status: ProductStatus;
  releaseAt: Date | null;
  /** What a shopper pays now: the sale price when there is one. */
  unitPriceMinor: number;
  priceMinor: number;
  salePriceMinor: number | null;
  currency: string;
  /** Blob key of the primary image, or null. */
  imageKey: string | null;
}

export interface StockLine {
  sku: string;
  quantity: number;
}

export interface Shortfall {
  sku: string;
  requested: number;
  available: number;
}

interface VariantRow extends Record<string, unknown> {
  sku: string;
  product_id: string;
  title: string;
  brand: string;
  size: string;
  stock: number;
  status: ProductStatus;
  release_at: Date | string | null;
  effective_price_minor: number | string;
  price_minor: number | string;
  sale_price_minor: number | string | null;
  currency: string;
  image_key: string | null;
}

/** Variants by sku with what a bag or an order line shows; unknown skus are simply absent. */
export async function lookupVariants(ex: Executor, skus: readonly string[]): Promise<Map<string, VariantInfo>> {
  const found = new Map<string, VariantInfo>();
  if (skus.length === 0) return found;
  const rows = rowsOf<VariantRow>(
    await ex.execute(sql`
      select v.sku, v.product_id, p.title, b.name as brand, v.size, v.stock, p.status, p.release_at,
             p.effective_price_minor, p.price_minor, p.sale_price_minor, p.currency,
             (select i.blob_key from product_images i where i.product_id = p.id order by i.position limit 1) as image_key
        from variants v
        join products p on p.id = v.product_id
        join brands b on b.id = p.brand_id
       where v.sku = any(${toTextArray(skus)})`),
  );
  for (const r of rows) {
    found.set(r.sku, {
      sku: r.sku,
      productId: r.product_id,
      title: r.title,
      brand: r.brand,
      size: r.size,
      stock: Number(r.stock),
      status: r.status,
      releaseAt: r.release_at === null ? null : new Date(r.release_at),
      unitPriceMinor: Number(r.effective_price_minor),
      priceMinor: Number(r.price_minor),
      salePriceMinor: r.sale_price_minor === null ? null : Number(r.sale_price_minor),
      currency: r.currency,
      imageKey: r.image_key,
    });
  }
  return found;
}

/** Sums quantities per sku: two bag lines for one variant draw on the same stock. */
export function totalsBySku(lines: readonly StockLine[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
  return totals;
}

/**
 * Takes stock for every line or for none. Must run inside the caller's transaction: the rows stay
 * locked until it commits, and a shortfall leaves them untouched (the caller rolls back or reports).
 */
export async function takeStock(tx: Executor, lines: readonly StockLine[]): Promise<{ ok: true } | { ok: false; short: Shortfall[] }> {
  const totals = totalsBySku(lines);
  if (totals.size === 0) return { ok: true };
  const skus = [...totals.keys()].sort();
  // Lock in sku order: two checkouts over the same variants wait for each other, never deadlock.
  const locked = rowsOf<{ sku: string; stock: number }>(
    await tx.execute(sql`select sku, stock from variants where sku = any(${toTextArray(skus)}) order by sku for update`),
  );
  const stockBySku = new Map(locked.map((r) => [r.sku, Number(r.stock)]));
  const short: Shortfall[] = [];
  for (const [sku, requested] of totals) {
    const available = stockBySku.get(sku) ?? 0;
    if (available < requested) short.push({ sku, requested, available });
  }
  if (short.length > 0) return { ok: false, short };
  await adjust(tx, totals, -1);
  return { ok: true };
}

/** Gives stock back (a cancelled or returned order); sold-out products turn live again. */
export async function restoreStock(tx: Executor, lines: readonly StockLine[]): Promise<void> {
  const totals = totalsBySku(lines);
  if (totals.size === 0) return;
  await adjust(tx, totals, 1);
}

async function adjust(tx: Executor, totals: Map<string, number>, sign: 1 | -1): Promise<void> {
  const skus = [...totals.keys()].sort();
  const deltas = skus.map((s) => sign * totals.get(s)!);
  const touched = rowsOf<{ product_id: string }>(
    await tx.execute(sql`
      update variants v set stock = v.stock + d.delta, updated_at = now()
        from (select unnest(${toTextArray(skus)}) as sku, unnest(${toIntArray(deltas)}) as delta) d
       where v.sku = d.sku
      returning v.product_id`),
  );
  const productIds = [...new Set(touched.map((r) => r.product_id))];
  await settleSoldOut(tx, productIds);
  if (sign === -1) {
    // Units sold feed the popularity sort.
    await tx.execute(sql`
      update products p set popularity = p.popularity + s.units
        from (select v.product_id, sum(d.delta)::int as units
                from (select unnest(${toTextArray(skus)}) as sku, unnest(${toIntArray(deltas.map((d) => -d))}) as delta) d
                join variants v on v.sku = d.sku group by v.product_id) s
       where p.id = s.product_id`);
  }
}

/**
 * Brings products in line with their variants' stock: refreshes the sizes in stock (the size filter
 * reads them), moves live products with no stock to sold_out and sold-out products with stock back to
 * live. Other states (draft, early access, archived) are the merchandiser's and stay as they are.
 * Call it in the same transaction as any change to variants.
 */
export async function settleSoldOut(ex: Executor, productIds: readonly string[]): Promise<void> {
  if (productIds.length === 0) return;
  await ex.execute(sql`
    update products p
       set sizes_in_stock = s.sizes,
           status = case when p.status in ('live', 'sold_out') then (case when s.any_stock then 'live' else 'sold_out' end) else p.status end,
           updated_at = now()
      from (select pp.id,
                   coalesce((select array_agg(v.size order by v.position) from variants v where v.product_id = pp.id and v.stock > 0), '{}') as sizes,
                   exists (select 1 from variants v where v.product_id = pp.id and v.stock > 0) as any_stock
              from products pp where pp.id = any(${toTextArray(productIds)})) s
     where p.id = s.id
       and (p.sizes_in_stock is distinct from s.sizes
            or (p.status in ('live', 'sold_out') and (p.status = 'live') <> s.any_stock))`);
}

/** The same as `settleSoldOut`, by its fuller name. */
export const settleStock = settleSoldOut;

// Arrays go in as one text parameter cast to an array type: the same on PGlite and node-postgres.
export function toTextArray(values: readonly string[]) {
  return sql`${`{${values.map(quoteArrayItem).join(',')}}`}::text[]`;
}

function toIntArray(values: readonly number[]) {
  return sql`${`{${values.map((v) => String(Math.trunc(v))).join(',')}}`}::int[]`;
}

function quoteArrayItem(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
