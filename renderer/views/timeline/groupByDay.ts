// Grouping a newest-first event list into UTC days for the timeline, and compacting the monthly
// ground truth into runs ("2023-01 – 2023-06: loyal") so a long history stays readable.
import type { TimelineEvent } from '../../../core/api/contract.ts';

const DAY_MS = 86_400_000;

export interface DayGroup {
  /** Start of the UTC day (epoch ms). */
  day: number;
  events: TimelineEvent[];
}

export function groupByDay(events: readonly TimelineEvent[]): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const e of events) {
    const day = Math.floor(e.ts / DAY_MS) * DAY_MS;
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.events.push(e);
    else groups.push({ day, events: [e] });
  }
  return groups;
}

export interface TypeRun {
  from: string;
  to: string;
  behaviourType: string;
  months: number;
}

export function behaviourRuns(months: ReadonlyArray<{ month: string; behaviourType: string }>): TypeRun[] {
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month));
  const runs: TypeRun[] = [];
  for (const m of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.behaviourType === m.behaviourType) {
      last.to = m.month;
      last.months++;
    } else runs.push({ from: m.month, to: m.month, behaviourType: m.behaviourType, months: 1 });
  }
  return runs;
}

/** A readable value for an attribute of any JSON type. */
export function attributeText(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v === '' ? '""' : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
