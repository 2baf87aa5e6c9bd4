import type { HTMLAttributes, ElementType, ReactNode } from 'react';

export interface CardProps extends HTMLAttributes<HTMLElement> {
  /** Render as a landmark-friendly element (section, article) when the card has its own heading. */
  as?: ElementType;
  padding?: 'none' | 'md' | 'lg';
  children?: ReactNode;
}

export function Card({ as: Element = 'div', padding = 'md', className, ...rest }: CardProps) {
  return <Element {...rest} className={['card', `card--pad-${padding}`, className ?? ''].filter(Boolean).join(' ')} />;
}
