// The customers who changed segment between the two dates on screen, optionally one flow (from a
// segment, to a segment, or both: chosen here or by clicking the Sankey or the matrix). Each row has
// the three signals that changed most, in standard deviations. Paged and virtualised; the first
// page makes core compute both dates' signals, so it shows progress and can be cancelled. A click
// opens the customer's timeline. The list exports as CSV through the save dialog.
import type { CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Mover, SegmentationRef, SignalChange } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { DecisionBadge } from '../../components/DecisionBadge.tsx';
import { Icon } from '../../components/Icon.tsx';
import { VirtualRowsTable } from '../../components/VirtualRowsTable.tsx';
import { formatInt } from '../../lib/format.ts';
import { InlineJob } from '../signals/InlineJob.tsx';
import { SaveFileStatus } from '../files/SaveFileExport.tsx';
import { formatSignalValue } from '../clusters/display.ts';
import { filterText, formatChange, NO_FILTER, segmentName, type FlowFilter } from './migrationText.ts';
import { useMigrationColours } from './useMigrationColours.ts';

// From and To leave room for a segment's decision badge beside its name.
const GRID = 'minmax(90px, 0.4fr) minmax(150px, 1.4fr) minmax(150px, 1.4fr) repeat(3, minmax(180px, 1.3fr))';

function SegmentTag({ segmentation, segmentKey, name, colour }: { segmentation: SegmentationRef; segmentKey: string; name: string; colour: string | undefined }) {
  return (
    <span className="mg-tag" title={name}>
      <span className="vp-dot" style={{ background: colour ?? 'var(--text-faint)' }} aria-hidden="true" />
      <span className="mg-tag-name">{name}</span>
      <DecisionBadge segmentation={segmentation} segmentKey={segmentKey} compact className="after-text" />
    </span>
  );
}

function changeTitle(c: SignalChange): string {
  return `${c.label}: ${formatSignalValue(c.before, c.unit)} → ${formatSignalValue(c.after, c.unit)} (${formatChange(c.change)}, in standard deviations at the earlier date)`;
}

function ChangeCell({ change }: { change: SignalChange | undefined }) {
  if (!change) return <div role="gridcell" className="faint" />;
  return (
    <div role="gridcell" className="mg-change" title={changeTitle(change)}>
      <span className="mg-change-label">{change.label}</span>
      <span className="mg-change-values num">
        {formatSignalValue(change.before, change.unit)} → {formatSignalValue(change.after, change.unit)}
      </span>
      <span className={`mg-change-sd num ${change.change > 0 ? 'up' : 'down'}`}>{formatChange(change.change)}</span>
    </div>
  );
}

function MoversTable() {
  const r = useApp((s) => s.migrationResult);
  const open = useApp((s) => s.openMigrationCustomer);
  const { colours } = useMigrationColours(r);
  const rows = useApp(
    useShallow((s) => ({
      source: s.migrationMoverRows,
      total: s.migrationMoversTotal,
      rowsVersion: s.migrationMoversVersion,
      queryVersion: s.migrationMoversQueryVersion,
      request: s.requestMigrationMovers,
      error: s.migrationMoversError,
      retry: s.retryMigrationMovers,
    })),
  );
  if (!r) return null;
  const segments = r.segments;
  // The box fits a short list (header + rows), up to its full height.
  const fit = { '--mg-rows': Math.max(3, Math.min(rows.total ?? 0, 12)) } as CSSProperties;
  const colourOf = (key: string) => colours[segments.findIndex((s) => s.key === key)];
  return (
    <div className="mg-movers-fit" style={fit}>
      <VirtualRowsTable<Mover>
        rows={rows}
        columns={GRID}
        minWidth={950}
        stickyFirstColumn
        header={
          <>
            <div role="columnheader">Customer</div>
            <div role="columnheader">From</div>
            <div role="columnheader">To</div>
            <div role="columnheader" title="The signal that changed most between the dates, in standard deviations of the signal at the earlier date">
              Largest change
            </div>
            <div role="columnheader">Second</div>
            <div role="columnheader">Third</div>
          </>
        }
        cells={(m) => (
          <>
            <div role="gridcell" className="mono mg-mover-id">
              {m.customerId}
            </div>
            <div role="gridcell">
              <SegmentTag segmentation={r.ref} segmentKey={m.from} name={segmentName(segments, m.from)} colour={colourOf(m.from)} />
            </div>
            <div role="gridcell">
              <SegmentTag segmentation={r.ref} segmentKey={m.to} name={segmentName(segments, m.to)} colour={colourOf(m.to)} />
            </div>
            <ChangeCell change={m.changes[0]} />
            <ChangeCell change={m.changes[1]} />
            <ChangeCell change={m.changes[2]} />
          </>
        )}
        rowAttributes={(m) => ({ title: `Open ${m.customerId}'s timeline`, 'data-customer-id': m.customerId, 'data-from': m.from, 'data-to': m.to })}
        onOpen={(m) => open(m.customerId)}
        empty={<p className="muted rows-table-empty">Nobody made this move between these dates.</p>}
        rowsName="movers"
        className="mg-movers-scroll"
        label="Movers"
        testId="migration-movers-table"
        rowTestId="migration-mover-row"
        placeholderTestId="migration-mover-placeholder"
      />
    </div>
  );
}

