import { useParams } from 'react-router';
import { ImportReportView } from '../components/admin/ImportReportView.tsx';
import { ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useImportReport } from '../hooks/useImportReport.ts';
import { RetryNotice } from '../components/RetryNotice.tsx';

/** One import's report at /admin/imports/:id, following it live while it runs. */
export function AdminImportPage() {
  const { id = '' } = useParams();
  const { lookup, retry } = useImportReport(id);
  const report = lookup.status === 'ready' ? lookup.report : lookup.status === 'failed' ? lookup.report : null;
  useDocumentTitle(report ? `Import of ${report.source}` : 'Catalogue import');

  return (
    <div className="page">
      <PageHeader
        eyebrow="Catalogue import"
        title={report ? report.source : 'Catalogue import'}
        actions={
          <ButtonLink to="/admin/imports" variant="secondary" size="sm">
            All imports
          </ButtonLink>
        }
      />
      {lookup.status === 'loading' && <PageLoading label="Loading the import…" />}
      {lookup.status === 'missing' && (
        <EmptyState icon="file" title="There is no such import">
          <p>The link may be mistyped.</p>
        </EmptyState>
      )}
      {lookup.status === 'failed' && (
        <RetryNotice title="We lost track of this import" message={lookup.message} onRetry={retry} />
      )}
      {report && <ImportReportView report={report} />}
    </div>
  );
}
