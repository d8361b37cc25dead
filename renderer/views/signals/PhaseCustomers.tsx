// The customers of one phase, highest score first, 50 per page, each with the sentence that
// explains their phase; choosing one shows the contributions beside (or below) the list.
import { useEffect, useState } from 'react';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { PHASE_LABELS, PHASES } from '../../charts/phases/palette.ts';
import { formatInt } from '../../lib/format.ts';
import { PHASE_PAGE_SIZE, scoreKey } from '../../store/signalsSlice.ts';
import { CustomerDetail } from './CustomerDetail.tsx';

function FindCustomer() {
  const show = useApp((s) => s.showCustomerScore);
  const [id, setId] = useState('');
  return (
    <form
      className="sig-find"
      onSubmit={(e) => {
        e.preventDefault();
        if (id.trim()) void show(id.trim());
      }}
    >
      <input className="input" type="search" placeholder="Customer id…" aria-label="Explain a customer by id" value={id} onChange={(e) => setId(e.target.value)} data-testid="find-customer" />
      <button type="submit" className="btn small" disabled={!id.trim()}>
        Explain
      </button>
    </form>
  );
}

export function PhaseCustomers() {
  const phase = useApp((s) => s.phaseTab);
  const setPhase = useApp((s) => s.setPhaseTab);
  const page = useApp((s) => s.phasePage);
  const loading = useApp((s) => s.phaseLoading);
  const error = useApp((s) => s.phaseError);
  const load = useApp((s) => s.loadPhasePage);
  const counts = useApp((s) => s.summary?.phaseCounts);
  const selectedId = useApp((s) => s.selectedId);
  const show = useApp((s) => s.showCustomerScore);
  const ready = useApp((s) => s.snapshotState === 'ready');
  const stale = useApp((s) => s.scoring !== null && s.phasePage !== null && s.phasePageKey !== scoreKey(s.scoring));

  useEffect(() => {
    if (ready && !page && !loading) void load(0);
    // Once when the tab opens with nothing shown; setPhaseTab and re-scores load the rest.
    // Deliberately not on page/loading: a failing load must not retry in a loop.
  }, [ready]);

  if (!ready) return <p className="muted sig-pad">Compute the signals to list the customers of each phase.</p>;
  const rows = page && page.phase === phase ? page.rows : [];
  const total = page && page.phase === phase ? page.total : null;
  const offset = page?.offset ?? 0;
  return (
    <div className="sig-customers">
      <div className="sig-customers-bar">
        <div role="tablist" aria-label="Phase" className="vp-segmented">
          {PHASES.map((p) => (
            <button
              key={p}
              type="button"
              role="tab"
              aria-selected={phase === p}
              title={counts ? `${formatInt(counts[p])} customers` : undefined}
              className={`vp-seg sig-seg phase-${p}${phase === p ? ' active' : ''}`}
              onClick={() => setPhase(p)}
              data-testid={`phase-list-tab-${p}`}
            >
              <span className="sig-swatch" aria-hidden="true" />
              {PHASE_LABELS[p]}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <FindCustomer />
      </div>
      <div className="sig-customers-split">
        <div className="sig-list">
          <div className="sig-list-scroll" aria-busy={loading}>
            <table className="data-table sig-table" data-testid="phase-table">
              <thead>
                <tr>
                  <th>Customer</th>
                  <th className="right">Score</th>
                  <th>Why</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr
                    key={r.customerId}
                    className={`sig-tr${selectedId === r.customerId ? ' selected' : ''}`}
                    tabIndex={0}
                    aria-selected={selectedId === r.customerId}
                    onClick={() => void show(r.customerId)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        void show(r.customerId);
                      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                        e.preventDefault();
                        const next = (e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling) as HTMLElement | null;
                        next?.focus();
                      }
                    }}
                    data-testid="phase-row"
                    data-customer-id={r.customerId}
                  >
                    <td className="mono sig-td-id">{r.customerId}</td>
                    <td className="num right">{r.score.toFixed(1)}</td>
                    <td title={r.explanation}>
                      <div className="sig-td-why" data-testid="phase-row-explanation">
                        {r.explanation}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {loading && rows.length === 0 ? (
              <p className="muted sig-pad" role="status">
                <span className="spinner" /> Ranking the customers…
              </p>
            ) : null}
            {!loading && total === 0 ? <p className="muted sig-pad">No customer is in {PHASE_LABELS[phase].toLowerCase()} with these settings.</p> : null}
            {error ? (
              <p className="danger-text sig-pad" role="alert">
                {error}
              </p>
            ) : null}
          </div>
          <div className="sig-pager">
            <span className="muted num" data-testid="phase-list-total">
              {total === null ? '\u00a0' : total === 0 ? '0 customers' : `${formatInt(offset + 1)}–${formatInt(offset + rows.length)} of ${formatInt(total)} customers`}
              {stale || loading ? <span className="spinner sig-pager-spin" aria-label="Updating" /> : null}
            </span>
            <span className="spacer" />
            <button
              type="button"
              className="btn small"
              disabled={loading || offset === 0}
              onClick={() => void load(Math.max(0, offset - PHASE_PAGE_SIZE))}
              aria-label="Previous page"
              data-testid="phase-prev"
            >
              <Icon name="chevron-left" size={13} /> Previous
            </button>
            <button
              type="button"
              className="btn small"
              disabled={loading || total === null || offset + PHASE_PAGE_SIZE >= total}
              onClick={() => void load(offset + PHASE_PAGE_SIZE)}
              aria-label="Next page"
              data-testid="phase-next"
            >
              Next <Icon name="chevron-right" size={13} />
            </button>
          </div>
        </div>
        <CustomerDetail />
      </div>
    </div>
  );
}
