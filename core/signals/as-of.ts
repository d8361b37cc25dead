// As-of dates: a day (YYYY-MM-DD, UTC) whose midnight is the instant signals are computed at.
// Everything strictly before it counts; nothing at or after it does.
import { ApiError } from '../api/contract.ts';
import type { Db } from '../store/db.ts';
import { DAY_MS } from './catalog.ts';

export function parseAsOf(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new ApiError({ code: 'invalid-args', message: `"${day}" is not a date (expected YYYY-MM-DD).` });
  }
  return ms;
}

export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Epoch ms of the newest event in the workspace (customer_stats keeps it per customer), null without events. */
export function newestEventAt(db: Db): number | null {
  return db.get<{ m: number | null }>('SELECT max(last_seen) AS m FROM customer_stats')?.m ?? null;
}

/** The day after the newest event: "as of now" for a workspace whose data ends at some point. */
export function defaultAsOf(db: Db): number {
  const newest = newestEventAt(db);
  if (newest === null) {
    throw new ApiError({ code: 'no-events', message: 'This workspace has no events yet: import events or orders first.' });
  }
  return Math.floor(newest / DAY_MS) * DAY_MS + DAY_MS;
}

export function addDays(ms: number, days: number): number {
  return ms + days * DAY_MS;
}
