import { useEffect, useState } from 'react';
import { fetchProduct } from '../api/catalog.ts';
import type { ProductSummary } from '../api/types.ts';

export type ProductsById = { status: 'loading' } | { status: 'ready'; products: Map<string, ProductSummary> };

const NONE: ProductsById = { status: 'ready', products: new Map() };
const LOADING: ProductsById = { status: 'loading' };

/**
 * Reads the products behind a list of ids (visual search answers ids only), each through the
 * catalogue so it shows with its price and badges. Ids this member cannot see are left out.
 */
export function useProductsById(ids: readonly string[]): ProductsById {
  const key = [...new Set(ids)].join(',');
  // Kept with the ids it answers, so a new list never shows the previous list's products.
  const [read, setRead] = useState<{ key: string; state: ProductsById } | null>(null);

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    Promise.allSettled(key.split(',').map((id) => fetchProduct(id, controller.signal))).then((answers) => {
      if (controller.signal.aborted) return;
      const products = new Map<string, ProductSummary>();
      for (const answer of answers) if (answer.status === 'fulfilled') products.set(answer.value.id, answer.value);
      setRead({ key, state: { status: 'ready', products } });
    }, () => undefined);
    return () => controller.abort();
  }, [key]);

  if (!key) return NONE;
  return read?.key === key ? read.state : LOADING;
}
