// The dates a migration is evaluated at: from a start, one step (a week, a month, a quarter) at a
// time, up to and including the end. The default is the first of every month over the last twelve
// months of data, ending on the day after the newest event (the date core uses by default), so the
// newest behaviour is the last snapshot. Pure.
import { addDays, dayToMs, defaultAsOfDay, isIsoDay, msToDay } from '../../lib/isoDay.ts';

export const DATE_STEPS = ['monthly', 'weekly', 'quarterly'] as const;
export type DateStep = (typeof DATE_STEPS)[number];

export const STEP_LABELS: Record<DateStep, string> = { monthly: 'Monthly', weekly: 'Weekly', quarterly: 'Quarterly' };

/** What core accepts in one run. */
export const MIN_DATES = 2;
export const MAX_DATES = 36;
/** Generating stops here: enough to say "too many", without looping over decades of weeks. */
export const COUNT_CAP = 1000;

const pad = (n: number) => String(n).padStart(2, '0');

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The day `n` months after `day`, on the same day of the month (the month's last day when it is shorter). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return `${ny}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`;
}

/** The n-th date of a series that starts at `start`. */
export function stepDay(start: string, step: DateStep, n: number): string {
  if (step === 'weekly') return addDays(start, 7 * n);
  return addMonths(start, n * (step === 'quarterly' ? 3 : 1));
}

/** The first day of the month of `day`. */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** `day` if it is the first of a month, else the first of the next month. */
export function nextMonthStart(day: string): string {
  return day.endsWith('-01') ? day : addMonths(monthStart(day), 1);
}

/**
 * The series from start to end: start, start + step, ... while before end, then end itself (so the
 * last snapshot is always the chosen end, even off the step). Empty when the range is not a range.
 * Stops after COUNT_CAP dates.
 */
export function seriesDays(start: string, end: string, step: DateStep): string[] {
  if (!isIsoDay(start) || !isIsoDay(end) || start >= end) return [];
  const days: string[] = [];
  for (let n = 0; days.length < COUNT_CAP; n++) {
    const day = stepDay(start, step, n);
    if (day >= end) break;
    days.push(day);
  }
  if (days.length < COUNT_CAP) days.push(end);
  return days;
}

export interface SeriesRange {
  start: string;
  end: string;
  step: DateStep;
}

/** The first day with anybody in it: the day after the first event (signals count events before their date). */
export function firstUsefulDay(firstEventAt: number | null | undefined): string | null {
  return defaultAsOfDay(firstEventAt);
}

/**
 * The default series: the first of every month over the last twelve months of data, ending on the
 * day after the newest event; never before the first month that has customers. Null without events.
 */
export function defaultSeries(firstEventAt: number | null | undefined, lastEventAt: number | null | undefined): SeriesRange | null {
  const end = defaultAsOfDay(lastEventAt);
  if (end === null) return null;
  // The first month start strictly after "a year before the end".
  let start = nextMonthStart(addDays(addMonths(end, -12), 1));
  const first = firstUsefulDay(firstEventAt);
  if (first !== null && start < first) start = nextMonthStart(first);
  if (start >= end) start = first !== null && first < end ? first : addDays(end, -1);
  return { start, end, step: 'monthly' };
}

/**
 * The latest start whose series, ending at `end`, has at most `max` dates: "the last 36 weeks".
 * Null when even two dates do not fit (never, for a real range).
 */
export function fitStart(end: string, step: DateStep, max = MAX_DATES): string | null {
  if (!isIsoDay(end)) return null;
  for (let back = max - 1; back >= 1; back--) {
    const start = stepDay(end, step, -back);
    if (seriesDays(start, end, step).length <= max) return start;
  }
  return null;
}

export interface SeriesDraft {
  start: string;
  end: string;
  step: DateStep;
}

/** Why the series cannot be run; null when it can. */
export function seriesProblem(d: SeriesDraft, firstEventAt?: number | null): string | null {
  if (!isIsoDay(d.start)) return 'The first date must be a date (YYYY-MM-DD).';
  if (!isIsoDay(d.end)) return 'The last date must be a date (YYYY-MM-DD).';
  if (d.start >= d.end) return `The first date (${d.start}) must be before the last (${d.end}).`;
  const first = firstUsefulDay(firstEventAt);
  if (first !== null && d.start < first) return `The first date ${d.start} is before the first day after the data starts (${first}): nobody is known yet.`;
  const n = seriesDays(d.start, d.end, d.step).length;
  if (n > MAX_DATES) return `${countText(n)} is too many: at most ${MAX_DATES} dates in one run. Shorten the range or choose a longer step.`;
  return null;
}

/** "12 dates", "1,000+ dates". */
export function countText(n: number): string {
  if (n >= COUNT_CAP) return `${COUNT_CAP.toLocaleString('en-US')}+ dates`;
  return `${n} ${n === 1 ? 'date' : 'dates'}`;
}

/** A hint about the last date: past the newest data, later snapshots repeat the last one. */
export function endHint(end: string, lastEventAt: number | null | undefined): string | null {
  const after = defaultAsOfDay(lastEventAt);
  if (!isIsoDay(end) || after === null || end <= after) return null;
  return `No data after ${addDays(after, -1)}: dates after ${after} see no new behaviour, only time passing.`;
}

/** Milliseconds of a day, for sorting and distances (re-exported so views need one import). */
export { dayToMs, msToDay };
