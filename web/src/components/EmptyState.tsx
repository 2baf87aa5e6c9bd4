import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.tsx';

export interface EmptyStateProps {
  icon?: IconName;
  title: string;
  /** What will appear here and how the member makes it happen. */
  children?: ReactNode;
  /** Usually one ButtonLink pointing at the next useful step. */
  action?: ReactNode;
  headingLevel?: 2 | 3;
}

export function EmptyState({ icon, title, children, action, headingLevel = 2 }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state">
      {icon && (
        <span className="empty-state__icon" aria-hidden="true">
          <Icon name={icon} size={28} />
        </span>
      )}
      <Heading className="empty-state__title">{title}</Heading>
      {children && <div className="empty-state__body">{children}</div>}
      {action && <div className="empty-state__action">{action}</div>}
    </div>
  );
}
