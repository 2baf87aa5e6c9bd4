import { useRef, useState } from 'react';
import { searchProducts } from '../../api/catalog.ts';
import { SET_MAX_ITEMS } from '../../api/sets.ts';
import type { ProductSummary } from '../../api/types.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import { countOf } from '../../lib/words.ts';
import { Button } from '../Button.tsx';
import { Icon } from '../Icon.tsx';
import { LoadMore } from '../LoadMore.tsx';
import { Price } from '../Price.tsx';
import { ProductImage } from '../shop/ProductImage.tsx';
import { RetryNotice } from '../RetryNotice.tsx';

export interface ProductPickerProps {
  /** Pieces already in the set. */
  chosen: ProductSummary[];
  onAdd: (product: ProductSummary) => void;
}

/**
 * Finding pieces for a set: the catalogue search (GET /products?q=), each result with "Add".
 * It sits inside the editor's form, so it is a search landmark without a form of its own:
 * Enter in the box searches rather than saving the set.
 */
export function ProductPicker({ chosen, onAdd }: ProductPickerProps) {
  const [words, setWords] = useState('');
  const [query, setQuery] = useState('');
  const container = useRef<HTMLDivElement>(null);
  const list = usePagedList(
    `picker:${query}`,
    async (cursor, signal) => {
      const page = await searchProducts({ q: query || undefined, cursor: cursor ?? undefined, limit: 12 }, signal);
      return { items: page.results, next: page.next, total: page.total };
    },
    (product: ProductSummary) => product.id,
  );
  const chosenIds = new Set(chosen.map((p) => p.id));
  const full = chosen.length >= SET_MAX_ITEMS;

  const search = () => setQuery(words.trim());
  const count =
    list.status === 'loading' ? 'Searching…' : list.total !== null ? `${countOf(list.total, 'piece', 'pieces')}${query ? ` for “${query}”` : ''}` : '';

  return (
    <div className="product-picker">
      <div role="search" className="search-box" aria-label="Find pieces">
        <label htmlFor="set-picker-search" className="visually-hidden">
          Search pieces to add
        </label>
        <Icon name="search" size={20} className="search-box__icon" />
        <input
          id="set-picker-search"
          type="search"
          className="search-box__input"
          placeholder="Search pieces to add"
          value={words}
          onChange={(event) => setWords(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            search();
          }}
          enterKeyHint="search"
          autoComplete="off"
        />
        <button type="button" className="search-box__submit" onClick={search}>
          Search
        </button>
      </div>
      <p className="product-picker__count" role="status">
        {count}
      </p>
      {list.status === 'failed' && (
        <RetryNotice title="We couldn’t search the catalogue" message={list.problem} onRetry={list.retry} />
      )}
      {list.items.length > 0 && (
        <div ref={container}>
          <ul className="picker-results" aria-label="Pieces to add">
            {list.items.map((product, index) => {
              const added = chosenIds.has(product.id);
              return (
                <li key={product.id} className="picker-result">
                  <ProductImage src={product.images[0]} alt="" className="picker-result__image" />
                  <div className="picker-result__text">
                    <p className="picker-result__brand">{product.brand}</p>
                    <p className="picker-result__title">{product.title}</p>
                    <Price price={product.price} sale={product.sale_price} />
                  </div>
                  <Button
                    size="sm"
                    variant={added ? 'ghost' : 'secondary'}
                    aria-disabled={added || full || undefined}
                    data-item-index={index}
                    onClick={() => {
                      if (!added && !full) onAdd(product);
                    }}
                  >
                    {added ? <Icon name="check" size={16} /> : <Icon name="plus" size={16} />}
                    {added ? 'Added' : 'Add'}
                    <span className="visually-hidden"> {product.title}</span>
                  </Button>
                </li>
              );
            })}
          </ul>
          <LoadMore {...list} label="More pieces" container={container} />
        </div>
      )}
      {full && <p className="product-picker__full">The set is full: {SET_MAX_ITEMS} pieces at most.</p>}
    </div>
  );
}
