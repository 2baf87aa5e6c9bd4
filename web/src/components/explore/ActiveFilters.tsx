import type { ProductQuery } from '../../api/catalog.ts';
import type { FacetValue, ProductFacets } from '../../api/types.ts';
import { formatMoney } from '../../lib/money.ts';
import { activeFilterCount, toggleValue, withoutFilters, type ListFilter } from '../../lib/productQuery.ts';
import { Icon } from '../Icon.tsx';

interface Chip {
  key: string;
  label: string;
  without: ProductQuery;
}

function labelOf(values: FacetValue[], value: string): string {
  return values.find((v) => v.value === value)?.label ?? value;
}

function chipsFor(query: ProductQuery, facets: ProductFacets, currency: string | null): Chip[] {
  const chips: Chip[] = [];
  const lists: [ListFilter, FacetValue[]][] = [
    ['category', facets.category],
    ['subcategory', facets.subcategory],
    ['brand', facets.brand],
    ['colour', facets.colour],
    ['size', facets.size],
  ];
  for (const [key, values] of lists) {
    for (const value of query[key] ?? []) {
      const label = key === 'size' ? `Size ${labelOf(values, value)}` : labelOf(values, value);
      chips.push({ key: `${key}:${value}`, label, without: toggleValue(query, key, value) });
    }
  }
  if (query.min_price !== undefined || query.max_price !== undefined) {
    const money = (amount: number) => (currency ? formatMoney({ amount_minor: amount, currency }) : String(amount));
    const label =
      query.min_price !== undefined && query.max_price !== undefined
        ? `${money(query.min_price)}–${money(query.max_price)}`
        : query.min_price !== undefined
          ? `From ${money(query.min_price)}`
          : `Up to ${money(query.max_price ?? 0)}`;
    chips.push({ key: 'price', label, without: { ...query, min_price: undefined, max_price: undefined } });
  }
  if (query.on_sale) chips.push({ key: 'on_sale', label: 'On sale', without: { ...query, on_sale: undefined } });
  if (query.new_in) chips.push({ key: 'new_in', label: 'New in', without: { ...query, new_in: undefined } });
  return chips;
}

export interface ActiveFiltersProps {
  query: ProductQuery;
  facets: ProductFacets;
  currency: string | null;
  onChange: (query: ProductQuery) => void;
}

/** The filters in force as removable chips, and a way to clear them all. */
export function ActiveFilters({ query, facets, currency, onChange }: ActiveFiltersProps) {
  if (activeFilterCount(query) === 0) return null;
  const chips = chipsFor(query, facets, currency);
  return (
    <div className="active-filters">
      <ul className="active-filters__list" aria-label="Filters in use">
        {chips.map((chip) => (
          <li key={chip.key}>
            <button type="button" className="filter-chip" onClick={() => onChange(chip.without)}>
              {chip.label}
              <Icon name="close" size={14} />
              <span className="visually-hidden">: remove this filter</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={() => onChange(withoutFilters(query))}>
        Clear all
      </button>
    </div>
  );
}
