// Two segmentations of the same customers side by side: how they overlap (contingency, Jaccard,
// ARI, NMI) and, when the data reaches past the date, what each segment and cell did next.
import { wilson } from '../scoring/stats.ts';
import type { Labelled } from '../rules/segmentations.ts';
import type { Comparison, ComparisonOutcome, SegmentOutcome } from '../rules/types.ts';
import { adjustedRandFromTable, crossTable, jaccardTable, normalisedMutualInformation, separation } from './metrics.ts';

export interface OutcomeInput {
  bought: Uint8Array;
  revenue: Float64Array;
  windowEnd: string;
  complete: boolean;
}

function segmentOutcome(key: string, customers: number, converters: number, revenue: number, baseRate: number): SegmentOutcome {
  const w = wilson(converters, customers);
  return {
    key,
    customers,
    converters,
    rate: w.rate,
    low: w.low,
    high: w.high,
    lift: baseRate > 0 && customers > 0 ? w.rate / baseRate : null,
    revenuePerCustomer: customers ? revenue / customers : 0,
  };
}

const pct = (v: number) => v.toFixed(3);

function verdict(aLabel: string, bLabel: string, s: ComparisonOutcome['separation'], days: number): string {
  const range = (i: { value: number; low: number; high: number }) => `${pct(i.value)} (95% ${pct(i.low)}–${pct(i.high)})`;
  const both = `${aLabel}: AUC ${range(s.a)}; ${bLabel}: ${range(s.b)}; both together: ${range(s.combined)}.`;
  if (s.better === 'neither') {
    return `Neither separates who bought in the next ${days} days clearly better (the difference ${pct(s.difference.value)} has an interval that includes 0). ${both}`;
  }
  const [winner, loser] = s.better === 'a' ? [aLabel, bLabel] : [bLabel, aLabel];
  return `${winner} separates who bought in the next ${days} days better than ${loser}: the AUC difference ${range(s.difference)} excludes 0. ${both}`;
}

export function compareSegmentations(
  a: Labelled,
  b: Labelled,
  outcome: OutcomeInput | null,
  options: { asOf: string; outcomeDays: number; replicates: number; outcomeNote: string | null; started: number },
): Comparison {
  const ka = a.info.segments.length;
  const kb = b.info.segments.length;
  const contingency = crossTable(a.labels, b.labels, ka, kb);
  const n = a.labels.length;
  let result: ComparisonOutcome | null = null;
  if (outcome) {
    const conv = Array.from({ length: ka }, () => new Array<number>(kb).fill(0));
    const rev = Array.from({ length: ka }, () => new Array<number>(kb).fill(0));
    let converters = 0;
    let revenue = 0;
    for (let i = 0; i < n; i++) {
      const x = a.labels[i]!;
      const y = b.labels[i]!;
      conv[x]![y]! += outcome.bought[i]!;
      rev[x]![y]! += outcome.revenue[i]!;
      converters += outcome.bought[i]!;
      revenue += outcome.revenue[i]!;
    }
    const baseRate = n ? converters / n : 0;
    const sumRow = (t: number[][], i: number) => t[i]!.reduce((s, v) => s + v, 0);
    const sumCol = (t: number[][], j: number) => t.reduce((s, r) => s + r[j]!, 0);
    const sep = separation(contingency, conv, options.replicates);
    const better: 'a' | 'b' | 'neither' = sep.difference.low > 0 ? 'a' : sep.difference.high < 0 ? 'b' : 'neither';
    const separationResult = { ...sep, better, text: '' };
    separationResult.text = verdict(a.info.label, b.info.label, separationResult, options.outcomeDays);
    result = {
      windowEnd: outcome.windowEnd,
      complete: outcome.complete,
      baseRate,
      converters,
      revenuePerCustomer: n ? revenue / n : 0,
      a: a.info.segments.map((s, i) => segmentOutcome(s.key, sumRow(contingency, i), sumRow(conv, i), sumRow(rev, i), baseRate)),
      b: b.info.segments.map((s, j) => segmentOutcome(s.key, sumCol(contingency, j), sumCol(conv, j), sumCol(rev, j), baseRate)),
      cells: contingency.map((r, i) => r.map((count, j) => segmentOutcome(`${a.info.segments[i]!.key}|${b.info.segments[j]!.key}`, count, conv[i]![j]!, rev[i]![j]!, baseRate))),
      separation: separationResult,
    };
  }
  return {
    asOf: options.asOf,
    outcomeDays: options.outcomeDays,
    customers: n,
    a: a.info,
    b: b.info,
    contingency,
    jaccard: jaccardTable(contingency),
    ari: adjustedRandFromTable(contingency),
    nmi: normalisedMutualInformation(contingency),
    outcome: result,
    outcomeNote: options.outcomeNote,
    computedMs: Math.round(performance.now() - options.started),
  };
}
