import { useParams } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';
import { ProfileScreen } from '../components/profile/ProfileScreen.tsx';
import { OwnProfileActions } from './ProfilePage.tsx';

/** Anyone's public profile at /u/:handle (with `?tab=loves|sets|photos`, and `products` for brands). */
export function MemberProfilePage() {
  const { handle = '' } = useParams();
  const { member } = useAuth();
  const own = member !== null && member.handle === handle.toLowerCase();
  return <ProfileScreen key={handle} handle={handle} own={own} actions={own ? <OwnProfileActions /> : undefined} />;
}
