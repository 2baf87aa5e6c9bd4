/**
 * One search over the in-memory index: a single pass applies visibility and filters, counts every facet
 * as if its own filter were off (so a shopper can widen a choice), and keeps only the page after the
 * cursor in a small sorted buffer — no full sort of the matches.
 */
import type { ProductStatus } from './catalog.tables.js';
import { PALETTE } from './feed/colours.js';
import type { CatalogSearchIndex, IndexedProduct } from './search-index.js';
import { colourMask } from './search-index.js';

export const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'popular'] as const;
export type Sort = (typeof SORTS)[number];

export interface EngineQuery {
  /** Product id → text rank, when the search has words; only these products can match. */
  ranks: Map<string, number> | null;
  /** Lower-case brand slugs or names. */
  brands: string[];
  categories: { category: string; subcategory: string | null }[];
  colours: string[];
  sizes: string[];
  minPrice: number | null;
  maxPrice: number | null;
  onSale: boolean;
  /** Only products published at or after this time (ms), or null. */
  newSince: number | null;
  sort: Sort;
  after: { key: number; id: string } | null;
  limit: number;
  visibleStatuses: readonly ProductStatus[];
  now: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface EngineResult {
  /** Up to limit + 1 ids in order (one more than asked says there is a next page). */
  page: { id: string; sortKey: number }[];
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

// Added to the key of everything in stock in the descending sorts, so sold-out products come last:
// larger than any popularity or timestamp in milliseconds, and exact in a double. Text ranks are small
// numbers whose decimals matter, so they get a smaller lift that keeps them.
const IN_STOCK_LIFT = 1e13;
const IN_STOCK_RANK_LIFT = 1e6;

function sortKeyOf(sort: Sort, p: IndexedProduct, ranks: Map<string, number> | null): number {
  const inStock = p.status !== 'sold_out';
  const lift = inStock ? IN_STOCK_LIFT : 0;
  switch (sort) {
    case 'relevance':
      return ranks ? ranks.get(p.id)! + (inStock ? IN_STOCK_RANK_LIFT : 0) : p.popularity + lift;
    case 'newest':
      return p.published + lift;
    case 'price_asc':
    case 'price_desc':
      return p.price;
    case 'popular':
      return p.popularity + lift;
  }
}

/** True when a comes before b in the sort (ties broken by id, ascending). */
function before(asc: boolean, aKey: number, aId: string, bKey: number, bId: string): boolean {
  if (aKey !== bKey) return asc ? aKey < bKey : aKey > bKey;
  return aId < bId;
}

const byCount = (a: FacetCount, b: FacetCount) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

function* matched(index: CatalogSearchIndex, ranks: Map<string, number>): Generator<IndexedProduct> {
  for (const id of ranks.keys()) {
    const p = index.products.get(id);
    if (p) yield p;
  }
}

/** Ids of the dictionary entries whose lower-case value is wanted. */
function idsOf(values: readonly string[], wanted: ReadonlySet<string>): Set<number> {
  const ids = new Set<number>();
  values.forEach((v, i) => {
    if (wanted.has(v.toLowerCase())) ids.add(i);
  });
  return ids;
}

function facetOf(values: readonly string[], counts: Int32Array): FacetCount[] {
  const out: FacetCount[] = [];
  counts.forEach((count, i) => {
    if (count > 0) out.push({ value: values[i]!, count });
  });
  return out.sort(byCount);
}

/** Runs the query over the index. */
export function runSearch(index: CatalogSearchIndex, query: EngineQuery): EngineResult {
  const visible = new Set(query.visibleStatuses);
  const brandFilter = query.brands.length > 0;
  const wantedBrands = new Set<number>();
  if (brandFilter) {
    const wanted = new Set(query.brands);
    index.brands.forEach((b, i) => {
      if (wanted.has(b.slug) || wanted.has(b.lowerName)) wantedBrands.add(i);
    });
  }
  const categoryFilter = query.categories.length > 0;
  const wholeCategories = idsOf(index.categories.values, new Set(query.categories.filter((x) => x.subcategory === null).map((x) => x.category)));
  const subcategories = idsOf(index.subcategories.values, new Set(query.categories.flatMap((x) => (x.subcategory === null ? [] : [x.subcategory]))));
  const colourFilter = query.colours.length > 0;
  const mask = colourMask(query.colours);
  const sizeFilter = query.sizes.length > 0;
  const sizes = idsOf(index.sizes.values, new Set(query.sizes.map((s) => s.toLowerCase())));
  const asc = query.sort === 'price_asc';
  const take = query.limit + 1;
  const { minPrice, maxPrice, onSale: saleFilter, newSince, after, ranks } = query;

  const brandCounts = new Int32Array(index.brands.length);
  const categoryCounts = new Int32Array(index.categories.values.length);
  const subcategoryCounts = new Int32Array(index.subcategories.values.length);
  const colourCounts = new Int32Array(PALETTE.length);
  const sizeCounts = new Int32Array(index.sizes.values.length);
  const currencyCounts = new Int32Array(index.currencies.values.length);
  let priceMin: number | null = null;
  let priceMax: number | null = null;
  let onSaleCount = 0;
  let total = 0;
  const page: { id: string; sortKey: number }[] = [];

  const candidates = ranks ? matched(index, ranks) : index.products.values();
  for (const p of candidates) {
    const status = p.status === 'early_access' && p.releaseAt !== null && p.releaseAt <= query.now ? 'live' : p.status;
    if (!visible.has(status)) continue;
    if (newSince !== null && p.published < newSince) continue;

    const b = !brandFilter || wantedBrands.has(p.brand);
    const c = !categoryFilter || wholeCategories.has(p.category) || subcategories.has(p.subcategory);
    const col = !colourFilter || (p.colours & mask) !== 0;
    let s = !sizeFilter;
    if (!s) for (const size of p.sizes) if (sizes.has(size)) s = true;
    const pr = (minPrice === null || p.price >= minPrice) && (maxPrice === null || p.price <= maxPrice);
    const o = !saleFilter || p.onSale;

    // Each facet counts what passes every filter but its own.
    if (c && col && s && pr && o) brandCounts[p.brand]!++;
    if (b && col && s && pr && o) {
      categoryCounts[p.category]!++;
      if (p.subcategory >= 0) subcategoryCounts[p.subcategory]!++;
    }
    if (b && c && s && pr && o && p.colours !== 0) for (let bit = 0; bit < PALETTE.length; bit++) if (p.colours & (1 << bit)) colourCounts[bit]!++;
    if (b && c && col && pr && o) for (const size of p.sizes) sizeCounts[size]!++;
    if (b && c && col && s && o) {
      if (priceMin === null || p.price < priceMin) priceMin = p.price;
      if (priceMax === null || p.price > priceMax) priceMax = p.price;
      currencyCounts[p.currency]!++;
    }
    if (!(b && c && col && s && pr)) continue;
    if (p.onSale) onSaleCount++;
    if (!o) continue;
    total++;

    const key = sortKeyOf(query.sort, p, ranks);
    if (after && !before(asc, after.key, after.id, key, p.id)) continue;
    if (page.length === take && !before(asc, key, p.id, page[take - 1]!.sortKey, page[take - 1]!.id)) continue;
    // Insert in order into the small page buffer.
    let lo = 0;
    let hi = page.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(asc, page[mid]!.sortKey, page[mid]!.id, key, p.id)) lo = mid + 1;
      else hi = mid;
    }
    page.splice(lo, 0, { id: p.id, sortKey: key });
    if (page.length > take) page.pop();
  }

  let currency: string | null = null;
  let best = 0;
  currencyCounts.forEach((n, i) => {
    if (n > best) [currency, best] = [index.currencies.values[i]!, n];
  });
  return {
    page,
    total,
    facets: {
      brand: index.brands
        .map((brand, i) => ({ value: brand.slug, label: brand.name, count: brandCounts[i] ?? 0 }))
        .filter((f) => f.count > 0)
        .sort(byCount),
      category: facetOf(index.categories.values, categoryCounts),
      subcategory: facetOf(index.subcategories.values, subcategoryCounts),
      colour: facetOf(PALETTE.map((c) => c.slug), colourCounts),
      size: facetOf(index.sizes.values, sizeCounts),
      price: { min: priceMin, max: priceMax, currency },
      onSale: onSaleCount,
    },
  };
}
