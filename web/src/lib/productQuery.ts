import { SORTS, productQueryString, type ProductQuery, type ProductSort } from '../api/catalog.ts';

/**
 * The explore page keeps its whole search in the URL, in the same names the API takes, so a
 * shared link, a reload and the back button all show the same results.
 */

const LIST_FILTERS = ['brand', 'category', 'subcategory', 'colour', 'size'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

function list(params: URLSearchParams, key: string): string[] {
  return (params.get(key) ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
}

function amount(params: URLSearchParams, key: string): number | undefined {
  const raw = params.get(key);
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/** The search a URL describes; unknown or malformed values are ignored rather than fatal. */
export function queryFromParams(params: URLSearchParams): ProductQuery {
  const sort = params.get('sort');
  const query: ProductQuery = {
    q: params.get('q')?.trim() || undefined,
    min_price: amount(params, 'min_price'),
    max_price: amount(params, 'max_price'),
    on_sale: params.get('on_sale') === 'true' || undefined,
    new_in: params.get('new_in') === 'true' || undefined,
    sort: SORTS.includes(sort as ProductSort) ? (sort as ProductSort) : undefined,
  };
  for (const key of LIST_FILTERS) {
    const values = list(params, key);
    if (values.length > 0) query[key] = values;
  }
  return query;
}

export function paramsFromQuery(query: ProductQuery): URLSearchParams {
  return new URLSearchParams(productQueryString({ ...query, cursor: undefined }));
}

/** Adds or removes one value of a list filter. */
export function toggleValue(query: ProductQuery, key: ListFilter, value: string): ProductQuery {
  const current = query[key] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...query, [key]: next.length > 0 ? next : undefined };
}

/** How many filters narrow the results (the search words and the sort are not filters). */
export function activeFilterCount(query: ProductQuery): number {
  let count = 0;
  for (const key of LIST_FILTERS) count += query[key]?.length ?? 0;
  if (query.min_price !== undefined || query.max_price !== undefined) count += 1;
  if (query.on_sale) count += 1;
  if (query.new_in) count += 1;
  return count;
}

/** The same search with every filter cleared, keeping the words and the sort. */
export function withoutFilters(query: ProductQuery): ProductQuery {
  return { q: query.q, sort: query.sort };
}
