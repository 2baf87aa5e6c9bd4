import { useState } from 'react';
import { problemMessage } from '../../api/client.ts';
import { setBlocked } from '../../api/social.ts';
import type { Profile } from '../../api/types.ts';
import { ConfirmAction } from '../ConfirmAction.tsx';
import { Icon } from '../Icon.tsx';
import { Popover } from '../Popover.tsx';

export interface ProfileMenuProps {
  profile: Profile;
  /** After blocking or unblocking: read the profile again (follows and counts change). */
  onChanged: (blocked: boolean) => void;
}

/** The "…" menu on someone else's profile: block them (after a confirmation) or unblock them. */
export function ProfileMenu({ profile, onChanged }: ProfileMenuProps) {
  const blocked = profile.viewer?.blocked ?? false;
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function unblock(close: () => void) {
    setBusy(true);
    setProblem(null);
    try {
      await setBlocked(profile.handle, false);
      close();
      onChanged(false);
    } catch (error) {
      setProblem(problemMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Popover
      align="end"
      buttonClassName="icon-button icon-button--outlined"
      label={
        <>
          <Icon name="more" size={20} />
          <span className="visually-hidden">More for @{profile.handle}</span>
        </>
      }
    >
      {(close) => (
        <div className="popover__body">
          {blocked ? (
            <button type="button" className="popover__item" onClick={() => void unblock(close)} disabled={busy} aria-busy={busy || undefined}>
              {busy ? 'Unblocking…' : `Unblock @${profile.handle}`}
            </button>
          ) : (
            <ConfirmAction
              look="item"
              label={`Block @${profile.handle}`}
              question={`Block @${profile.handle}? You’ll stop following each other, and they won’t see your profile.`}
              confirmLabel="Block"
              busyLabel="Blocking…"
              onConfirm={async () => {
                await setBlocked(profile.handle, true);
                close();
                onChanged(true);
              }}
            />
          )}
          {problem && (
            <p className="popover__problem" role="alert">
              {problem}
            </p>
          )}
        </div>
      )}
    </Popover>
  );
}
