import { useState } from 'react';
import { ApiError, problemMessage } from '../../api/client.ts';
import { actOnTrendAlert, type AlertActionRequest, type TrendAlertDetail } from '../../api/trends.ts';
import { newIdempotencyKey } from '../../lib/checkout.ts';

/**
 * Sends one buyer action. Every press gets a fresh Idempotency-Key, so the browser or a proxy
 * retrying the same request records it once, while a second deliberate reorder is a new one.
 */
export function useAlertAction(alertId: string, onDone: (alert: TrendAlertDetail) => void) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function send(request: AlertActionRequest): Promise<boolean> {
    setBusy(true);
    setProblem(null);
    setFieldErrors({});
    try {
      onDone(await actOnTrendAlert(alertId, request, newIdempotencyKey()));
      return true;
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      setFieldErrors(fields);
      if (error instanceof ApiError && error.status === 409) {
        setProblem(`${error.message} Reload the page to see what has changed.`);
      } else if (Object.keys(fields).length === 0) {
        setProblem(problemMessage(error));
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  const clear = () => {
    setProblem(null);
    setFieldErrors({});
  };
  return { busy, problem, fieldErrors, send, clear };
}
