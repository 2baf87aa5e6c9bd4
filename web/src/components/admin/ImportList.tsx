import { Link } from 'react-router';
import type { ImportReport } from '../../api/types.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { Card } from '../Card.tsx';
import { ImportStatusBadge } from './ImportStatusBadge.tsx';

/** Past imports, newest first, each linking to its report. */
export function ImportList({ imports }: { imports: ImportReport[] }) {
  return (
    <Card padding="none" className="table-card">
      <table className="table">
        <caption className="table__caption">Past imports</caption>
        <thead>
          <tr>
            <th scope="col">Feed</th>
            <th scope="col">Started</th>
            <th scope="col">Status</th>
            <th scope="col" className="table__number">Rows</th>
            <th scope="col" className="table__number">Created</th>
            <th scope="col" className="table__number">Updated</th>
            <th scope="col" className="table__number">Rejected</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((report) => (
            <tr key={report.id}>
              <th scope="row">
                <Link to={`/admin/imports/${encodeURIComponent(report.id)}`}>{report.source}</Link>
              </th>
              <td>{formatDateTime(report.started_at)}</td>
              <td>
                <ImportStatusBadge status={report.status} />
              </td>
              <td className="table__number">{report.rows.toLocaleString()}</td>
              <td className="table__number">{report.created.toLocaleString()}</td>
              <td className="table__number">{report.updated.toLocaleString()}</td>
              <td className="table__number">{report.rejected.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
