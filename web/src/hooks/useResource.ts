import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isAbort, problemMessage } from '../api/client.ts';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  /** The server answered 404: unknown, or not visible to this member. */
  | { status: 'missing' }
  | { status: 'failed'; message: string };

/**
 * Loads one thing from the API for a page: again whenever `key` changes, abandoning the previous
 * request, with a retry for failures and `replace` for when an action returns the new version.
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>) {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    loader
      .current(controller.signal)
      .then((data) => setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        if (error instanceof ApiError && error.status === 404) setState({ status: 'missing' });
        else setState({ status: 'failed', message: problemMessage(error) });
      });
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return { state, retry, replace };
}
