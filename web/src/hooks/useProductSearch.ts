import { useCallback, useEffect, useRef, useState } from 'react';
import { productQueryString, searchProducts, type ProductQuery } from '../api/catalog.ts';
import { isAbort, problemMessage } from '../api/client.ts';
import type { ProductSearchResult } from '../api/types.ts';

export const PAGE_SIZE = 24;

export interface ProductSearch {
  /** The latest answer; kept while a new search loads so the filters do not jump about. */
  result: ProductSearchResult | null;
  loading: boolean;
  problem: string | null;
  retry: () => void;
  loadingMore: boolean;
  moreProblem: string | null;
  /** Appends the next page; resolves with the index of its first product, or null. */
  loadMore: () => Promise<number | null>;
}

/** Runs a product search whenever the query changes, with cursor paging for "Load more". */
export function useProductSearch(query: ProductQuery): ProductSearch {
  const key = productQueryString({ ...query, cursor: undefined });
  const [result, setResult] = useState<ProductSearchResult | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreProblem, setMoreProblem] = useState<string | null>(null);
  const queryRef = useRef(query);
  const generation = useRef(0);
  useEffect(() => {
    queryRef.current = query;
  });

  useEffect(() => {
    const controller = new AbortController();
    generation.current += 1;
    setLoading(true);
    setProblem(null);
    setMoreProblem(null);
    setLoadingMore(false);
    searchProducts({ ...queryRef.current, limit: PAGE_SIZE }, controller.signal)
      .then((answer) => {
        setResult(answer);
        setLoading(false);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        setProblem(problemMessage(error));
        setLoading(false);
      });
    return () => controller.abort();
  }, [key, attempt]);

  const loadMore = useCallback(async () => {
    if (!result?.next || loadingMore) return null;
    const started = generation.current;
    setLoadingMore(true);
    setMoreProblem(null);
    try {
      const page = await searchProducts({ ...queryRef.current, cursor: result.next, limit: PAGE_SIZE });
      // A new search started meanwhile: this page belongs to the old one.
      if (generation.current !== started) return null;
      const first = result.results.length;
      setResult({ ...result, results: [...result.results, ...page.results], next: page.next });
      return page.results.length > 0 ? first : null;
    } catch (error) {
      if (generation.current === started) setMoreProblem(problemMessage(error));
      return null;
    } finally {
      if (generation.current === started) setLoadingMore(false);
    }
  }, [result, loadingMore]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { result, loading, problem, retry, loadingMore, moreProblem, loadMore };
}
