import { useEffect, useState } from 'react';
import { ApiError, isAbort, problemMessage } from '../api/client.ts';
import { fetchCatalogueImport } from '../api/imports.ts';
import type { ImportReport } from '../api/types.ts';

export const POLL_INTERVAL_MS = 1_000;

export type ImportLookup =
  | { status: 'loading' }
  | { status: 'ready'; report: ImportReport }
  | { status: 'missing' }
  | { status: 'failed'; message: string; report: ImportReport | null };

/** One import's report, asked for again every second while the import is still running. */
export function useImportReport(id: string) {
  const [lookup, setLookup] = useState<ImportLookup>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: ImportReport | null = null;

    async function poll() {
      try {
        const report = await fetchCatalogueImport(id, controller.signal);
        last = report;
        setLookup({ status: 'ready', report });
        if (report.status === 'running') timer = setTimeout(() => void poll(), POLL_INTERVAL_MS);
      } catch (error) {
        if (controller.signal.aborted || isAbort(error)) return;
        if (error instanceof ApiError && error.status === 404) setLookup({ status: 'missing' });
        else setLookup({ status: 'failed', message: problemMessage(error), report: last });
      }
    }
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [id, attempt]);

  return { lookup, retry: () => setAttempt((n) => n + 1) };
}
