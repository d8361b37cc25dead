// Passing notifications, bottom right. Errors are announced assertively, the rest politely.
import { useApp } from '../store/index.ts';
import { Icon } from './Icon.tsx';

const ICONS = { error: 'alert', info: 'info', success: 'check' } as const;

export function Toasts() {
  const toasts = useApp((s) => s.toasts);
  const dismiss = useApp((s) => s.dismissToast);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'} data-testid={`toast-${t.kind}`}>
          <Icon name={ICONS[t.kind]} size={16} />
          <div className="toast-text">
            <strong>{t.title}</strong>
            {t.message ? <p>{t.message}</p> : null}
          </div>
          <button type="button" className="btn ghost small icon-only" onClick={() => dismiss(t.id)} aria-label="Dismiss">
            <Icon name="x" size={13} />
          </button>
        </div>
      ))}
    </div>
  );
}
