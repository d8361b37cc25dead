// Search, country and minimum-purchases filters, and the matching customer count.
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../store/index.ts';
import { isFiltered } from '../../lib/customerFilter.ts';
import { useDebouncedCallback } from '../../hooks/useDebouncedCallback.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatInt, plural } from '../../lib/format.ts';

const TEXT_DEBOUNCE_MS = 250;

export function CustomersToolbar() {
  const filter = useApp((s) => s.filter);
  const countries = useApp((s) => s.countries);
  const total = useApp((s) => s.total);
  const allCustomers = useApp((s) => s.workspace?.customers ?? 0);
  const setFilter = useApp((s) => s.setFilter);
  const clearFilters = useApp((s) => s.clearFilters);

  // Inputs keep their own text so typing stays instant; the store gets it once typing pauses.
  const [text, setText] = useState(filter.text);
  const [minText, setMinText] = useState(filter.minPurchases === null ? '' : String(filter.minPurchases));
  const pushText = useDebouncedCallback((t: string) => setFilter({ text: t }), TEXT_DEBOUNCE_MS);
  const pushMin = useDebouncedCallback((v: string) => {
    const n = Number(v);
    setFilter({ minPurchases: v.trim() === '' || !Number.isFinite(n) || n < 0 ? null : Math.floor(n) });
  }, TEXT_DEBOUNCE_MS);

  const filtered = isFiltered(filter);

  // "Clear filters" can also come from the table's empty state: empty the inputs then too.
  const cleared = useApp((s) => s.filtersCleared);
  const seenCleared = useRef(cleared);
  useEffect(() => {
    if (cleared === seenCleared.current) return;
    seenCleared.current = cleared;
    pushText.cancel();
    pushMin.cancel();
    setText('');
    setMinText('');
  }, [cleared, pushText, pushMin]);

  return (
    <div className="toolbar" role="toolbar" aria-label="Filter customers">
      <div className="input-with-icon toolbar-search">
        <Icon name="search" size={14} />
        <input
          type="search"
          className="input"
          placeholder="Search ID, name, email, city…"
          aria-label="Search customers"
          value={text}
          maxLength={200}
          data-testid="customers-search"
          onChange={(e) => {
            setText(e.target.value);
            pushText(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') pushText.flush();
            if (e.key === 'Escape' && text) {
              e.stopPropagation();
              setText('');
              pushText('');
              pushText.flush();
            }
          }}
        />
      </div>
      <label className="toolbar-field">
        <span>Country</span>
        <select className="select" value={filter.country} onChange={(e) => setFilter({ country: e.target.value })} data-testid="customers-country">
          <option value="">All countries</option>
          {countries.map((c) => (
            <option key={c.country} value={c.country}>
              {c.country} ({formatInt(c.customers)})
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span>Min. purchases</span>
        <input
          type="number"
          min={0}
          step={1}
          className="input num toolbar-min"
          value={minText}
          placeholder="0"
          data-testid="customers-min-purchases"
          onChange={(e) => {
            setMinText(e.target.value);
            pushMin(e.target.value);
          }}
        />
      </label>
      {filtered ? (
        <button type="button" className="btn ghost small" onClick={clearFilters} data-testid="customers-clear-filters">
          <Icon name="x" size={13} /> Clear filters
        </button>
      ) : null}
      <span className="spacer" />
      <span className="toolbar-count" aria-live="polite">
        {total === null ? (
          <span className="muted">
            <span className="spinner" /> Counting…
          </span>
        ) : (
          <>
            <strong className="num" data-testid="customers-total">
              {plural(total, 'customer')}
            </strong>
            {filtered ? <span className="muted num"> of {formatInt(allCustomers)}</span> : null}
          </>
        )}
      </span>
    </div>
  );
}
