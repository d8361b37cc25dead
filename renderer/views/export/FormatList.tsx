// The formats as a vertical list of cards (a tab list: arrow keys move and choose, Home/End jump).
import { useRef } from 'react';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { FORMATS, formatTabId } from './formats.ts';

export function FormatList() {
  const format = useApp((s) => s.exportFormat);
  const choose = useApp((s) => s.setExportFormat);
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(e: React.KeyboardEvent) {
    const i = FORMATS.findIndex((f) => f.id === format);
    const to = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? FORMATS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = FORMATS[(to + FORMATS.length) % FORMATS.length]!;
    choose(next.id);
    listRef.current?.querySelector<HTMLElement>(`#${formatTabId(next.id)}`)?.focus();
  }

  return (
    <div className="vp-setup ex-formats">
      <div ref={listRef} className="ex-format-list" role="tablist" aria-orientation="vertical" aria-label="Export formats" onKeyDown={onKeyDown}>
        {FORMATS.map((f) => {
          const active = f.id === format;
          return (
            <button
              key={f.id}
              type="button"
              role="tab"
              id={formatTabId(f.id)}
              aria-selected={active}
              aria-controls="export-panel"
              tabIndex={active ? 0 : -1}
              className={`ex-format${active ? ' active' : ''}`}
              onClick={() => choose(f.id)}
              data-testid={`export-format-${f.id}`}
            >
              <span className="ex-format-head">
                <Icon name={f.icon} size={16} />
                <span className="ex-format-title">{f.title}</span>
                <span className="ex-format-ext">{f.ext}</span>
              </span>
              <span className="ex-format-summary" title={f.summary}>
                {f.summary}
              </span>
              <span className="ex-format-for faint">For: {f.for}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
