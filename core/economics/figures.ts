// What each customer's history before the as-of date is worth: orders, what they paid, the gross
// margin on it, discounts, returns and support contacts. Amounts are what customers paid (after any
// discount); `discount` is the discount granted on top. One pass over the purchase, return and
// support events.
import type { Db } from '../store/db.ts';
import type { EconomicsSettings } from './types.ts';

export interface CustomerFigures {
  ids: string[];
  orders: Float64Array;
  revenue: Float64Array;
  /** Gross margin of the purchases: from the margin column where it has a number, else revenue x margin. */
  grossMargin: Float64Array;
  discountedOrders: Float64Array;
  discountTotal: Float64Array;
  returns: Float64Array;
  returnValue: Float64Array;
  supportContacts: Float64Array;
  /** Epoch ms of the first purchase, NaN without one. */
  firstPurchase: Float64Array;
  /** Purchase rows whose margin came from the margin column. */
  rowsWithMarginColumn: number;
}

type MarginSettings = Pick<EconomicsSettings, 'margin' | 'marginColumn'>;

/** SQL for one purchase row's gross margin, and its parameters (the JSON path is bound, never spliced). */
function marginSql(settings: MarginSettings): { sql: string; params: Array<string | number>; fromColumn: string } {
  const c = settings.marginColumn;
  if (!c) return { sql: 'amount * ?', params: [settings.margin], fromColumn: '0' };
  const path = `$."${c.key}"`;
  const value = c.meaning === 'cost' ? 'amount - json_extract(props, ?)' : 'json_extract(props, ?)';
  const has = `json_type(props, ?) IN ('integer', 'real')`;
  return {
    sql: `CASE WHEN ${has} THEN ${value} ELSE amount * ? END`,
    params: [path, path, settings.margin],
    fromColumn: `sum(CASE WHEN type = 'purchase' AND ${has} THEN 1 ELSE 0 END)`,
  };
}

export function readCustomerFigures(db: Db, asOf: number, settings: MarginSettings = { margin: 0.3, marginColumn: null }): CustomerFigures {
  const margin = marginSql(settings);
  const fromParams = settings.marginColumn ? [`$."${settings.marginColumn.key}"`] : [];
  const rows = db.all<{ customer_id: string; orders: number; revenue: number; margin: number; discounted: number; discount: number; returns: number; return_value: number; support: number; first_purchase: number | null; with_column: number }>(
    `SELECT customer_id,
       count(DISTINCT CASE WHEN type = 'purchase' THEN coalesce(order_id, 'event:' || id) END) AS orders,
       coalesce(sum(CASE WHEN type = 'purchase' THEN amount END), 0) AS revenue,
       coalesce(sum(CASE WHEN type = 'purchase' THEN ${margin.sql} END), 0) AS margin,
       count(DISTINCT CASE WHEN type = 'purchase' AND discount > 0 THEN coalesce(order_id, 'event:' || id) END) AS discounted,
       coalesce(sum(CASE WHEN type = 'purchase' THEN discount END), 0) AS discount,
       sum(type = 'return') AS returns,
       coalesce(sum(CASE WHEN type = 'return' THEN abs(amount) END), 0) AS return_value,
       sum(type = 'support_contact') AS support,
       min(CASE WHEN type = 'purchase' THEN ts END) AS first_purchase,
       ${margin.fromColumn} AS with_column
     FROM events WHERE type IN ('purchase', 'return', 'support_contact') AND ts < ?
     GROUP BY customer_id ORDER BY customer_id`,
    [...margin.params, ...fromParams, asOf],
  );
  const col = (f: (r: (typeof rows)[number]) => number) => Float64Array.from(rows, f);
  return {
    ids: rows.map((r) => r.customer_id),
    orders: col((r) => r.orders),
    revenue: col((r) => r.revenue),
    grossMargin: col((r) => r.margin),
    discountedOrders: col((r) => r.discounted),
    discountTotal: col((r) => r.discount),
    returns: col((r) => r.returns),
    returnValue: col((r) => r.return_value),
    supportContacts: col((r) => r.support),
    firstPurchase: col((r) => r.first_purchase ?? NaN),
    rowsWithMarginColumn: rows.reduce((s, r) => s + r.with_column, 0),
  };
}
