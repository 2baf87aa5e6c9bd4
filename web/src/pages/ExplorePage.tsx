import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SORTS, type ProductQuery, type ProductSort } from '../api/catalog.ts';
import { Button } from '../components/Button.tsx';
import { ActiveFilters } from '../components/explore/ActiveFilters.tsx';
import { ExploreResults } from '../components/explore/ExploreResults.tsx';
import { FilterPanel } from '../components/explore/FilterPanel.tsx';
import { SearchBox } from '../components/explore/SearchBox.tsx';
import { Icon } from '../components/Icon.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { Sheet } from '../components/Sheet.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { DESKTOP_QUERY, useMediaQuery } from '../hooks/useMediaQuery.ts';
import { useProductSearch } from '../hooks/useProductSearch.ts';
import { activeFilterCount, paramsFromQuery, queryFromParams, withoutFilters } from '../lib/productQuery.ts';

const sortLabels: Record<ProductSort, string> = {
  relevance: 'Relevance',
  newest: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  popular: 'Most popular',
};

function pieces(count: number): string {
  return count === 1 ? '1 piece' : `${count.toLocaleString()} pieces`;
}

/** Explore: search the catalogue and narrow it with filters; the whole search lives in the URL. */
export function ExplorePage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const search = useProductSearch(query);
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const [filtersOpen, setFiltersOpen] = useState(false);
  useDocumentTitle(query.q ? `“${query.q}” · Explore` : 'Explore');

  // Price filters need the catalogue's currency; remember it when an answer has no results.
  const lastCurrency = useRef<string | null>(null);
  const currency = search.result?.facets.price.currency ?? lastCurrency.current;
  lastCurrency.current = currency;

  const change = (next: ProductQuery) => setParams(paramsFromQuery(next));
  const filters = activeFilterCount(query);
  const { result, loading } = search;
  const count = loading || !result ? 'Searching…' : `${pieces(result.total)}${query.q ? ` for “${query.q}”` : ''}`;
  const panel = result && <FilterPanel query={query} facets={result.facets} currency={currency} onChange={change} />;

  return (
    <div className="page explore">
      <PageHeader
        eyebrow="Explore"
        title="Explore the collection"
        lede="Search every piece and brand, then narrow it down by size, colour and price."
      />
      <SearchBox value={query.q ?? ''} onSearch={(words) => change({ ...query, q: words || undefined })} />
      <div className="explore__layout">
        {desktop && (
          <aside className="explore__filters" aria-labelledby="filters-heading">
            <h2 id="filters-heading" className="explore__filters-title">
              Filters
            </h2>
            {panel}
          </aside>
        )}
        <section className="explore__results" aria-labelledby="results-heading" aria-busy={loading || undefined}>
          <h2 id="results-heading" className="visually-hidden">
            Results
          </h2>
          <div className="explore__toolbar">
            <p className="explore__count" role="status">
              {count}
            </p>
            <div className="explore__controls">
              {!desktop && (
                <Button variant="secondary" size="sm" onClick={() => setFiltersOpen(true)} disabled={!result}>
                  <Icon name="filter" size={18} />
                  Filters{filters > 0 ? ` (${filters})` : ''}
                </Button>
              )}
              <SelectField
                label="Sort by"
                inline
                className="explore__sort"
                value={query.sort ?? 'relevance'}
                onChange={(event) => change({ ...query, sort: event.target.value as ProductSort })}
              >
                {SORTS.map((sort) => (
                  <option key={sort} value={sort}>
                    {sortLabels[sort]}
                  </option>
                ))}
              </SelectField>
            </div>
          </div>
          {result && <ActiveFilters query={query} facets={result.facets} currency={currency} onChange={change} />}
          <ExploreResults
            search={search}
            filtered={filters > 0}
            words={query.q}
            onClearFilters={() => change(withoutFilters(query))}
          />
        </section>
      </div>
      {!desktop && (
        <Sheet
          open={filtersOpen}
          onClose={() => setFiltersOpen(false)}
          title="Filters"
          footer={
            <Button block onClick={() => setFiltersOpen(false)} disabled={loading}>
              {loading || !result ? 'Searching…' : `Show ${pieces(result.total)}`}
            </Button>
          }
        >
          {panel}
        </Sheet>
      )}
    </div>
  );
}
