import { useEffect, useState } from 'react';
import { problemMessage } from '../api/client.ts';
import { useBag } from '../bag/BagContext.tsx';

/**
 * The bag, read again from the server when a page opens (stock moves while people browse),
 * with the loading state and the problem if that read fails.
 */
export function useFreshBag() {
  const { bag, refresh } = useBag();
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setProblem(null);
    refresh()
      .catch((error: unknown) => live && setProblem(problemMessage(error)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [refresh, attempt]);

  return { bag, loading, problem, retry: () => setAttempt((n) => n + 1) };
}
