// How a comparison reads: the pair's agreement (ARI, NMI) in a sentence, rates with their
// intervals, lifts and AUCs, the as-of date proposed so the outcome window is complete, and the
// rule that a contingency cell becomes when saved as a segment. Pure.
import type { Interval, RuleGroup, SegmentationOption, SegmentationRef, SegmentOutcome } from '../../../../core/api/contract.ts';
import { addDays, defaultAsOfDay, isIsoDay } from '../../../lib/isoDay.ts';
import { refKey } from '../../../lib/segmentationOptions.ts';
import { formatIndex } from '../../../charts/compare-common/format.ts';

export { formatIndex, formatJaccard, formatLift, formatRate, formatRateInterval, formatRateWithInterval, formatShare } from '../../../charts/compare-common/format.ts';

const DASH = '—';
const EN_DASH = '–';

export const OUTCOME_DAYS_DEFAULT = 30;
export const OUTCOME_DAYS_MAX = 365;

export function sameRef(a: SegmentationRef | null, b: SegmentationRef | null): boolean {
  return a !== null && b !== null && refKey(a) === refKey(b);
}

/** The pair offered first: clusters against RFM when both exist, else the first two available. */
export function defaultPair(options: readonly SegmentationOption[]): { a: SegmentationRef | null; b: SegmentationRef | null } {
  const available = options.filter((o) => o.available);
  const a = available.find((o) => o.ref.kind === 'clusters') ?? available[0] ?? null;
  const b = available.find((o) => o !== a && o.ref.kind === 'rfm') ?? available.find((o) => o !== a) ?? null;
  return { a: a?.ref ?? null, b: b?.ref ?? null };
}

/**
 * The as-of date whose outcome window ends on the newest day with data, so conversion is counted
 * over the full window: the day after the newest event, minus the window.
 */
export function defaultCompareAsOf(lastEventAt: number | null | undefined, outcomeDays: number): string | null {
  const after = defaultAsOfDay(lastEventAt);
  return after === null ? null : addDays(after, -outcomeDays);
}

/** The last day of the outcome window (inclusive). */
export function windowEnd(asOf: string, outcomeDays: number): string {
  return addDays(asOf, outcomeDays - 1);
}

export interface AsOfHint {
  tone: 'info' | 'warning';
  text: string;
}

/** What the chosen date means for the outcome window. */
export function asOfHint(asOf: string, outcomeDays: number, lastEventAt: number | null | undefined): AsOfHint | null {
  const after = defaultAsOfDay(lastEventAt);
  if (!isIsoDay(asOf) || after === null) return null;
  const newest = addDays(after, -1);
  const end = windowEnd(asOf, outcomeDays);
  if (asOf > newest) {
    return { tone: 'warning', text: `No data after ${newest}: nothing to measure conversion against, only the overlap is compared.` };
  }
  if (end > newest) {
    return {
      tone: 'warning',
      text: `The ${outcomeDays}-day outcome window runs to ${end}, past the newest data (${newest}): conversion rates will understate. ${defaultCompareAsOf(lastEventAt, outcomeDays)} or earlier gives a complete window.`,
    };
  }
  return {
    tone: 'info',
    text: `Segments as of ${asOf}; conversion = a purchase in the ${outcomeDays} days to ${end}${end === newest ? ', the newest day with data, so the outcome window is complete' : ''}.`,
  };
}

export interface CompareDraftLike {
  a: SegmentationRef | null;
  b: SegmentationRef | null;
  asOf: string;
  outcomeDays: number;
}

/** Why the comparison cannot run; null when it can. */
export function compareProblem(d: CompareDraftLike, firstEventAt?: number | null): string | null {
  if (!d.a || !d.b) return 'Choose two segmentations to compare.';
  if (sameRef(d.a, d.b)) return 'Choose two different segmentations: A and B are the same.';
  if (!isIsoDay(d.asOf)) return 'The as-of date must be a date (YYYY-MM-DD).';
  const first = defaultAsOfDay(firstEventAt);
  if (first !== null && d.asOf < first) return `The as-of date ${d.asOf} is before the first day after the data starts (${first}): nobody is known yet.`;
  if (!Number.isInteger(d.outcomeDays) || d.outcomeDays < 1 || d.outcomeDays > OUTCOME_DAYS_MAX) return `The outcome window must be 1 to ${OUTCOME_DAYS_MAX} days.`;
  return null;
}

// ---------- agreement ----------

/** ARI in words: how alike the two groupings are beyond chance. */
export function describeAri(ari: number): string {
  if (!Number.isFinite(ari)) return 'the agreement could not be measured';
  if (ari >= 0.9) return 'the two segmentations group customers almost the same way';
  if (ari >= 0.6) return 'the two segmentations largely agree on who belongs together';
  if (ari >= 0.3) return 'the two segmentations partly agree on who belongs together';
  if (ari >= 0.1) return 'the two segmentations overlap only loosely';
  if (ari > -0.05) return 'the two segmentations group customers almost independently';
  return 'the two segmentations disagree more than chance would';
}

