import { REGIONS, TREND_KINDS, type Region, type TrendAlert, type TrendFilters, type TrendKind } from '../../api/trends.ts';

/**
 * The radar keeps its filters in the URL, in the API's own names, so a shared link, a reload and
 * the back button show the same alerts. Unknown values are ignored rather than fatal.
 */
export function filtersFromParams(params: URLSearchParams): TrendFilters {
  const kind = params.get('kind');
  const region = params.get('region');
  const category = params.get('category')?.trim();
  return {
    kind: TREND_KINDS.includes(kind as TrendKind) ? (kind as TrendKind) : undefined,
    region: REGIONS.includes(region as Region) ? (region as Region) : undefined,
    category: category || undefined,
    include: params.get('include') === 'all' ? 'all' : undefined,
  };
}

export function filterCount(filters: TrendFilters): number {
  return [filters.kind, filters.category, filters.region, filters.include].filter(Boolean).length;
}

/**
 * Whether an alert pushed by the live stream belongs in the list as filtered, applying the
 * server's own rules so a live update never shows what a reload would hide.
 */
export function matchesFilters(alert: TrendAlert, filters: TrendFilters): boolean {
  if (filters.kind && alert.kind !== filters.kind) return false;
  if (filters.category && alert.category !== filters.category) return false;
  if (filters.region && !alert.regions.includes(filters.region)) return false;
  if (filters.include !== 'all' && alert.state === 'expired') return false;
  return true;
}

/** Puts a pushed alert in its place: replaces the old version, keeps the list highest score first. */
export function mergeAlert(alerts: TrendAlert[], alert: TrendAlert, filters: TrendFilters): TrendAlert[] {
  const existing = alerts.find((candidate) => candidate.id === alert.id);
  // A message that arrives late must not undo figures the list already has newer.
  if (existing && existing.as_of > alert.as_of) return alerts;
  const others = existing ? alerts.filter((candidate) => candidate !== existing) : alerts;
  if (!matchesFilters(alert, filters)) return others;
  return [...others, alert].sort((a, b) => b.score - a.score);
}
