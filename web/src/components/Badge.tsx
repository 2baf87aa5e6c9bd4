import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'ink' | 'accent' | 'success' | 'warning' | 'danger';

export interface BadgeProps {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
}

/** A short uppercase label on a product or an order: "Sold out", "Early access", "Paid". */
export function Badge({ tone = 'neutral', children, className }: BadgeProps) {
  return <span className={['badge', `badge--${tone}`, className ?? ''].filter(Boolean).join(' ')}>{children}</span>;
}
