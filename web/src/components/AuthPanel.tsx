import type { ReactNode } from 'react';

export interface AuthPanelProps {
  title: string;
  lede: ReactNode;
  children: ReactNode;
  /** The way to the other auth page ("New here? Join"). */
  aside: ReactNode;
}

/** The shared frame of the join and sign-in pages: an editorial panel beside a narrow form. */
export function AuthPanel({ title, lede, children, aside }: AuthPanelProps) {
  return (
    <div className="auth">
      <div className="auth__editorial" aria-hidden="true">
        <p className="auth__editorial-kicker">Members’ network</p>
        <p className="auth__editorial-quote">Love it. Wear it. Share it.</p>
      </div>
      <section className="auth__panel" aria-labelledby="auth-title">
        <h1 id="auth-title" className="auth__title" tabIndex={-1} data-page-title>
          {title}
        </h1>
        <p className="auth__lede">{lede}</p>
        {children}
        <p className="auth__aside">{aside}</p>
      </section>
    </div>
  );
}
