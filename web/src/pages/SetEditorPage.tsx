import { useParams, useSearchParams } from 'react-router';
import { fetchProduct } from '../api/catalog.ts';
import { fetchSet } from '../api/sets.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { SetEditor } from '../components/sets/SetEditor.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useResource } from '../hooks/useResource.ts';
import { LoadFailedPage } from '../components/RetryNotice.tsx';

/** /sets/new (optionally `?product=ID` to start with that piece). Members only. */
export function NewSetPage() {
  useDocumentTitle('New set');
  const { member } = useAuth();
  const [params] = useSearchParams();
  const productId = params.get('product') ?? '';
  // A first piece that cannot be read (gone, mistyped) is left out rather than blocking the editor.
  const first = useResource(`first:${productId}`, (signal) => (productId ? fetchProduct(productId, signal) : Promise.resolve(null)));
  if (!member) return null;

  return (
    <div className="page">
      <PageHeader eyebrow="Sets" title="New set" lede="Put pieces together into a look: share it, or buy it all at once." />
      {first.state.status === 'loading' ? (
        <PageLoading label="Getting the piece…" />
      ) : (
        <>
          {first.state.status === 'missing' && <Notice tone="warning">The piece you started from isn’t available, so the set starts empty.</Notice>}
          <SetEditor key={productId} existing={null} first={first.state.status === 'ready' ? first.state.data : null} ownerHandle={member.handle} />
        </>
      )}
    </div>
  );
}

/** /sets/:id/edit, for the set's owner (and admins). */
export function EditSetPage() {
  const { id = '' } = useParams();
  const { member } = useAuth();
  const { state, retry } = useResource(id, (signal) => fetchSet(id, signal));
  useDocumentTitle(state.status === 'ready' ? `Edit ${state.data.title}` : 'Edit set');
  if (!member) return null;

  switch (state.status) {
    case 'loading':
      return <PageLoading label="Loading your set…" />;
    case 'missing':
      return (
        <div className="page">
          <PageHeader eyebrow="404" title="Set not found" />
          <EmptyState icon="sets" title="This set isn’t here" action={<ButtonLink to="/profile?tab=sets" variant="secondary">Your sets</ButtonLink>}>
            <p>It may have been deleted, or the link may be mistyped.</p>
          </EmptyState>
        </div>
      );
    case 'failed':
      return (
        <LoadFailedPage heading="Edit set" title="We couldn’t load this set" message={state.message} onRetry={retry} />
      );
    case 'ready': {
      const set = state.data;
      if (!set.can_edit) {
        return (
          <div className="page">
            <PageHeader eyebrow="Sets" title={set.title} />
            <EmptyState icon="lost" title="Only its owner can edit this set" action={<ButtonLink to={`/sets/${encodeURIComponent(set.id)}`} variant="secondary">Back to the set</ButtonLink>}>
              <p>You can love it, share it, comment on it or add it all to your bag.</p>
            </EmptyState>
          </div>
        );
      }
      return (
        <div className="page">
          <PageHeader eyebrow="Sets" title={`Edit “${set.title}”`} />
          <SetEditor key={set.id} existing={set} ownerHandle={set.owner.handle} />
        </div>
      );
    }
  }
}
