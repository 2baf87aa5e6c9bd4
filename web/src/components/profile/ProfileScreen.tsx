import { useCallback, type ReactNode } from 'react';
import { fetchProfile } from '../../api/social.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useResource } from '../../hooks/useResource.ts';
import { ButtonLink } from '../Button.tsx';
import { EmptyState } from '../EmptyState.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { PageLoading } from '../PageLoading.tsx';
import { ProfileHeader } from './ProfileHeader.tsx';
import { ProfileSections } from './ProfileSections.tsx';
import { LoadFailedPage } from '../RetryNotice.tsx';

export interface ProfileScreenProps {
  handle: string;
  own: boolean;
  /** Your own account's actions, on your own profile. */
  actions?: ReactNode;
}

/** A whole profile page for a handle: loading, not found, failed, or the header and its tabs. */
export function ProfileScreen({ handle, own, actions }: ProfileScreenProps) {
  const { member } = useAuth();
  // Read again when the viewer changes: follows and blocks are theirs.
  const { state, retry, replace } = useResource(`${handle}|${member?.id ?? ''}`, (signal) => fetchProfile(handle, signal));
  useDocumentTitle(
    own ? 'Your profile' : state.status === 'ready' ? `${state.data.display_name} (@${state.data.handle})` : `@${handle}`,
  );

  // After a block or unblock: the new relation and counts, without blanking the page; if that
  // read fails, load the page again the ordinary way (with its own problem and retry).
  const reload = useCallback(() => {
    fetchProfile(handle).then(replace, retry);
  }, [handle, replace, retry]);

  switch (state.status) {
    case 'loading':
      return <PageLoading label={`Loading @${handle}…`} />;
    case 'failed':
      return (
        <LoadFailedPage heading={`@${handle}`} title="We couldn’t load this profile" message={state.message} onRetry={retry} />
      );
    case 'missing':
      return (
        <div className="page">
          <PageHeader title="Profile not found" />
          <EmptyState
            icon="lost"
            title={`Nobody is called @${handle}`}
            action={
              <ButtonLink to="/explore" variant="secondary">
                Explore the collection
              </ButtonLink>
            }
          >
            <p>Check the spelling of the handle — it may also have changed.</p>
          </EmptyState>
        </div>
      );
    case 'ready': {
      const profile = state.data;
      const relation = `${profile.viewer?.follows ?? ''}:${profile.viewer?.blocked ?? ''}`;
      return (
        <div className="page profile">
          <ProfileHeader key={relation} profile={profile} own={own} actions={actions} onRelationChanged={reload} />
          <ProfileSections profile={profile} own={own} />
        </div>
      );
    }
  }
}
