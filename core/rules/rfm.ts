// RFM, the standard rule-based baseline: recency, frequency and monetary scores 1-5 for every
// customer who has bought before the as-of date, from quantiles of the buyers or from the
// analyst's cut-offs, and named groups over (R, FM) score ranges, first match wins.
// Settings persist in workbench_settings 'rfm'.
import type { Db } from '../store/db.ts';
import { readSetting, writeSetting } from '../store/settings.ts';
import { quantileSorted, sortedPresent } from '../scoring/sorted-values.ts';
import { formatDay } from '../signals/as-of.ts';
import { columnOf, type SignalFrame } from '../signals/frame.ts';
import { DEFAULT_RFM_GROUPS, defaultRfmSettings, rfmSettingsSchema, type RfmGroup, type RfmSettings, type RfmSummary, type SegmentInfo } from './types.ts';

const KEY = 'rfm';
export const RFM_OTHER = 'other';
export const RFM_NONE = 'none';
const QUANTILES = [0.2, 0.4, 0.6, 0.8];

export { DEFAULT_RFM_GROUPS, defaultRfmSettings };

export function loadRfmSettings(db: Db): RfmSettings {
  const row = readSetting(db, KEY);
  const parsed = row ? rfmSettingsSchema.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : defaultRfmSettings();
}

export function saveRfmSettings(db: Db, settings: RfmSettings): RfmSettings {
  writeSetting(db, KEY, settings);
  return settings;
}

export interface RfmScores {
  /** 0 for customers without a purchase before the date, else 1..5. */
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  fm: Uint8Array;
  cutoffs: RfmSummary['cutoffs'];
  buyers: number;
}

function buyerCutoffs(values: Float64Array, buyer: Uint8Array): number[] {
  const present = new Float64Array(values.length).fill(NaN);
  for (let i = 0; i < values.length; i++) if (buyer[i]) present[i] = values[i]!;
  const sorted = sortedPresent(present);
  return sorted.length ? QUANTILES.map((q) => quantileSorted(sorted, q)) : [0, 0, 0, 0];
}

/** 1 + the number of cut-offs the value exceeds: 1..5, ties on a cut-off go to the lower score. */
function exceeded(v: number, cuts: readonly number[]): number {
  let s = 1;
  for (const c of cuts) if (v > c) s++;
  return s;
}

export function rfmScores(frame: SignalFrame, settings: RfmSettings): RfmScores {
  const n = frame.customerIds.length;
  const need = (id: string) => {
    const c = columnOf(frame, id);
    if (!c) throw new Error(`RFM needs the signal ${id}`);
    return c;
  };
  const days = need('days_since_purchase');
  const orders = need('orders');
  const revenue = need('revenue');
  const buyer = new Uint8Array(n);
  let buyers = 0;
  for (let i = 0; i < n; i++) {
    if (orders[i]! > 0 && days[i] === days[i]) {
      buyer[i] = 1;
      buyers++;
    }
  }
  const cutoffs =
    settings.method === 'quantiles'
      ? { recencyDays: buyerCutoffs(days, buyer), orders: buyerCutoffs(orders, buyer), revenue: buyerCutoffs(revenue, buyer) }
      : { recencyDays: [...settings.cutoffs.recencyDays], orders: [...settings.cutoffs.orders], revenue: [...settings.cutoffs.revenue] };
  const r = new Uint8Array(n);
  const f = new Uint8Array(n);
  const m = new Uint8Array(n);
  const fm = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!buyer[i]) continue;
    // Fewer days since the last purchase is better: R counts down.
    r[i] = 6 - exceeded(days[i]!, cutoffs.recencyDays);
    f[i] = exceeded(orders[i]!, cutoffs.orders);
    m[i] = exceeded(revenue[i]!, cutoffs.revenue);
    fm[i] = Math.round((f[i]! + m[i]!) / 2);
  }
  return { r, f, m, fm, cutoffs, buyers };
}

/** Index of the first group whose ranges hold (r, fm), or -1. */
export function groupOf(groups: readonly RfmGroup[], r: number, fm: number): number {
  return groups.findIndex((g) => r >= g.r[0] && r <= g.r[1] && fm >= g.fm[0] && fm <= g.fm[1]);
}

export interface RfmAssignment {
  scores: RfmScores;
  /** Index into segments: the settings' groups, then "other", then "none". */
  labels: Int32Array;
  segments: SegmentInfo[];
}

export function assignRfm(frame: SignalFrame, settings: RfmSettings): RfmAssignment {
  const scores = rfmScores(frame, settings);
  const g = settings.groups.length;
  // Group of each (r, fm) cell, so each customer is a lookup.
  const cell = new Int32Array(36);
  for (let r = 1; r <= 5; r++) for (let fm = 1; fm <= 5; fm++) {
    const i = groupOf(settings.groups, r, fm);
    cell[r * 6 + fm] = i < 0 ? g : i;
  }
  const n = frame.customerIds.length;
  const labels = new Int32Array(n);
  const sizes = new Array<number>(g + 2).fill(0);
  for (let i = 0; i < n; i++) {
    const label = scores.r[i] ? cell[scores.r[i]! * 6 + scores.fm[i]!]! : g + 1;
    labels[i] = label;
    sizes[label]!++;
  }
  const segments: SegmentInfo[] = [
    ...settings.groups.map((grp, i) => ({ key: grp.id, name: grp.name, colour: null, customers: sizes[i]! })),
    { key: RFM_OTHER, name: 'Other', colour: null, customers: sizes[g]! },
    { key: RFM_NONE, name: 'No purchase yet', colour: null, customers: sizes[g + 1]! },
  ];
  return { scores, labels, segments };
}

const meanOrNull = (sum: number, n: number) => (n > 0 ? sum / n : null);

export function rfmSummary(frame: SignalFrame, settings: RfmSettings): RfmSummary {
  const a = assignRfm(frame, settings);
  const { scores, labels, segments } = a;
  const grid = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
  const gridGroup = Array.from({ length: 5 }, (_, r) =>
    Array.from({ length: 5 }, (_, fm) => {
      const i = groupOf(settings.groups, r + 1, fm + 1);
      return i < 0 ? RFM_OTHER : settings.groups[i]!.id;
    }),
  );
  const days = columnOf(frame, 'days_since_purchase')!;
  const orders = columnOf(frame, 'orders')!;
  const revenue = columnOf(frame, 'revenue')!;
  const sums = segments.map(() => ({ days: 0, orders: 0, revenue: 0 }));
  for (let i = 0; i < labels.length; i++) {
    if (scores.r[i]) grid[scores.r[i]! - 1]![scores.fm[i]! - 1]!++;
    const s = sums[labels[i]!]!;
    if (days[i] === days[i]) s.days += days[i]!;
    s.orders += orders[i]! || 0;
    s.revenue += revenue[i]! || 0;
  }
  const n = frame.customerIds.length;
  const noneIndex = segments.length - 1;
  return {
    asOf: formatDay(frame.asOf),
    customers: n,
    buyers: scores.buyers,
    cutoffs: scores.cutoffs,
    grid,
    gridGroup,
    groups: segments.map((seg, i) => ({
      id: seg.key,
      name: seg.name,
      customers: seg.customers,
      share: n ? seg.customers / n : 0,
      meanDaysSincePurchase: i === noneIndex ? null : meanOrNull(sums[i]!.days, seg.customers),
      meanOrders: meanOrNull(sums[i]!.orders, seg.customers),
      meanRevenue: meanOrNull(sums[i]!.revenue, seg.customers),
    })),
  };
}
