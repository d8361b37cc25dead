// Segment membership over a series of dates, aligned customer by customer: every date's labels are
// laid over the customers of the latest date (customers only ever join), so a transition between
// two dates is a contingency table with one extra row for customers who were not known yet.
import type { SegmentInfo } from '../rules/types.ts';
import type { TransitionMatrix } from './types.ts';

/** Label of a customer not known at a date. */
export const NOT_YET = -1;

export interface DatedLabels {
  day: string;
  /** Customer ids of that date's frame, in frame order. */
  ids: readonly string[];
  /** Index into segments for each of those customers. */
  labels: Int32Array;
  segments: readonly SegmentInfo[];
}

export interface AlignedSeries {
  days: string[];
  /** Union of the segments over the dates, in order of first appearance (by key). */
  segments: Array<Omit<SegmentInfo, 'customers'>>;
  /** labels[d][i]: segment (index into segments) of latest-date customer i at date d, or NOT_YET. */
  labels: Int32Array[];
  /** The latest date's customers (the rows of every labels array). */
  ids: readonly string[];
}

/**
 * Builds the aligned series from the latest date backwards, so each earlier date's ids can be
 * dropped as soon as they are mapped (10^6 ids per date add up over a year of months).
 */
export class SeriesBuilder {
  private readonly index: Map<string, number>;
  private readonly segments: Array<Omit<SegmentInfo, 'customers'>> = [];
  private readonly byKey = new Map<string, number>();
  private readonly dated: Array<{ day: string; labels: Int32Array }> = [];

  constructor(private readonly latest: DatedLabels) {
    this.index = new Map(latest.ids.map((id, i) => [id, i]));
    this.add(latest);
  }

  add(s: DatedLabels): void {
    const remap = s.segments.map((seg) => {
      let j = this.byKey.get(seg.key);
      if (j === undefined) {
        j = this.segments.length;
        this.byKey.set(seg.key, j);
        this.segments.push({ key: seg.key, name: seg.name, colour: seg.colour });
      }
      return j;
    });
    const out = new Int32Array(this.latest.ids.length).fill(NOT_YET);
    s.ids.forEach((id, r) => {
      const i = this.index.get(id);
      if (i === undefined) throw new Error(`customer ${id} of ${s.day} is not a customer on ${this.latest.day}: dates must ascend`);
      out[i] = remap[s.labels[r]!]!;
    });
    this.dated.push({ day: s.day, labels: out });
  }

  build(): AlignedSeries {
    const ordered = [...this.dated].sort((a, b) => (a.day < b.day ? -1 : 1));
    return { days: ordered.map((d) => d.day), segments: this.segments, labels: ordered.map((d) => d.labels), ids: this.latest.ids };
  }
}

export function alignSeries(series: readonly DatedLabels[]): AlignedSeries {
  if (series.length === 0) throw new Error('alignSeries: no dates');
  const builder = new SeriesBuilder(series[series.length - 1]!);
  for (let d = series.length - 2; d >= 0; d--) builder.add(series[d]!);
  return builder.build();
}

/** Customers per segment at each date. */
export function sizesOverTime(a: AlignedSeries): number[][] {
  return a.labels.map((l) => {
    const sizes = new Array<number>(a.segments.length).fill(0);
    for (let i = 0; i < l.length; i++) if (l[i]! >= 0) sizes[l[i]!]!++;
    return sizes;
  });
}

export function transition(a: AlignedSeries, fromIndex: number, toIndex: number): TransitionMatrix {
  const k = a.segments.length;
  const counts = Array.from({ length: k + 1 }, () => new Array<number>(k).fill(0));
  const f = a.labels[fromIndex]!;
  const t = a.labels[toIndex]!;
  let stayed = 0;
  let moved = 0;
  let entered = 0;
  for (let i = 0; i < t.length; i++) {
    const to = t[i]!;
    if (to < 0) continue;
    const from = f[i]!;
    if (from < 0) {
      entered++;
      counts[k]![to]!++;
    } else {
      counts[from]![to]!++;
      if (from === to) stayed++;
      else moved++;
    }
  }
  return { from: a.days[fromIndex]!, to: a.days[toIndex]!, counts, stayed, moved, entered };
}
