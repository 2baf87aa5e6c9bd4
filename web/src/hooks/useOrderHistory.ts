import { useCallback, useEffect, useState } from 'react';
import { isAbort, problemMessage } from '../api/client.ts';
import { fetchOrders } from '../api/orders.ts';
import type { Order } from '../api/types.ts';

/** The member's orders, newest first, a page at a time. */
export function useOrderHistory() {
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreProblem, setMoreProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setProblem(null);
    fetchOrders(null, controller.signal)
      .then((page) => {
        setOrders(page.orders);
        setNext(page.next);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error)) setProblem(problemMessage(error));
      });
    return () => controller.abort();
  }, [attempt]);

  const loadMore = useCallback(async () => {
    if (!next || loadingMore) return;
    setLoadingMore(true);
    setMoreProblem(null);
    try {
      const page = await fetchOrders(next);
      setOrders((was) => [...(was ?? []), ...page.orders]);
      setNext(page.next);
    } catch (error) {
      setMoreProblem(problemMessage(error));
    } finally {
      setLoadingMore(false);
    }
  }, [next, loadingMore]);

  return { orders, next, problem, retry: () => setAttempt((n) => n + 1), loadMore, loadingMore, moreProblem };
}
