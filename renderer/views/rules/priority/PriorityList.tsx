// The saved segments in priority order. Reorder by dragging a row (drop on its upper or lower half),
// by keyboard (Alt+↑/↓, Alt+Home/End on a focused row; ↑/↓ move between rows), or with the row's
// up/down buttons. Each row shows what the analysed order gives the segment.
import { useMemo, useRef, useState } from 'react';
import type { PriorityAnalysis, PriorityRow, SavedSegment } from '../../../../core/api/contract.ts';
import { useApp } from '../../../store/index.ts';
import { Icon } from '../../../components/Icon.tsx';
import { DecisionBadge } from '../../../components/DecisionBadge.tsx';
import { formatInt } from '../../../lib/format.ts';
import { analysisMatches, dropTarget, inOrder, keyboardDelta, takenBy, takesFrom } from './priorityOrder.ts';
import { useFocusAfterMove } from './useFocusAfterMove.ts';

interface DropMark {
  index: number;
  half: 'before' | 'after';
}

function Grip() {
  return (
    <svg className="pri-grip" width="10" height="16" viewBox="0 0 10 16" aria-hidden="true" focusable="false">
      {[3, 8, 13].map((y) => (
        <g key={y}>
          <circle cx="2.5" cy={y} r="1.3" />
          <circle cx="7.5" cy={y} r="1.3" />
        </g>
      ))}
    </svg>
  );
}

function breakdownText(seg: SavedSegment, row: PriorityRow | undefined, index: number, analysis: PriorityAnalysis | null): string {
  if (!row || !analysis) return seg.name;
  const from = takesFrom(analysis, index)
    .map((t) => `${formatInt(t.customers)} from ${t.name}`)
    .join(', ');
  const by = takenBy(analysis, index)
    .map((t) => `${formatInt(t.customers)} to ${t.name}`)
    .join(', ');
  return [`${seg.name}: ${formatInt(row.members)} members, ${formatInt(row.primary)} primary`, from ? `takes ${from}` : '', by ? `loses ${by}` : ''].filter(Boolean).join('; ');
}

