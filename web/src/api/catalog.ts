import { apiRequest } from './client.ts';
import type { CatalogueVocabulary, ProductDetail, ProductSearchResult } from './types.ts';

export const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'popular'] as const;
export type ProductSort = (typeof SORTS)[number];

/** A product search as `GET /products` takes it; list filters are sent comma-separated. */
export interface ProductQuery {
  q?: string;
  brand?: string[];
  category?: string[];
  subcategory?: string[];
  colour?: string[];
  size?: string[];
  /** Minor units of the catalogue's currency. */
  min_price?: number;
  max_price?: number;
  on_sale?: boolean;
  new_in?: boolean;
  sort?: ProductSort;
  cursor?: string;
  limit?: number;
}

/** The query string for a search, leaving out everything unset so URLs stay short. */
export function productQueryString(query: ProductQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const key of ['brand', 'category', 'subcategory', 'colour', 'size'] as const) {
    const values = query[key];
    if (values && values.length > 0) params.set(key, values.join(','));
  }
  if (query.min_price !== undefined) params.set('min_price', String(query.min_price));
  if (query.max_price !== undefined) params.set('max_price', String(query.max_price));
  if (query.on_sale) params.set('on_sale', 'true');
  if (query.new_in) params.set('new_in', 'true');
  if (query.sort && query.sort !== 'relevance') params.set('sort', query.sort);
  if (query.cursor) params.set('cursor', query.cursor);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  return params.toString();
}

export async function searchProducts(query: ProductQuery, signal?: AbortSignal): Promise<ProductSearchResult> {
  const search = productQueryString(query);
  return apiRequest<ProductSearchResult>('GET', `/products${search ? `?${search}` : ''}`, undefined, signal);
}

/** One product; rejects with status 404 when it is unknown or not visible to this member. */
export async function fetchProduct(id: string, signal?: AbortSignal): Promise<ProductDetail> {
  // The answer is the product itself, not wrapped (the brief's public contract).
  return apiRequest<ProductDetail>('GET', `/products/${encodeURIComponent(id)}`, undefined, signal);
}

/** The category tree and the colour palette with swatches. */
export async function fetchVocabulary(signal?: AbortSignal): Promise<CatalogueVocabulary> {
  return apiRequest<CatalogueVocabulary>('GET', '/categories', undefined, signal);
}
