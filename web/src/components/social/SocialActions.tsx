import type { ReactNode } from 'react';
import type { SocialTarget } from '../../api/social.ts';
import { LoveButton } from './LoveButton.tsx';
import { ShareMenu } from './ShareMenu.tsx';

export interface SocialActionsProps {
  target: SocialTarget;
  title: string;
  loved: boolean;
  /** Null when the count is not known yet (see LoveButton). */
  loves: number | null;
  /** Further actions in the same row, e.g. "Add to set". */
  children?: ReactNode;
}

/** The row under a product or a set: the heart with its count, Share, and any extra actions. */
export function SocialActions({ target, title, loved, loves, children }: SocialActionsProps) {
  return (
    <div className="social-actions" role="group" aria-label="Love and share">
      <LoveButton key={`${target.kind}:${target.id}`} target={target} what={title} loved={loved} loves={loves} />
      <ShareMenu target={target} title={title} />
      {children}
    </div>
  );
}
