import type { ReactNode } from 'react';
import type { Account, AccountKind } from '../api/types.ts';
import { Avatar } from './Avatar.tsx';
import { Card } from './Card.tsx';
import { EmptyState } from './EmptyState.tsx';
import type { IconName } from './Icon.tsx';

const kindLabels: Record<AccountKind, string | null> = {
  member: null,
  brand: 'Brand',
  editor: 'Editor',
  celebrity: 'Celebrity',
  stylist: 'Personal shopper',
  buyer: 'Buyer',
  admin: 'Coterie team',
};

function memberSince(createdAt: string): string | null {
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' }).format(date);
}

export interface ProfileViewProps {
  account: Account;
  /** True on the member's own profile: the copy speaks to them, and actions appear. */
  own: boolean;
  actions?: ReactNode;
}

/** A profile: who they are, then their loves, sets and photos (empty until those features land). */
export function ProfileView({ account, own, actions }: ProfileViewProps) {
  const kind = kindLabels[account.kind];
  const since = memberSince(account.created_at);
  const name = own ? 'you' : account.display_name;

  return (
    <div className="page profile">
      <header className="profile__header">
        <Avatar name={account.display_name} src={account.avatar_url} size="xl" decorative />
        <div className="profile__who">
          {kind && <p className="profile__kind">{kind}</p>}
          <h1 className="profile__name" tabIndex={-1} data-page-title>
            {account.display_name}
          </h1>
          <p className="profile__handle">@{account.handle}</p>
          {account.bio && <p className="profile__bio">{account.bio}</p>}
          <p className="profile__meta">
            {account.home_city && <span>{account.home_city}</span>}
            {since && <span>Member since {since}</span>}
          </p>
        </div>
        {actions && <div className="profile__actions">{actions}</div>}
      </header>

      <div className="profile__sections">
        <ProfileSection id="profile-loves" title="Loves" icon="heart" emptyTitle={own ? 'Nothing loved yet' : 'No loves yet'}>
          Pieces {name} {own ? 'love' : 'loves'} will appear here.
        </ProfileSection>
        <ProfileSection id="profile-sets" title="Sets" icon="sets" emptyTitle="No sets yet">
          Looks {name} {own ? 'put' : 'puts'} together from several pieces will appear here.
        </ProfileSection>
        <ProfileSection id="profile-photos" title="Photos" icon="photo" emptyTitle="No photos yet">
          Photos of what {name} {own ? 'wear' : 'wears'}, with the pieces in them to shop, will appear here.
        </ProfileSection>
      </div>
    </div>
  );
}

interface ProfileSectionProps {
  id: string;
  title: string;
  icon: IconName;
  emptyTitle: string;
  children: ReactNode;
}

/** One tab-like section of a profile; empty until the social features fill it. */
function ProfileSection({ id, title, icon, emptyTitle, children }: ProfileSectionProps) {
  return (
    <Card as="section" aria-labelledby={id}>
      <h2 id={id} className="profile__section-title">
        {title}
      </h2>
      <EmptyState icon={icon} title={emptyTitle} headingLevel={3}>
        <p>{children}</p>
      </EmptyState>
    </Card>
  );
}
