// The four phases with their size and share, updated live with every re-score. A card opens the
// phase's customers below.
import type { Phase } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { PHASE_LABELS, PHASES } from '../../charts/phases/palette.ts';
import { formatInt } from '../../lib/format.ts';

function rule(phase: Phase, t: { consideration: number; decision: number }, r: { purchaseWithinDays: number; activeWithinDays: number }): string {
  switch (phase) {
    case 'orientation':
      return `score below ${t.consideration}`;
    case 'consideration':
      return `score ${t.consideration} to ${t.decision}`;
    case 'decision':
      return `score ${t.decision} or more`;
    case 'retention':
      return `bought ≤ ${r.purchaseWithinDays} d, active ≤ ${r.activeWithinDays} d`;
  }
}

export function PhaseCards() {
  const summary = useApp((s) => s.summary);
  const scoring = useApp((s) => s.scoring);
  const phaseTab = useApp((s) => s.phaseTab);
  const tab = useApp((s) => s.signalsTab);
  if (!scoring) return null;
  const total = summary?.customers ?? 0;
  const open = (p: Phase) => {
    const a = useApp.getState();
    a.setSignalsTab('customers');
    a.setPhaseTab(p);
  };
  return (
    <div className="sig-phase-cards" role="group" aria-label="Customers per phase">
      {PHASES.map((p) => {
        const count = summary?.phaseCounts[p] ?? null;
        const share = count !== null && total > 0 ? count / total : null;
        const active = tab === 'customers' && phaseTab === p;
        return (
          <button
            key={p}
            type="button"
            aria-pressed={active}
            className={`sig-phase-card phase-${p}${active ? ' active' : ''}`}
            onClick={() => open(p)}
            title={`Show the customers in ${PHASE_LABELS[p].toLowerCase()}`}
            data-testid={`phase-card-${p}`}
          >
            <span className="sig-phase-name">
              <span className="sig-swatch" aria-hidden="true" />
              {PHASE_LABELS[p]}
            </span>
            <span className="sig-phase-count num" data-testid={`phase-count-${p}`} data-count={count ?? ''}>
              {count === null ? '—' : formatInt(count)}
            </span>
            <span className="sig-phase-share num muted">
              {share === null ? '\u00a0' : `${(share * 100).toFixed(share < 0.01 && share > 0 ? 2 : 1)}%`}
              <span className="sig-phase-bar" aria-hidden="true">
                <span style={{ width: `${(share ?? 0) * 100}%` }} />
              </span>
            </span>
            <span className="sig-phase-rule faint" title={rule(p, scoring.thresholds, scoring.retention)}>
              {rule(p, scoring.thresholds, scoring.retention)}
            </span>
          </button>
        );
      })}
    </div>
  );
}
