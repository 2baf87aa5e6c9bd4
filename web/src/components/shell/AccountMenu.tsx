import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { Me } from '../../api/types.ts';
import { CATALOGUE_STAFF } from '../../auth/RequireKind.tsx';
import { useSignOut } from '../../hooks/useSignOut.ts';
import { Avatar } from '../Avatar.tsx';
import { Icon } from '../Icon.tsx';

/**
 * The member's account menu. A disclosure (button + list), not an ARIA menu: it holds ordinary
 * links and buttons that Tab reaches naturally. Escape and clicks outside close it.
 */
export function AccountMenu({ member }: { member: Me }) {
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const { signOutNow, busy: signingOut, problem } = useSignOut();
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Any navigation closes the menu.
  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div className="account-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="account-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        <Avatar name={member.display_name} src={member.avatar_url} size="sm" decorative />
        <span className="visually-hidden">Account</span>
        <Icon name="chevronDown" size={16} className="account-menu__chevron" />
      </button>
      <div className="account-menu__panel" id={panelId} hidden={!open}>
        <div className="account-menu__who">
          <p className="account-menu__name">{member.display_name}</p>
          <p className="account-menu__handle">@{member.handle}</p>
        </div>
        <ul className="account-menu__list">
          <li>
            <Link className="account-menu__item" to="/profile">
              <Icon name="profile" size={18} />
              Your profile
            </Link>
          </li>
          <li>
            <Link className="account-menu__item" to="/orders">
              <Icon name="orders" size={18} />
              Your orders
            </Link>
          </li>
          {CATALOGUE_STAFF.includes(member.kind) && (
            <li>
              <Link className="account-menu__item" to="/admin/imports">
                <Icon name="file" size={18} />
                Catalogue imports
              </Link>
            </li>
          )}
          <li>
            <button type="button" className="account-menu__item" onClick={signOutNow} disabled={signingOut} aria-busy={signingOut || undefined}>
              <Icon name="signOut" size={18} />
              {signingOut ? 'Signing out…' : 'Sign out'}
            </button>
          </li>
        </ul>
        {problem && (
          <p className="account-menu__problem" role="alert">
            {problem}
          </p>
        )}
      </div>
    </div>
  );
}
