// customer_stats holds the per-customer figures the customers table sorts and filters on.
// It is derived data: rebuilt from customers + events after every load.
import type { Db } from '../store/db.ts';

const STATS_SELECT = `
  SELECT customer_id, min(ts), max(ts), count(*),
         sum(type = 'session_start'),
         count(DISTINCT CASE WHEN type = 'purchase' THEN coalesce(order_id, 'event:' || id) END),
         coalesce(sum(CASE WHEN type = 'purchase' THEN amount END), 0)
           - coalesce(sum(CASE WHEN type = 'return' THEN abs(amount) END), 0),
         max(CASE WHEN type = 'purchase' THEN ts END)
  FROM events`;

/**
 * Rebuilds customer_stats in one transaction. Customers that appear only in events (no customers
 * row) get a row too, so every event's customer can be browsed.
 */
export function rebuildCustomerStats(db: Db): void {
  db.transaction(() => {
    db.run('DELETE FROM customer_stats');
    db.run(`
      INSERT INTO customer_stats (customer_id, first_seen, last_seen, events, sessions, purchases, revenue, last_purchase)
      ${STATS_SELECT} GROUP BY customer_id`);
    db.run(`
      INSERT INTO customer_stats (customer_id, first_seen, last_seen, events, sessions, purchases, revenue, last_purchase)
      SELECT c.customer_id, c.first_seen, NULL, 0, 0, 0, 0, NULL
      FROM customers c WHERE NOT EXISTS (SELECT 1 FROM customer_stats s WHERE s.customer_id = c.customer_id)`);
    // Events may name customers with no customers row (event-only imports): give them one,
    // so joins from the table to details never lose anybody.
    db.run(`
      INSERT INTO customers (customer_id, first_seen)
      SELECT s.customer_id, s.first_seen FROM customer_stats s
      WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = s.customer_id)`);
  });
}



/**
 * Recomputes customer_stats for the customers listed in temp.touched_customers (filled by the
 * caller, e.g. everyone an import wrote about). When most customers are touched a full rebuild
 * is cheaper than index lookups, so that is used instead.
 */
export function refreshTouchedCustomerStats(db: Db): void {
  const touched = db.get<{ n: number }>('SELECT count(*) AS n FROM temp.touched_customers')?.n ?? 0;
  const total = db.get<{ n: number }>('SELECT count(*) AS n FROM customer_stats')?.n ?? 0;
  if (touched === 0) return;
  if (touched > total / 2) {
    rebuildCustomerStats(db);
    return;
  }
  db.transaction(() => {
    db.run('DELETE FROM customer_stats WHERE customer_id IN (SELECT customer_id FROM temp.touched_customers)');
    db.run(`
      INSERT INTO customer_stats (customer_id, first_seen, last_seen, events, sessions, purchases, revenue, last_purchase)
      ${STATS_SELECT} WHERE customer_id IN (SELECT customer_id FROM temp.touched_customers) GROUP BY customer_id`);
    db.run(`
      INSERT INTO customer_stats (customer_id, first_seen, last_seen, events, sessions, purchases, revenue, last_purchase)
      SELECT c.customer_id, c.first_seen, NULL, 0, 0, 0, 0, NULL FROM customers c
      WHERE c.customer_id IN (SELECT customer_id FROM temp.touched_customers)
        AND NOT EXISTS (SELECT 1 FROM customer_stats s WHERE s.customer_id = c.customer_id)`);
  });
}
