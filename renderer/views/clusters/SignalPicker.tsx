// The signals to cluster on, grouped as in the signal catalogue: a tick to include a signal and,
// once included, its weight (how much a difference in it counts in the distance).
import { memo, useMemo, useState } from 'react';
import type { SignalInfo } from '../../../core/api/contract.ts';
import { DEFAULT_CLUSTER_SIGNALS } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { NumberField } from '../signals/NumberField.tsx';
import { groupForPicker, MAX_CLUSTER_SIGNALS, WEIGHT_MAX, WEIGHT_MIN, weightOf, withSignal, withSignals, withSignalWeight } from './clusterSettings.ts';

const PickerRow = memo(function PickerRow({ info, chosen, weight, disabled }: { info: SignalInfo; chosen: boolean; weight: number; disabled: boolean }) {
  const edit = useApp((s) => s.editClusterDraft);
  return (
    <li className={`cl-pick-row${chosen ? ' on' : ''}`} data-testid="cluster-signal-row" data-signal-id={info.id}>
      <label className="cl-pick-label" title={info.description}>
        <input
          type="checkbox"
          checked={chosen}
          disabled={disabled && !chosen}
          onChange={(e) => edit((s) => withSignal(s, info.id, e.target.checked))}
          aria-label={`Cluster on ${info.label}`}
          data-testid="cluster-signal-check"
        />
        <span className="cl-pick-name">{info.label}</span>
      </label>
      {chosen ? (
        <span className="cl-pick-weight" title="Weight: 2 makes a difference in this signal count twice in the distance; 0 leaves it out">
          ×
          <NumberField
            value={weight}
            min={WEIGHT_MIN}
            max={WEIGHT_MAX}
            step={0.5}
            integer={false}
            onCommit={(v) => edit((s) => withSignalWeight(s, info.id, v))}
            label={`Weight of ${info.label} in the clustering`}
            testId="cluster-signal-weight"
            className="cl-weight-input"
          />
        </span>
      ) : null}
    </li>
  );
});

export function SignalPicker() {
  const catalog = useApp((s) => s.clusterCatalog);
  const draft = useApp((s) => s.clusterDraft);
  const edit = useApp((s) => s.editClusterDraft);
  const [filter, setFilter] = useState('');
  const [onlyChosen, setOnlyChosen] = useState(false);
  const chosen = draft?.signals ?? [];
  const groups = useMemo(() => groupForPicker(catalog ?? [], chosen, filter, onlyChosen), [catalog, chosen, filter, onlyChosen]);
  if (!catalog || !draft) return null;
  const chosenSet = new Set(chosen);
  const full = chosen.length >= MAX_CLUSTER_SIGNALS;
  const defaults = DEFAULT_CLUSTER_SIGNALS.filter((id) => catalog.some((s) => s.id === id));
  return (
    <section className="vp-setup-section cl-setup-section cl-picker" aria-labelledby="cl-signals-title">
      <div className="cl-setup-title">
        <h4 id="cl-signals-title">Signals</h4>
        <span className="muted num" data-testid="cluster-signal-count">
          {chosen.length} chosen{full ? ` (the most: ${MAX_CLUSTER_SIGNALS})` : ''}
        </span>
      </div>
      <div className="input-with-icon">
        <Icon name="search" size={14} />
        <input
          type="search"
          className="input"
          placeholder="Filter signals…"
          aria-label="Filter the signals to cluster on"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filter) {
              e.stopPropagation();
              setFilter('');
            }
          }}
          data-testid="cluster-signal-filter"
        />
      </div>
      <div className="cl-picker-actions">
        <button type="button" className="btn small" onClick={() => edit((s) => withSignals(s, defaults))} title="The twelve default signals: value, engagement, intent, channel, timing, price and service" data-testid="cluster-signals-default">
          Defaults
        </button>
        <button type="button" className="btn small" onClick={() => edit((s) => withSignals(s, []))} data-testid="cluster-signals-none">
          None
        </button>
        <label className="check cl-only">
          <input type="checkbox" checked={onlyChosen} onChange={(e) => setOnlyChosen(e.target.checked)} data-testid="cluster-signals-only-chosen" />
          Only chosen
        </label>
      </div>
      <p className="faint cl-picker-hint">Tick the signals to cluster on. The number is a signal’s weight: ×2 counts its differences twice, ×0 ignores it.</p>
      <div className="cl-picker-list">
        {groups.length === 0 ? <p className="muted cl-pad">{filter ? `No signal matches “${filter}”.` : 'No signal chosen yet.'}</p> : null}
        {groups.map((g) => (
          <section key={g.group} aria-label={g.label} className="cl-pick-group">
            <h5 className="cl-pick-group-head">
              {g.label}
              <span className="faint num">
                {g.signals.filter((s) => chosenSet.has(s.id)).length}/{g.signals.length}
              </span>
            </h5>
            <ul className="cl-pick-rows">
              {g.signals.map((info) => (
                <PickerRow key={info.id} info={info} chosen={chosenSet.has(info.id)} weight={weightOf(draft, info.id)} disabled={full} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
