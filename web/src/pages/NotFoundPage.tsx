import { useLocation } from 'react-router';
import { ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

/** Any client route we do not know. */
export function NotFoundPage() {
  useDocumentTitle('Page not found');
  const { pathname } = useLocation();
  return (
    <div className="page">
      <PageHeader eyebrow="404" title="Page not found" />
      <EmptyState
        icon="lost"
        title="This page has moved on"
        action={
          <div className="button-row">
            <ButtonLink to="/">Back to your feed</ButtonLink>
            <ButtonLink to="/explore" variant="secondary">
              Explore
            </ButtonLink>
          </div>
        }
      >
        <p>
          There is nothing at <code className="code">{pathname}</code>. It may have been a season ago — try the feed or
          explore the collection.
        </p>
      </EmptyState>
    </div>
  );
}
