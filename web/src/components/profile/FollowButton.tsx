import { Button } from '../Button.tsx';

export interface FollowButtonProps {
  following: boolean;
  /** The handle followed, so the button is unambiguous out of context. */
  handle: string;
  onToggle: () => void;
}

/** Follow, or Following (pressing it again unfollows). Filled until followed, then quiet. */
export function FollowButton({ following, handle, onToggle }: FollowButtonProps) {
  return (
    <Button variant={following ? 'secondary' : 'primary'} size="sm" onClick={onToggle} className="follow-button">
      {following ? 'Following' : 'Follow'}
      <span className="visually-hidden"> @{handle}</span>
    </Button>
  );
}
