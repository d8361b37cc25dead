// Right to erasure: every row about one customer goes, in one transaction, and the erasure is
// recorded with counts only, never with the id or any other personal data.
import { ApiError } from '../api/contract.ts';
import type { Db } from '../store/db.ts';

/** Tables that hold rows about a customer, keyed by customer_id. */
const CUSTOMER_TABLES = ['events', 'ground_truth', 'customer_stats', 'customers'] as const;

export function eraseCustomer(db: Db, customerId: string, note: string | null = null): Record<string, number> {
  return db.transaction(() => {
    if (!db.get('SELECT 1 FROM customers WHERE customer_id = ?', [customerId])) {
      throw new ApiError({ code: 'customer-not-found', message: `There is no customer "${customerId}" in this workspace.` });
    }
    const deleted: Record<string, number> = {};
    for (const table of CUSTOMER_TABLES) {
      deleted[table] = db.run(`DELETE FROM ${table} WHERE customer_id = ?`, [customerId]).changes;
    }
    db.run('INSERT INTO erasures (erased_at, rows_deleted, note) VALUES (?, ?, ?)', [Date.now(), JSON.stringify(deleted), note]);
    return deleted;
  });
}
