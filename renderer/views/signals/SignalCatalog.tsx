// The signal catalogue: every signal by group, each with its distribution and weight; a filter,
// Reset to defaults, Equal weights, and the analyst's own signals (New signal…, delete).
import { useMemo, useState } from 'react';
import type { SignalSummary } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { groupCatalog, weightedCount } from '../../lib/scoringWeights.ts';
import { SignalRow } from './SignalRow.tsx';

export function SignalCatalog() {
  const catalog = useApp((s) => s.catalog);
  const snapshot = useApp((s) => s.snapshot);
  const weights = useApp((s) => s.scoring?.weights);
  const reset = useApp((s) => s.resetWeights);
  const equalise = useApp((s) => s.equaliseWeights);
  const openDialog = useApp((s) => s.openSignalDialog);
  const readonly = useApp((s) => s.workspace?.readonly ?? false);
  const [filter, setFilter] = useState('');
  const [onlyWeighted, setOnlyWeighted] = useState(false);

  const summaries = useMemo(() => new Map<string, SignalSummary>((snapshot?.signals ?? []).map((s) => [s.id, s])), [snapshot]);
  // Membership of "only weighted" is taken when the box is ticked, not on every slider move:
  // a row must not vanish under the pointer when its weight reaches 0.
  const [weightedAtTick, setWeightedAtTick] = useState<Record<string, number> | null>(null);
  const groups = useMemo(() => groupCatalog(catalog ?? [], filter, onlyWeighted ? weightedAtTick : null), [catalog, filter, onlyWeighted, weightedAtTick]);
  const inScore = weights ? weightedCount(weights) : 0;
  const customers = snapshot?.customers ?? 0;
  const hasCustom = (catalog ?? []).some((s) => !s.builtIn);

  return (
    <aside className="vp-setup" aria-label="Signal catalogue" data-testid="signals-catalog">
      <div className="sig-catalog-head">
        <div className="sig-catalog-title">
          <h3>Signals</h3>
          <span className="muted num" data-testid="signals-in-score">
            {inScore} of {catalog?.length ?? 0} in the score
          </span>
        </div>
        <div className="input-with-icon">
          <Icon name="search" size={14} />
          <input
            type="search"
            className="input"
            placeholder="Filter signals…"
            aria-label="Filter signals"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && filter) {
                e.stopPropagation();
                setFilter('');
              }
            }}
            data-testid="signal-filter"
          />
        </div>
        <div className="sig-catalog-actions">
          <button type="button" className="btn small" onClick={reset} title="Each signal back to the catalogue's default weight" data-testid="weights-reset">
            Reset to defaults
          </button>
          <button type="button" className="btn small" onClick={equalise} title="Every signal in the score at the same weight (keeping its sign)" data-testid="weights-equal">
            Equal weights
          </button>
          <label className="check sig-only">
            <input
              type="checkbox"
              checked={onlyWeighted}
              onChange={(e) => {
                setOnlyWeighted(e.target.checked);
                setWeightedAtTick(e.target.checked ? { ...(weights ?? {}) } : null);
              }}
              data-testid="signal-only-weighted"
            />
            Only in the score
          </label>
        </div>
      </div>
      <div className="sig-catalog-scroll">
        {groups.length === 0 ? <p className="muted sig-catalog-none">No signal matches “{filter}”.</p> : null}
        {groups.map((g) => (
          <section key={g.group} className="sig-group" aria-label={g.label} data-testid={`signal-group-${g.group}`}>
            <h4 className="sig-group-head">
              {g.label}
              <span className="faint num">{g.signals.length}</span>
            </h4>
            <ul className="sig-rows">
              {g.signals.map((info) => (
                <SignalRow key={info.id} info={info} summary={summaries.get(info.id)} customers={customers} />
              ))}
            </ul>
          </section>
        ))}
        <div className="sig-custom-cta">
          {!hasCustom && !filter ? <p className="muted">Count any events you care about — a page, a product, a campaign — as your own signal.</p> : null}
          <button type="button" className="btn small" onClick={openDialog} disabled={readonly} title={readonly ? 'The workspace is read-only' : undefined} data-testid="signal-new">
            <Icon name="plus" size={13} /> New signal…
          </button>
        </div>
      </div>
    </aside>
  );
}
