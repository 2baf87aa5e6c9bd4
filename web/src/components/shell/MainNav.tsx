import { NavLink, useLocation } from 'react-router';
import { useAuth } from '../../auth/AuthContext.tsx';
import { CATALOGUE_STAFF } from '../../auth/RequireKind.tsx';
import { useBag } from '../../bag/BagContext.tsx';
import { Avatar } from '../Avatar.tsx';
import { Icon, type IconName } from '../Icon.tsx';

interface Destination {
  to: string;
  label: string;
  icon: IconName;
}

const destinations: Destination[] = [
  { to: '/', label: 'Feed', icon: 'feed' },
  { to: '/explore', label: 'Explore', icon: 'explore' },
  { to: '/upload', label: 'Upload', icon: 'upload' },
  { to: '/shop-the-photo', label: 'Shop photo', icon: 'scan' },
  { to: '/bag', label: 'Bag', icon: 'bag' },
];

/** The app's six destinations. One landmark for every screen size; CSS decides where it sits. */
export function MainNav() {
  const { member } = useAuth();
  const { count } = useBag();
  const { pathname } = useLocation();
  // Your own public profile (/u/you) is still "Profile" for the purpose of the tab.
  const onOwnProfile = pathname === '/profile' || (member !== null && pathname === `/u/${member.handle}`);

  return (
    <nav className="main-nav" aria-label="Main">
      <ul className="main-nav__list">
        {destinations.map(({ to, label, icon }) => (
          <li key={to} className="main-nav__item">
            <NavLink to={to} end={to === '/'} className={navClass}>
              <Icon name={icon} className="main-nav__icon" />
              <span className={label.includes(' ') ? 'main-nav__label main-nav__label--two-words' : 'main-nav__label'}>{label}</span>
              {to === '/bag' && count > 0 && <BagCount count={count} />}
            </NavLink>
          </li>
        ))}
        {member && CATALOGUE_STAFF.includes(member.kind) && (
          // Buyers and admins watch the trend radar; a seventh tab only for them.
          <li className="main-nav__item main-nav__item--radar">
            <NavLink to="/radar" className={navClass}>
              <Icon name="radar" className="main-nav__icon" />
              <span className="main-nav__label">Radar</span>
            </NavLink>
          </li>
        )}
        <li className="main-nav__item">
          <NavLink
            to="/profile"
            className={() => navClass({ isActive: onOwnProfile })}
            aria-current={onOwnProfile ? 'page' : undefined}
          >
            {member ? (
              <Avatar name={member.display_name} src={member.avatar_url} size="xs" decorative />
            ) : (
              <Icon name="profile" className="main-nav__icon" />
            )}
            <span className={member ? 'main-nav__label main-nav__label--handle' : 'main-nav__label'}>
              {member ? member.handle : 'Profile'}
            </span>
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

/** The number of items in the bag on its tab; read with the link as "Bag, 2 items". */
function BagCount({ count }: { count: number }) {
  return (
    <span className="main-nav__badge">
      <span className="visually-hidden">, </span>
      {count > 99 ? '99+' : count}
      <span className="visually-hidden">{count === 1 ? ' item' : ' items'}</span>
    </span>
  );
}

function navClass({ isActive }: { isActive: boolean }): string {
  return isActive ? 'main-nav__link main-nav__link--active' : 'main-nav__link';
}
