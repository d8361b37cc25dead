// Catches render errors so one broken view does not blank the whole window. Keyed by view in
// App, so switching views gives the next one a fresh start.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Icon } from './Icon.tsx';

interface Props {
  children: ReactNode;
  /** Where it happened, for the message: "the Data view". */
  where: string;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Render error in ${this.props.where}:`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="crash" role="alert" data-testid="render-error">
        <Icon name="alert" size={24} />
        <h3>Something went wrong in {this.props.where}</h3>
        <p className="mono">{this.state.error.message}</p>
        <div className="crash-actions">
          <button type="button" className="btn primary" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" className="btn" onClick={() => window.location.reload()}>
            Reload the window
          </button>
        </div>
      </div>
    );
  }
}
