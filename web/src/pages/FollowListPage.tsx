import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { fetchFollowList, type FollowList } from '../api/social.ts';
import type { FollowerCard } from '../api/types.ts';
import { ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Icon } from '../components/Icon.tsx';
import { LoadMore } from '../components/LoadMore.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { AccountRow } from '../components/social/AccountRow.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { RetryNotice } from '../components/RetryNotice.tsx';

const titles: Record<FollowList, string> = { followers: 'Followers', following: 'Following' };

/** Who follows someone (/u/:handle/followers) or whom they follow (/u/:handle/following). */
export function FollowListPage({ list: which }: { list: FollowList }) {
  const { handle = '' } = useParams();
  useDocumentTitle(`${titles[which]} · @${handle}`);
  const list = usePagedList(
    `${which}:${handle}`,
    async (cursor, signal) => {
      const page = await fetchFollowList(handle, which, cursor, signal);
      return { items: page.accounts, next: page.next, total: page.total };
    },
    (account: FollowerCard) => account.handle,
  );
  const container = useRef<HTMLDivElement>(null);
  const profilePath = `/u/${encodeURIComponent(handle)}`;
  const other: FollowList = which === 'followers' ? 'following' : 'followers';

  return (
    <div className="page">
      <p className="back-link">
        <Link to={profilePath}>
          <Icon name="chevronLeft" size={18} />
          Back to @{handle}
        </Link>
      </p>
      <PageHeader
        eyebrow={`@${handle}`}
        title={titles[which]}
        lede={list.total !== null ? `${list.total.toLocaleString()} ${list.total === 1 ? 'account' : 'accounts'}` : undefined}
        actions={
          <ButtonLink to={`${profilePath}/${other}`} variant="secondary" size="sm">
            {titles[other]}
          </ButtonLink>
        }
      />
      {list.status === 'loading' && <PageLoading label={`Loading ${which === 'followers' ? 'followers' : 'the accounts followed'}…`} />}
      {list.status === 'missing' && (
        <EmptyState icon="lost" title={`Nobody is called @${handle}`}>
          <p>Check the spelling of the handle — it may also have changed.</p>
        </EmptyState>
      )}
      {list.status === 'failed' && (
        <RetryNotice title="We couldn’t load this list" message={list.problem} onRetry={list.retry} />
      )}
      {list.status === 'ready' && list.items.length === 0 && (
        <EmptyState icon="profile" title={which === 'followers' ? 'No followers yet' : 'Not following anyone yet'}>
          <p>
            {which === 'followers'
              ? `When someone follows @${handle}, they appear here.`
              : `Accounts @${handle} follows appear here.`}
          </p>
        </EmptyState>
      )}
      {list.items.length > 0 && (
        <div ref={container}>
          <ul className="account-list" aria-label={`${titles[which]} of @${handle}`}>
            {list.items.map((account, index) => (
              <li key={account.handle}>
                <AccountRow account={account} index={index} />
              </li>
            ))}
          </ul>
          <LoadMore
            {...list}
            label="Load more"
            progress={list.total !== null ? `Showing ${list.items.length} of ${list.total.toLocaleString()}` : undefined}
            container={container}
          />
        </div>
      )}
    </div>
  );
}
