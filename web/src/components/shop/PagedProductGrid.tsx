import { useRef, type ReactNode } from 'react';
import type { ProductPage, ProductSummary } from '../../api/types.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import { LoadMore } from '../LoadMore.tsx';
import { ProductGrid, ProductGridSkeleton } from './ProductGrid.tsx';
import { RetryNotice } from '../RetryNotice.tsx';

export interface PagedProductGridProps {
  /** Loads again when this changes. */
  listKey: string;
  load: (cursor: string | null, signal?: AbortSignal) => Promise<ProductPage>;
  /** Names the grid for assistive technology. */
  label: string;
  /** Shown when there is nothing (and when the API answers 404 for this list). */
  empty: ReactNode;
  failedTitle: string;
}

/** Products a page at a time, in the shop's grid: skeletons, the grid, "Load more", or empty. */
export function PagedProductGrid({ listKey, load, label, empty, failedTitle }: PagedProductGridProps) {
  const list = usePagedList(
    listKey,
    async (cursor, signal) => {
      const page = await load(cursor, signal);
      return { items: page.results, next: page.next };
    },
    (product: ProductSummary) => product.id,
  );
  const container = useRef<HTMLDivElement>(null);

  switch (list.status) {
    case 'loading':
      return <ProductGridSkeleton count={4} />;
    case 'missing':
      return <>{empty}</>;
    case 'failed':
      return (
        <RetryNotice title={failedTitle} message={list.problem} onRetry={list.retry} />
      );
    case 'ready':
      if (list.items.length === 0) return <>{empty}</>;
      return (
        <div ref={container}>
          <ProductGrid products={list.items} label={label} />
          <LoadMore {...list} container={container} />
        </div>
      );
  }
}
