// As-of dates as the API speaks them: "YYYY-MM-DD", a UTC day whose midnight is the instant
// signals are computed at (everything strictly before it counts).

export const DAY_MS = 86_400_000;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day in YYYY-MM-DD form ("2024-02-30" is not). */
export function isIsoDay(s: string | null | undefined): s is string {
  if (typeof s !== 'string' || !ISO_DAY.test(s)) return false;
  const ms = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === s;
}

/** Midnight UTC of the day, in epoch ms; NaN for anything that is not a day. */
export function dayToMs(day: string): number {
  return isIsoDay(day) ? Date.parse(`${day}T00:00:00Z`) : NaN;
}

export function msToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `days` later (earlier when negative); the input unchanged when it is not a day. */
export function addDays(day: string, days: number): string {
  const ms = dayToMs(day);
  return Number.isFinite(ms) ? msToDay(ms + days * DAY_MS) : day;
}

/** Whole days from `from` to `to` (negative when `to` is earlier); NaN when either is not a day. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToMs(to) - dayToMs(from)) / DAY_MS);
}

/**
 * The as-of date core uses when none is given: the day after the newest event (so that day's
 * events count). Null when there are no events.
 */
export function defaultAsOfDay(lastEventAt: number | null | undefined): string | null {
  if (typeof lastEventAt !== 'number' || !Number.isFinite(lastEventAt)) return null;
  return msToDay(Math.floor(lastEventAt / DAY_MS) * DAY_MS + DAY_MS);
}
