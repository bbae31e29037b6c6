import { ErrorPanel } from '@waymark/ui';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface RemoteErrorBoundaryProps {
  children: ReactNode;
  onRetry: () => void;
  /** Changing it clears a caught error, e.g. when the person moves to another area. */
  resetKey: string;
}

interface RemoteErrorBoundaryState {
  error: Error | null;
}

/** Keeps a failing remote (not deployed, broken build, network) from taking the shell down with it. */
export class RemoteErrorBoundary extends Component<RemoteErrorBoundaryProps, RemoteErrorBoundaryState> {
  override state: RemoteErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): RemoteErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[waymark] a remote failed to load or render', error, info.componentStack);
  }

  override componentDidUpdate(previous: RemoteErrorBoundaryProps): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <ErrorPanel title="This part of Waymark could not load" headingLevel={1} onRetry={this.props.onRetry}>
        <p>Try again in a moment. The rest of Waymark still works, so you can also use the menu above.</p>
        <details className="wm-muted">
          <summary>Technical details</summary>
          <p>{this.state.error.message}</p>
        </details>
      </ErrorPanel>
    );
  }
}