export function PriorityList() {
  const segments = useApp((s) => s.rulesSegments);
  const order = useApp((s) => s.priorityOrder);
  const analysis = useApp((s) => s.priorityAnalysis);
  const move = useApp((s) => s.movePriority);
  const readonly = useApp((s) => s.workspace?.readonly ?? false);
  const list = useMemo(() => inOrder(segments ?? [], order), [segments, order]);
  const current = analysis !== null && analysisMatches(analysis, order);
  const rowById = useMemo(() => new Map(analysis?.rows.map((r) => [r.segmentId, r]) ?? []), [analysis]);
  const [dragId, setDragId] = useState<number | null>(null);
  const [mark, setMark] = useState<DropMark | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const focusAfter = useFocusAfterMove(listRef);

  const moveTo = (id: number, to: number, focus: 'row' | 'up' | 'down') => {
    const row = `[data-segment-id="${id}"]`;
    focusAfter(focus === 'row' ? [row] : [`${row} [data-testid="priority-${focus}"]`, `${row} [data-testid="priority-${focus === 'up' ? 'down' : 'up'}"]`, row]);
    move(id, to);
  };

  const endDrag = () => {
    setDragId(null);
    setMark(null);
  };

  return (
    <section className="vp-card pri-card pri-list-card" aria-labelledby="pri-list-title" data-testid="priority-list-card">
      <header className="vp-card-head">
        <h3 id="pri-list-title">Priority order</h3>
        <span className="muted pri-head-note" id="pri-list-help">
          First match wins: a customer’s primary segment is the first one here that matches them. Drag a row, or focus it and press Alt+↑ / Alt+↓.
        </span>
      </header>
      <div className="pri-list-head" aria-hidden="true">
        <span />
        <span>Segment</span>
        <span className="right">Members</span>
        <span className="right">Primary</span>
        <span className="right">Claimed above</span>
        <span />
      </div>
      <ol className={`pri-list${current ? '' : ' stale'}`} ref={listRef} data-testid="priority-list" aria-describedby="pri-list-help">
        {list.map((seg, i) => {
          const row = current ? rowById.get(seg.segmentId) : undefined;
          const cls = ['pri-row', dragId === seg.segmentId ? 'dragging' : '', mark?.index === i ? `drop-${mark.half}` : ''].filter(Boolean).join(' ');
          return (
            <li
              key={seg.segmentId}
              className={cls}
              tabIndex={0}
              draggable={!readonly}
              data-testid="priority-row"
              data-segment-id={seg.segmentId}
              data-name={seg.name}
              data-members={row?.members ?? ''}
              data-primary={row?.primary ?? ''}
              data-claimed={row?.claimedAbove ?? ''}
              aria-label={`${i + 1}. ${breakdownText(seg, row, i, current ? analysis : null)}`}
              title={row ? breakdownText(seg, row, i, analysis) : seg.name}
              onKeyDown={(e) => {
                if (e.target !== e.currentTarget) return;
                const delta = readonly ? null : keyboardDelta(e, i, list.length);
                if (delta !== null) {
                  e.preventDefault();
                  if (delta !== 0) moveTo(seg.segmentId, i + delta, 'row');
                } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !e.altKey) {
                  e.preventDefault();
                  const next = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
                  (next as HTMLElement | null)?.focus();
                }
              }}
              onDragStart={(e) => {
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', String(seg.segmentId));
                setDragId(seg.segmentId);
              }}
              onDragOver={(e) => {
                if (dragId === null) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                const box = e.currentTarget.getBoundingClientRect();
                const half = e.clientY < box.top + box.height / 2 ? 'before' : 'after';
                if (mark?.index !== i || mark.half !== half) setMark({ index: i, half });
              }}
              onDrop={(e) => {
                e.preventDefault();
                const from = dragId === null ? -1 : list.findIndex((s) => s.segmentId === dragId);
                if (from >= 0 && mark) moveTo(dragId!, dropTarget(from, mark.index, mark.half), 'row');
                endDrag();
              }}
              onDragEnd={endDrag}
            >
              <span className="pri-handle" title={readonly ? undefined : 'Drag to reorder'}>
                <Grip />
                <span className="pri-pos num">{i + 1}</span>
              </span>
              <span className="pri-name" data-testid="priority-name">
                {seg.name}
                <DecisionBadge segmentation={{ kind: 'rules' }} segmentKey={String(seg.segmentId)} compact className="after-text" />
              </span>
              <span className="num right" data-testid="priority-members">
                {row ? formatInt(row.members) : '…'}
              </span>
              <span className="num right pri-primary" data-testid="priority-primary">
                {row ? formatInt(row.primary) : '…'}
              </span>
              <span className="num right muted" data-testid="priority-claimed">
                {row ? formatInt(row.claimedAbove) : '…'}
              </span>
              <span className="pri-moves">
                <button
                  type="button"
                  className="btn ghost small icon-only"
                  disabled={readonly || i === 0}
                  onClick={() => moveTo(seg.segmentId, i - 1, 'up')}
                  aria-label={`Move ${seg.name} up`}
                  title="Move up (claims earlier)"
                  data-testid="priority-up"
                >
                  <Icon name="arrow-up" size={13} />
                </button>
                <button
                  type="button"
                  className="btn ghost small icon-only"
                  disabled={readonly || i === list.length - 1}
                  onClick={() => moveTo(seg.segmentId, i + 1, 'down')}
                  aria-label={`Move ${seg.name} down`}
                  title="Move down (claims later)"
                  data-testid="priority-down"
                >
                  <Icon name="arrow-down" size={13} />
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {readonly ? <p className="hint">The workspace is read-only: the order cannot be changed.</p> : null}
    </section>
  );
}
