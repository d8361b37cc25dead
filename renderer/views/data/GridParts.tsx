// The customers grid's static parts: the sortable header row, the loading skeleton, and the
// empty states. CustomersGrid owns scrolling and data; these only draw.
import { flexRender, type Header } from '@tanstack/react-table';
import { Icon } from '../../components/Icon.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ROW_HEIGHT } from '../../lib/scrollScale.ts';
import { customerColumns, GRID_TEMPLATE, type GridRow } from './columns.tsx';

export const HEADER_HEIGHT = 32;

const SORT_TITLES = {
  asc: 'Sorted ascending — click for descending',
  desc: 'Sorted descending — click to remove sorting',
  none: 'Click to sort ascending',
} as const;

export function GridHeader({ headers }: { headers: Array<Header<GridRow, unknown>> }) {
  return (
    <div className="grid-header" role="row" aria-rowindex={1} style={{ gridTemplateColumns: GRID_TEMPLATE, height: HEADER_HEIGHT }}>
      {headers.map((h) => {
        const dir = h.column.getIsSorted() || 'none';
        const align = h.column.columnDef.meta?.align ?? 'left';
        return (
          <div
            key={h.id}
            role="columnheader"
            aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
            className={`th align-${align}${dir !== 'none' ? ' sorted' : ''}`}
            data-testid={`column-header-${h.column.id}`}
          >
            <button type="button" className="th-button" onClick={h.column.getToggleSortingHandler()} title={SORT_TITLES[dir]}>
              <span className="th-label">{flexRender(h.column.columnDef.header, h.getContext())}</span>
              <Icon name={dir === 'asc' ? 'arrow-up' : dir === 'desc' ? 'arrow-down' : 'sort-none'} size={12} className="icon th-sort" />
            </button>
          </div>
        );
      })}
    </div>
  );
}

/** Placeholder rows while the first page of a new query is on its way. */
export function SkeletonRows({ rows }: { rows: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="tr placeholder" style={{ gridTemplateColumns: GRID_TEMPLATE, transform: `translateY(${i * ROW_HEIGHT}px)`, height: ROW_HEIGHT }} aria-hidden="true">
          {customerColumns.map((c, j) => (
            <div key={c.id} className="td">
              <span className="skeleton" style={{ width: `${35 + ((i * 11 + j * 17) % 50)}%` }} />
            </div>
          ))}
        </div>
      ))}
    </>
  );
}

export function GridEmpty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <div className="grid-empty" style={{ top: HEADER_HEIGHT }}>
      {filtered ? (
        <EmptyState
          icon="filter"
          title="No customers match these filters"
          actions={
            <button type="button" className="btn" onClick={onClear}>
              Clear filters
            </button>
          }
        />
      ) : (
        <EmptyState icon="users" title="No customers in this workspace yet">
          Import customer events to fill it, or create a sample workspace from the Workspace menu.
        </EmptyState>
      )}
    </div>
  );
}
