// Segment migration over time: the shapes that cross the API (re-exported by the contract). Pure.
import type { SegmentationRef, SegmentInfo } from '../rules/types.ts';

export interface TransitionMatrix {
  from: string;
  to: string;
  /** counts[i][j]: customers in segment i at `from` and segment j at `to`; the last row is customers not known at `from`. */
  counts: number[][];
  stayed: number;
  moved: number;
  /** New customers between the dates. */
  entered: number;
}

export interface DriftAgreement {
  pairs: Array<{ from: string; to: string; monthFrom: string; monthTo: string }>;
  /** Customer-date pairs judged: known at both dates, with a hidden type in both months. */
  customers: number;
  typeChanged: number;
  segmentChanged: number;
  both: number;
  /** Share of hidden-type changes that were also segment changes. */
  recall: number;
  /** Share of segment changes that were hidden-type changes. */
  precision: number;
  /** Share of customers whose type did not change who changed segment anyway. */
  falseAlarm: number;
  text: string;
}

export interface MigrationSeries {
  ref: SegmentationRef;
  label: string;
  days: string[];
  segments: Array<Omit<SegmentInfo, 'customers'>>;
  /** sizes[d][s]: customers in segment s at date d. */
  sizes: number[][];
  /** Customers known at each date. */
  customers: number[];
  /** Between every pair of dates, ordered by the earlier date, then the later. */
  transitions: TransitionMatrix[];
  /** Against the sample generator's hidden behaviour drift; null outside sample workspaces. */
  drift: DriftAgreement | null;
  computedMs: number;
}

export interface SignalChange {
  signalId: string;
  label: string;
  unit: string;
  before: number | null;
  after: number | null;
  /** (after - before) in standard deviations of the signal at the earlier date. */
  change: number;
}

export interface Mover {
  customerId: string;
  from: string;
  to: string;
  changes: SignalChange[];
}

export interface MoverPage {
  from: string;
  to: string;
  /** Movers matching the filter. */
  total: number;
  offset: number;
  rows: Mover[];
  /** Segments at each date (keys and names). */
  segmentsFrom: Array<Omit<SegmentInfo, 'customers'>>;
  segmentsTo: Array<Omit<SegmentInfo, 'customers'>>;
}
