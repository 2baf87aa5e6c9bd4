import type { ProductQuery } from '../../api/catalog.ts';
import type { ProductFacets } from '../../api/types.ts';
import { toggleValue, type ListFilter } from '../../lib/productQuery.ts';
import { ColourFacet, FacetGroup } from './FacetGroup.tsx';
import { PriceFilter } from './PriceFilter.tsx';

export interface FilterPanelProps {
  query: ProductQuery;
  facets: ProductFacets;
  /** The currency of the catalogue's prices, from this or an earlier answer. */
  currency: string | null;
  onChange: (query: ProductQuery) => void;
}

/** Every filter the search answer offers. The same panel sits beside results or in a sheet. */
export function FilterPanel({ query, facets, currency, onChange }: FilterPanelProps) {
  const toggle = (key: ListFilter) => (value: string) => onChange(toggleValue(query, key, value));
  return (
    <div className="filter-panel">
      <fieldset className="facet">
        <legend className="facet__legend">Highlights</legend>
        <ul className="facet__list facet__list--list">
          <li>
            <label className="check">
              <input
                type="checkbox"
                className="check__input"
                checked={query.on_sale ?? false}
                onChange={(event) => onChange({ ...query, on_sale: event.target.checked || undefined })}
              />
              <span className="check__label">On sale</span>
              <span className="facet__count">
                <span className="visually-hidden">, </span>
                {facets.on_sale}
              </span>
            </label>
          </li>
          <li>
            <label className="check">
              <input
                type="checkbox"
                className="check__input"
                checked={query.new_in ?? false}
                onChange={(event) => onChange({ ...query, new_in: event.target.checked || undefined })}
              />
              <span className="check__label">New in</span>
            </label>
          </li>
        </ul>
      </fieldset>
      <FacetGroup title="Category" values={facets.category} selected={query.category ?? []} onToggle={toggle('category')} />
      <FacetGroup title="Type" values={facets.subcategory} selected={query.subcategory ?? []} onToggle={toggle('subcategory')} />
      <FacetGroup title="Brand" values={facets.brand} selected={query.brand ?? []} onToggle={toggle('brand')} />
      <ColourFacet values={facets.colour} selected={query.colour ?? []} onToggle={toggle('colour')} />
      <FacetGroup
        title="Size in stock"
        values={facets.size}
        selected={query.size ?? []}
        onToggle={toggle('size')}
        layout="chips"
        limit={16}
      />
      {currency && (
        <PriceFilter
          currency={currency}
          min={query.min_price}
          max={query.max_price}
          lowest={facets.price.min_minor}
          highest={facets.price.max_minor}
          onApply={(min, max) => onChange({ ...query, min_price: min, max_price: max })}
        />
      )}
    </div>
  );
}
