import { apiRequest, apiUpload, requireUuid } from './client.ts';
import type { ImportReport } from './types.ts';

export const FEED_EXTENSIONS = ['.csv', '.tsv', '.jsonl'] as const;

/** Starts a catalogue import of a Merchant Center feed; it runs in the background. */
export async function startCatalogueImport(feed: File): Promise<ImportReport> {
  const form = new FormData();
  form.append('feed', feed, feed.name);
  return (await apiUpload<{ import: ImportReport }>('/admin/catalog/imports', form)).import;
}

/** Past imports, newest first. */
export async function fetchCatalogueImports(signal?: AbortSignal): Promise<ImportReport[]> {
  return (await apiRequest<{ imports: ImportReport[] }>('GET', '/admin/catalog/imports', undefined, signal)).imports;
}

export async function fetchCatalogueImport(id: string, signal?: AbortSignal): Promise<ImportReport> {
  requireUuid(id);
  const path = `/admin/catalog/imports/${encodeURIComponent(id)}`;
  return (await apiRequest<{ import: ImportReport }>('GET', path, undefined, signal)).import;
}
