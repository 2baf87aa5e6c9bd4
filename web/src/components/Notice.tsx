import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'success' | 'warning' | 'danger';

export interface NoticeProps {
  tone?: NoticeTone;
  title?: string;
  children: ReactNode;
}

/**
 * A message about the page as a whole. Danger and warning notices interrupt (role=alert) because
 * they usually explain why something the member just did did not work; the rest wait politely.
 */
export function Notice({ tone = 'info', title, children }: NoticeProps) {
  const urgent = tone === 'danger' || tone === 'warning';
  return (
    <div className={`notice notice--${tone}`} role={urgent ? 'alert' : 'status'}>
      {title && <p className="notice__title">{title}</p>}
      <div className="notice__body">{children}</div>
    </div>
  );
}
