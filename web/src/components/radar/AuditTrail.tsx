import type { AlertAction } from '../../api/trends.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { countOf } from '../../lib/words.ts';
import { actionLabels } from './radarWords.ts';

function what(action: AlertAction): string {
  if (action.action === 'reorder' && action.quantity !== null) return `Reordered ${countOf(action.quantity, 'unit', 'units')}`;
  return actionLabels[action.action];
}

/** Who did what to the alert and when, oldest first: the buying team's record. */
export function AuditTrail({ actions }: { actions: AlertAction[] }) {
  if (actions.length === 0) return <p className="radar-muted">No one has acted on this alert yet.</p>;
  return (
    <ol className="timeline audit-trail" aria-label="Actions on this alert, oldest first">
      {actions.map((action) => (
        <li key={action.id} className="timeline__item">
          <p className="timeline__status">{what(action)}</p>
          <p className="timeline__time">
            by @{action.by} · <time dateTime={action.at}>{formatDateTime(action.at)}</time>
          </p>
          {action.reason && <p className="timeline__note">Reason: {action.reason}</p>}
          {action.note && <p className="timeline__note">Note: {action.note}</p>}
        </li>
      ))}
    </ol>
  );
}
