// How a migration reads: which transition belongs to a pair of dates, what a click on a date does to
// the pair, the summary figures, how many movers a filter should find, the names of flows, how a
// signal's change reads, and the file name proposed for the movers' CSV. Pure.
import type { MigrationSeries, SegmentationOption, SegmentationRef, TransitionMatrix } from '../../../core/api/contract.ts';
import { formatInt } from '../../lib/format.ts';
import { refKey } from '../../lib/segmentationOptions.ts';
import type { FlowFilter } from '../../charts/migration-sankey/buildSankeyOption.ts';

export type { FlowFilter };

export interface DayPair {
  from: string;
  to: string;
}

export const NO_FILTER: FlowFilter = { fromKey: null, toKey: null };

/** Clusters (the newest model) when there are any, else the funnel phases, else the first available. */
export function defaultRef(options: readonly SegmentationOption[]): SegmentationRef | null {
  const available = options.filter((o) => o.available);
  return (available.find((o) => o.ref.kind === 'clusters') ?? available.find((o) => o.ref.kind === 'phases') ?? available[0])?.ref ?? null;
}

export function findTransition(r: Pick<MigrationSeries, 'transitions'>, pair: DayPair | null): TransitionMatrix | null {
  if (!pair) return null;
  return r.transitions.find((t) => t.from === pair.from && t.to === pair.to) ?? null;
}

/** First and last date: the whole series. */
export function defaultPair(days: readonly string[]): DayPair | null {
  return days.length >= 2 ? { from: days[0]!, to: days[days.length - 1]! } : null;
}

/** The pair kept when both its dates are in the new series, else the default. */
export function keepPair(pair: DayPair | null, days: readonly string[]): DayPair | null {
  if (pair && pair.from < pair.to && days.includes(pair.from) && days.includes(pair.to)) return pair;
  return defaultPair(days);
}

/**
 * A click on a date moves the nearer end of the pair there (a date before the pair moves its start,
 * one after it its end; ties move the end). Clicking an end changes nothing.
 */
export function pairWithDay(pair: DayPair, day: string, days: readonly string[]): DayPair {
  const i = days.indexOf(day);
  const f = days.indexOf(pair.from);
  const t = days.indexOf(pair.to);
  if (i < 0 || f < 0 || t < 0 || i === f || i === t) return pair;
  if (i < f) return { from: day, to: pair.to };
  if (i > t) return { from: pair.from, to: day };
  return i - f < t - i ? { from: day, to: pair.to } : { from: pair.from, to: day };
}

export interface PairFacts {
  dates: number;
  /** Customers known at the later date. */
  customers: number;
  moved: number;
  stayed: number;
  entered: number;
}

export function pairFacts(r: MigrationSeries, t: TransitionMatrix): PairFacts {
  return { dates: r.days.length, customers: r.customers[r.days.indexOf(t.to)] ?? 0, moved: t.moved, stayed: t.stayed, entered: t.entered };
}

/** "12 dates, 5,000 customers on 2025-12-01; between 2025-01-01 and 2025-12-01 1,234 moved, 3,000 stayed, 200 new". */
export function summaryText(f: PairFacts, pair: DayPair): string {
  return (
    `${f.dates} dates, ${formatInt(f.customers)} customers on ${pair.to}; ` +
    `between ${pair.from} and ${pair.to} ${formatInt(f.moved)} moved, ${formatInt(f.stayed)} stayed, ${formatInt(f.entered)} new`
  );
}

/** How many customers the filter lists between the pair's dates (movers only: never stayers or newcomers). */
export function expectedMovers(t: TransitionMatrix, segments: ReadonlyArray<{ key: string }>, filter: FlowFilter): number {
  const k = segments.length;
  let n = 0;
  for (let i = 0; i < k; i++) {
    if (filter.fromKey !== null && segments[i]!.key !== filter.fromKey) continue;
    for (let j = 0; j < k; j++) {
      if (i === j) continue;
      if (filter.toKey !== null && segments[j]!.key !== filter.toKey) continue;
      n += t.counts[i]?.[j] ?? 0;
    }
  }
  return n;
}

/** The filter kept when its segments exist in the series. */
export function keepFilter(filter: FlowFilter, segments: ReadonlyArray<{ key: string }>): FlowFilter {
  const has = (key: string | null) => key === null || segments.some((s) => s.key === key);
  return has(filter.fromKey) && has(filter.toKey) ? filter : NO_FILTER;
}

export const sameFilter = (a: FlowFilter, b: FlowFilter) => a.fromKey === b.fromKey && a.toKey === b.toKey;

export function segmentName(segments: ReadonlyArray<{ key: string; name: string }>, key: string | null): string {
  if (key === null) return 'any segment';
  return segments.find((s) => s.key === key)?.name ?? key;
}

/** "Consideration → Decision", "Active → any segment", "every move". */
export function filterText(segments: ReadonlyArray<{ key: string; name: string }>, filter: FlowFilter): string {
  if (filter.fromKey === null && filter.toKey === null) return 'every move';
  if (filter.toKey === null) return `out of ${segmentName(segments, filter.fromKey)}`;
  if (filter.fromKey === null) return `into ${segmentName(segments, filter.toKey)}`;
  return `${segmentName(segments, filter.fromKey)} → ${segmentName(segments, filter.toKey)}`;
}

const MINUS = '\u2212';

/** A change in standard deviations: "+1.3 SD", "−0.4 SD". */
export function formatChange(change: number): string {
  if (!Number.isFinite(change)) return '—';
  const v = Math.abs(change).toFixed(1);
  if (Number(v) === 0) return '0.0 SD';
  return `${change > 0 ? '+' : MINUS}${v} SD`;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** "movers-phases-2025-09-01-to-2026-01-01.csv", with the flow when one is chosen. */
export function moversFileName(ref: SegmentationRef, pair: DayPair, filter: FlowFilter): string {
  const flow = [filter.fromKey ? `from-${slug(filter.fromKey)}` : '', filter.toKey ? `to-${slug(filter.toKey)}` : ''].filter(Boolean).join('-');
  return `movers-${slug(refKey(ref))}-${pair.from}-to-${pair.to}${flow ? `-${flow}` : ''}.csv`;
}

/** Days of the pair a date select offers: any date but the last for "from", dates after "from" for "to". */
export function fromChoices(days: readonly string[]): string[] {
  return days.slice(0, -1);
}

export function toChoices(days: readonly string[], from: string): string[] {
  return days.filter((d) => d > from);
}
