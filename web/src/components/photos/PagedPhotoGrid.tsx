import { useRef, type ReactNode } from 'react';
import type { PhotoPage, PhotoSummary } from '../../api/types.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import { LoadMore } from '../LoadMore.tsx';
import { RetryNotice } from '../RetryNotice.tsx';
import { PhotoGrid, PhotoGridSkeleton } from './PhotoGrid.tsx';

export interface PagedPhotoGridProps {
  /** Loads again when this changes. */
  listKey: string;
  load: (cursor: string | null, signal?: AbortSignal) => Promise<PhotoPage>;
  /** Names the grid for assistive technology. */
  label: string;
  /** Shown when there is nothing (and when the API answers 404 for this list). */
  empty: ReactNode;
  failedTitle: string;
}

/** Member photos a page at a time: skeletons, the grid, "Load more", or empty. */
export function PagedPhotoGrid({ listKey, load, label, empty, failedTitle }: PagedPhotoGridProps) {
  const list = usePagedList(
    listKey,
    async (cursor, signal) => {
      const page = await load(cursor, signal);
      return { items: page.photos, next: page.next };
    },
    (photo: PhotoSummary) => photo.id,
  );
  const container = useRef<HTMLDivElement>(null);

  switch (list.status) {
    case 'loading':
      return <PhotoGridSkeleton />;
    case 'missing':
      return <>{empty}</>;
    case 'failed':
      return <RetryNotice title={failedTitle} message={list.problem} onRetry={list.retry} />;
    case 'ready':
      if (list.items.length === 0) return <>{empty}</>;
      return (
        <div ref={container}>
          <PhotoGrid photos={list.items} label={label} />
          <LoadMore {...list} label="Load more photos" container={container} />
        </div>
      );
  }
}
