// A dropdown menu button (WAI-ARIA menu button pattern): arrow keys move, Enter/Space choose,
// Escape or a click elsewhere closes and returns focus to the button.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Icon, type IconName } from './Icon.tsx';

export type MenuEntry =
  | {
      kind: 'item';
      label: string;
      onSelect: () => void;
      icon?: IconName;
      hint?: string;
      detail?: string;
      disabled?: boolean;
      checked?: boolean;
      testId?: string;
      title?: string;
    }
  | { kind: 'separator' }
  | { kind: 'label'; text: string };

interface MenuProps {
  label: ReactNode;
  entries: MenuEntry[];
  buttonClassName?: string;
  buttonTitle?: string;
  buttonTestId?: string;
  align?: 'left' | 'right';
  ariaLabel?: string;
}

export function Menu({ label, entries, buttonClassName = 'btn', buttonTitle, buttonTestId, align = 'left', ariaLabel }: MenuProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const id = useId();

  const items = () => Array.from(list.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? []);

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onDown = (e: PointerEvent) => {
      if (!list.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) button.current?.focus();
  }

  function onKeyDown(e: React.KeyboardEvent) {
    const all = items();
    const i = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      e.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(i + 1);
    else if (e.key === 'ArrowUp') move(i - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(all.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') close(false);
  }

  return (
    <div className="menu-anchor">
      <button
        ref={button}
        type="button"
        className={buttonClassName}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={ariaLabel}
        title={buttonTitle}
        data-testid={buttonTestId}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
      </button>
      {open ? (
        <div ref={list} id={id} role="menu" className={`menu menu-${align}`} onKeyDown={onKeyDown}>
          {entries.map((entry, i) => {
            if (entry.kind === 'separator') return <div key={i} role="separator" className="menu-separator" />;
            if (entry.kind === 'label')
              return (
                <div key={i} className="menu-label" role="presentation">
                  {entry.text}
                </div>
              );
            const radio = entry.checked !== undefined;
            return (
              <div
                key={i}
                role={radio ? 'menuitemradio' : 'menuitem'}
                aria-checked={radio ? entry.checked : undefined}
                aria-disabled={entry.disabled || undefined}
                tabIndex={-1}
                className="menu-item"
                title={entry.title}
                data-testid={entry.testId}
                onClick={() => {
                  if (entry.disabled) return;
                  close(true);
                  entry.onSelect();
                }}
                onKeyDown={(e) => {
                  if ((e.key === 'Enter' || e.key === ' ') && !entry.disabled) {
                    e.preventDefault();
                    close(true);
                    entry.onSelect();
                  }
                }}
              >
                <span className="menu-icon">{radio ? entry.checked ? <Icon name="check" size={14} /> : null : entry.icon ? <Icon name={entry.icon} size={14} /> : null}</span>
                <span className="menu-text">
                  <span className="menu-item-label">{entry.label}</span>
                  {entry.detail ? (
                    <span className="menu-item-detail path-text">
                      <bdi>{entry.detail}</bdi>
                    </span>
                  ) : null}
                </span>
                {entry.hint ? <span className="menu-hint">{entry.hint}</span> : null}
              </div>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
