import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * The last line of defence: catches render errors outside the routes (the router shows its own
 * error page for those inside). It cannot rely on the router, so it links with plain anchors.
 */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Coterie crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="crash" id="main">
        <p className="crash__kicker">Coterie</p>
        <h1 className="crash__title">Something went wrong</h1>
        <p className="crash__body">The page hit a problem it couldn’t recover from. Reloading usually fixes it.</p>
        <div className="button-row">
          <button type="button" className="button button--primary button--md" onClick={() => window.location.reload()}>
            <span className="button__label">Reload</span>
          </button>
          <a className="button button--secondary button--md" href="/">
            Go to the feed
          </a>
        </div>
      </main>
    );
  }
}
