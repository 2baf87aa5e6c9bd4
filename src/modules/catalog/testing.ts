/**
 * Test and benchmark fixtures (never imported by production code): brands and products straight into
 * the catalogue tables, for tests of reading, bags, checkouts and sets that should not depend on the
 * feed importer. Other modules' tests use it through this file (the module rules allow `testing.ts`).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.js';
import type { ProductStatus } from './catalog.tables.js';
import { settleStock } from './stock.js';

export interface ProductSpec {
  id: string;
  /** Default "Test piece <id>". */
  title?: string;
  /** Default "Maison Test". */
  brand?: string;
  /** Default dresses. */
  category?: string;
  subcategory?: string | null;
  colours?: string[];
  description?: string;
  /** Default 10,000. */
  priceMinor?: number;
  salePriceMinor?: number | null;
  currency?: string;
  status?: ProductStatus;
  releaseAt?: Date | null;
  publishedAt?: Date | null;
  popularity?: number;
  /** size → stock; one "One size" variant with 5 units when omitted. */
  sizes?: Record<string, number>;
  images?: string[];
  /** A size's sku; default the product id for a single size, else `<id>-<size>`. */
  sku?: (size: string, sizeCount: number) => string;
}

/** Inserts a product (and its brand when new) and returns its variant skus by size. */
export async function addProduct(ex: Executor, input: ProductSpec): Promise<Record<string, string>> {
  const spec = { title: `Test piece ${input.id}`, brand: 'Maison Test', category: 'dresses', priceMinor: 10_000, ...input };
  const slug = spec.brand.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  await ex.execute(sql`insert into brands (id, slug, name) values (${randomUUID()}, ${slug}, ${spec.brand}) on conflict do nothing`);
  const status = spec.status ?? 'live';
  await ex.execute(sql`
    insert into products (id, brand_id, title, description, category, subcategory, colours, price_minor, sale_price_minor,
                          currency, status, release_at, published_at, popularity, search)
    values (${spec.id}, (select id from brands where slug = ${slug}), ${spec.title}, ${spec.description ?? null}, ${spec.category},
            ${spec.subcategory ?? null}, ${`{${(spec.colours ?? []).join(',')}}`}::text[], ${spec.priceMinor}, ${spec.salePriceMinor ?? null},
            ${spec.currency ?? 'GBP'}, ${status}, ${spec.releaseAt?.toISOString() ?? null}::timestamptz,
            ${(spec.publishedAt === undefined ? new Date() : spec.publishedAt)?.toISOString() ?? null}::timestamptz, ${spec.popularity ?? 0},
            setweight(to_tsvector('english', ${spec.title}), 'A') || setweight(to_tsvector('english', ${spec.brand}), 'B')
              || setweight(to_tsvector('english', ${[spec.category, spec.subcategory ?? '', ...(spec.colours ?? [])].join(' ')}), 'C') || setweight(to_tsvector('english', ${spec.description ?? ''}), 'D'))`);
  const skus: Record<string, string> = {};
  const sizes = Object.entries(spec.sizes ?? { 'One size': 5 });
  for (const [position, [size, stock]] of sizes.entries()) {
    const sku = spec.sku ? spec.sku(size, sizes.length) : sizes.length === 1 ? spec.id : `${spec.id}-${size}`;
    skus[size] = sku;
    await ex.execute(sql`insert into variants (sku, product_id, size, position, stock) values (${sku}, ${spec.id}, ${size}, ${position}, ${stock})`);
  }
  for (const [position, key] of (spec.images ?? []).entries()) {
    await ex.execute(sql`insert into product_images (product_id, position, blob_key, source, width, height)
                         values (${spec.id}, ${position}, ${key}, ${key}, 800, 1000)`);
  }
  await settleStock(ex, [spec.id]);
  return skus;
}
