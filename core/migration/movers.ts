// Customers who changed segment between two dates, and for each the signals that changed most:
// each change is measured in standard deviations of that signal across customers at the earlier
// date, so "12 more sessions" and "0.3 lower open rate" can be ranked against each other.
import type { SignalFrame } from '../signals/frame.ts';
import type { SegmentInfo } from '../rules/types.ts';
import type { Mover, SignalChange } from './types.ts';

export interface LabelledFrame {
  frame: SignalFrame;
  labels: Int32Array;
  segments: readonly SegmentInfo[];
}

export interface MoverFilter {
  fromKey?: string | undefined;
  toKey?: string | undefined;
}

/** Pairs (row at the later date, row at the earlier date) of customers whose segment key differs, in customer id order. */
export function moverRows(before: LabelledFrame, after: LabelledFrame, filter: MoverFilter): { after: Int32Array; before: Int32Array } {
  const index = new Map(before.frame.customerIds.map((id, i) => [id, i]));
  const a: number[] = [];
  const b: number[] = [];
  after.frame.customerIds.forEach((id, ra) => {
    const rb = index.get(id);
    if (rb === undefined) return;
    const from = before.segments[before.labels[rb]!]!.key;
    const to = after.segments[after.labels[ra]!]!.key;
    if (from === to) return;
    if (filter.fromKey !== undefined && from !== filter.fromKey) return;
    if (filter.toKey !== undefined && to !== filter.toKey) return;
    a.push(ra);
    b.push(rb);
  });
  return { after: Int32Array.from(a), before: Int32Array.from(b) };
}

/** Standard deviation of each signal over the customers of a frame (NaN ignored; 0 when constant). */
export function signalSpreads(frame: SignalFrame): Float64Array {
  return Float64Array.from(frame.values, (col) => {
    let n = 0;
    let mean = 0;
    let m2 = 0;
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      if (v !== v) continue;
      n++;
      const d = v - mean;
      mean += d / n;
      m2 += d * (v - mean);
    }
    return n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
  });
}

const valueOrNull = (v: number) => (v === v ? v : null);

/** The `top` signals whose value changed most for one customer, in spreads; a value that appeared or vanished counts 1 spread. */
export function topChanges(before: SignalFrame, after: SignalFrame, rb: number, ra: number, spreads: Float64Array, top = 3): SignalChange[] {
  const changes: SignalChange[] = [];
  before.signals.forEach((s, j) => {
    const ja = after.signals[j]?.id === s.id ? j : after.signals.findIndex((x) => x.id === s.id);
    if (ja < 0 || !(spreads[j]! > 0)) return;
    const v0 = before.values[j]![rb]!;
    const v1 = after.values[ja]![ra]!;
    if (v0 !== v0 && v1 !== v1) return;
    const change = v0 === v0 && v1 === v1 ? (v1 - v0) / spreads[j]! : v1 === v1 ? 1 : -1;
    if (change === 0) return;
    changes.push({ signalId: s.id, label: s.label, unit: s.unit, before: valueOrNull(v0), after: valueOrNull(v1), change });
  });
  return changes.sort((x, y) => Math.abs(y.change) - Math.abs(x.change)).slice(0, top);
}

export function moversPage(before: LabelledFrame, after: LabelledFrame, rows: { after: Int32Array; before: Int32Array }, spreads: Float64Array, offset: number, limit: number): Mover[] {
  const out: Mover[] = [];
  for (let k = offset; k < Math.min(rows.after.length, offset + limit); k++) {
    const ra = rows.after[k]!;
    const rb = rows.before[k]!;
    out.push({
      customerId: after.frame.customerIds[ra]!,
      from: before.segments[before.labels[rb]!]!.key,
      to: after.segments[after.labels[ra]!]!.key,
      changes: topChanges(before.frame, after.frame, rb, ra, spreads),
    });
  }
  return out;
}
