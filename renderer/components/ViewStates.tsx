// The states every analysis view passes through before it has something to show: no data yet,
// a failed load with a retry, and loading. One look and one wording across the views.
import type { ReactNode } from 'react';
import { useApp } from '../store/index.ts';
import { EmptyState } from './EmptyState.tsx';
import { Icon, type IconName } from './Icon.tsx';

export function NoDataState({ icon, title, testId, children }: { icon: IconName; title: string; testId: string; children: ReactNode }) {
  return (
    <div className="vp-center">
      <EmptyState
        icon={icon}
        title={title}
        testId={testId}
        actions={
          <button type="button" className="btn primary" onClick={() => useApp.getState().setView('data')}>
            <Icon name="file-plus" size={14} /> Import data in the Data view
          </button>
        }
      >
        {children}
      </EmptyState>
    </div>
  );
}

export function LoadErrorState({ title, message, onRetry, testId }: { title: string; message: string; onRetry: () => void; testId?: string }) {
  return (
    <div className="vp-center">
      <EmptyState
        icon="alert"
        title={title}
        {...(testId ? { testId } : {})}
        actions={
          <button type="button" className="btn" onClick={onRetry}>
            <Icon name="refresh" size={14} /> Try again
          </button>
        }
      >
        <p>{message}</p>
      </EmptyState>
    </div>
  );
}

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="vp-center vp-loading muted" role="status">
      <span className="spinner" /> {label}
    </div>
  );
}
