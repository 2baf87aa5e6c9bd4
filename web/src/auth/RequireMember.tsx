import { useRef } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from './AuthContext.tsx';
import { PageLoading } from '../components/PageLoading.tsx';

/**
 * Guards pages that only make sense for a signed-in member (upload, bag, own profile): a visitor
 * is sent to sign in and brought back to the same place afterwards.
 */
export function RequireMember() {
  const { state } = useAuth();
  const location = useLocation();
  // Remembers that a member was here, so signing out on this page leads to the public feed
  // rather than to a sign-in form for the page they just chose to leave.
  const wasMember = useRef(false);
  if (state.status === 'signed-in') wasMember.current = true;

  if (state.status === 'checking') return <PageLoading label="Checking your session…" />;
  if (state.status === 'signed-out') {
    if (wasMember.current) return <Navigate to="/" replace />;
    const next = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
