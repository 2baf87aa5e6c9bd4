import { useLocation, useParams } from 'react-router';
import { fetchSet } from '../api/sets.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { SetView } from '../components/sets/SetView.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useResource } from '../hooks/useResource.ts';
import { LoadFailedPage } from '../components/RetryNotice.tsx';

/** A set at /sets/:id. Open to visitors for public sets; private ones only for their owner. */
export function SetPage() {
  const { id = '' } = useParams();
  const { member } = useAuth();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;
  const { state, retry } = useResource(`${id}|${member?.id ?? ''}`, (signal) => fetchSet(id, signal));
  useDocumentTitle(state.status === 'ready' ? `${state.data.title} · a set by ${state.data.owner.display_name}` : state.status === 'missing' ? 'Set not found' : 'Set');

  switch (state.status) {
    case 'loading':
      return <PageLoading label="Loading this set…" />;
    case 'missing':
      return (
        <div className="page">
          <PageHeader eyebrow="404" title="Set not found" />
          <EmptyState
            icon="sets"
            title="This set isn’t here"
            action={
              <ButtonLink to="/explore" variant="secondary">
                Explore the collection
              </ButtonLink>
            }
          >
            <p>Its owner may have deleted it or made it private, or the link may be mistyped.</p>
          </EmptyState>
        </div>
      );
    case 'failed':
      return (
        <LoadFailedPage heading="This set didn’t load" title="We couldn’t load this set" message={state.message} onRetry={retry} />
      );
    case 'ready':
      return <SetView set={state.data} notice={notice} />;
  }
}
