// customer_stats holds the per-customer figures the customers table sorts and filters on.
// It is derived data: rebuilt from customers + events after every load.
import type { Db } from '../store/db.ts';

/**
 * Rebuilds customer_stats in one transaction. Customers that appear only in events (no customers
 * row) get a row too, so every event's customer can be browsed.
 */
export function rebuildCustomerStats(db: Db): void {
  db.transaction(() => {
    db.run('DELETE FROM customer_stats');
    // One pass over events grouped by customer; the events_customer_ts index gives the grouping order.
    db.run(`
      INSERT INTO customer_stats (customer_id, first_seen, last_seen, events, sessions, purchases, revenue, last_purchase)
      SELECT customer_id,
             min(ts), max(ts), count(*),
             sum(type = 'session_start'),
             count(DISTINCT CASE WHEN type = 'purchase' THEN coalesce(order_id, 'event:' || id) END),
             coalesce(sum(CASE WHEN type = 'purchase' THEN amount END), 0)
               - coalesce(sum(CASE WHEN type = 'return' THEN abs(amount) END), 0),
             max(CASE WHEN type = 'purchase' THEN ts END)
      FROM events GROUP BY customer_id`);
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
