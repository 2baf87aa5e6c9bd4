import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { fetchTrends, trendQueryString, type TrendAlert, type TrendFilters, type TrendList } from '../api/trends.ts';
import { Button } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { LiveRegion } from '../components/LiveRegion.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { AlertList } from '../components/radar/AlertList.tsx';
import { RadarFilters } from '../components/radar/RadarFilters.tsx';
import { filterCount, filtersFromParams, matchesFilters, mergeAlert } from '../components/radar/radarFilters.ts';
import { formatScore } from '../components/radar/radarWords.ts';
import { useTrendStream } from '../components/radar/useTrendStream.ts';
import { RetryNotice } from '../components/RetryNotice.tsx';
import { useAnnouncement } from '../hooks/useAnnouncement.ts';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useResource, type Resource } from '../hooks/useResource.ts';
import { formatDateTime } from '../lib/dates.ts';
import { countOf } from '../lib/words.ts';
// The radar's styles travel with its pages (main.tsx, where the others are imported, is outside the radar).

/**
 * The buyer trend radar at /radar: micro-trends the detector raised, highest score first, narrowed
 * by filters kept in the URL, with new and updated alerts pushed in live. Buyers and admins.
 */
export function RadarPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const key = trendQueryString(filters);
  // The answer carries the filters it was for: for one render after a filter change the old
  // answer is still "ready", and must read as loading rather than as the new filters' alerts.
  const { state: resource, retry } = useResource(key, async (signal) => ({ key, list: await fetchTrends(filters, signal) }));
  const state: Resource<TrendList> =
    resource.status !== 'ready' ? resource : resource.data.key === key ? { status: 'ready', data: resource.data.list } : { status: 'loading' };
  // Alerts pushed since the list for these filters was asked for; a new filter starts afresh.
  const [pushed, setPushed] = useState<{ key: string; alerts: TrendAlert[] }>({ key, alerts: [] });
  const [announcement, announce] = useAnnouncement();
  useDocumentTitle('Trend radar');

  const alerts = useMemo(() => {
    if (state.status !== 'ready') return [];
    const updates = pushed.key === key ? pushed.alerts : [];
    return updates.reduce((list, alert) => mergeAlert(list, alert, filters), state.data.alerts);
  }, [state, pushed, key, filters]);

  useTrendStream((alert) => {
    if (!matchesFilters(alert, filters)) return;
    const isNew = !alerts.some((shown) => shown.id === alert.id);
    setPushed((was) => ({ key, alerts: [...(was.key === key ? was.alerts : []), alert] }));
    if (isNew) announce(`New trend alert: ${alert.label}, score ${formatScore(alert.score)}.`);
  });

  const change = (next: TrendFilters) => setParams(new URLSearchParams(trendQueryString(next)));

  return (
    <div className="page radar">
      <PageHeader
        eyebrow="Buying"
        title="Trend radar"
        lede="Micro-trends members are starting right now, scored against the season’s usual activity and how fast they spread. New alerts arrive live."
      />
      <RadarFilters filters={filters} onChange={change} />
      <section className="radar__results" aria-labelledby="radar-results-title" aria-busy={state.status === 'loading' || undefined}>
        <h2 id="radar-results-title" className="visually-hidden">
          Alerts
        </h2>
        {state.status === 'loading' && <PageLoading label="Loading alerts…" />}
        {(state.status === 'failed' || state.status === 'missing') && (
          <RetryNotice
            title="We couldn’t load the radar"
            message={state.status === 'failed' ? state.message : 'The trend radar is not available.'}
            onRetry={retry}
          />
        )}
        {state.status === 'ready' && (
          <>
            <p className="radar__count">
              {countOf(alerts.length, 'alert', 'alerts')}
              {state.data.as_of && (
                <>
                  {' '}
                  · figures as of <time dateTime={state.data.as_of}>{formatDateTime(state.data.as_of)}</time>
                </>
              )}
            </p>
            {alerts.length > 0 ? <AlertList alerts={alerts} /> : <NoAlerts filters={filters} onChange={change} />}
          </>
        )}
      </section>
      <LiveRegion message={announcement} />
    </div>
  );
}

/** Nothing to show: says why, and offers the one change most likely to show something. */
function NoAlerts({ filters, onChange }: { filters: TrendFilters; onChange: (filters: TrendFilters) => void }) {
  const narrowed = filterCount({ ...filters, include: undefined }) > 0;
  let action = null;
  if (narrowed) {
    action = (
      <Button variant="secondary" onClick={() => onChange({ include: filters.include })}>
        Clear filters
      </Button>
    );
  } else if (filters.include !== 'all') {
    action = (
      <Button variant="secondary" onClick={() => onChange({ ...filters, include: 'all' })}>
        Show expired alerts
      </Button>
    );
  }
  return (
    <EmptyState icon="search" title={narrowed ? 'No alerts match these filters' : 'No trends on the radar'} action={action} headingLevel={3}>
      <p>
        {narrowed
          ? 'Try another kind, category or region.'
          : 'When members start loving, photographing and buying something faster than the season explains, it appears here.'}
      </p>
    </EmptyState>
  );
}
