import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe, joinCoterie, signIn as requestSignIn, signOut as requestSignOut } from '../api/accounts.ts';
import type { JoinRequest, SignInRequest } from '../api/accounts.ts';
import { ApiError } from '../api/client.ts';
import type { Me } from '../api/types.ts';

export type AuthState =
  | { status: 'checking' }
  | { status: 'signed-out'; problem?: string }
  | { status: 'signed-in'; member: Me };

export interface Auth {
  state: AuthState;
  /** The signed-in member, or null while checking or when signed out. */
  member: Me | null;
  join: (request: JoinRequest) => Promise<Me>;
  signIn: (request: SignInRequest) => Promise<Me>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

/**
 * After the server accepts a sign-in we read /me back: it gives us the email the sign-in answer
 * leaves out, and proves the browser actually kept the session cookie.
 */
async function confirmSession(): Promise<Me> {
  try {
    return await fetchMe();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      throw new ApiError(401, error.code, 'You were signed in, but your browser didn’t keep the session. Check that cookies are allowed for this site.');
    }
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'checking' });

  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal)
      .then((member) => setState({ status: 'signed-in', member }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: 'signed-out' });
        // Anything else means we could not tell; browse signed out but say why.
        else setState({ status: 'signed-out', problem: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, []);

  const join = useCallback(async (request: JoinRequest) => {
    await joinCoterie(request);
    const member = await confirmSession();
    setState({ status: 'signed-in', member });
    return member;
  }, []);

  const signIn = useCallback(async (request: SignInRequest) => {
    await requestSignIn(request);
    const member = await confirmSession();
    setState({ status: 'signed-in', member });
    return member;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await requestSignOut();
    } catch (error) {
      // An expired session is already signed out; anything else the member should hear about.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setState({ status: 'signed-out' });
  }, []);

  const value = useMemo<Auth>(
    () => ({ state, member: state.status === 'signed-in' ? state.member : null, join, signIn, signOut }),
    [state, join, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}
