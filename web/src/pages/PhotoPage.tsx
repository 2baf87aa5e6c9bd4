import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { fetchPhoto } from '../api/photos.ts';
import type { PhotoView } from '../api/types.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { PhotoDetail } from '../components/photos/PhotoDetail.tsx';
import { LoadFailedPage } from '../components/RetryNotice.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useResource } from '../hooks/useResource.ts';

/** How often, and how many times, a photo just posted is read again while recognition tags it. */
const RECOGNITION_POLL_MS = 1500;
const RECOGNITION_POLLS = 14;

/** A member photo at /photos/:id. Open to visitors. */
export function PhotoPage() {
  const { id = '' } = useParams();
  const { member } = useAuth();
  const location = useLocation();
  const justPosted = (location.state as { justPosted?: boolean } | null)?.justPosted === true;
  // Read again when the viewer changes: loves, blocks and which tagged pieces show are theirs.
  const { state, retry, replace } = useResource(`${id}|${member?.id ?? ''}`, (signal) => fetchPhoto(id, signal));
  const recognising = useRecognitionWatch(id, justPosted, state.status === 'ready' ? state.data : null, replace);
  useDocumentTitle(
    state.status === 'ready' ? `A look by ${state.data.author.display_name}` : state.status === 'missing' ? 'Photo not found' : 'Photo',
  );

  switch (state.status) {
    case 'loading':
      return <PageLoading label="Loading this photo…" />;
    case 'missing':
      return (
        <div className="page">
          <PageHeader eyebrow="404" title="Photo not found" />
          <EmptyState
            icon="photo"
            title="This photo isn’t here"
            action={
              <ButtonLink to="/explore" variant="secondary">
                Explore the collection
              </ButtonLink>
            }
          >
            <p>It may have been taken down, or the link may be mistyped.</p>
          </EmptyState>
        </div>
      );
    case 'failed':
      return <LoadFailedPage heading="This photo didn’t load" title="We couldn’t load this photo" message={state.message} onRetry={retry} />;
    case 'ready':
      return <PhotoDetail photo={state.data} recognising={recognising} />;
  }
}

/**
 * Recognition tags a new photo just after it is posted, outside the upload request: the page the
 * upload lands on reads the photo again a few times until its pieces appear (or it gives up).
 * Answers whether it is still looking.
 */
function useRecognitionWatch(id: string, justPosted: boolean, photo: PhotoView | null, replace: (photo: PhotoView) => void): boolean {
  const [polls, setPolls] = useState(0);
  const found = photo !== null && photo.products.length > 0;
  const looking = justPosted && !found && polls < RECOGNITION_POLLS;

  useEffect(() => {
    if (!looking || photo === null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchPhoto(id, controller.signal).then(
        (fresh) => {
          setPolls((n) => n + 1);
          replace(fresh);
        },
        () => {
          if (!controller.signal.aborted) setPolls((n) => n + 1);
        },
      );
    }, RECOGNITION_POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [id, looking, photo, polls, replace]);

  return looking && photo !== null;
}
