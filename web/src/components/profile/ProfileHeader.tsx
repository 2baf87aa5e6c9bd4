import { useCallback, type ReactNode } from 'react';
import { Link } from 'react-router';
import { setFollowing } from '../../api/social.ts';
import type { Profile } from '../../api/types.ts';
import { useAnnouncement } from '../../hooks/useAnnouncement.ts';
import { useOptimisticToggle } from '../../hooks/useOptimisticToggle.ts';
import { useSignInFirst } from '../../hooks/useSignInFirst.ts';
import { cityName, kindLabels } from '../../lib/words.ts';
import { Avatar } from '../Avatar.tsx';
import { LiveRegion } from '../LiveRegion.tsx';
import { Notice } from '../Notice.tsx';
import { FollowButton } from './FollowButton.tsx';
import { ProfileMenu } from './ProfileMenu.tsx';

function memberSince(createdAt: string): string | null {
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' }).format(date);
}

export interface ProfileHeaderProps {
  profile: Profile;
  own: boolean;
  /** Your own account's actions (orders, sign out) on your own profile. */
  actions?: ReactNode;
  /** Read the profile again after a block or unblock. */
  onRelationChanged: () => void;
}

/**
 * Who they are (avatar, name, kind, handle, bio, city), how many follow them and whom they follow,
 * and Follow plus the "…" menu for everyone but themselves. Follow answers at once.
 */
export function ProfileHeader({ profile, own, actions, onRelationChanged }: ProfileHeaderProps) {
  const { signInFirst } = useSignInFirst();
  const [message, announce] = useAnnouncement();
  const send = useCallback(async (on: boolean) => {
    const answer = await setFollowing(profile.handle, on);
    return { on: answer.following, count: answer.counts.followers };
  }, [profile.handle]);
  const follow = useOptimisticToggle({ on: profile.viewer?.follows ?? false, count: profile.counts.followers }, send);

  const kind = kindLabels[profile.kind];
  const since = memberSince(profile.created_at);
  const city = profile.home_city_info ? cityName(profile.home_city_info.name, profile.home_city_info.country) : profile.home_city;
  const base = `/u/${encodeURIComponent(profile.handle)}`;
  const blocked = profile.viewer?.blocked ?? false;

  function toggleFollow() {
    if (signInFirst()) return;
    announce(follow.on ? `You no longer follow ${profile.display_name}.` : `You follow ${profile.display_name}.`);
    void follow.toggle();
  }

  return (
    <header className="profile__header">
      <Avatar name={profile.display_name} src={profile.avatar_url} size="xl" decorative />
      <div className="profile__who">
        {kind && <p className="profile__kind">{kind}</p>}
        <h1 className="profile__name" tabIndex={-1} data-page-title>
          {profile.display_name}
        </h1>
        <p className="profile__handle">@{profile.handle}</p>
        {profile.bio && <p className="profile__bio">{profile.bio}</p>}
        <p className="profile__meta">
          {city && <span>{city}</span>}
          {since && <span>Member since {since}</span>}
        </p>
        <ul className="profile-stats" aria-label="Followers and following">
          <li>
            <Link to={`${base}/followers`} className="profile-stats__link">
              <strong>{follow.count.toLocaleString()}</strong> {follow.count === 1 ? 'follower' : 'followers'}
            </Link>
          </li>
          <li>
            <Link to={`${base}/following`} className="profile-stats__link">
              <strong>{profile.counts.following.toLocaleString()}</strong> following
            </Link>
          </li>
        </ul>
      </div>
      <div className="profile__actions">
        {own && actions}
        {!own && !blocked && <FollowButton following={follow.on} handle={profile.handle} onToggle={toggleFollow} />}
        {!own && profile.viewer && <ProfileMenu profile={profile} onChanged={onRelationChanged} />}
      </div>
      {follow.problem && (
        <div className="profile__notice">
          <Notice tone="danger">
            {follow.on ? `We couldn’t unfollow ${profile.display_name}` : `We couldn’t follow ${profile.display_name}`}: {follow.problem}
          </Notice>
        </div>
      )}
      {blocked && (
        <div className="profile__notice">
          <Notice tone="info" title={`You’ve blocked @${profile.handle}`}>
            You don’t follow each other, and they can’t see your profile. Unblock them from the “…” menu.
          </Notice>
        </div>
      )}
      <LiveRegion message={message} />
    </header>
  );
}
