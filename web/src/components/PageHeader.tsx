import type { ReactNode } from 'react';

export interface PageHeaderProps {
  title: string;
  /** A short line under the title saying what the page is for. */
  lede?: ReactNode;
  /** A small uppercase label above the title, e.g. the section name. */
  eyebrow?: string;
  actions?: ReactNode;
}

/** The page's one h1. It takes focus after client-side navigation so screen readers announce it. */
export function PageHeader({ title, lede, eyebrow, actions }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div className="page-header__text">
        {eyebrow && <p className="page-header__eyebrow">{eyebrow}</p>}
        <h1 className="page-header__title" tabIndex={-1} data-page-title>
          {title}
        </h1>
        {lede && <p className="page-header__lede">{lede}</p>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </header>
  );
}
