// Every scored customer: repeat purchases, recency and age (in the model's time unit), P(alive),
// P(churned) = 1 − P(alive), expected purchases over the horizon, CLV and the holdout's actual
// purchases. Virtualised and paged through predict-customers; sorted by the API's sort keys;
// a customer id finds one customer. A row opens the customer's timeline.
import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CustomerPrediction } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatInt, formatMoney } from '../../lib/format.ts';
import type { PredictSort } from './predictRows.ts';
import { formatCount, formatProb } from './display.ts';

const ROW_PX = 28;
const MAX_ROWS = 500_000;

interface Column {
  id: string;
  label: string;
  title: string;
  px: number;
  sort?: PredictSort;
  cell(r: CustomerPrediction): string;
}

function columns(unit: 'day' | 'week', horizonDays: number, holdout: boolean, clv: boolean): Column[] {
  const u = unit === 'week' ? 'wk' : 'd';
  const cols: Column[] = [
    { id: 'customer', label: 'Customer', title: 'Customer id (sorts A–Z)', px: 150, sort: 'customer', cell: (r) => r.customerId },
    { id: 'x', label: 'Repeat', title: 'Repeat purchases in the calibration period (x)', px: 74, cell: (r) => formatInt(r.x) },
    { id: 'tx', label: `Last (${u})`, title: `Time of the last purchase after the first, in ${unit}s (recency, tₓ)`, px: 86, cell: (r) => formatCount(r.tx, 1) },
    { id: 'T', label: `Age (${u})`, title: `Time from the first purchase to the calibration end, in ${unit}s (T)`, px: 80, cell: (r) => formatCount(r.T, 1) },
    { id: 'p-alive', label: 'P(alive)', title: 'Probability the customer is still active at the calibration end', px: 92, sort: 'p-alive', cell: (r) => formatProb(r.pAlive) },
    { id: 'p-churned', label: 'P(churned)', title: '1 − P(alive): probability the customer has left', px: 104, cell: (r) => formatProb(Number.isFinite(r.pAlive) ? 1 - r.pAlive : NaN) },
    { id: 'expected', label: `Exp. ${horizonDays} d`, title: `Expected purchases in the ${horizonDays} days after the calibration end`, px: 108, sort: 'expected', cell: (r) => formatCount(r.expectedPurchases, 2) },
  ];
  if (clv) cols.push({ id: 'clv', label: 'CLV', title: 'Predicted lifetime value (margin, discounted)', px: 100, sort: 'clv', cell: (r) => formatMoney(r.clv) });
  if (holdout) cols.push({ id: 'actual', label: 'Actual', title: 'Purchases the customer actually made in the holdout', px: 72, cell: (r) => (r.actual === null ? '—' : formatInt(r.actual)) });
  return cols;
}

const SORT_TEXT: Record<PredictSort, string> = { expected: 'most expected purchases first', 'p-alive': 'most likely alive first', clv: 'highest CLV first', customer: 'by customer id' };

function SearchCustomer() {
  const search = useApp((s) => s.predictSearch);
  const find = useApp((s) => s.searchPredictCustomer);
  const [text, setText] = useState(search ?? '');
  useEffect(() => setText(search ?? ''), [search]);
  return (
    <form
      className="pr-find"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        find(text);
      }}
    >
      <input className="input" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Customer id…" aria-label="Find a customer by id" data-testid="predict-search" />
      <button type="submit" className="btn small" data-testid="predict-search-go">
        <Icon name="search" size={12} /> Find
      </button>
      {search ? (
        <button type="button" className="btn small" onClick={() => find(null)} data-testid="predict-search-clear">
          <Icon name="x" size={12} /> All customers
        </button>
      ) : null}
    </form>
  );
}

