import type { ImportReport } from '../../api/types.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { Card } from '../Card.tsx';
import { Notice } from '../Notice.tsx';
import { ImportStatusBadge } from './ImportStatusBadge.tsx';

function progressLine(report: ImportReport): string {
  if (report.status === 'running') return `Importing… ${report.rows.toLocaleString()} rows read so far.`;
  if (report.status === 'failed') return 'The import failed.';
  return `Finished: ${report.rows.toLocaleString()} rows read, ${report.rejected.toLocaleString()} rejected.`;
}

/** An import's outcome: the counts, why it failed (if it did) and every rejected row. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const counts: [string, number][] = [
    ['Rows read', report.rows],
    ['Created', report.created],
    ['Updated', report.updated],
    ['Unchanged', report.unchanged],
    ['Rejected', report.rejected],
  ];
  return (
    <div className="import-report">
      <div className="import-report__head">
        <ImportStatusBadge status={report.status} />
        <p className="import-report__progress" role="status">
          {progressLine(report)}
        </p>
      </div>
      <p className="import-report__times">
        Started {formatDateTime(report.started_at)}
        {report.finished_at && <> · finished {formatDateTime(report.finished_at)}</>}
      </p>
      {report.failure && (
        <Notice tone="danger" title="Why it failed">
          {report.failure}
        </Notice>
      )}
      <dl className="stat-grid">
        {counts.map(([label, value]) => (
          <div key={label} className="stat-grid__item">
            <dt className="stat-grid__label">{label}</dt>
            <dd className="stat-grid__value">{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {report.errors.length > 0 && (
        <Card padding="none" className="table-card">
          <table className="table">
            <caption className="table__caption">Rows that were not imported ({report.errors.length.toLocaleString()})</caption>
            <thead>
              <tr>
                <th scope="col" className="table__number">Line</th>
                <th scope="col">Field</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((error, index) => (
                <tr key={`${error.line}-${error.field}-${index}`}>
                  <td className="table__number">{error.line}</td>
                  <td>
                    <code className="code">{error.field}</code>
                  </td>
                  <td>{error.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
