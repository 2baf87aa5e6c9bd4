import { useEffect, useRef } from 'react';
import { TRENDS_STREAM_URL, type TrendAlert } from '../../api/trends.ts';

function isAlert(value: unknown): value is TrendAlert {
  if (typeof value !== 'object' || value === null) return false;
  const alert = value as Partial<TrendAlert>;
  return typeof alert.id === 'string' && typeof alert.score === 'number' && typeof alert.label === 'string' && alert.sparkline !== undefined;
}

/**
 * Follows the radar's live stream while `enabled`: `onAlert` gets every alert raised or updated.
 * EventSource reconnects by itself after a dropped connection, so there is no retry loop here.
 */
export function useTrendStream(onAlert: (alert: TrendAlert) => void, enabled = true): void {
  const handler = useRef(onAlert);
  useEffect(() => {
    handler.current = onAlert;
  });

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(TRENDS_STREAM_URL, { withCredentials: true });
    const listener = (event: MessageEvent<string>) => {
      try {
        const alert: unknown = JSON.parse(event.data);
        if (isAlert(alert)) handler.current(alert);
      } catch {
        // A malformed message is skipped: the next one, or a reload, brings the list up to date.
      }
    };
    source.addEventListener('alert', listener);
    return () => {
      source.removeEventListener('alert', listener);
      source.close();
    };
  }, [enabled]);
}
