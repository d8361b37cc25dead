// Column definitions for the customers table: labels, widths, alignment and formatting for each
// of the contract's CUSTOMER_COLUMNS. Sorting happens in core (manualSorting), so these only
// describe how to show a value.
import type { ColumnDef, RowData } from '@tanstack/react-table';
import { CUSTOMER_COLUMNS, type CustomerColumn, type CustomerRow } from '../../../core/api/contract.ts';
import { formatDate, formatInt, formatMoney } from '../../lib/format.ts';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    align?: 'left' | 'right';
    mono?: boolean;
  }
}

/** One rendered row: its position in the result and its data once the block has arrived. */
export interface GridRow {
  index: number;
  row: CustomerRow | undefined;
}

interface ColumnSpec {
  label: string;
  width: number;
  align: 'left' | 'right';
  mono?: boolean;
  format: (v: unknown) => string;
}

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const date = (v: unknown) => formatDate(typeof v === 'number' ? v : null);
const int = (v: unknown) => formatInt(typeof v === 'number' ? v : null);
const money = (v: unknown) => formatMoney(typeof v === 'number' ? v : null);

export const COLUMN_SPECS: Record<CustomerColumn, ColumnSpec> = {
  customer_id: { label: 'Customer ID', width: 128, align: 'left', mono: true, format: text },
  name: { label: 'Name', width: 170, align: 'left', format: text },
  email: { label: 'Email', width: 230, align: 'left', format: text },
  country: { label: 'Country', width: 96, align: 'left', format: text },
  city: { label: 'City', width: 130, align: 'left', format: text },
  first_seen: { label: 'First seen', width: 108, align: 'right', format: date },
  last_seen: { label: 'Last seen', width: 108, align: 'right', format: date },
  events: { label: 'Events', width: 88, align: 'right', format: int },
  sessions: { label: 'Sessions', width: 100, align: 'right', format: int },
  purchases: { label: 'Purchases', width: 110, align: 'right', format: int },
  revenue: { label: 'Revenue', width: 112, align: 'right', format: money },
  last_purchase: { label: 'Last purchase', width: 128, align: 'right', format: date },
};

export const customerColumns: ColumnDef<GridRow, unknown>[] = CUSTOMER_COLUMNS.map((id) => {
  const spec = COLUMN_SPECS[id];
  return {
    id,
    accessorFn: (r: GridRow) => r.row?.[id] ?? null,
    header: spec.label,
    size: spec.width,
    meta: { align: spec.align, ...(spec.mono ? { mono: true } : {}) },
    cell: (ctx) => spec.format(ctx.getValue()),
  };
});

export const TOTAL_COLUMNS_WIDTH = CUSTOMER_COLUMNS.reduce((sum, id) => sum + COLUMN_SPECS[id].width, 0);

/** Fixed widths, the last column absorbing spare room so wide windows have no ragged edge. */
export const GRID_TEMPLATE = CUSTOMER_COLUMNS.map((id, i) => (i === CUSTOMER_COLUMNS.length - 1 ? `minmax(${COLUMN_SPECS[id].width}px, 1fr)` : `${COLUMN_SPECS[id].width}px`)).join(' ');
