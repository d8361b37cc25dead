// Overlapping exports: a later export usually repeats the tail of an earlier one. Rows of this
// import that are already in the workspace are removed again, as a multiset: if the workspace has
// two identical order lines and the new file three, one is new. Only the time window where old
// and new data overlap is compared, so appending new data costs nothing.
import type { Db } from '../store/db.ts';

const KEY = ['customer_id', 'ts', 'type', "coalesce(order_id, '')", "coalesce(product, '')", "coalesce(url, '')", 'coalesce(amount, 0)', 'coalesce(quantity, 0)'];

/** Deletes this import's rows (ids >= startId) that duplicate earlier rows; returns how many. */
export function removeOverlap(db: Db, startId: number): number {
  // customer_stats still describes the data before this import, and its last_seen is indexed.
  const prevMax = db.get<{ m: number | null }>('SELECT max(last_seen) AS m FROM customer_stats')?.m ?? null;
  if (prevMax === null) return 0;
  const newMin = db.get<{ m: number | null }>('SELECT min(ts) AS m FROM events WHERE id >= ?', [startId])?.m ?? null;
  if (newMin === null || newMin > prevMax) return 0;
  const partition = KEY.join(', ');
  const join = KEY.map((k, i) => `old.k${i} = ${k.replace(/\b(customer_id|ts|type|order_id|product|url|amount|quantity)\b/g, 'new.$1')}`).join(' AND ');
  const oldCols = KEY.map((k, i) => `${k.replace(/\b(customer_id|ts|type|order_id|product|url|amount|quantity)\b/g, 'e.$1')} AS k${i}`).join(', ');
  const result = db.run(
    `WITH new AS (
       SELECT id, customer_id, ts, type, order_id, product, url, amount, quantity,
              row_number() OVER (PARTITION BY ${partition} ORDER BY id) AS nth
       FROM events WHERE id >= :start AND ts <= :prevMax),
     old AS (
       SELECT ${oldCols}, count(*) AS n
       FROM events e
       WHERE e.customer_id IN (SELECT customer_id FROM new) AND e.ts BETWEEN :newMin AND :prevMax AND e.id < :start
       GROUP BY ${KEY.map((_, i) => `k${i}`).join(', ')})
     DELETE FROM events WHERE id IN (SELECT new.id FROM new JOIN old ON ${join} WHERE new.nth <= old.n)`,
    { start: startId, prevMax, newMin },
  );
  return result.changes;
}
