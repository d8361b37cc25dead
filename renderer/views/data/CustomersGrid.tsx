// The customers table: server-sorted, server-filtered, virtualised over every matching row.
//
// Layout: one scroll container holds a sticky header, a sticky "body" layer exactly one viewport
// tall, and an empty spacer that gives the scrollbar its length. Rows are drawn inside the body
// layer at `index × ROW_HEIGHT − virtualOffset` (see lib/scrollScale.ts for why the spacer is
// capped and scrolling scaled).
//
// react-virtual (count = total) observes the scroll position and decides which rows exist. It
// works in the *real* scroll space, where each row is ROW_HEIGHT / ratio tall, with the body
// height as its viewport and a padding that ends its list with the spacer, so its startIndex is
// always the first row on screen (the rangeExtractor takes one screenful plus overscan from
// there). It re-renders only when that range changes; in between, a passive scroll listener
// moves the rows layer with one transform write, so scrolling never waits for React.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { observeElementRect, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { flexRender, getCoreRowModel, useReactTable, type SortingState, type Updater } from '@tanstack/react-table';
import type { CustomerColumn } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { isFiltered } from '../../lib/customerFilter.ts';
import { useElementSize } from '../../hooks/useElementSize.ts';
import { computeScrollScale, ROW_HEIGHT, scrollTopToReveal, virtualizerPaddingEnd, virtualOffset } from '../../lib/scrollScale.ts';
import { RowsLoadError } from '../../components/RowsLoadError.tsx';
import { customerColumns, GRID_TEMPLATE, TOTAL_COLUMNS_WIDTH, type GridRow } from './columns.tsx';
import { GridEmpty, GridHeader, HEADER_HEIGHT, SkeletonRows } from './GridParts.tsx';

const OVERSCAN = 4;

