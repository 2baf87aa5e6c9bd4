import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isAbort, problemMessage } from '../api/client.ts';

/** One page of a cursor-paged list, whatever the API calls its array. */
export interface ListPage<T> {
  items: T[];
  next: string | null;
  /** How many there are in all, when the API says. */
  total?: number;
}

export type ListStatus = 'loading' | 'ready' | 'missing' | 'failed';

export interface PagedList<T> {
  status: ListStatus;
  /** Every item loaded so far; empty until the first page arrives. */
  items: T[];
  next: string | null;
  total: number | null;
  problem: string | null;
  retry: () => void;
  loadingMore: boolean;
  moreProblem: string | null;
  /** Appends the next page; resolves with the index of its first new item, or null. */
  loadMore: () => Promise<number | null>;
  /** Changes the loaded items in place: a comment just posted, one deleted. */
  update: (change: (items: T[]) => T[]) => void;
}

/**
 * A list read a page at a time ("Load more"): loaded again whenever `key` changes, abandoning
 * older answers. Items already shown are not repeated when a later page overlaps (something was
 * added meanwhile).
 */
export function usePagedList<T>(
  key: string,
  load: (cursor: string | null, signal?: AbortSignal) => Promise<ListPage<T>>,
  idOf: (item: T) => string,
): PagedList<T> {
  const [status, setStatus] = useState<ListStatus>('loading');
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreProblem, setMoreProblem] = useState<string | null>(null);
  const loader = useRef(load);
  const identify = useRef(idOf);
  const generation = useRef(0);
  useEffect(() => {
    loader.current = load;
    identify.current = idOf;
  });

  useEffect(() => {
    const controller = new AbortController();
    generation.current += 1;
    setStatus('loading');
    setItems([]);
    setNext(null);
    setTotal(null);
    setProblem(null);
    setMoreProblem(null);
    setLoadingMore(false);
    loader
      .current(null, controller.signal)
      .then((page) => {
        setItems(page.items);
        setNext(page.next);
        setTotal(page.total ?? null);
        setStatus('ready');
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        if (error instanceof ApiError && error.status === 404) {
          setStatus('missing');
          return;
        }
        setProblem(problemMessage(error));
        setStatus('failed');
      });
    return () => controller.abort();
  }, [key, attempt]);

  const loadMore = useCallback(async () => {
    if (!next || loadingMore) return null;
    const started = generation.current;
    setLoadingMore(true);
    setMoreProblem(null);
    try {
      const page = await loader.current(next);
      if (generation.current !== started) return null;
      const first = items.length;
      const known = new Set(items.map((item) => identify.current(item)));
      const fresh = page.items.filter((item) => !known.has(identify.current(item)));
      setItems([...items, ...fresh]);
      setNext(page.next);
      if (page.total !== undefined) setTotal(page.total);
      return fresh.length > 0 ? first : null;
    } catch (error) {
      if (generation.current === started) setMoreProblem(problemMessage(error));
      return null;
    } finally {
      if (generation.current === started) setLoadingMore(false);
    }
  }, [next, loadingMore, items]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback((change: (items: T[]) => T[]) => setItems((was) => change(was)), []);
  return { status, items, next, total, problem, retry, loadingMore, moreProblem, loadMore, update };
}
