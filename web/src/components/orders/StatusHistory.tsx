import type { Order } from '../../api/types.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { orderStatusLabel } from './OrderStatusBadge.tsx';

/** What happened to the order and when, oldest first. */
export function StatusHistory({ history }: { history: Order['history'] }) {
  if (history.length === 0) return null;
  return (
    <ol className="timeline">
      {history.map((entry, index) => (
        <li key={`${entry.status}-${entry.at}-${index}`} className="timeline__item">
          <p className="timeline__status">{orderStatusLabel(entry.status)}</p>
          <p className="timeline__time">
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          </p>
          {entry.note && <p className="timeline__note">{entry.note}</p>}
        </li>
      ))}
    </ol>
  );
}
