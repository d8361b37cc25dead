// A segmentation evaluated at each of a series of dates and laid over the customers of the last
// date: sizes over time, transitions between every pair of dates and, in sample
// workspaces, agreement with the generator's hidden drift. Dates are evaluated newest first so
// each date's frame can go as soon as its labels are mapped.
import type { Db } from '../store/db.ts';
import type { SegmentationRef } from '../rules/types.ts';
import { driftAgreement } from './drift.ts';
import { SeriesBuilder, sizesOverTime, transition, type DatedLabels } from './transitions.ts';
import type { MigrationSeries } from './types.ts';

export type LabelsAt = (day: string, position: number) => Promise<DatedLabels & { label: string }>;

export async function migrationSeries(db: Db, ref: SegmentationRef, days: readonly string[], labelsAt: LabelsAt, started = performance.now()): Promise<MigrationSeries> {
  const sorted = [...new Set(days)].sort();
  const latest = await labelsAt(sorted[sorted.length - 1]!, 0);
  const builder = new SeriesBuilder(latest);
  for (let d = sorted.length - 2; d >= 0; d--) builder.add(await labelsAt(sorted[d]!, sorted.length - 1 - d));
  const aligned = builder.build();
  // Every pair of dates (at most 630 for 36 dates, each k+1 x k): the view can show any two.
  const transitions = [];
  for (let f = 0; f < aligned.days.length; f++) for (let t = f + 1; t < aligned.days.length; t++) transitions.push(transition(aligned, f, t));
  return {
    ref,
    label: latest.label,
    days: aligned.days,
    segments: aligned.segments,
    sizes: sizesOverTime(aligned),
    customers: aligned.labels.map((l) => l.reduce((n, v) => n + (v >= 0 ? 1 : 0), 0)),
    transitions,
    drift: driftAgreement(db, aligned),
    computedMs: Math.round(performance.now() - started),
  };
}
