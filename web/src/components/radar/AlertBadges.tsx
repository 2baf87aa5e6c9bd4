import type { AlertState, AlertStatus, TrendKind } from '../../api/trends.ts';
import { Badge } from '../Badge.tsx';
import { kindLabels, stateLabels, statusLooks } from './radarWords.ts';

/** What the alert is about: product, brand, category × colour or hashtag. */
export function KindBadge({ kind }: { kind: TrendKind }) {
  return (
    <Badge tone="neutral" className="radar-badge radar-badge--kind">
      <span className="visually-hidden">Kind: </span>
      {kindLabels[kind]}
    </Badge>
  );
}

/** What the buying team has done about it. */
export function StatusBadge({ status }: { status: AlertStatus }) {
  const look = statusLooks[status];
  return (
    <Badge tone={look.tone} className="radar-badge">
      <span className="visually-hidden">Status: </span>
      {look.label}
    </Badge>
  );
}

/** Where the detector has it: rising, cooling or expired. */
export function StateBadge({ state }: { state: AlertState }) {
  return (
    <Badge tone={state === 'active' ? 'warning' : 'neutral'} className={`radar-badge radar-badge--${state}`}>
      <span className="visually-hidden">Trend: </span>
      {stateLabels[state]}
    </Badge>
  );
}
