// A fault in one view must not blank the whole workbench: the view is replaced by the error, where
// the user was looking, with a retry that mounts it again; the header, navigation and other views
// keep working.
import { Component, type ReactNode } from 'react';
import { ErrorBanner } from './ErrorBanner';

type State = { error: Error | null; attempt: number };

export class ViewBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <main className="view" data-testid="view-error">
          <ErrorBanner error={{ code: 'internal', message: this.state.error.message }} onRetry={() => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }))} />
        </main>
      );
    }
    return <div key={this.state.attempt} className="view-boundary">{this.props.children}</div>;
  }
}
