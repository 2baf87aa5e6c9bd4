import { fetchCatalogueImports } from '../api/imports.ts';
import { ImportList } from '../components/admin/ImportList.tsx';
import { ImportUploadForm } from '../components/admin/ImportUploadForm.tsx';
import { Card } from '../components/Card.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useResource } from '../hooks/useResource.ts';
import { RetryNotice } from '../components/RetryNotice.tsx';

/** Catalogue imports at /admin/imports: upload a feed, see past imports. Buyers and admins. */
export function AdminImportsPage() {
  useDocumentTitle('Catalogue imports');
  const { state, retry } = useResource('imports', (signal) => fetchCatalogueImports(signal));

  return (
    <div className="page">
      <PageHeader
        eyebrow="Catalogue"
        title="Catalogue imports"
        lede="Bring products, sizes, prices and images in from a Merchant Center feed. New rows are created, changed rows updated."
      />
      <Card as="section" padding="lg" aria-labelledby="import-new-title" className="admin-section">
        <h2 id="import-new-title" className="summary__title">
          Import a feed
        </h2>
        <ImportUploadForm />
      </Card>
      <section aria-labelledby="import-history-title" className="admin-section">
        <h2 id="import-history-title" className="visually-hidden">
          Past imports
        </h2>
        {state.status === 'loading' && <PageLoading label="Loading past imports…" />}
        {(state.status === 'failed' || state.status === 'missing') && (
          <RetryNotice title="We couldn’t load past imports" message={state.status === 'failed' ? state.message : 'The import history is not available.'} onRetry={retry} />
        )}
        {state.status === 'ready' &&
          (state.data.length === 0 ? (
            <EmptyState icon="file" title="No imports yet" headingLevel={3}>
              <p>Feeds you import here or with <code className="code">coterie import catalog</code> are listed here.</p>
            </EmptyState>
          ) : (
            <ImportList imports={state.data} />
          ))}
      </section>
    </div>
  );
}
