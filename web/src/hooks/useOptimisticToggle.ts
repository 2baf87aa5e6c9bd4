import { useCallback, useEffect, useRef, useState } from 'react';
import { problemMessage } from '../api/client.ts';

export interface ToggleState {
  on: boolean;
  /** How many have it on (loves, followers), this member included. */
  count: number;
}

/**
 * A toggle that answers at once (love, follow) and settles on what the server says. A failure
 * puts it back as it was and keeps the reason; when the member toggles again before an answer
 * arrives, only the latest answer counts.
 */
export function useOptimisticToggle(initial: ToggleState, send: (on: boolean) => Promise<ToggleState>) {
  const [state, setState] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Whether the server has answered at least once (its count is then known to be true). */
  const [answered, setAnswered] = useState(false);
  const latest = useRef(0);
  const current = useRef(state);
  useEffect(() => {
    current.current = state;
  });

  const toggle = useCallback(async () => {
    const before = current.current;
    const wanted = !before.on;
    const request = ++latest.current;
    setState({ on: wanted, count: Math.max(0, before.count + (wanted ? 1 : -1)) });
    setProblem(null);
    setBusy(true);
    try {
      const answer = await send(wanted);
      if (latest.current === request) {
        setState(answer);
        setAnswered(true);
      }
    } catch (error) {
      if (latest.current === request) {
        setState(before);
        setProblem(problemMessage(error));
      }
    } finally {
      if (latest.current === request) setBusy(false);
    }
  }, [send]);

  return { ...state, problem, busy, answered, toggle };
}