function FilterSelect({ side, filter }: { side: 'from' | 'to'; filter: FlowFilter }) {
  const r = useApp((s) => s.migrationResult);
  const setFilter = useApp((s) => s.setMigrationFilter);
  const key = side === 'from' ? filter.fromKey : filter.toKey;
  const id = `migration-filter-${side}`;
  return (
    <label className="mg-inline-field" htmlFor={id}>
      <span className="label">{side === 'from' ? 'From' : 'To'}</span>
      <select
        id={id}
        className="select"
        value={key ?? ''}
        onChange={(e) => {
          const v = e.target.value === '' ? null : e.target.value;
          setFilter(side === 'from' ? { ...filter, fromKey: v } : { ...filter, toKey: v });
        }}
        data-testid={id}
      >
        <option value="">Any segment</option>
        {(r?.segments ?? []).map((s) => (
          <option key={s.key} value={s.key}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function ExportStatus() {
  const state = useApp((s) => s.migrationExport);
  const cancel = useApp((s) => s.cancelMigrationExport);
  const dismissReplace = useApp((s) => s.dismissMigrationReplace);
  const write = useApp((s) => s.writeMigrationMovers);
  return (
    <SaveFileStatus
      state={state}
      rowsName="movers"
      replaceWith="these movers"
      testIdPrefix="migration"
      onCancel={cancel}
      onDismissReplace={dismissReplace}
      onReplace={(path) => void write(path, true)}
    />
  );
}

function LoadState() {
  const job = useApp((s) => s.migrationMoversJob);
  const cancel = useApp((s) => s.cancelMigrationMovers);
  const cancelled = useApp((s) => s.migrationMoversCancelled);
  const retry = useApp((s) => s.retryMigrationMovers);
  if (job) {
    return (
      // Inline, without the focus a JobProgress takes: the view must not jump to the movers.
      <div className="mg-movers-job">
        <InlineJob job={job} onCancel={cancel} testIdPrefix="migration-movers" startingText="Computing both dates’ signals…" />
      </div>
    );
  }
  if (cancelled) {
    return (
      <p className="vp-note" data-testid="migration-movers-cancelled">
        <Icon name="info" size={13} />
        <span>
          Loading the movers was cancelled.{' '}
          <button type="button" className="vp-link" onClick={retry} data-testid="migration-movers-load">
            Load them
          </button>
        </span>
      </p>
    );
  }
  return null;
}

export function MoversPanel() {
  const r = useApp((s) => s.migrationResult);
  const pair = useApp((s) => s.migrationPair);
  const filter = useApp((s) => s.migrationFilter);
  const setFilter = useApp((s) => s.setMigrationFilter);
  const total = useApp((s) => s.migrationMoversTotal);
  const exportMovers = useApp((s) => s.exportMigrationMovers);
  const exporting = useApp((s) => s.migrationExport.job !== null);
  if (!r || !pair) return null;
  const filtered = filter.fromKey !== null || filter.toKey !== null;
  return (
    <section className="vp-card mg-card mg-movers" aria-labelledby="mg-movers-title" data-testid="migration-movers" data-filter-from={filter.fromKey ?? ''} data-filter-to={filter.toKey ?? ''}>
      <header className="vp-card-head">
        <h3 id="mg-movers-title">Movers</h3>
        {total !== null ? (
          <span className="badge num" data-testid="migration-movers-total" data-total={total}>
            {formatInt(total)}
          </span>
        ) : null}
        <span className="muted vp-head-note" data-testid="migration-movers-what">
          {filterText(r.segments, filter)} between {pair.from} and {pair.to}
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="btn"
          onClick={() => void exportMovers()}
          disabled={exporting || !total}
          title="Save these movers as CSV: customer, both segments, and the three signals that changed most"
          data-testid="migration-export"
        >
          <Icon name="export" size={14} /> Export CSV…
        </button>
      </header>
      <div className="mg-filter-row">
        <Icon name="filter" size={14} />
        <FilterSelect side="from" filter={filter} />
        <span className="mg-arrow" aria-hidden="true">
          →
        </span>
        <FilterSelect side="to" filter={filter} />
        {filtered ? (
          <button type="button" className="btn small" onClick={() => setFilter(NO_FILTER)} data-testid="migration-filter-clear">
            <Icon name="x" size={12} /> Every move
          </button>
        ) : null}
        <span className="faint mg-small">Customers new since {pair.from} are not movers (no earlier segment); stayers are not listed. Click a row to open the timeline.</span>
      </div>
      <LoadState />
      <MoversTable />
      <ExportStatus />
    </section>
  );
}
