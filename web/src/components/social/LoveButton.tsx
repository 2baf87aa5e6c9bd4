import { useCallback } from 'react';
import { setLoved, type SocialTarget } from '../../api/social.ts';
import { useOptimisticToggle } from '../../hooks/useOptimisticToggle.ts';
import { useSignInFirst } from '../../hooks/useSignInFirst.ts';
import { Icon } from '../Icon.tsx';

export interface LoveButtonProps {
  target: SocialTarget;
  /** What is loved, for the button's name: "Love Silk slip dress". */
  what: string;
  loved: boolean;
  /** Null when the page does not know the count yet: it shows after the first love. */
  loves: number | null;
}

/**
 * The heart: pressed when the member loves it, with how many do. It changes at once and settles on
 * the server's count; a failure puts it back and says why. Visitors are asked to sign in first.
 */
export function LoveButton({ target, what, loved, loves }: LoveButtonProps) {
  const { signInFirst } = useSignInFirst();
  const send = useCallback(async (on: boolean) => {
    const answer = await setLoved(target, on);
    return { on: answer.loved, count: answer.loves };
  }, [target]);
  const love = useOptimisticToggle({ on: loved, count: loves ?? 0 }, send);
  const countKnown = loves !== null || love.answered;

  return (
    <div className="love">
      <button
        type="button"
        className={love.on ? 'love__button love__button--on' : 'love__button'}
        aria-pressed={love.on}
        onClick={() => {
          if (!signInFirst()) void love.toggle();
        }}
      >
        <Icon name="heart" size={22} filled={love.on} />
        <span className="visually-hidden">Love {what}</span>
      </button>
      <span className="love__count" aria-live="polite">
        {countKnown && (
          <>
            {love.count.toLocaleString()}
            <span className="visually-hidden"> {love.count === 1 ? 'love' : 'loves'}</span>
          </>
        )}
      </span>
      {love.problem && (
        <p className="love__problem" role="alert">
          {love.on ? 'We couldn’t remove your love' : 'We couldn’t save your love'}: {love.problem}
        </p>
      )}
    </div>
  );
}
