// The RFM groups in the order they claim cells (first match wins): rename, R and FM ranges, move
// up and down, remove, add. Each group shows its colour on the grid and how many cells it gets.
import { useMemo, useRef } from 'react';
import type { RfmGroup } from '../../../../core/api/contract.ts';
import { useApp } from '../../../store/index.ts';
import { Icon } from '../../../components/Icon.tsx';
import { useChartTheme } from '../../signals/useChartTheme.ts';
import { groupColours } from '../../../charts/rfm-grid/palette.ts';
import { useFocusAfterMove } from '../priority/useFocusAfterMove.ts';
import { addGroup, cellsPerGroup, MAX_GROUPS, moveGroup, NAME_MAX, problemsAt, removeGroup, renameGroup, SCORES, setGroupRange, type RfmProblem } from './rfmSettings.ts';

function RangeSelect({ group, index, axis }: { group: RfmGroup; index: number; axis: 'r' | 'fm' }) {
  const edit = useApp((s) => s.editRfm);
  const label = axis === 'r' ? 'R' : 'FM';
  const [lo, hi] = group[axis];
  const select = (end: 0 | 1, value: number) => (
    <select
      className="select rfm-score-select"
      value={value}
      aria-label={`${label} ${end === 0 ? 'from' : 'to'}, ${group.name || `group ${index + 1}`}`}
      data-testid={`rfm-group-${axis}-${end === 0 ? 'from' : 'to'}`}
      onChange={(e) => edit((s) => setGroupRange(s, index, axis, end, Number(e.target.value)))}
    >
      {SCORES.map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
    </select>
  );
  return (
    <span className="rfm-range">
      <span className="rfm-range-label">{label}</span>
      {select(0, lo)}
      <span aria-hidden="true">–</span>
      {select(1, hi)}
    </span>
  );
}

export function RfmGroupsEditor({ problems }: { problems: RfmProblem[] }) {
  const groups = useApp((s) => s.rfmDraft!.groups);
  const saved = useApp((s) => s.rfmSaved);
  const edit = useApp((s) => s.editRfm);
  const setHighlight = useApp((s) => s.setRfmHighlight);
  const theme = useChartTheme();
  const savedIds = useMemo(() => new Set(saved?.groups.map((g) => g.id) ?? []), [saved]);
  const colours = useMemo(() => groupColours(groups.map((g) => g.id), theme.mode), [groups, theme.mode]);
  const cells = useMemo(() => cellsPerGroup(groups), [groups]);
  const listProblem = problemsAt(problems, 'groups').find((p) => p.path === 'groups');
  const listRef = useRef<HTMLOListElement>(null);
  const focusAfter = useFocusAfterMove(listRef);
  const move = (id: string, from: number, to: number, button: 'up' | 'down') => {
    const row = `[data-group-id="${id}"]`;
    const other = button === 'up' ? 'down' : 'up';
    focusAfter([`${row} [data-testid="rfm-group-${button}"]`, `${row} [data-testid="rfm-group-${other}"]`]);
    edit((s) => moveGroup(s, from, to));
  };

  return (
    <div className="rfm-groups" data-testid="rfm-groups-editor">
      <div className="rfm-groups-head">
        <h4 id="rfm-groups-title">Groups</h4>
        <button
          type="button"
          className="btn small"
          onClick={() => edit((s) => addGroup(s, savedIds))}
          disabled={groups.length >= MAX_GROUPS}
          data-testid="rfm-group-add"
          title={groups.length >= MAX_GROUPS ? `At most ${MAX_GROUPS} groups` : 'A new group at the end: it takes the cells no group above takes'}
        >
          <Icon name="plus" size={13} /> Add group
        </button>
      </div>
      <p className="hint rfm-note" data-testid="rfm-first-match">
        <strong>First match wins:</strong> a buyer goes to the first group, top to bottom, whose R and FM ranges hold their scores. Buyers no group takes are “Other”.
      </p>
      {listProblem ? <p className="field-error">{listProblem.message}</p> : null}
      <ol className="rfm-group-list" ref={listRef}>
        {groups.map((g, i) => {
          const own = problemsAt(problems, `groups.${i}`);
          const nameProblem = own.find((p) => p.path === `groups.${i}.name`);
          const other = own.filter((p) => p !== nameProblem);
          const n = cells.get(g.id) ?? 0;
          const label = g.name || `group ${i + 1}`;
          return (
            <li
              key={g.id}
              className="rfm-group-row"
              data-testid="rfm-group-row"
              data-group-id={g.id}
              onMouseEnter={() => setHighlight(g.id)}
              onMouseLeave={() => setHighlight(null)}
              onFocus={() => setHighlight(g.id)}
              onBlur={() => setHighlight(null)}
            >
              <div className="rfm-group-line">
                <span className="rfm-order num" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="rfm-swatch" style={{ background: colours[g.id] }} aria-hidden="true" />
                <input
                  className="input rfm-group-name"
                  value={g.name}
                  maxLength={NAME_MAX}
                  aria-label={`Name of group ${i + 1}`}
                  aria-invalid={nameProblem !== undefined}
                  onChange={(e) => edit((s) => renameGroup(s, i, e.target.value))}
                  data-testid="rfm-group-name"
                />
                <button type="button" className="btn ghost small icon-only" onClick={() => move(g.id, i, i - 1, 'up')} disabled={i === 0} aria-label={`Move ${label} up`} title="Move up (matches earlier)" data-testid="rfm-group-up">
                  <Icon name="arrow-up" size={13} />
                </button>
                <button
                  type="button"
                  className="btn ghost small icon-only"
                  onClick={() => move(g.id, i, i + 1, 'down')}
                  disabled={i === groups.length - 1}
                  aria-label={`Move ${label} down`}
                  title="Move down (matches later)"
                  data-testid="rfm-group-down"
                >
                  <Icon name="arrow-down" size={13} />
                </button>
                <button
                  type="button"
                  className="btn ghost small icon-only rfm-remove"
                  onClick={() => edit((s) => removeGroup(s, i))}
                  disabled={groups.length <= 1}
                  aria-label={`Remove ${label}`}
                  title={groups.length <= 1 ? 'At least one group is needed' : 'Remove this group (its buyers go to the next group that matches, or Other)'}
                  data-testid="rfm-group-remove"
                >
                  <Icon name="trash" size={13} />
                </button>
              </div>
              <div className="rfm-group-ranges">
                <RangeSelect group={g} index={i} axis="r" />
                <RangeSelect group={g} index={i} axis="fm" />
                <span className={`rfm-cells${n === 0 ? ' warning-text' : ''}`} data-testid="rfm-group-cells">
                  {n === 0 ? 'never matches: groups above take all its cells' : `${n} ${n === 1 ? 'cell' : 'cells'}`}
                </span>
              </div>
              {nameProblem ? <p className="field-error">{nameProblem.message}</p> : null}
              {other.map((p) => (
                <p key={p.path + p.message} className="field-error">
                  {p.message}
                </p>
              ))}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
