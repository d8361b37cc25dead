// Event-type filter: one chip per type with its count over the whole history. None selected
// means all types; selecting narrows the list (and the chart) to those types.
import { useApp } from '../../store/index.ts';
import { eventTypeStyle, sortEventTypes } from '../../lib/eventTypes.ts';
import { formatInt, humanize } from '../../lib/format.ts';

export function TypeChips() {
  const counts = useApp((s) => s.timeline?.typeCounts);
  const selected = useApp((s) => s.typeFilter);
  const toggle = useApp((s) => s.toggleTypeFilter);
  const clear = useApp((s) => s.clearTypeFilter);
  if (!counts) return null;
  const types = sortEventTypes([...Object.keys(counts), ...selected]);
  if (types.length === 0) return null;

  return (
    <div className="chips" role="group" aria-label="Filter events by type">
      <button type="button" className={`chip${selected.length === 0 ? ' on' : ''}`} aria-pressed={selected.length === 0} onClick={clear}>
        All
      </button>
      {types.map((t) => {
        const on = selected.includes(t);
        return (
          <button key={t} type="button" className={`chip${on ? ' on' : ''}`} aria-pressed={on} onClick={() => toggle(t)} data-testid="type-chip" data-type={t}>
            <span className="chip-dot" style={{ background: eventTypeStyle(t).color }} />
            {humanize(t)}
            <span className="chip-count num">{formatInt(counts[t] ?? 0)}</span>
          </button>
        );
      })}
    </div>
  );
}