export function CustomersGrid() {
  const scrollRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(scrollRef);
  const bodyHeight = Math.max(0, size.height - HEADER_HEIGHT);

  const total = useApp((s) => s.total);
  const queryVersion = useApp((s) => s.queryVersion);
  const rowsVersion = useApp((s) => s.rowsVersion);
  const rowsError = useApp((s) => s.rowsError);
  const source = useApp((s) => s.rows);
  const sort = useApp((s) => s.sort);
  const filtered = useApp((s) => isFiltered(s.filter));
  const activeIndex = useApp((s) => s.activeIndex);
  const openId = useApp((s) => s.customerId);
  const { setSort, setActiveIndex, openCustomer, requestRows, retryRows, clearFilters } = useApp.getState();

  const count = total ?? 0;
  const scale = useMemo(() => computeScrollScale(count, ROW_HEIGHT, bodyHeight), [count, bodyHeight]);
  const itemSize = ROW_HEIGHT / scale.ratio;
  const pageRows = Math.max(1, Math.floor(bodyHeight / ROW_HEIGHT));
  const visibleCount = Math.ceil(bodyHeight / ROW_HEIGHT) + 1;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: useCallback(() => itemSize, [itemSize]),
    paddingEnd: virtualizerPaddingEnd(scale),
    // Its startIndex is exact, but in compressed units a viewport holds `ratio` times too many
    // rows: take one real viewport of rows from the first one, plus overscan on both sides.
    rangeExtractor: useCallback(
      (r: Range) => {
        const out: number[] = [];
        const end = Math.min(r.count - 1, r.startIndex + visibleCount + OVERSCAN);
        for (let i = Math.max(0, r.startIndex - OVERSCAN); i <= end; i++) out.push(i);
        return out;
      },
      [visibleCount],
    ),
    // The sticky header covers the top of the element: the rows' viewport is what is below it.
    observeElementRect: useCallback(
      (instance: Parameters<typeof observeElementRect<HTMLDivElement>>[0], cb: (rect: { width: number; height: number }) => void) =>
        observeElementRect(instance, (rect) => cb({ width: rect.width, height: Math.max(0, rect.height - HEADER_HEIGHT) })),
      [],
    ),
  });

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  // Rows sit in a layer at (index − first) × ROW_HEIGHT; the layer itself is moved here, from the
  // real scrollTop, after every render and on every scroll event.
  const rowsLayer = useRef<HTMLDivElement>(null);
  const placement = useRef({ scale, bodyHeight, first });
  placement.current = { scale, bodyHeight, first };
  const placeRows = useCallback(() => {
    const el = scrollRef.current;
    const layer = rowsLayer.current;
    if (!el || !layer) return;
    const p = placement.current;
    const y = p.first * ROW_HEIGHT - virtualOffset(el.scrollTop, p.scale, p.bodyHeight);
    layer.style.transform = `translate3d(0, ${y}px, 0)`;
  }, []);
  useLayoutEffect(placeRows);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    el.addEventListener('scroll', placeRows, { passive: true });
    return () => el.removeEventListener('scroll', placeRows);
  }, [placeRows]);

  // Ask for what is on screen; the row source fetches missing blocks (and ignores the rest).
  useEffect(() => {
    if (last >= first) requestRows(first, last);
  }, [first, last, queryVersion, requestRows]);

  // A new sort or filter starts at the top.
  useLayoutEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [queryVersion]);

  const data = useMemo<GridRow[]>(
    () => items.map((it) => ({ index: it.index, row: source.row(it.index) })),
    // rowsVersion: rows arrived for the same indexes.
    [first, last, rowsVersion, source, queryVersion],
  );

  const sorting: SortingState = sort ? [{ id: sort.column, desc: sort.direction === 'desc' }] : [];
  const table = useReactTable({
    data,
    columns: customerColumns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => String(r.index),
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    enableSortingRemoval: true,
    // Ascending first on every column: predictable, and the indicator says which way it went.
    sortDescFirst: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const s = next[0];
      setSort(s ? { column: s.id as CustomerColumn, direction: s.desc ? 'desc' : 'asc' } : null);
    },
  });

  function reveal(index: number) {
    const el = scrollRef.current;
    if (!el) return;
    const top = scrollTopToReveal(index, el.scrollTop, scale, bodyHeight, ROW_HEIGHT);
    if (top !== null) el.scrollTop = top;
  }

  function activate(index: number, open: boolean) {
    const i = Math.max(0, Math.min(count - 1, index));
    setActiveIndex(i);
    reveal(i);
    const row = source.row(i);
    if (open && row) void openCustomer(row.customer_id);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (count === 0 || e.target !== e.currentTarget) return;
    const cur = activeIndex ?? first - 1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => activate(cur + 1, false),
      ArrowUp: () => activate(Math.max(0, cur - 1), false),
      PageDown: () => activate(cur + pageRows, false),
      PageUp: () => activate(cur - pageRows, false),
      Home: () => activate(0, false),
      End: () => activate(count - 1, false),
      Enter: () => activeIndex !== null && activate(activeIndex, true),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  }

  const innerWidth = Math.max(TOTAL_COLUMNS_WIDTH, size.width);
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const loadingFirstPage = total === null;

  return (
    <div className="grid-wrap">
      <div
        ref={scrollRef}
        className="grid-scroll"
        role="grid"
        aria-label="Customers"
        aria-rowcount={count + 1}
        aria-colcount={headers.length}
        aria-busy={loadingFirstPage}
        aria-activedescendant={activeIndex !== null && activeIndex >= first && activeIndex <= last ? `cust-row-${activeIndex}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="customers-table"
        data-total={total ?? ''}
      >
        <div className="grid-inner" style={{ width: innerWidth, height: HEADER_HEIGHT + Math.max(scale.spacerHeight, bodyHeight) }}>
          <GridHeader headers={headers} />
          <div className="grid-body" style={{ top: HEADER_HEIGHT, height: bodyHeight }}>
            {loadingFirstPage ? <SkeletonRows rows={pageRows} /> : null}
            <div ref={rowsLayer} className="grid-rows">
              {table.getRowModel().rows.map((r) => {
                const { index, row } = r.original;
                const top = (index - first) * ROW_HEIGHT;
                const selected = index === activeIndex;
                const open = row !== undefined && row.customer_id === openId;
                return (
                  <div
                    key={index}
                    id={`cust-row-${index}`}
                    role="row"
                    aria-rowindex={index + 2}
                    aria-selected={selected}
                    className={`tr${index % 2 ? ' odd' : ''}${selected ? ' selected' : ''}${open ? ' open' : ''}${row ? '' : ' placeholder'}`}
                    style={{ gridTemplateColumns: GRID_TEMPLATE, transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
                    data-testid={row ? 'customers-row' : 'customers-row-placeholder'}
                    data-customer-id={row?.customer_id}
                    data-index={index}
                    onClick={() => activate(index, true)}
                  >
                    {r.getVisibleCells().map((cell) => {
                      const meta = cell.column.columnDef.meta;
                      return (
                        <div key={cell.id} role="gridcell" className={`td align-${meta?.align ?? 'left'}${meta?.mono ? ' mono' : ''}`}>
                          {row ? flexRender(cell.column.columnDef.cell, cell.getContext()) : <span className="skeleton" style={{ width: `${40 + ((index * 7 + cell.column.getIndex() * 13) % 45)}%` }} />}
                        </div>
                      );
                    })}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      </div>
      {total === 0 ? <GridEmpty filtered={filtered} onClear={clearFilters} /> : null}
      {rowsError ? <RowsLoadError what="rows" error={rowsError} onRetry={retryRows} /> : null}
    </div>
  );
}
