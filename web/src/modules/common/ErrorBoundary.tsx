// Last line of defence: a rendering bug shows a page with a reload button, not a blank screen.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import i18n from '../../i18n';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={i18n.t('errors.crashedTitle')}
        subTitle={this.state.error.message}
        extra={<Button onClick={() => window.location.reload()}>{i18n.t('errors.reload')}</Button>}
      />
    );
  }
}
