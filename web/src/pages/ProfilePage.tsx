import { useAuth } from '../auth/AuthContext.tsx';
import { CATALOGUE_STAFF } from '../auth/RequireKind.tsx';
import { Button, ButtonLink } from '../components/Button.tsx';
import { Notice } from '../components/Notice.tsx';
import { ProfileScreen } from '../components/profile/ProfileScreen.tsx';
import { useSignOut } from '../hooks/useSignOut.ts';

/** The signed-in member's own profile (/profile). RequireMember guarantees a member. */
export function ProfilePage() {
  const { member } = useAuth();
  if (!member) return null;
  return <ProfileScreen key={member.handle} handle={member.handle} own actions={<OwnProfileActions />} />;
}

/** Account actions on your own profile; on phones this is where people look for "sign out". */
export function OwnProfileActions() {
  const { member } = useAuth();
  const { signOutNow, busy, problem } = useSignOut();
  return (
    <>
      <ButtonLink to="/orders" variant="secondary" size="sm">
        Your orders
      </ButtonLink>
      {member && CATALOGUE_STAFF.includes(member.kind) && (
        <ButtonLink to="/admin/imports" variant="secondary" size="sm">
          Catalogue imports
        </ButtonLink>
      )}
      <Button variant="secondary" size="sm" onClick={signOutNow} loading={busy} loadingLabel="Signing out…">
        Sign out
      </Button>
      {problem && <Notice tone="danger">{problem}</Notice>}
    </>
  );
}
