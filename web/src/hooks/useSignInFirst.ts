import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';

/**
 * For actions only members can take (follow, love, comment): `signInFirst()` sends a visitor to
 * sign in, to be brought back to this page, and says whether it did. While the session is still being
 * checked (a press right after the page loads) the action goes ahead: the server knows whether the
 * session is good, and a visitor's press then fails with a message instead of being dropped.
 */
export function useSignInFirst() {
  const { member, state } = useAuth();
  const checking = state.status === 'checking';
  const navigate = useNavigate();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const signInFirst = useCallback(() => {
    if (member || checking) return false;
    void navigate(`/login?next=${encodeURIComponent(here)}`);
    return true;
  }, [member, checking, navigate, here]);
  return { member, signInFirst, signInPath: `/login?next=${encodeURIComponent(here)}` };
}
