import { useEffect, useRef } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useAuth } from '../../auth/AuthContext.tsx';
import { BagAnnouncer } from '../../bag/BagContext.tsx';
import { Notice } from '../Notice.tsx';
import { AccountArea } from './AccountArea.tsx';
import { MainNav } from './MainNav.tsx';

/**
 * The frame around every page: brand and account in the top bar, the six destinations in one
 * navigation landmark (a bottom tab bar on phones, inline in the top bar from 900 px), and main.
 */
export function AppShell() {
  const { state } = useAuth();
  const mainRef = useFocusOnNavigation();

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to="/" className="brand" aria-label="Coterie, home">
            <span className="brand__mark" aria-hidden="true">
              C
            </span>
            <span className="brand__word">Coterie</span>
          </Link>
          <MainNav />
          <AccountArea />
        </div>
      </header>
      <main id="main" className="shell__main" ref={mainRef} tabIndex={-1}>
        {state.status === 'signed-out' && state.problem && (
          <div className="shell__notice">
            <Notice tone="warning" title="You’re browsing signed out">
              We couldn’t check your session: {state.problem}
            </Notice>
          </div>
        )}
        <Outlet />
      </main>
      <footer className="footer">
        <p>Coterie — the members’ network for what you wear.</p>
      </footer>
      <BagAnnouncer />
      <ScrollRestoration />
    </div>
  );
}

/**
 * After a client-side page change, move focus to the new page's heading (or main) so keyboard
 * and screen-reader users start at the content, as they would after a full page load.
 */
function useFocusOnNavigation() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Wait a frame so the new page has rendered its heading.
    const frame = requestAnimationFrame(() => {
      const main = mainRef.current;
      if (!main || main.contains(document.activeElement) && document.activeElement !== main) return;
      const heading = main.querySelector<HTMLElement>('[data-page-title]');
      (heading ?? main).focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);

  return mainRef;
}
