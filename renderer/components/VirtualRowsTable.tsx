// A long, server-paged list of customers as a grid: a sticky header row over fixed-height rows,
// of which only those on screen exist (react-virtual), fetched a block at a time from a row
// source (lib/blockRowSource.ts). A row still loading shows a skeleton; a loaded one opens on
// click, Enter or Space. Lists longer than MAX_ROWS stop there (the browser's height limit) and
// say so; blocks that failed offer Retry. The Data view's customers grid scales its scrolling past
// that limit instead, so it has its own implementation. Styles: styles/virtual-rows-table.css.
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatInt } from '../lib/format.ts';
import { RowsLoadError } from './RowsLoadError.tsx';

const ROW_PX = 28;
/** 500,000 × 28 px = 14M px, under every browser's element height limit. */
const MAX_ROWS = 500_000;

type DataAttributes = { [name: `data-${string}`]: string | number | undefined };

/** What a loaded row adds to its element: a tooltip, the selected look, data attributes for tests. */
export type RowAttributes = DataAttributes & { title?: string; selected?: boolean };

/** A slice's paged rows, as the table needs them (select them with useShallow). */
export interface PagedRows<Row> {
  /** The rows fetched so far: undefined while a row's block is loading. */
  source: { row(index: number): Row | undefined };
  /** How many rows the query has; null until the first answer. */
  total: number | null;
  /** Bumped when rows arrive. */
  rowsVersion: number;
  /** Bumped by a new query: the list starts at the top again. */
  queryVersion: number;
  /** Asks for the rows from first to last (inclusive) on screen. */
  request(first: number, last: number): void;
  /** Why some blocks could not be fetched; null when none failed. */
  error: string | null;
  /** Fetches the failed blocks again. */
  retry(): void;
}

export interface VirtualRowsTableProps<Row> {
  rows: PagedRows<Row>;
  /** The header and every row are CSS grids with these columns. */
  columns: string;
  /** A fixed width in px (wide tables scroll sideways), or a minimum one; neither fills the box. */
  width?: number;
  minWidth?: number;
  /** Keep the first column (the customer id) in view while the table scrolls sideways. */
  stickyFirstColumn?: boolean;
  header: ReactNode;
  cells(row: Row): ReactNode;
  rowAttributes?(row: Row): RowAttributes;
  onOpen(row: Row): void;
  /** Shown over the empty table when the query has no rows. */
  empty: ReactNode;
  /** "members", "customers": in the message when rows could not be loaded. */
  rowsName: string;
  /** The scroll box's own class (its height), its accessible name and test ids. */
  className: string;
  label: string;
  busy?: boolean;
  testId: string;
  rowTestId: string;
  placeholderTestId: string;
  /** More data attributes on the scroll box. */
  data?: DataAttributes;
}

export function VirtualRowsTable<Row>(p: VirtualRowsTableProps<Row>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { source, total, request, rowsVersion, queryVersion, error, retry } = p.rows;
  const count = Math.min(total ?? 0, MAX_ROWS);

  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_PX, overscan: 8, paddingStart: ROW_PX });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (last >= first) request(first, last);
  }, [first, last, rowsVersion, request]);
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [queryVersion]);

  const grid: CSSProperties = { gridTemplateColumns: p.columns, width: p.width, minWidth: p.minWidth };
  return (
    <>
      <div
        ref={scrollRef}
        className={`rows-table${p.stickyFirstColumn ? ' sticky-first' : ''} ${p.className}`}
        role="grid"
        aria-label={p.label}
        aria-rowcount={count + 1}
        aria-busy={p.busy}
        data-testid={p.testId}
        data-total={total ?? ''}
        {...p.data}
      >
        <div style={{ height: virtualizer.getTotalSize(), width: p.width, position: 'relative' }}>
          <div className="rows-table-head" role="row" style={grid}>
            {p.header}
          </div>
          {items.map((it) => {
            const row = source.row(it.index);
            const { selected, ...attributes } = row ? (p.rowAttributes?.(row) ?? {}) : {};
            return (
              <div
                key={it.index}
                role="row"
                className={`rows-table-row${it.index % 2 ? ' odd' : ''}${selected ? ' selected' : ''}${row ? '' : ' placeholder'}`}
                style={{ ...grid, transform: `translateY(${it.start}px)` }}
                tabIndex={row ? 0 : -1}
                onClick={() => row && p.onOpen(row)}
                onKeyDown={(e) => {
                  if ((e.key === 'Enter' || e.key === ' ') && row) {
                    e.preventDefault();
                    p.onOpen(row);
                  }
                }}
                data-testid={row ? p.rowTestId : p.placeholderTestId}
                {...attributes}
              >
                {row ? (
                  p.cells(row)
                ) : (
                  <div role="gridcell" className="rows-table-skeleton">
                    <span className="skeleton" style={{ width: `${40 + ((it.index * 13) % 40)}%` }} />
                  </div>
                )}
              </div>
            );
          })}
        </div>
        {total === 0 ? p.empty : null}
      </div>
      {total !== null && total > MAX_ROWS ? (
        <p className="faint rows-table-cap">
          Showing the first {formatInt(MAX_ROWS)} of {formatInt(total)}.
        </p>
      ) : null}
      {error ? <RowsLoadError what={p.rowsName} error={error} onRetry={retry} /> : null}
    </>
  );
}
