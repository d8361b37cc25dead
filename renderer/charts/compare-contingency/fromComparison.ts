// The heatmap's data from a comparison: segments nobody is in (an "Other" RFM group that no
// customer falls into, "Not clustered" when every customer has their signals) are left out of the
// grid and named instead, so big segmentations keep their room for segments that exist. Pure.
import type { Comparison, SegmentInfo } from '../../../core/api/contract.ts';
import type { ContingencyData } from './buildContingencyOption.ts';

export interface VisibleContingency {
  data: Omit<ContingencyData, 'rows' | 'columns'> & { rows: SegmentInfo[]; columns: SegmentInfo[] };
  /** Segments left out because no customer is in them. */
  emptyRows: SegmentInfo[];
  emptyColumns: SegmentInfo[];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function visibleContingency(r: Pick<Comparison, 'a' | 'b' | 'contingency' | 'jaccard' | 'outcome'>): VisibleContingency {
  const rowTotals = r.a.segments.map((_, i) => sum(r.contingency[i] ?? []));
  const colTotals = r.b.segments.map((_, j) => sum(r.contingency.map((row) => row[j] ?? 0)));
  const rows = r.a.segments.map((_, i) => i).filter((i) => rowTotals[i]! > 0);
  const cols = r.b.segments.map((_, j) => j).filter((j) => colTotals[j]! > 0);
  const pick = <T>(m: ReadonlyArray<ReadonlyArray<T>>) => rows.map((i) => cols.map((j) => m[i]![j]!));
  return {
    data: {
      rows: rows.map((i) => r.a.segments[i]!),
      columns: cols.map((j) => r.b.segments[j]!),
      counts: pick(r.contingency),
      jaccard: pick(r.jaccard),
      cells: r.outcome ? pick(r.outcome.cells) : null,
    },
    emptyRows: r.a.segments.filter((_, i) => rowTotals[i] === 0),
    emptyColumns: r.b.segments.filter((_, j) => colTotals[j] === 0),
  };
}
