import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { AccountCard } from '../../api/types.ts';
import { kindLabels } from '../../lib/words.ts';
import { Avatar } from '../Avatar.tsx';
import { Badge } from '../Badge.tsx';

export interface AccountRowProps {
  account: AccountCard;
  /** Position in a paged list, so "Load more" can move focus to the first new row. */
  index?: number;
  /** A line under the handle, e.g. when they followed. */
  aside?: ReactNode;
}

/** Someone in a list: avatar, name (the one link, stretched over the row), handle and kind. */
export function AccountRow({ account, index, aside }: AccountRowProps) {
  const kind = kindLabels[account.kind];
  return (
    <article className="account-row">
      <Avatar name={account.display_name} src={account.avatar_url} size="md" decorative />
      <div className="account-row__who">
        <h3 className="account-row__name">
          <Link to={`/u/${encodeURIComponent(account.handle)}`} className="account-row__link" data-item-index={index}>
            {account.display_name}
          </Link>
        </h3>
        <p className="account-row__meta">
          <span>@{account.handle}</span>
          {account.home_city && <span>{account.home_city}</span>}
          {aside}
        </p>
      </div>
      {kind && <Badge tone="neutral">{kind}</Badge>}
    </article>
  );
}

/** A small "by" line: avatar and linked name, as on comments and set pages. */
export function Byline({ account, children }: { account: AccountCard; children?: ReactNode }) {
  return (
    <p className="byline">
      <Avatar name={account.display_name} src={account.avatar_url} size="sm" decorative />
      <span className="byline__text">
        <Link to={`/u/${encodeURIComponent(account.handle)}`} className="byline__name">
          {account.display_name}
        </Link>
        {children}
      </span>
    </p>
  );
}
