import { Link } from 'react-router';
import type { TrendAlert } from '../../api/trends.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { countOf } from '../../lib/words.ts';
import { KindBadge, StateBadge, StatusBadge } from './AlertBadges.tsx';
import { formatScore } from './radarWords.ts';
import { Sparkline } from './Sparkline.tsx';

/**
 * One alert in the radar: what is trending, how hot (score), what the team has done, when it was
 * raised, how far it has spread, and its last days of activity at a glance. The whole card opens it.
 */
export function AlertCard({ alert, rank }: { alert: TrendAlert; rank: number }) {
  return (
    <article className={`alert-card alert-card--${alert.state}`} aria-labelledby={`alert-${alert.id}`}>
      <p className="alert-card__rank" aria-hidden="true">
        {rank}
      </p>
      <div className="alert-card__main">
        <div className="alert-card__badges">
          <KindBadge kind={alert.kind} />
          <StatusBadge status={alert.status} />
          {alert.state !== 'active' && <StateBadge state={alert.state} />}
        </div>
        <h2 className="alert-card__label" id={`alert-${alert.id}`}>
          <Link to={`/radar/${encodeURIComponent(alert.id)}`} className="alert-card__link">
            {alert.label}
          </Link>
        </h2>
        <p className="alert-card__meta">
          Detected <time dateTime={alert.detected_at}>{formatDateTime(alert.detected_at)}</time>
        </p>
        <p className="alert-card__reach">
          {countOf(alert.cities_reached, 'city', 'cities')} · {countOf(alert.countries_reached, 'country', 'countries')} ·{' '}
          {countOf(alert.unique_actors_24h, 'member', 'members')} in 24 h
        </p>
      </div>
      <div className="alert-card__signal">
        <p className="alert-card__score">
          <span className="alert-card__score-label">Score</span>
          <span className="alert-card__score-value">{formatScore(alert.score)}</span>
        </p>
        <Sparkline series={alert.sparkline} />
      </div>
    </article>
  );
}