export function CustomersPanel() {
  const r = useApp((s) => s.predictResult);
  const sort = useApp((s) => s.predictSort);
  const search = useApp((s) => s.predictSearch);
  const total = useApp((s) => s.predictRowsTotal);
  const version = useApp((s) => s.predictRowsVersion);
  const queryVersion = useApp((s) => s.predictQueryVersion);
  const source = useApp((s) => s.predictRows);
  const error = useApp((s) => s.predictRowsError);
  const request = useApp((s) => s.requestPredictRows);
  const retry = useApp((s) => s.retryPredictRows);
  const setSort = useApp((s) => s.setPredictSort);
  const open = useApp((s) => s.openPredictCustomerTimeline);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = Math.min(total ?? 0, MAX_ROWS);

  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_PX, overscan: 8, paddingStart: ROW_PX });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (last >= first) request(first, last);
  }, [first, last, version, request]);
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [queryVersion]);

  if (!r) return null;
  const cols = columns(r.timeUnit, r.horizonDays, r.backtest !== null, r.clv !== null);
  const template = cols.map((c) => `${c.px}px`).join(' ');
  const width = cols.reduce((s, c) => s + c.px, 0);
  const countText =
    total === null ? '' : search ? (total === 0 ? `No customer “${search}” among the scored customers` : `Customer “${search}”`) : `${formatInt(total)} customers, ${SORT_TEXT[sort]}`;

  return (
    <section className="vp-card pr-card" aria-labelledby="pr-customers-title" data-testid="predict-customers">
      <header className="vp-card-head pr-card-head">
        <h3 id="pr-customers-title">Customers</h3>
        <span className="muted num" data-testid="predict-rows-count">
          {countText}
        </span>
        <span className="spacer" />
        <SearchCustomer />
      </header>
      <div ref={scrollRef} className="pr-table-scroll" role="grid" aria-label="Scored customers" aria-rowcount={count + 1} data-testid="predict-table" data-total={total ?? ''} data-sort={sort}>
        <div style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
          <div className="pr-t-head" role="row" style={{ gridTemplateColumns: template, width }}>
            {cols.map((c) =>
              c.sort ? (
                <button
                  key={c.id}
                  type="button"
                  role="columnheader"
                  className={`pr-sort${c.id === 'customer' ? '' : ' right'}${sort === c.sort && !search ? ' active' : ''}`}
                  aria-sort={sort === c.sort && !search ? (c.sort === 'customer' ? 'ascending' : 'descending') : 'none'}
                  title={`${c.title}. Click to sort.`}
                  onClick={() => setSort(c.sort!)}
                  data-testid={`predict-sort-${c.sort}`}
                >
                  {c.label}
                  {sort === c.sort && !search ? <Icon name={c.sort === 'customer' ? 'arrow-up' : 'arrow-down'} size={11} /> : null}
                </button>
              ) : (
                <div key={c.id} role="columnheader" className={c.id === 'customer' ? '' : 'right'} title={c.title}>
                  {c.label}
                </div>
              ),
            )}
          </div>
          {items.map((it) => {
            const row = source.row(it.index);
            return (
              <div
                key={it.index}
                role="row"
                className={`pr-t-row${it.index % 2 ? ' odd' : ''}${row ? '' : ' placeholder'}`}
                style={{ gridTemplateColumns: template, width, transform: `translateY(${it.start}px)` }}
                tabIndex={row ? 0 : -1}
                title={row ? `Open ${row.customerId}’s timeline` : undefined}
                onClick={() => row && open(row.customerId)}
                onKeyDown={(e) => {
                  if ((e.key === 'Enter' || e.key === ' ') && row) {
                    e.preventDefault();
                    open(row.customerId);
                  }
                }}
                data-testid={row ? 'predict-row' : 'predict-row-placeholder'}
                data-customer-id={row?.customerId}
                data-expected={row?.expectedPurchases}
                data-p-alive={row?.pAlive}
              >
                {row ? (
                  cols.map((c) => (
                    <div key={c.id} role="gridcell" className={c.id === 'customer' ? 'mono' : 'num right'} data-col={c.id}>
                      {c.cell(row)}
                    </div>
                  ))
                ) : (
                  <div role="gridcell" className="pr-t-skeleton">
                    <span className="skeleton" style={{ width: `${40 + ((it.index * 13) % 40)}%` }} />
                  </div>
                )}
              </div>
            );
          })}
        </div>
        {total === 0 ? (
          <p className="muted pr-t-empty" data-testid="predict-search-none">
            {search ? `No scored customer has the id “${search}”. Ids must match exactly; customers without a purchase by ${r.calibrationEnd} are not scored.` : 'No customers.'}
          </p>
        ) : null}
      </div>
      {error ? (
        <div className="grid-error" role="alert">
          <Icon name="alert" size={14} /> Some customers could not be loaded: {error}
          <button type="button" className="btn small" onClick={retry}>
            Retry
          </button>
        </div>
      ) : null}
    </section>
  );
}
