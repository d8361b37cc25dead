// Buckets timeline events into ISO weeks (Monday 00:00 UTC) per event type. Separate from the
// option builder so the counting can be tested on its own.
import { sortEventTypes } from '../../lib/eventTypes.ts';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Start (epoch ms) of the UTC Monday-based week containing `ts`. */
export function weekStart(ts: number): number {
  const day = Math.floor(ts / DAY_MS) * DAY_MS;
  // 1970-01-01 was a Thursday: getUTCDay() 4. Shift so Monday is 0.
  const dow = (new Date(day).getUTCDay() + 6) % 7;
  return day - dow * DAY_MS;
}

export interface WeeklyActivity {
  /** Week starts, oldest first, without gaps. */
  weeks: number[];
  /** Event types in display order. */
  types: string[];
  /** counts[type][weekIndex]. */
  counts: Record<string, number[]>;
  /** Events counted. */
  total: number;
}

export function weeklyActivity(events: ReadonlyArray<{ ts: number; type: string }>, maxWeeks = 104): WeeklyActivity {
  if (events.length === 0) return { weeks: [], types: [], counts: {}, total: 0 };
  let min = Infinity;
  let max = -Infinity;
  for (const e of events) {
    if (e.ts < min) min = e.ts;
    if (e.ts > max) max = e.ts;
  }
  const last = weekStart(max);
  // Long histories keep the most recent weeks: that is what the analyst reads first.
  const first = Math.max(weekStart(min), last - (maxWeeks - 1) * WEEK_MS);
  const n = Math.round((last - first) / WEEK_MS) + 1;
  const weeks = Array.from({ length: n }, (_, i) => first + i * WEEK_MS);
  const types = sortEventTypes(events.map((e) => e.type));
  const counts: Record<string, number[]> = {};
  for (const t of types) counts[t] = new Array<number>(n).fill(0);
  let total = 0;
  for (const e of events) {
    const i = Math.round((weekStart(e.ts) - first) / WEEK_MS);
    if (i < 0 || i >= n) continue;
    counts[e.type]![i]!++;
    total++;
  }
  // A type whose events all fell before the window has no bars: leave it out of the legend.
  const shown = types.filter((t) => counts[t]!.some((c) => c > 0));
  for (const t of types) if (!shown.includes(t)) delete counts[t];
  return { weeks, types: shown, counts, total };
}
