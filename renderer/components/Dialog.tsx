// Modal dialogs on the native <dialog> element: the browser provides the top layer, the inert
// background and the focus trap. We add: initial focus, Escape routed to onCancel (so a running
// job can refuse to close), and focus returned to whatever opened the dialog.
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { Icon } from './Icon.tsx';

interface DialogProps {
  title: string;
  /** Escape, the close button or a click on the backdrop. Omit to make the dialog undismissable. */
  onCancel?: () => void;
  children: ReactNode;
  footer?: ReactNode;
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  testId?: string;
  describedBy?: string;
}

export function Dialog({ title, onCancel, children, footer, initialFocus, className, testId, describedBy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const cancelRef = useRef(onCancel);
  cancelRef.current = onCancel;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    (initialFocus?.current ?? dialog.querySelector<HTMLElement>('[autofocus], input, button'))?.focus();
    const onCancelEvent = (e: Event) => {
      e.preventDefault();
      cancelRef.current?.();
    };
    // Chromium closes a dialog anyway on a repeated Escape without user activation (close-watcher
    // abuse protection), skipping 'cancel'. Treat that as a cancel and re-show if still wanted.
    let mounted = true;
    const onCloseEvent = () => {
      cancelRef.current?.();
      queueMicrotask(() => {
        if (mounted && !dialog.open && dialog.isConnected) dialog.showModal();
      });
    };
    dialog.addEventListener('cancel', onCancelEvent);
    dialog.addEventListener('close', onCloseEvent);
    return () => {
      mounted = false;
      dialog.removeEventListener('cancel', onCancelEvent);
      dialog.removeEventListener('close', onCloseEvent);
      if (dialog.open) dialog.close();
      if (opener && opener.isConnected) opener.focus();
    };
    // Mount/unmount only: re-running would steal focus on every render.
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      data-testid={testId}
      onKeyDown={(e) => {
        // Stop Escape here so listeners on the document (e.g. the timeline panel) ignore it.
        if (e.key === 'Escape') e.stopPropagation();
      }}
      onMouseDown={(e) => {
        if (e.target === ref.current && onCancel) onCancel();
      }}
    >
      <div className="dialog-inner">
        <header className="dialog-header">
          <h3 id={titleId}>{title}</h3>
          {onCancel ? (
            <button type="button" className="btn ghost small icon-only" onClick={onCancel} aria-label="Close" title="Close">
              <Icon name="x" size={14} />
            </button>
          ) : null}
        </header>
        <div className="dialog-body">{children}</div>
        {footer ? <footer className="dialog-footer">{footer}</footer> : null}
      </div>
    </dialog>
  );
}
