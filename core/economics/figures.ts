// What each customer's history before the as-of date is worth: orders, what they paid, discounts,
// returns and support contacts. Amounts are what customers paid (after any discount); `discount`
// is the discount granted on top. One pass over the purchase, return and support events.
import type { Db } from '../store/db.ts';

export interface CustomerFigures {
  ids: string[];
  orders: Float64Array;
  revenue: Float64Array;
  discountedOrders: Float64Array;
  discountTotal: Float64Array;
  returns: Float64Array;
  returnValue: Float64Array;
  supportContacts: Float64Array;
  /** Epoch ms of the first purchase, NaN without one. */
  firstPurchase: Float64Array;
}

export function readCustomerFigures(db: Db, asOf: number): CustomerFigures {
  const rows = db.all<{ customer_id: string; orders: number; revenue: number; discounted: number; discount: number; returns: number; return_value: number; support: number; first_purchase: number | null }>(
    `SELECT customer_id,
       count(DISTINCT CASE WHEN type = 'purchase' THEN coalesce(order_id, 'event:' || id) END) AS orders,
       coalesce(sum(CASE WHEN type = 'purchase' THEN amount END), 0) AS revenue,
       count(DISTINCT CASE WHEN type = 'purchase' AND discount > 0 THEN coalesce(order_id, 'event:' || id) END) AS discounted,
       coalesce(sum(CASE WHEN type = 'purchase' THEN discount END), 0) AS discount,
       sum(type = 'return') AS returns,
       coalesce(sum(CASE WHEN type = 'return' THEN abs(amount) END), 0) AS return_value,
       sum(type = 'support_contact') AS support,
       min(CASE WHEN type = 'purchase' THEN ts END) AS first_purchase
     FROM events WHERE type IN ('purchase', 'return', 'support_contact') AND ts < ?
     GROUP BY customer_id ORDER BY customer_id`,
    [asOf],
  );
  const col = (f: (r: (typeof rows)[number]) => number) => Float64Array.from(rows, f);
  return {
    ids: rows.map((r) => r.customer_id),
    orders: col((r) => r.orders),
    revenue: col((r) => r.revenue),
    discountedOrders: col((r) => r.discounted),
    discountTotal: col((r) => r.discount),
    returns: col((r) => r.returns),
    returnValue: col((r) => r.return_value),
    supportContacts: col((r) => r.support),
    firstPurchase: col((r) => r.first_purchase ?? NaN),
  };
}
