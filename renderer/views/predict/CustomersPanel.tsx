// Every scored customer: repeat purchases, recency and age (in the model's time unit), P(alive),
// P(churned) = 1 − P(alive), expected purchases over the horizon, CLV and the holdout's actual
// purchases. Virtualised and paged through predict-customers; sorted by the API's sort keys;
// a customer id finds one customer. A row opens the customer's timeline.
import { useEffect, useState } from 'react';
import type { CustomerPrediction } from '../../../core/api/contract.ts';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { VirtualRowsTable } from '../../components/VirtualRowsTable.tsx';
import { formatInt, formatMoney } from '../../lib/format.ts';
import type { PredictSort } from './predictRows.ts';
import { formatCount, formatProb } from './display.ts';

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
  const rows = useApp(
    useShallow((s) => ({
      source: s.predictRows,
      total: s.predictRowsTotal,
      rowsVersion: s.predictRowsVersion,
      queryVersion: s.predictQueryVersion,
      request: s.requestPredictRows,
      error: s.predictRowsError,
      retry: s.retryPredictRows,
    })),
  );
  const total = rows.total;
  const setSort = useApp((s) => s.setPredictSort);
  const open = useApp((s) => s.openPredictCustomerTimeline);

  if (!r) return null;
  const cols = columns(r.timeUnit, r.horizonDays, r.backtest !== null, r.clv !== null);
  const countText =
    total === null ? '' : search ? (total === 0 ? `No customer “${search}” among the scored customers` : `Customer “${search}”`) : `${formatInt(total)} customers, ${SORT_TEXT[sort]}`;

  return (
    <section className="vp-card" aria-labelledby="pr-customers-title" data-testid="predict-customers">
      <header className="vp-card-head">
        <h3 id="pr-customers-title">Customers</h3>
        <span className="muted num" data-testid="predict-rows-count">
          {countText}
        </span>
        <span className="spacer" />
        <SearchCustomer />
      </header>
      <VirtualRowsTable
        rows={rows}
        columns={cols.map((c) => `${c.px}px`).join(' ')}
        width={cols.reduce((sum, c) => sum + c.px, 0)}
        stickyFirstColumn
        header={cols.map((c) =>
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
        cells={(row) =>
          cols.map((c) => (
            <div key={c.id} role="gridcell" className={c.id === 'customer' ? 'mono' : 'num right'} data-col={c.id}>
              {c.cell(row)}
            </div>
          ))
        }
        rowAttributes={(row) => ({
          title: `Open ${row.customerId}’s timeline`,
          'data-customer-id': row.customerId,
          'data-expected': row.expectedPurchases,
          'data-p-alive': row.pAlive,
        })}
        onOpen={(row) => open(row.customerId)}
        empty={
          <p className="muted rows-table-empty" data-testid="predict-search-none">
            {search ? `No scored customer has the id “${search}”. Ids must match exactly; customers without a purchase by ${r.calibrationEnd} are not scored.` : 'No customers.'}
          </p>
        }
        rowsName="customers"
        className="pr-table-scroll"
        label="Scored customers"
        testId="predict-table"
        rowTestId="predict-row"
        placeholderTestId="predict-row-placeholder"
        data={{ 'data-sort': sort }}
      />
    </section>
  );
}
