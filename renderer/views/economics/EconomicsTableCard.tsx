// Every figure of every segment, sortable by any column, with the segment's decision and warning
// chips beside its name; a missing figure shows "—" with the reason as its tooltip. The
// all-customers row stays at the bottom whatever the order. A row click selects the segment.
import { useEffect, useRef } from 'react';
import type { EconomicsRow, EconomicsTable, SegmentEconomics } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { DecisionBadge } from '../../components/DecisionBadge.tsx';
import { ariaSort, SortButton } from '../../components/SortButton.tsx';
import { Icon } from '../../components/Icon.tsx';
import {
  COLUMN_INFO,
  columnGroups,
  NUMERIC_COLUMNS,
  nullContext,
  nullReason,
  sortEconomicsRows,
  WARNING_LABEL,
  warningText,
  type EconomicsColumn,
  type NullContext,
  type NumericColumn,
} from './economicsText.ts';

function ColumnSort({ column, label, title }: { column: EconomicsColumn; label: string; title: string }) {
  const sort = useApp((s) => s.economicsSort);
  const setSort = useApp((s) => s.sortEconomics);
  return <SortButton label={label} active={sort.column === column} desc={sort.desc} onClick={() => setSort(column)} title={title} testId={`economics-sort-${column}`} className="ec-sort" />;
}

function Cell({ column, row, ctx, axis }: { column: NumericColumn; row: SegmentEconomics; ctx: NullContext; axis: boolean }) {
  const info = COLUMN_INFO[column];
  const v = info.value(row);
  const missing = v === null || !Number.isFinite(v);
  return (
    <td className={`num right${missing ? ' faint' : ''}${axis ? ' ec-axis-col' : ''}`} title={missing ? nullReason(column, row, ctx) : undefined} data-col={column}>
      {info.format(missing ? null : v)}
    </td>
  );
}

function WarningChips({ row, t }: { row: EconomicsRow; t: EconomicsTable }) {
  if (row.warnings.length === 0) return null;
  return (
    <span className="ec-chips">
      {row.warnings.map((w) => (
        <span key={w} className="ec-warn-chip" title={warningText(w, row, t.all, t.settings)} data-testid="economics-warning" data-warning={w}>
          <Icon name="alert" size={10} /> {WARNING_LABEL[w]}
        </span>
      ))}
    </span>
  );
}

/** The column the chart's likelihood axis shows. */
function axisColumn(t: EconomicsTable): NumericColumn | null {
  if (t.likelihoodSource === 'observed') return 'conversion';
  if (t.likelihoodSource === 'predicted') return 'predictedConversion';
  return null;
}

export function EconomicsTableCard() {
  const t = useApp((s) => s.economicsTable)!;
  const sort = useApp((s) => s.economicsSort);
  const selected = useApp((s) => s.economicsSelected);
  const select = useApp((s) => s.selectEconomicsSegment);
  const rows = sortEconomicsRows(t.segments, sort);
  const ctx = nullContext(t);
  const axis = axisColumn(t);
  const body = useRef<HTMLTableSectionElement>(null);

  // A bubble clicked in the chart: bring its row into view (up and down only; the table's own
  // sideways scroll stays where the analyst left it).
  useEffect(() => {
    if (selected === null) return;
    const row = body.current?.querySelector<HTMLElement>(`tr[data-key="${CSS.escape(selected)}"]`);
    const scroller = row?.closest<HTMLElement>('.ec-main');
    if (!row || !scroller) return;
    const r = row.getBoundingClientRect();
    const v = scroller.getBoundingClientRect();
    if (r.bottom > v.bottom) scroller.scrollBy({ top: r.bottom - v.bottom + 8 });
    else if (r.top < v.top) scroller.scrollBy({ top: r.top - v.top - 8 });
  }, [selected]);

  return (
    <section className="vp-card ec-card" aria-labelledby="ec-table-title" data-testid="economics-table-card">
      <header className="vp-card-head">
        <h3 id="ec-table-title">Economics per segment</h3>
        <span className="muted vp-head-note">
          before {t.asOf}; per customer = over all the segment’s customers; conversion in the {t.outcomeDays} days after
        </span>
      </header>
      <div className="ec-table-scroll">
        <table className="vp-table ec-table" data-testid="economics-table">
          <thead>
            <tr className="ec-group-row">
              <th scope="colgroup" className="ec-sticky" />
              {columnGroups().map(([group, span]) => (
                <th key={group} scope="colgroup" colSpan={span}>
                  {group}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col" className="ec-sticky" aria-sort={ariaSort(sort.column === 'segment', sort.desc)}>
                <ColumnSort column="segment" label="Segment" title="In the segmentation’s own order" />
              </th>
              {NUMERIC_COLUMNS.map((c) => (
                <th key={c} scope="col" className={`right${c === axis ? ' ec-axis-col' : ''}`} aria-sort={ariaSort(sort.column === c, sort.desc)}>
                  <ColumnSort column={c} label={COLUMN_INFO[c].label} title={`${COLUMN_INFO[c].title}${c === axis ? ' — the chart’s likelihood axis' : ''}`} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={body}>
            {rows.map((row) => (
              <tr
                key={row.key}
                className={row.key === selected ? 'selected' : undefined}
                tabIndex={0}
                onClick={() => select(row.key)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    select(row.key);
                  }
                }}
                aria-selected={row.key === selected}
                data-testid="economics-row"
                data-key={row.key}
                data-name={row.name}
                data-customers={row.customers}
                data-net={row.netValuePerCustomer}
                data-decision={row.decision?.decision ?? ''}
                data-warnings={row.warnings.join(' ')}
              >
                <th scope="row" className="ec-sticky ec-seg-cell">
                  <span className="ec-seg-line">
                    <span className="ec-seg-name" title={row.name}>
                      {row.name}
                    </span>
                    <DecisionBadge segmentation={t.ref} segmentKey={row.key} compact />
                  </span>
                  <WarningChips row={row} t={t} />
                </th>
                {NUMERIC_COLUMNS.map((c) => (
                  <Cell key={c} column={c} row={row} ctx={ctx} axis={c === axis} />
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="economics-all-row" data-customers={t.all.customers} data-net={t.all.netValuePerCustomer}>
              <th scope="row" className="ec-sticky">
                All customers
              </th>
              {NUMERIC_COLUMNS.map((c) => (
                <Cell key={c} column={c} row={t.all} ctx={ctx} axis={c === axis} />
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