/** NMI in words: how much knowing one segment tells about the other. */
export function describeNmi(nmi: number): string {
  if (!Number.isFinite(nmi)) return 'the shared information could not be measured';
  if (nmi >= 0.8) return 'knowing a customer’s segment in one almost tells their segment in the other';
  if (nmi >= 0.5) return 'knowing a customer’s segment in one tells much about the other';
  if (nmi >= 0.2) return 'knowing a customer’s segment in one tells a little about the other';
  return 'knowing a customer’s segment in one says almost nothing about the other';
}

/** "0.08: the two segmentations group customers almost independently." */
export function agreementSentence(value: number, describe: (v: number) => string): string {
  return `${formatIndex(value)}: ${describe(value)}.`;
}

/** "0.712 (0.690–0.734)". */
export function formatAuc(i: Interval | null | undefined): string {
  if (!i || !Number.isFinite(i.value)) return DASH;
  return `${i.value.toFixed(3)} (${i.low.toFixed(3)}${EN_DASH}${i.high.toFixed(3)})`;
}

/** Signed AUC difference with its interval: "+0.042 (+0.010 to +0.071)". */
export function formatAucDifference(i: Interval | null | undefined): string {
  if (!i || !Number.isFinite(i.value)) return DASH;
  const s = (v: number) => `${v > 0 ? '+' : v < 0 ? '\u2212' : ''}${Math.abs(v).toFixed(3)}`;
  return `${s(i.value)} (${s(i.low)} to ${s(i.high)})`;
}

// ---------- a cell as a segment ----------

/** Customers in segment aKey of A and in segment bKey of B. */
export function cellRule(a: SegmentationRef, aKey: string, b: SegmentationRef, bKey: string): RuleGroup {
  return {
    kind: 'group',
    combine: 'and',
    not: false,
    children: [
      { kind: 'segment', segmentation: a, segments: [aKey], not: false },
      { kind: 'segment', segmentation: b, segments: [bKey], not: false },
    ],
  };
}

export const SEGMENT_NAME_MAX = 120;

/** "Champions ∩ Cluster 3", shortened to fit a segment name. */
export function cellName(aName: string, bName: string): string {
  const name = `${aName.trim()} ∩ ${bName.trim()}`;
  if (name.length <= SEGMENT_NAME_MAX) return name;
  const half = Math.floor((SEGMENT_NAME_MAX - 3) / 2);
  const cut = (s: string) => (s.length > half ? `${s.slice(0, half - 1).trimEnd()}…` : s);
  return `${cut(aName.trim())} ∩ ${cut(bName.trim())}`;
}

export function cellDescription(p: { aLabel: string; aName: string; bLabel: string; bName: string; asOf: string; customers: number }): string {
  return `Customers in “${p.aName}” (${p.aLabel}) and in “${p.bName}” (${p.bLabel}); ${p.customers.toLocaleString('en-US')} as of ${p.asOf}, from the comparison.`;
}

// ---------- outcome tables ----------

export const OUTCOME_COLUMNS = ['segment', 'customers', 'converters', 'rate', 'lift', 'revenue'] as const;
export type OutcomeColumn = (typeof OUTCOME_COLUMNS)[number];

export interface OutcomeSort {
  column: OutcomeColumn;
  desc: boolean;
}

export interface OutcomeRow extends SegmentOutcome {
  name: string;
  /** Position in the segmentation's own order (the "segment" sort). */
  order: number;
}

function sortValue(r: OutcomeRow, c: OutcomeColumn): number {
  switch (c) {
    case 'segment':
      return r.order;
    case 'customers':
      return r.customers;
    case 'converters':
      return r.converters;
    case 'rate':
      return r.rate;
    case 'lift':
      return r.lift ?? -Infinity;
    case 'revenue':
      return r.revenuePerCustomer;
  }
}

/** Rows in the chosen order; ties keep the segmentation's order. */
export function sortOutcomeRows(rows: readonly OutcomeRow[], sort: OutcomeSort): OutcomeRow[] {
  const dir = sort.desc ? -1 : 1;
  return [...rows].sort((x, y) => {
    const d = sortValue(x, sort.column) - sortValue(y, sort.column);
    return d !== 0 && Number.isFinite(d) ? d * dir : x.order - y.order;
  });
}

/** Clicking a header: the same column flips; another starts descending (segment: ascending). */
export function nextSort(current: OutcomeSort, column: OutcomeColumn): OutcomeSort {
  if (current.column === column) return { column, desc: !current.desc };
  return { column, desc: column !== 'segment' };
}

/** Where a rate sits on the interval bars' shared scale (0..1 of the bar's width). */
export function barPosition(v: number, max: number): number {
  if (!(max > 0) || !Number.isFinite(v)) return 0;
  return Math.max(0, Math.min(1, v / max));
}

/** The interval bars' scale: a little above the highest upper bound (and the base rate). */
export function barScale(rows: ReadonlyArray<Pick<SegmentOutcome, 'high'>>, baseRate: number): number {
  const top = Math.max(baseRate, ...rows.map((r) => r.high).filter(Number.isFinite));
  return top > 0 ? Math.min(1, top * 1.08) : 1;
}
