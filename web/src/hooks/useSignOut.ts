import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';

/** Signs the member out and returns them to the signed-out feed, tracking busy and failure. */
export function useSignOut() {
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function signOutNow() {
    setBusy(true);
    setProblem(null);
    try {
      await signOut();
      void navigate('/', { replace: true });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'We couldn’t sign you out. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return { signOutNow, busy, problem };
}
