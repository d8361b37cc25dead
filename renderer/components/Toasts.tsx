// Passing notifications, bottom right. Errors are announced assertively, the rest politely.
// The container is a manual popover, re-shown whenever a toast arrives: that puts it at the top
// of the top layer, so a notice raised while a modal dialog is open is seen, not hidden under it.
import { useEffect, useRef } from 'react';
import { useApp } from '../store/index.ts';
import { Icon } from './Icon.tsx';

const ICONS = { error: 'alert', info: 'info', success: 'check' } as const;

export function Toasts() {
  const toasts = useApp((s) => s.toasts);
  const dismiss = useApp((s) => s.dismissToast);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof el.showPopover !== 'function') return;
    if (el.matches(':popover-open')) el.hidePopover();
    if (toasts.length > 0) el.showPopover();
  }, [toasts]);

  return (
    <div ref={ref} className="toasts" aria-live="polite" popover="manual">
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
