// The workspace's economics settings: the gross margin as a share of what customers paid, or a
// column of the purchase rows holding the cost or the margin of each order; what one support
// contact costs; after how many days a one-order buyer counts as churned. Saving runs the table
// again with them.
import { useEffect, useState } from 'react';
import type { EconomicsSettings, MarginColumn } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatInt } from '../../lib/format.ts';
import { marginColumnText } from './economicsText.ts';

interface Draft {
  marginPct: string;
  column: string;
  meaning: MarginColumn['meaning'];
  supportCost: string;
  churnDays: string;
}

const toDraft = (s: EconomicsSettings): Draft => ({
  marginPct: String(Math.round(s.margin * 1000) / 10),
  column: s.marginColumn?.key ?? '',
  meaning: s.marginColumn?.meaning ?? 'cost',
  supportCost: String(s.supportContactCost),
  churnDays: String(s.churnAfterDays),
});

type Problems = Partial<Record<'margin' | 'supportContactCost' | 'churnAfterDays', string>>;

/** The settings the draft stands for, or what is wrong with it. */
export function settingsFromDraft(d: Draft): { settings: EconomicsSettings | null; problems: Problems } {
  const problems: Problems = {};
  const num = (t: string) => (t.trim() === '' ? NaN : Number(t));
  const margin = num(d.marginPct);
  if (!Number.isFinite(margin) || margin < 0 || margin > 100) problems.margin = 'A share from 0 to 100 %.';
  const cost = num(d.supportCost);
  if (!Number.isFinite(cost) || cost < 0 || cost > 10_000) problems.supportContactCost = 'An amount from 0 to 10,000.';
  const days = num(d.churnDays);
  if (!Number.isInteger(days) || days < 1 || days > 730) problems.churnAfterDays = 'Whole days from 1 to 730.';
  if (Object.keys(problems).length) return { settings: null, problems };
  return {
    settings: {
      margin: Math.round(margin * 10) / 1000,
      marginColumn: d.column ? { key: d.column, meaning: d.meaning } : null,
      supportContactCost: cost,
      churnAfterDays: days,
    },
    problems,
  };
}

function Issue({ field, local }: { field: string; local?: string }) {
  const remote = useApp((s) => s.economicsSettingsError?.issues.filter((i) => i.field === field).map((i) => i.message).join('; '));
  const text = local ?? remote;
  if (!text) return null;
  return (
    <span className="field-error" role="alert" data-testid={`economics-settings-issue-${field}`}>
      {text}
    </span>
  );
}

export function SettingsDialog({ settings, onClose }: { settings: EconomicsSettings; onClose: () => void }) {
  const columns = useApp((s) => s.economicsMarginColumns);
  const columnsError = useApp((s) => s.economicsMarginColumnsError);
  const loadColumns = useApp((s) => s.loadEconomicsMarginColumns);
  const save = useApp((s) => s.saveEconomicsSettings);
  const saving = useApp((s) => s.economicsSettingsSaving);
  const error = useApp((s) => s.economicsSettingsError);
  const clearError = useApp((s) => s.clearEconomicsSettingsError);
  const table = useApp((s) => s.economicsTable);
  const readonly = useApp((s) => s.workspace?.readonly ?? false);
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [tried, setTried] = useState(false);

  useEffect(() => {
    clearError();
    void loadColumns();
  }, [clearError, loadColumns]);

  const { settings: next, problems } = settingsFromDraft(draft);
  const shown = tried ? problems : {};
  const edit = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const offered = columns ?? [];
  const missing = draft.column && !offered.some((c) => c.key === draft.column) ? [{ key: draft.column, rows: 0 }] : [];
  const used = table ? marginColumnText(table) : null;

  async function submit() {
    setTried(true);
    if (!next) return;
    if (await save(next)) onClose();
  }

  return (
    <Dialog
      title="Economics settings"
      onCancel={saving ? undefined : onClose}
      testId="economics-settings-dialog"
      className="ec-settings-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={saving}>
            Cancel
          </button>
          <button type="button" className="btn primary" onClick={() => void submit()} disabled={saving || readonly} title={readonly ? 'The workspace is read-only' : undefined} data-testid="economics-settings-save">
            {saving ? <span className="spinner" /> : <Icon name="check" size={14} />} Save and recompute
          </button>
        </>
      }
    >
      <form
        className="ec-settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor="ec-margin">Gross margin (% of what customers paid)</label>
          <div className="ec-unit-input">
            <input id="ec-margin" className="input num" type="number" min={0} max={100} step={0.5} value={draft.marginPct} onChange={(e) => edit({ marginPct: e.target.value })} data-testid="economics-settings-margin" />
            <span className="muted">%</span>
          </div>
          <span className="hint">Used for every order without a number in the margin column below.</span>
          <Issue field="margin" {...(shown.margin ? { local: shown.margin } : {})} />
        </div>
        <div className="field">
          <label htmlFor="ec-margin-column">Margin column (optional)</label>
          <select id="ec-margin-column" className="select" value={draft.column} onChange={(e) => edit({ column: e.target.value })} data-testid="economics-settings-column">
            <option value="">None — use the margin share</option>
            {[...offered, ...missing].map((c) => (
              <option key={c.key} value={c.key}>
                {c.rows ? `${c.key} (${formatInt(c.rows)} purchase rows)` : c.key}
              </option>
            ))}
          </select>
          {columns !== null && columns.length === 0 ? <span className="hint">The purchase rows carry no numeric extra column: import orders with a cost or margin column to use one.</span> : null}
          {columnsError ? <span className="field-error">{columnsError}</span> : null}
          {draft.column ? (
            <div className="ec-meaning" role="radiogroup" aria-label="What the column holds">
              <label>
                <input type="radio" name="ec-meaning" checked={draft.meaning === 'cost'} onChange={() => edit({ meaning: 'cost' })} data-testid="economics-settings-meaning-cost" /> Cost of goods (margin = paid − cost)
              </label>
              <label>
                <input type="radio" name="ec-meaning" checked={draft.meaning === 'margin'} onChange={() => edit({ meaning: 'margin' })} data-testid="economics-settings-meaning-margin" /> The margin itself
              </label>
            </div>
          ) : null}
          {used ? (
            <span className="hint" data-testid="economics-settings-column-used">
              In the table on screen: {used}
            </span>
          ) : null}
          <Issue field="marginColumn" />
        </div>
        <div className="vp-setup-grid">
          <div className="field">
            <label htmlFor="ec-support-cost">Cost of one support contact</label>
            <input id="ec-support-cost" className="input num" type="number" min={0} step={0.5} value={draft.supportCost} onChange={(e) => edit({ supportCost: e.target.value })} data-testid="economics-settings-support" />
            <Issue field="supportContactCost" {...(shown.supportContactCost ? { local: shown.supportContactCost } : {})} />
          </div>
          <div className="field">
            <label htmlFor="ec-churn-days">Churned after (days)</label>
            <input id="ec-churn-days" className="input num" type="number" min={1} max={730} step={1} value={draft.churnDays} onChange={(e) => edit({ churnDays: e.target.value })} data-testid="economics-settings-churn" />
            <Issue field="churnAfterDays" {...(shown.churnAfterDays ? { local: shown.churnAfterDays } : {})} />
          </div>
        </div>
        <p className="hint ec-settings-note">A buyer whose only order is at least this many days old counts as churned after the first purchase.</p>
        {error && error.issues.length === 0 ? (
          <div className="sig-alert error" role="alert" data-testid="economics-settings-error">
            <Icon name="alert" size={16} />
            <p>{error.message}</p>
          </div>
        ) : null}
        {/* Enter in a field saves. */}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
