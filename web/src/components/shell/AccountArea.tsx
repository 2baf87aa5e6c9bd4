import { useLocation } from 'react-router';
import { useAuth } from '../../auth/AuthContext.tsx';
import { ButtonLink } from '../Button.tsx';
import { AccountMenu } from './AccountMenu.tsx';

/** The top bar's right-hand side: Sign in / Join for visitors, the account menu for members. */
export function AccountArea() {
  const { state } = useAuth();
  const location = useLocation();

  if (state.status === 'checking') return <div className="account-area" aria-hidden="true" />;
  if (state.status === 'signed-in') {
    return (
      <div className="account-area">
        <AccountMenu member={state.member} />
      </div>
    );
  }

  // Bring the visitor back to where they were, unless they are already on an auth page.
  const here = `${location.pathname}${location.search}`;
  const onAuthPage = location.pathname === '/login' || location.pathname === '/join';
  const query = onAuthPage ? location.search : here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
  return (
    <div className="account-area">
      <ButtonLink to={`/login${query}`} variant="ghost" size="sm">
        Sign in
      </ButtonLink>
      <ButtonLink to={`/join${query}`} variant="primary" size="sm">
        Join
      </ButtonLink>
    </div>
  );
}
