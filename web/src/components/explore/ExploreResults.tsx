import { useRef } from 'react';
import type { ProductSearch } from '../../hooks/useProductSearch.ts';
import { Button } from '../Button.tsx';
import { EmptyState } from '../EmptyState.tsx';
import { Notice } from '../Notice.tsx';
import { ProductGrid, ProductGridSkeleton } from '../shop/ProductGrid.tsx';
import { RetryNotice } from '../RetryNotice.tsx';

export interface ExploreResultsProps {
  search: ProductSearch;
  filtered: boolean;
  words: string | undefined;
  onClearFilters: () => void;
}

/** The results area: skeletons, the grid with "Load more", an empty state or the problem. */
export function ExploreResults({ search, filtered, words, onClearFilters }: ExploreResultsProps) {
  const gridRef = useRef<HTMLDivElement>(null);
  const { result, loading, problem } = search;

  if (problem) {
    return (
      <RetryNotice title="We couldn’t load these pieces" message={problem} onRetry={search.retry} />
    );
  }
  if (loading || !result) return <ProductGridSkeleton />;
  if (result.results.length === 0) {
    return (
      <EmptyState
        icon="search"
        title={words ? `Nothing matches “${words}”` : 'Nothing matches these filters'}
        action={
          filtered ? (
            <Button variant="secondary" onClick={onClearFilters}>
              Clear filters
            </Button>
          ) : undefined
        }
      >
        <p>{filtered ? 'Try removing a filter or two.' : 'Try other words, a brand or a category.'}</p>
      </EmptyState>
    );
  }

  async function loadMore() {
    const first = await search.loadMore();
    // Move focus to the first new piece so keyboard users carry on from where the list grew.
    if (first !== null) {
      requestAnimationFrame(() =>
        gridRef.current?.querySelector<HTMLElement>(`[data-product-index="${first}"]`)?.focus(),
      );
    }
  }

  return (
    <div className="explore__grid" ref={gridRef}>
      <ProductGrid products={result.results} label="Search results" />
      <div className="load-more">
        <p className="load-more__progress">
          Showing {result.results.length} of {result.total}
        </p>
        {search.moreProblem && <Notice tone="danger">{search.moreProblem}</Notice>}
        {result.next && (
          <Button variant="secondary" onClick={loadMore} loading={search.loadingMore} loadingLabel="Loading more…">
            Load more
          </Button>
        )}
      </div>
    </div>
  );
}
