// Whether a comparison as of a date can be judged by what customers did next: the outcome window
// [asOf, asOf + N days), whether the data covers it, and what to tell the analyst when it does not.
import { addDays, formatDay } from '../signals/as-of.ts';
import { DAY_MS } from '../signals/catalog.ts';
import type { SignalFrame } from '../signals/frame.ts';
import type { OutcomeRows } from '../signals/outcome.ts';
import type { OutcomeInput } from './compare.ts';

export interface OutcomePlan {
  /** Null when there is no data after the date. */
  window: { from: number; to: number } | null;
  complete: boolean;
  windowEnd: string;
  note: string | null;
}

export function planOutcome(newestEvent: number | null, asOf: number, outcomeDays: number): OutcomePlan {
  const day = formatDay(asOf);
  const to = addDays(asOf, outcomeDays);
  const windowEnd = formatDay(to - DAY_MS);
  if (newestEvent === null || newestEvent < asOf) {
    return {
      window: null,
      complete: false,
      windowEnd,
      note: `The data ends before ${day}: there is nothing after the date to judge the segments by. Choose an earlier date (at least ${outcomeDays} days before the end of the data) to see conversion.`,
    };
  }
  const complete = newestEvent >= to - DAY_MS;
  return {
    window: { from: asOf, to },
    complete,
    windowEnd,
    note: complete
      ? null
      : `The data ends ${formatDay(newestEvent)}, inside the ${outcomeDays}-day window after ${day}: conversion rates are understated. Choose a date at least ${outcomeDays} days before the end of the data.`,
  };
}

/** The outcome rows spread over the frame's customers (those without a purchase or return in the window get 0). */
export function outcomeInput(frame: SignalFrame, index: ReadonlyMap<string, number>, rows: OutcomeRows, plan: OutcomePlan): OutcomeInput {
  const n = frame.customerIds.length;
  const bought = new Uint8Array(n);
  const revenue = new Float64Array(n);
  rows.ids.forEach((id, r) => {
    const i = index.get(id);
    if (i === undefined) return;
    bought[i] = rows.bought[r]!;
    revenue[i] = rows.revenue[r]!;
  });
  return { bought, revenue, windowEnd: plan.windowEnd, complete: plan.complete };
}
