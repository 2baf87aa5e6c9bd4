import { useParams } from 'react-router';
import { fetchPhoto } from '../api/photos.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { PhotoDetail } from '../components/photos/PhotoDetail.tsx';
import { LoadFailedPage } from '../components/RetryNotice.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useResource } from '../hooks/useResource.ts';

/** A member photo at /photos/:id. Open to visitors. */
export function PhotoPage() {
  const { id = '' } = useParams();
  const { member } = useAuth();
  // Read again when the viewer changes: loves, blocks and which tagged pieces show are theirs.
  const { state, retry } = useResource(`${id}|${member?.id ?? ''}`, (signal) => fetchPhoto(id, signal));
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
      return <PhotoDetail photo={state.data} />;
  }
}
