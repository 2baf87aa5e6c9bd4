import { useState } from 'react';
import { recordShare, type SocialTarget } from '../../api/social.ts';
import type { ShareChannel } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { absoluteUrl, copyText, emailLink, whatsappLink } from '../../lib/share.ts';
import { Icon, type IconName } from '../Icon.tsx';
import { Popover } from '../Popover.tsx';

export interface ShareMenuProps {
  target: SocialTarget;
  /** What is shared, for the message and the email subject. */
  title: string;
}

function pathOf(target: SocialTarget): string {
  return `/${target.kind}s/${encodeURIComponent(target.id)}`;
}

/** Channels without a web link of their own: the member pastes the link there. */
const pasteInto: Partial<Record<ShareChannel, string>> = { instagram: 'Instagram', message: 'your message' };

/**
 * Share: copy the link, send it by WhatsApp or email, or copy it for Instagram or a message.
 * Each share is recorded with its channel (for members; visitors share without a trace).
 */
export function ShareMenu({ target, title }: ShareMenuProps) {
  const { member } = useAuth();
  const [status, setStatus] = useState<string>('');
  const [manual, setManual] = useState<string | null>(null);
  const url = absoluteUrl(pathOf(target));

  function record(channel: ShareChannel) {
    // The share has happened whatever the answer: a failure to count it is not the member's problem.
    if (member) recordShare(target, channel).catch(() => undefined);
  }

  async function copy(channel: ShareChannel) {
    record(channel);
    const where = pasteInto[channel];
    if (await copyText(url)) {
      setManual(null);
      setStatus(where ? `Link copied. Paste it into ${where}.` : 'Link copied.');
    } else {
      setManual(url);
      setStatus('Your browser wouldn’t copy the link. Copy it from the box below.');
    }
  }

  return (
    <div className="share">
      <Popover
        label={
          <>
            <Icon name="share" size={18} />
            Share
          </>
        }
      >
        {(close) => {
          const item = (channel: ShareChannel, icon: IconName, label: string) => (
            <li>
              <button
                type="button"
                className="popover__item"
                onClick={() => {
                  close(true);
                  void copy(channel);
                }}
              >
                <Icon name={icon} size={18} />
                {label}
              </button>
            </li>
          );
          const link = (channel: ShareChannel, icon: IconName, label: string, href: string) => (
            <li>
              <a
                className="popover__item"
                href={href}
                target="_blank"
                rel="noopener noreferrer"
                onClick={() => {
                  record(channel);
                  close();
                  setStatus('');
                }}
              >
                <Icon name={icon} size={18} />
                {label}
              </a>
            </li>
          );
          return (
            <ul className="popover__list" aria-label={`Share ${title}`}>
              {item('link', 'link', 'Copy link')}
              {link('whatsapp', 'message', 'WhatsApp', whatsappLink(url, title))}
              {link('email', 'mail', 'Email', emailLink(url, title))}
              {item('instagram', 'photo', 'Instagram')}
              {item('message', 'comment', 'Message')}
            </ul>
          );
        }}
      </Popover>
      <p className="share__status" role="status">
        {status}
      </p>
      {manual && (
        <input
          className="field__input share__manual"
          readOnly
          value={manual}
          aria-label="Link to share"
          onFocus={(event) => event.currentTarget.select()}
        />
      )}
    </div>
  );
}
