import type { TrendAlert } from '../../api/trends.ts';
import { AlertCard } from './AlertCard.tsx';

/** The radar's alerts, highest score first, as an ordered list so the rank is read out too. */
export function AlertList({ alerts }: { alerts: TrendAlert[] }) {
  return (
    <ol className="alert-list" aria-label="Alerts, highest score first">
      {alerts.map((alert, index) => (
        <li key={alert.id} className="alert-list__item">
          <AlertCard alert={alert} rank={index + 1} />
        </li>
      ))}
    </ol>
  );
}
