import type { RefObject } from 'react';
import { Button } from './Button.tsx';
import { Notice } from './Notice.tsx';

export interface LoadMoreProps {
  next: string | null;
  loadingMore: boolean;
  moreProblem: string | null;
  /** Resolves with the index of the first new item, or null when nothing new came. */
  loadMore: () => Promise<number | null>;
  /** The button's words, e.g. "Load more comments". */
  label?: string;
  /** "Showing 20 of 45", when the total is known. */
  progress?: string;
  /**
   * The list's container: after loading, focus moves to the first new item's
   * `[data-item-index]` (or `[data-product-index]`) so keyboard users carry on from there.
   */
  container?: RefObject<HTMLElement | null>;
}

/** The end of a paged list: progress, the "Load more" button, and its problem if loading failed. */
export function LoadMore({ next, loadingMore, moreProblem, loadMore, label = 'Load more', progress, container }: LoadMoreProps) {
  if (!next && !progress && !moreProblem) return null;

  async function more() {
    const first = await loadMore();
    if (first === null || !container) return;
    requestAnimationFrame(() =>
      container.current
        ?.querySelector<HTMLElement>(`[data-item-index="${first}"], [data-product-index="${first}"]`)
        ?.focus(),
    );
  }

  return (
    <div className="load-more">
      {progress && <p className="load-more__progress">{progress}</p>}
      {moreProblem && <Notice tone="danger">{moreProblem}</Notice>}
      {next && (
        <Button variant="secondary" onClick={more} loading={loadingMore} loadingLabel="Loading more…">
          {label}
        </Button>
      )}
    </div>
  );
}
