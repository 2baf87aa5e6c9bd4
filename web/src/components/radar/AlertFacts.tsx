import type { ReactNode } from 'react';
import type { TrendAlertDetail } from '../../api/trends.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { countLabel, formatScore, kindLabels, orderedCounts, regionLabels, stateLabels, statusLooks } from './radarWords.ts';

/** The alert's headline figures: how hot, where it stands, when it was raised, how far it reached. */
export function AlertFacts({ alert }: { alert: TrendAlertDetail }) {
  const facts: [string, ReactNode][] = [
    ['Score', `${formatScore(alert.score)} (peak ${formatScore(alert.peak_score)})`],
    ['Kind', kindLabels[alert.kind]],
    ['Status', statusLooks[alert.status].label],
    ['Trend', stateLabels[alert.state]],
    ['Detected', <time dateTime={alert.detected_at}>{formatDateTime(alert.detected_at)}</time>],
    ['Members, last 24 h', alert.unique_actors_24h.toLocaleString()],
    ['Cities reached', alert.cities_reached.toLocaleString()],
    ['Countries reached', alert.countries_reached.toLocaleString()],
  ];
  if (alert.regions.length > 0) facts.push(['Regions', alert.regions.map((r) => regionLabels[r]).join(', ')]);
  if (alert.expired_at) facts.push(['Expired', <time dateTime={alert.expired_at}>{formatDateTime(alert.expired_at)}</time>]);
  return (
    <dl className="radar-facts" aria-label="Alert summary">
      {facts.map(([term, value]) => (
        <div key={term} className="radar-facts__item">
          <dt className="radar-facts__term">{term}</dt>
          <dd className="radar-facts__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Unique members by what they did over the last 24 hours, purchases first. */
export function CountsByType({ counts }: { counts: Record<string, number> }) {
  const rows = orderedCounts(counts);
  if (rows.length === 0) return <p className="radar-muted">No activity in the last 24 hours.</p>;
  return (
    <dl className="radar-counts" aria-label="Members by what they did, last 24 hours">
      {rows.map(([type, count]) => (
        <div key={type} className="radar-counts__item">
          <dt className="radar-counts__term">{countLabel(type)}</dt>
          <dd className="radar-counts__value">{count.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}
