import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';

/**
 * For actions only members can take (follow, love, comment): `signInFirst()` sends a visitor to
 * sign in, to be brought back to this page, and says whether it did.
 */
export function useSignInFirst() {
  const { member } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const signInFirst = useCallback(() => {
    if (member) return false;
    void navigate(`/login?next=${encodeURIComponent(here)}`);
    return true;
  }, [member, navigate, here]);
  return { member, signInFirst, signInPath: `/login?next=${encodeURIComponent(here)}` };
}
