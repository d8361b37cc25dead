// The customers table: query (sort, filters), the matching count, the selected row, and the
// country list for the filter. The rows themselves live in a CustomerRowSource (a block cache);
// `rowsVersion` ticks whenever a block arrives so the grid re-renders.
import type { CustomerSort } from '../../core/api/contract.ts';
import { EMPTY_FILTER, toApiFilter, type FilterState } from '../lib/customerFilter.ts';
import { api } from '../api/client.ts';
import { isCancelled } from '../lib/errors.ts';
import { CustomerRowSource, type RowQuery } from './customerRows.ts';
import type { SliceCreator } from './types.ts';

export interface CustomersSlice {
  sort: CustomerSort | null;
  filter: FilterState;
  /** Bumped on every sort/filter change: the grid scrolls to the top. */
  queryVersion: number;
  /** Bumped when all filters are cleared, so inputs holding their own text can empty too. */
  filtersCleared: number;
  /** Customers matching the current query; null until the first page of it has arrived. */
  total: number | null;
  rowsVersion: number;
  rowsError: string | null;
  activeIndex: number | null;
  countries: Array<{ country: string; customers: number }>;
  rows: CustomerRowSource;
  setSort(sort: CustomerSort | null): void;
  setFilter(patch: Partial<FilterState>): void;
  clearFilters(): void;
  requestRows(start: number, end: number): void;
  retryRows(): void;
  setActiveIndex(index: number | null): void;
  loadCountries(): Promise<void>;
  resetCustomers(): void;
  /** Data changed (import, erasure): fetch rows and countries again, keeping sort and filters. */
  refreshCustomers(): void;
}

export const createCustomersSlice: SliceCreator<CustomersSlice> = (set, get) => {
  const rows = new CustomerRowSource(
    (offset, limit, q: RowQuery) =>
      api.send('customers-page', { offset, limit, filter: q.filter, ...(q.sort ? { sort: q.sort } : {}) }),
    {
      onRows: (total) => set((s) => ({ total, rowsVersion: s.rowsVersion + 1, rowsError: null })),
      onError: (err) => {
        if (isCancelled(err)) return;
        get().reportError(err, 'Could not load customers');
        set({ rowsError: err instanceof Error ? err.message : String(err) });
      },
    },
  );

  function requery() {
    const { sort, filter } = get();
    set((s) => ({ queryVersion: s.queryVersion + 1, total: null, activeIndex: null, rowsError: null }));
    rows.setQuery({ sort, filter: toApiFilter(filter) });
  }

  return {
    sort: null,
    filter: EMPTY_FILTER,
    queryVersion: 0,
    filtersCleared: 0,
    total: null,
    rowsVersion: 0,
    rowsError: null,
    activeIndex: null,
    countries: [],
    rows,

    setSort(sort) {
      set({ sort });
      requery();
    },
    setFilter(patch) {
      const prev = get().filter;
      const next = { ...prev, ...patch };
      set({ filter: next });
      // Typing a trailing space or "0" purchases does not change the question asked.
      if (JSON.stringify(toApiFilter(prev)) !== JSON.stringify(toApiFilter(next))) requery();
    },
    clearFilters() {
      set((s) => ({ filter: EMPTY_FILTER, filtersCleared: s.filtersCleared + 1 }));
      requery();
    },
    requestRows: (start, end) => rows.request(start, end),
    retryRows() {
      set({ rowsError: null });
      rows.retry();
    },
    setActiveIndex: (activeIndex) => set({ activeIndex }),

    async loadCountries() {
      try {
        const countries = await api.send('customers-countries', {});
        set({ countries });
      } catch (err) {
        get().reportError(err, 'Could not load the country list');
      }
    },

    refreshCustomers() {
      if (get().workspace === null) return;
      requery();
      void get().loadCountries();
    },

    resetCustomers() {
      set({ sort: null, filter: EMPTY_FILTER, countries: [] });
      if (get().workspace === null) {
        rows.clear();
        set((s) => ({ queryVersion: s.queryVersion + 1, total: null, activeIndex: null, rowsError: null }));
        return;
      }
      requery();
    },
  };
};
