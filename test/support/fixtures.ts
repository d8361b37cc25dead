// Builders for small, hand-checkable workspaces. Real SQLite files, written through core's store.
import { createWorkspace, type Workspace } from '../../core/store/workspace.ts';
import { rebuildCustomerStats } from '../../core/customers/stats.ts';

export interface FixtureCustomer {
  id: string;
  name: string;
  country: string;
  /** [day offset from 2024-01-01, type, amount?] */
  events: Array<[number, string, number?]>;
}

export const DAY = 86_400_000;
export const T0 = Date.UTC(2024, 0, 1);

/** Five customers whose figures are easy to compute by hand. */
export const SMALL_SHOP: FixtureCustomer[] = [
  { id: 'A1', name: 'Ada Lovelace', country: 'GB', events: [[0, 'session_start'], [0, 'page_view'], [1, 'purchase', 120], [40, 'purchase', 80]] },
  { id: 'B2', name: 'Bea Müller', country: 'DE', events: [[3, 'session_start'], [3, 'page_view'], [3, 'page_view']] },
  { id: 'C3', name: 'Carl 100%_Sale', country: 'DE', events: [[5, 'purchase', 300], [9, 'return', -50]] },
  { id: 'D4', name: 'Dora Smith', country: 'FR', events: [] },
  { id: 'E5', name: 'Emil Öz', country: 'GB', events: [[2, 'email_open'], [2, 'email_click'], [2, 'session_start'], [2, 'purchase', 45.5]] },
];

export function buildWorkspace(path: string, customers: FixtureCustomer[] = SMALL_SHOP): Workspace {
  const ws = createWorkspace(path, { name: 'Fixture shop' });
  const { db } = ws;
  db.transaction(() => {
    const imp = db.run(
      "INSERT INTO imports (kind, status, started_at, finished_at, rows_read, rows_imported) VALUES ('events', 'done', ?, ?, 0, 0)",
      [T0, T0],
    );
    const importId = Number(imp.lastInsertRowid);
    const addCustomer = db.prepare(
      'INSERT INTO customers (customer_id, name, email, country, first_seen, import_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const addEvent = db.prepare(
      'INSERT INTO events (customer_id, ts, type, channel, amount, order_id, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const c of customers) {
      const email = `${c.id.toLowerCase()}@example.com`;
      addCustomer.run([c.id, c.name, email, c.country, T0, importId]);
      c.events.forEach(([day, type, amount], i) => {
        const orderId = type === 'purchase' || type === 'return' ? `${c.id}-O${type === 'return' ? i - 1 : i}` : null;
        addEvent.run([c.id, T0 + day * DAY + i * 1000, type, 'web', amount ?? null, orderId, importId]);
      });
    }
  });
  rebuildCustomerStats(db);
  return ws;
}
