import { REGIONS, TREND_KINDS, type Region, type TrendFilters, type TrendKind } from '../../api/trends.ts';
import { titleCase, useVocabulary } from '../../hooks/useVocabulary.ts';
import { SelectField } from '../SelectField.tsx';
import { kindLabels, regionLabels } from './radarWords.ts';

export interface RadarFiltersProps {
  filters: TrendFilters;
  onChange: (filters: TrendFilters) => void;
}

/**
 * Narrow the radar by what the alert is about, the category, where it spread, and whether expired
 * alerts are shown. Every change applies at once; the page keeps it in the URL.
 */
export function RadarFilters({ filters, onChange }: RadarFiltersProps) {
  const vocabulary = useVocabulary();
  const categories = vocabulary?.categories.map(({ slug, name }) => ({ slug, name })) ?? [];
  // A category from a shared link still shows while the names load (or if it is not in the catalogue).
  if (filters.category && !categories.some((c) => c.slug === filters.category)) {
    categories.push({ slug: filters.category, name: titleCase(filters.category) });
  }

  return (
    <form className="radar-filters" aria-label="Filter alerts" onSubmit={(event) => event.preventDefault()}>
      <SelectField
        label="Kind"
        className="radar-filters__field"
        value={filters.kind ?? ''}
        onChange={(event) => onChange({ ...filters, kind: (event.target.value || undefined) as TrendKind | undefined })}
      >
        <option value="">All kinds</option>
        {TREND_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {kindLabels[kind]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Category"
        className="radar-filters__field"
        value={filters.category ?? ''}
        onChange={(event) => onChange({ ...filters, category: event.target.value || undefined })}
      >
        <option value="">All categories</option>
        {categories.map(({ slug, name }) => (
          <option key={slug} value={slug}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Region"
        className="radar-filters__field"
        value={filters.region ?? ''}
        onChange={(event) => onChange({ ...filters, region: (event.target.value || undefined) as Region | undefined })}
      >
        <option value="">Everywhere</option>
        {REGIONS.map((region) => (
          <option key={region} value={region}>
            {regionLabels[region]}
          </option>
        ))}
      </SelectField>
      <label className="check radar-filters__expired">
        <input
          type="checkbox"
          className="check__input"
          checked={filters.include === 'all'}
          onChange={(event) => onChange({ ...filters, include: event.target.checked ? 'all' : undefined })}
        />
        <span className="check__label">Include expired alerts</span>
      </label>
    </form>
  );
}
