import { Link } from 'react-router';

export interface TabNavItem {
  /** Where the tab leads: each tab has its own URL, so it can be shared and reloaded. */
  to: string;
  label: string;
  count?: number;
  current: boolean;
}

/**
 * Sections of one page as links (a profile's loves, sets, photos). Links rather than ARIA tabs:
 * each section is its own address, and the current one says so with aria-current.
 */
export function TabNav({ label, items }: { label: string; items: TabNavItem[] }) {
  return (
    <nav className="tab-nav" aria-label={label}>
      <ul className="tab-nav__list">
        {items.map((item) => (
          <li key={item.to} className="tab-nav__item">
            <Link
              to={item.to}
              replace
              preventScrollReset
              className={item.current ? 'tab-nav__link tab-nav__link--current' : 'tab-nav__link'}
              aria-current={item.current ? 'page' : undefined}
            >
              {item.label}
              {item.count !== undefined && <span className="tab-nav__count">{item.count.toLocaleString()}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
