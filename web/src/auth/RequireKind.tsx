import { Outlet } from 'react-router';
import type { AccountKind } from '../api/types.ts';
import { ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useAuth } from './AuthContext.tsx';

/** Account kinds that run the catalogue (imports, stock, lifecycle). */
export const CATALOGUE_STAFF: readonly AccountKind[] = ['admin', 'buyer'];

/**
 * Inside RequireMember: lets through only the account kinds given, and tells everyone else
 * plainly that the page is not for them (the server refuses them anyway).
 */
export function RequireKind({ kinds }: { kinds: readonly AccountKind[] }) {
  const { member } = useAuth();
  if (member && kinds.includes(member.kind)) return <Outlet />;
  return <NotForYou />;
}

function NotForYou() {
  useDocumentTitle('Not available');
  return (
    <div className="page">
      <PageHeader eyebrow="403" title="This page is for the Coterie team" />
      <EmptyState
        icon="lost"
        title="Your account can’t open this page"
        action={
          <ButtonLink to="/" variant="secondary">
            Back to your feed
          </ButtonLink>
        }
      >
        <p>It is for buyers and administrators. If you think you should have access, ask an administrator.</p>
      </EmptyState>
    </div>
  );
}
