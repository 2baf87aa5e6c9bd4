import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { fetchAccount } from '../api/accounts.ts';
import { ApiError } from '../api/client.ts';
import type { Account } from '../api/types.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { ProfileView } from '../components/ProfileView.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { OwnProfileActions } from './ProfilePage.tsx';

type Lookup =
  | { status: 'loading' }
  | { status: 'found'; account: Account }
  | { status: 'unknown' }
  | { status: 'failed'; message: string };

/** Anyone's public profile at /u/:handle. */
export function MemberProfilePage() {
  const { handle = '' } = useParams();
  const { member } = useAuth();
  const [lookup, setLookup] = useState<Lookup>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setLookup({ status: 'loading' });
    fetchAccount(handle, controller.signal)
      .then((account) => setLookup({ status: 'found', account }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setLookup({ status: 'unknown' });
        else setLookup({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [handle]);

  useDocumentTitle(lookup.status === 'found' ? `${lookup.account.display_name} (@${lookup.account.handle})` : `@${handle}`);

  if (lookup.status === 'loading') return <PageLoading label={`Loading @${handle}…`} />;
  if (lookup.status === 'failed') {
    return (
      <div className="page">
        <PageHeader title={`@${handle}`} />
        <Notice tone="danger" title="We couldn’t load this profile">
          {lookup.message}
        </Notice>
      </div>
    );
  }
  if (lookup.status === 'unknown') {
    return (
      <div className="page">
        <PageHeader title="Profile not found" />
        <EmptyState
          icon="lost"
          title={`Nobody is called @${handle}`}
          action={
            <ButtonLink to="/explore" variant="secondary">
              Explore members
            </ButtonLink>
          }
        >
          <p>Check the spelling of the handle — it may also have changed.</p>
        </EmptyState>
      </div>
    );
  }
  const own = member?.id === lookup.account.id;
  return <ProfileView account={lookup.account} own={own} actions={own ? <OwnProfileActions /> : undefined} />;
}
