// Settings for the sample generator, prefilled from the app's defaults.
import { useRef, useState } from 'react';
import { useApp } from '../../store/index.ts';
import { pickOptionsForPath } from '../../store/fileDialogSlice.ts';
import { Icon } from '../../components/Icon.tsx';
import { withWorkspaceExt } from '../../lib/paths.ts';

// The contract's limits (core validates them again; checking here gives the message at the field).
const LIMITS = { customers: [10, 5_000_000], seed: [0, 2 ** 31 - 1], months: [3, 60] } as const;

function parseIntField(value: string, [min, max]: readonly [number, number]): number | null {
  const n = Number(value.replace(/[,_\s]/g, ''));
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

// Saved between openings of the dialog so "Back to settings" and a second sample keep the values.
let remembered: { customers: string; seed: string; months: string; path: string } | null = null;

export function SampleForm() {
  const defaults = useApp((s) => s.appInfo?.sampleDefaults);
  const defaultPath = useApp((s) => s.defaultSamplePath());
  const start = useApp((s) => s.startSample);
  const close = useApp((s) => s.closeSampleDialog);
  const pick = useApp((s) => s.pickWorkspacePath);
  const first = useRef<HTMLInputElement>(null);

  const [customers, setCustomers] = useState(remembered?.customers ?? String(defaults?.customers ?? 20_000));
  const [seed, setSeed] = useState(remembered?.seed ?? String(defaults?.seed ?? 42));
  const [months, setMonths] = useState(remembered?.months ?? String(defaults?.months ?? 18));
  const [path, setPath] = useState(remembered?.path ?? defaultPath);
  const [touched, setTouched] = useState(false);

  const values = {
    customers: parseIntField(customers, LIMITS.customers),
    seed: parseIntField(seed, LIMITS.seed),
    months: parseIntField(months, LIMITS.months),
    path: path.trim(),
  };
  const valid = values.customers !== null && values.seed !== null && values.months !== null && values.path !== '';

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!valid) return;
    const fullPath = withWorkspaceExt(values.path);
    remembered = { customers, seed, months, path: fullPath };
    void start({ path: fullPath, customers: values.customers!, seed: values.seed!, months: values.months! });
  }

  async function browse() {
    const chosen = await pick('create', pickOptionsForPath('Save sample workspace as', path));
    if (chosen) setPath(chosen);
  }

  const err = (ok: boolean, text: string) => (touched && !ok ? <span className="field-error">{text}</span> : null);

  return (
    <form className="sample-form" onSubmit={submit} noValidate>
      <p className="muted sample-intro">
        Generates synthetic customers with browsing, email, SMS, cart, purchase, return and support events. Each customer also gets a hidden behaviour type per month — ground truth for
        evaluating segments, never used by them.
      </p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="sample-customers">Customers</label>
          <input
            ref={first}
            id="sample-customers"
            className="input num"
            inputMode="numeric"
            value={customers}
            onChange={(e) => setCustomers(e.target.value)}
            aria-invalid={touched && values.customers === null}
            data-testid="sample-customers-input"
            autoFocus
          />
          {err(values.customers !== null, 'A whole number from 10 to 5,000,000')}
        </div>
        <div className="field">
          <label htmlFor="sample-months">Months of history</label>
          <input id="sample-months" className="input num" inputMode="numeric" value={months} onChange={(e) => setMonths(e.target.value)} aria-invalid={touched && values.months === null} data-testid="sample-months-input" />
          {err(values.months !== null, 'From 3 to 60')}
        </div>
        <div className="field">
          <label htmlFor="sample-seed">Random seed</label>
          <input id="sample-seed" className="input num" inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} aria-invalid={touched && values.seed === null} data-testid="sample-seed-input" />
          {err(values.seed !== null, 'A whole number ≥ 0')}
          <span className="hint">Same seed, same data.</span>
        </div>
      </div>
      <div className="field">
        <label htmlFor="sample-path">Save as</label>
        <div className="path-row">
          <input id="sample-path" className="input mono" value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} aria-invalid={touched && values.path === ''} data-testid="sample-path-input" />
          <button type="button" className="btn" onClick={() => void browse()}>
            <Icon name="folder" size={14} /> Browse…
          </button>
        </div>
        {err(values.path !== '', 'Choose where to save the workspace')}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={close}>
          Cancel
        </button>
        <button type="submit" className="btn primary" data-testid="sample-start">
          <Icon name="sparkles" size={14} /> Create sample
        </button>
      </div>
    </form>
  );
}
