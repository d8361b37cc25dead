// What customers did after an as-of date: who purchased, and their revenue net of returns, in a
// window. Shared by everything judged against later behaviour (cluster outcomes, comparisons).
import type { Db } from '../store/db.ts';
import { newestEventAt } from './as-of.ts';

export interface OutcomeRows {
  /** Only customers with a purchase or return in the window. */
  ids: string[];
  bought: Uint8Array;
  revenue: Float64Array;
  /** Newest event in the workspace (epoch ms): tells whether the window is complete. */
  newestEvent: number | null;
}

export function readOutcomeRows(db: Db, from: number, to: number): OutcomeRows {
  const newestEvent = newestEventAt(db);
  const rows = db.all<{ customer_id: string; bought: number; revenue: number }>(
    `SELECT customer_id, max(type = 'purchase') AS bought,
            coalesce(sum(CASE WHEN type = 'purchase' THEN amount END), 0) - coalesce(sum(CASE WHEN type = 'return' THEN abs(amount) END), 0) AS revenue
     FROM events WHERE type IN ('purchase', 'return') AND ts >= ? AND ts < ? GROUP BY customer_id`,
    [from, to],
  );
  return { ids: rows.map((r) => r.customer_id), bought: Uint8Array.from(rows, (r) => r.bought), revenue: Float64Array.from(rows, (r) => r.revenue), newestEvent };
}
