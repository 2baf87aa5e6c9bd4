/**
 * The in-memory facet index behind search. PostgreSQL answers the words (tsvector, GIN index); this
 * index answers everything else — visibility, filters, facet counts, sort and cursor — in one pass over
 * compact rows, because counting facets in SQL over a whole catalogue costs hundreds of milliseconds
 * on the embedded database. Each node keeps its own copy and catches up before every search from
 * `catalog_changes` (written by triggers), re-reading the changes of any transaction that was still
 * running at its previous look, so no committed change is ever missed.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Executor } from '../../platform/db/index.js';
import type { ProductStatus } from './catalog.tables.js';
import { PALETTE } from './feed/colours.js';
import { toTextArray } from './stock.js';

/**
 * One product as search sees it. Text values are interned: small numbers index the index's
 * dictionaries, so the one pass of a search counts into typed arrays instead of string maps.
 */
export interface IndexedProduct {
  id: string;
  brand: number;
  category: number;
  /** -1 when none. */
  subcategory: number;
  /** Bit i set: PALETTE[i] is one of its colours. */
  colours: number;
  /** Sizes with stock left. */
  sizes: number[];
  price: number;
  currency: number;
  onSale: boolean;
  published: number;
  popularity: number;
  status: ProductStatus;
  releaseAt: number | null;
}

interface Brand {
  slug: string;
  name: string;
  lowerName: string;
}

const colourBit = new Map(PALETTE.map((c, i) => [c.slug, 1 << i]));

/** The colour bitmask of palette slugs (unknown slugs are ignored). */
export function colourMask(slugs: readonly string[]): number {
  let mask = 0;
  for (const s of slugs) mask |= colourBit.get(s) ?? 0;
  return mask;
}

interface Row {
  id: string;
  brand_id: string;
  brand_slug: string;
  brand_name: string;
  category: string;
  subcategory: string | null;
  colours: string[];
  sizes_in_stock: string[];
  effective_price_minor: number | string;
  currency: string;
  on_sale: boolean;
  published: Date | string;
  popularity: number;
  status: ProductStatus;
  release_at: Date | string | null;
}

const columns = sql`
  p.id, p.brand_id, b.slug as brand_slug, b.name as brand_name, p.category, p.subcategory, p.colours, p.sizes_in_stock,
  p.effective_price_minor, p.currency, p.sale_price_minor is not null as on_sale, coalesce(p.published_at, p.created_at) as published,
  p.popularity, p.status, p.release_at`;

/** If a node has not looked for this long, changes may have been pruned: it reloads everything. */
const STALE_AFTER_MS = 30 * 60_000;

/** Strings to small numbers and back. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}

export class CatalogSearchIndex {
  readonly products = new Map<string, IndexedProduct>();
  readonly brands: Brand[] = [];
  readonly categories = new Dictionary();
  readonly subcategories = new Dictionary();
  readonly sizes = new Dictionary();
  readonly currencies = new Dictionary();
  private readonly brandIndex = new Map<string, number>();
  private lastXmin: number | null = null;
  private lastSyncAt = 0;
  private syncing: Promise<void> | null = null;

  constructor(private readonly database: Database) {}

  /** Brings the index up to date with everything committed so far (one small query when nothing changed). */
  sync(): Promise<void> {
    // Concurrent searches share one catch-up; a search that arrives during it waits for the next one.
    const run = async (): Promise<void> => {
      if (this.lastXmin === null || Date.now() - this.lastSyncAt > STALE_AFTER_MS) await this.loadAll();
      else await this.catchUp();
      this.lastSyncAt = Date.now();
    };
    const previous = this.syncing ?? Promise.resolve();
    const next = previous.then(run, run);
    this.syncing = next.finally(() => {
      if (this.syncing === next) this.syncing = null;
    });
    return next;
  }

  /** Drops everything; the next sync reloads (tests, and after pruning went wrong). */
  reset(): void {
    this.lastXmin = null;
  }

  private async currentXmin(ex: Executor): Promise<number> {
    const [row] = rowsOf<{ xmin: string }>(await ex.execute(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`));
    return Number(row!.xmin);
  }

  private async loadAll(): Promise<void> {
    const db = this.database.db;
    const xmin = await this.currentXmin(db);
    const rows = rowsOf<Row>(await db.execute(sql`select ${columns} from products p join brands b on b.id = p.brand_id`));
    this.products.clear();
    for (const row of rows) this.put(row);
    this.lastXmin = xmin;
  }

  private async catchUp(): Promise<void> {
    const db = this.database.db;
    const rows = rowsOf<{ xmin: string; product_id: string | null }>(
      await db.execute(sql`
        select s.xmin::text as xmin, c.product_id
          from (select pg_snapshot_xmin(pg_current_snapshot()) as xmin) s
          left join catalog_changes c on c.txid >= ${this.lastXmin}`),
    );
    const xmin = Number(rows[0]!.xmin);
    const changed = [...new Set(rows.flatMap((r) => (r.product_id === null ? [] : [r.product_id])))];
    for (let i = 0; i < changed.length; i += 5000) await this.reload(changed.slice(i, i + 5000));
    this.lastXmin = xmin;
  }

  private async reload(ids: string[]): Promise<void> {
    const rows = rowsOf<Row>(
      await this.database.db.execute(sql`select ${columns} from products p join brands b on b.id = p.brand_id where p.id = any(${toTextArray(ids)})`),
    );
    const found = new Set<string>();
    for (const row of rows) {
      this.put(row);
      found.add(row.id);
    }
    for (const id of ids) if (!found.has(id)) this.products.delete(id);
  }

  private put(row: Row): void {
    let brand = this.brandIndex.get(row.brand_id);
    if (brand === undefined) {
      brand = this.brands.length;
      this.brands.push({ slug: row.brand_slug, name: row.brand_name, lowerName: row.brand_name.toLowerCase() });
      this.brandIndex.set(row.brand_id, brand);
    } else {
      const known = this.brands[brand]!;
      if (known.slug !== row.brand_slug || known.name !== row.brand_name) {
        this.brands[brand] = { slug: row.brand_slug, name: row.brand_name, lowerName: row.brand_name.toLowerCase() };
      }
    }
    this.products.set(row.id, {
      id: row.id,
      brand,
      category: this.categories.intern(row.category),
      subcategory: row.subcategory === null ? -1 : this.subcategories.intern(row.subcategory),
      colours: colourMask(row.colours),
      sizes: row.sizes_in_stock.map((size) => this.sizes.intern(size)),
      price: Number(row.effective_price_minor),
      currency: this.currencies.intern(row.currency),
      onSale: row.on_sale,
      published: new Date(row.published).getTime(),
      popularity: Number(row.popularity),
      status: row.status,
      releaseAt: row.release_at === null ? null : new Date(row.release_at).getTime(),
    });
  }
}

/** Deletes change notes no index needs any more (older than any node waits before a full reload). */
export async function pruneCatalogChanges(ex: Executor): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await ex.execute(sql`with gone as (delete from catalog_changes where changed_at < now() - interval '1 hour' returning 1) select count(*)::int as n from gone`),
  );
  return rows[0]?.n ?? 0;
}
