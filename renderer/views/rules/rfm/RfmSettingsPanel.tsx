// The RFM settings being edited: how scores are cut (quantiles of the buyers, or fixed cut-offs),
// the groups, and Save / Revert / Reset to defaults with the unsaved state always in view.
import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../../../store/index.ts';
import { Icon } from '../../../components/Icon.tsx';
import { CUTOFF_KEYS, CUTOFF_LABELS, parseCutoff, problemsAt, rfmProblems, sameRfm, setCutoffs, setMethod, type CutoffKey, type RfmProblem } from './rfmSettings.ts';
import { RfmGroupsEditor } from './RfmGroupsEditor.tsx';

const CUTOFF_HINTS: Record<CutoffKey, string> = {
  recencyDays: 'Days since the last purchase: R 5 up to the first, R 1 above the last.',
  orders: 'Orders: F 1 up to the first, F 5 above the last.',
  revenue: 'Revenue: M 1 up to the first, M 5 above the last.',
};

function CutoffRow({ k, values, problems }: { k: CutoffKey; values: number[]; problems: RfmProblem[] }) {
  const edit = useApp((s) => s.editRfm);
  const [texts, setTexts] = useState(() => values.map(String));
  // Follow values set from outside (revert, reset, method switch) without undoing what is typed.
  useEffect(() => {
    setTexts((t) => values.map((v, i) => (parseCutoff(t[i] ?? '') === v ? t[i]! : String(v))));
  }, [values]);
  const parsed = texts.map(parseCutoff);
  const missing = parsed.some((p) => p === null);
  const message = missing ? 'Every cut-off needs a number.' : (problems[0]?.message ?? null);
  const errorId = `rfm-cutoff-error-${k}`;
  return (
    <fieldset className="rfm-cutoffs" data-testid={`rfm-cutoffs-${k}`}>
      <legend>{CUTOFF_LABELS[k]}</legend>
      <div className="rfm-cutoff-inputs">
        {texts.map((t, i) => (
          <input
            key={i}
            className="input num"
            inputMode="decimal"
            value={t}
            aria-label={`${CUTOFF_LABELS[k]}, cut-off ${i + 1} of 4`}
            aria-invalid={parsed[i] === null || (message !== null && !missing)}
            aria-describedby={message ? errorId : undefined}
            data-testid={`rfm-cutoff-${k}-${i}`}
            onChange={(e) => {
              const next = texts.map((x, j) => (j === i ? e.target.value : x));
              setTexts(next);
              const numbers = next.map(parseCutoff);
              if (numbers.every((n): n is number => n !== null)) edit((s) => setCutoffs(s, k, numbers));
            }}
          />
        ))}
      </div>
      {message ? (
        <p className="field-error" id={errorId} role="alert" data-testid={errorId}>
          {message}
        </p>
      ) : (
        <p className="hint">{CUTOFF_HINTS[k]}</p>
      )}
    </fieldset>
  );
}

function MethodChoice() {
  const method = useApp((s) => s.rfmDraft!.method);
  const saved = useApp((s) => s.rfmSaved);
  const summary = useApp((s) => s.rfmSummary);
  const edit = useApp((s) => s.editRfm);
  // Fixed cut-offs start from the stored fixed ones, else from what the quantiles gave.
  const start = saved?.method === 'cutoffs' ? saved.cutoffs : (summary?.cutoffs ?? null);
  const options = [
    { id: 'quantiles', label: 'Quantiles of the buyers', hint: 'Each score holds about a fifth of the buyers as of the date.' },
    { id: 'cutoffs', label: 'Fixed cut-offs', hint: 'Your own numbers: scores mean the same on any date.' },
  ] as const;
  return (
    <div className="rfm-method" role="radiogroup" aria-label="How scores are cut">
      {options.map((o) => (
        <label key={o.id} className={`rfm-method-option${method === o.id ? ' active' : ''}`} data-testid={`rfm-method-${o.id}`}>
          <input type="radio" name="rfm-method" value={o.id} checked={method === o.id} onChange={() => edit((s) => setMethod(s, o.id, start))} />
          <span>
            <strong>{o.label}</strong>
            <span className="hint">{o.hint}</span>
          </span>
        </label>
      ))}
    </div>
  );
}

export function RfmSettingsPanel() {
  const draft = useApp((s) => s.rfmDraft)!;
  const saved = useApp((s) => s.rfmSaved);
  const issues = useApp((s) => s.rfmIssues);
  const saving = useApp((s) => s.rfmSaving);
  const saveError = useApp((s) => s.rfmSaveError);
  const readonly = useApp((s) => s.workspace?.readonly ?? false);
  const save = useApp((s) => s.saveRfm);
  const revert = useApp((s) => s.revertRfm);
  const reset = useApp((s) => s.resetRfmToDefaults);
  const problems = useMemo(() => [...rfmProblems(draft), ...issues], [draft, issues]);
  const dirty = !sameRfm(draft, saved);

  return (
    <aside className="vp-setup" aria-label="RFM settings" data-testid="rfm-settings">
      <header className="rfm-setup-head">
        <h3>RFM settings</h3>
        {dirty ? (
          <span className="badge warning" data-testid="rfm-unsaved" title="These settings are not saved: rules and comparisons still use the saved ones.">
            Unsaved changes
          </span>
        ) : (
          <span className="badge" data-testid="rfm-saved-badge">
            <Icon name="check" size={11} /> Saved
          </span>
        )}
      </header>
      <div className="vp-setup-scroll">
        <section className="vp-setup-section" aria-labelledby="rfm-scores-title">
          <h4 id="rfm-scores-title">Scores</h4>
          <MethodChoice />
          {draft.method === 'cutoffs' ? (
            <div className="rfm-cutoff-list">
              {CUTOFF_KEYS.map((k) => (
                <CutoffRow key={k} k={k} values={draft.cutoffs[k]} problems={problemsAt(problems, `cutoffs.${k}`)} />
              ))}
            </div>
          ) : (
            <p className="hint rfm-note">
              Cut-offs at the 20, 40, 60 and 80% points of the buyers’ days since purchase, orders and revenue. The ones computed are listed under the grid.
            </p>
          )}
          <p className="hint rfm-note">
            FM is the rounded mean of the F and M scores; R 5 is the most recent buyers.
          </p>
        </section>
        <section className="vp-setup-section" aria-labelledby="rfm-groups-title">
          <RfmGroupsEditor problems={problems} />
        </section>
      </div>
      <footer className="vp-setup-foot">
        {saveError ? (
          <p className="field-error" role="alert" data-testid="rfm-save-error">
            {saveError}
          </p>
        ) : null}
        {readonly ? <p className="hint">The workspace is read-only: settings can be tried but not saved.</p> : null}
        <div className="rfm-foot-buttons">
          <button type="button" className="btn primary" onClick={() => void save()} disabled={!dirty || saving || readonly || problems.length > 0} data-testid="rfm-save">
            {saving ? <span className="spinner" /> : <Icon name="check" size={14} />} Save
          </button>
          <button type="button" className="btn" onClick={revert} disabled={!dirty || saving} data-testid="rfm-revert" title="Back to the saved settings">
            <Icon name="undo" size={14} /> Revert
          </button>
          <button type="button" className="btn ghost" onClick={reset} disabled={saving} data-testid="rfm-reset" title="The usual groups and quantile cut-offs (not saved until you save)">
            Reset to defaults
          </button>
        </div>
      </footer>
    </aside>
  );
}
