import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button, ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/** Shown in place of a page that failed to render, keeping the shell around it usable. */
export function RouteErrorPage() {
  const error = useRouteError();
  useDocumentTitle('Something went wrong');
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error('Page failed', error);

  return (
    <div className="page">
      <PageHeader title="Something went wrong" />
      <EmptyState
        icon="lost"
        title="This page couldn’t be shown"
        action={
          <div className="button-row">
            <Button onClick={() => window.location.reload()}>Try again</Button>
            <ButtonLink to="/" variant="secondary" reloadDocument>
              Go to the feed
            </ButtonLink>
          </div>
        }
      >
        <p>We’ve hit a problem on our side. Trying again usually works; if it doesn’t, come back in a little while.</p>
      </EmptyState>
    </div>
  );
}
