// What each phase means for marketing: typical behaviour, the format that fits, and the goal.
// Edited in place and saved with the scoring settings.
import type { PhaseAction } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { PHASE_LABELS, PHASES } from '../../charts/phases/palette.ts';
import { formatInt } from '../../lib/format.ts';

const FIELDS: Array<{ key: keyof PhaseAction; label: string; placeholder: string }> = [
  { key: 'behaviour', label: 'Typical behaviour', placeholder: 'What customers in this phase do' },
  { key: 'format', label: 'Format', placeholder: 'Content, channel, offer' },
  { key: 'goal', label: 'Goal', placeholder: 'What should happen next' },
];

export function ActionMatrix() {
  const actions = useApp((s) => s.scoring?.actions);
  const counts = useApp((s) => s.summary?.phaseCounts);
  const setAction = useApp((s) => s.setPhaseAction);
  const readonly = useApp((s) => s.workspace?.readonly ?? false);
  if (!actions) return null;
  return (
    <div className="sig-actions" data-testid="action-matrix">
      <p className="sig-lead muted">How to work each phase: what its customers typically do, the format that reaches them and the goal. Saved in the workspace with the weights and thresholds.</p>
      <div className="sig-actions-scroll">
        <table className="data-table sig-action-table">
          <thead>
            <tr>
              <th>Phase</th>
              {FIELDS.map((f) => (
                <th key={f.key}>{f.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PHASES.map((p) => (
              <tr key={p}>
                <th scope="row" className="sig-action-phase">
                  <span className={`sig-swatch phase-${p}`} aria-hidden="true" /> {PHASE_LABELS[p]}
                  {counts ? <span className="faint num sig-action-count">{formatInt(counts[p])} customers</span> : null}
                </th>
                {FIELDS.map((f) => (
                  <td key={f.key}>
                    <textarea
                      className="input sig-action-input"
                      rows={3}
                      maxLength={300}
                      value={actions[p]?.[f.key] ?? ''}
                      placeholder={f.placeholder}
                      onChange={(e) => setAction(p, f.key, e.target.value)}
                      aria-label={`${PHASE_LABELS[p]}: ${f.label.toLowerCase()}`}
                      data-testid={`action-${p}-${f.key}`}
                      readOnly={readonly}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
