// Read-only summaries of a sample workspace by hidden behaviour type: what an analyst would check
// to see that the types are recognisable in the data. Used by the tests and for tuning the model;
// nothing in the product may use ground truth to compute signals or segments.
import type { Db } from '../store/db.ts';

export interface TypeSummary {
  behaviourType: string;
  /** Customer-months with this type (ground_truth rows). */
  customerMonths: number;
  /** Distinct customers who had this type in at least one month. */
  customers: number;
  sessionsPerMonth: number;
  pageViewsPerSession: number;
  /** Orders per customer-month. */
  ordersPerMonth: number;
  /** Share of purchase lines with a discount. */
  discountShare: number;
  /** Returned lines / purchased lines. */
  returnShare: number;
  /** Page views per customer-month by page category. */
  reviewsPerMonth: number;
  pricingPerMonth: number;
  comparisonPerMonth: number;
  faqPerMonth: number;
  returnsPagesPerMonth: number;
  shippingPerMonth: number;
  /** Share of sessions on a mobile phone. */
  mobileShare: number;
  /** E-mail opens / e-mails sent. */
  openRate: number;
  supportPerMonth: number;
}

const r = (x: number | null, digits = 3) => (x === null || !Number.isFinite(x) ? 0 : Number(x.toFixed(digits)));

/** Event figures per ground-truth type, counting each event in the month (UTC) it happened. */
export function summariseByType(db: Db): TypeSummary[] {
  const rows = db.all<Record<string, number | string | null>>(`
    WITH cm AS (
      SELECT customer_id, strftime('%Y-%m', ts / 1000, 'unixepoch') AS month,
             sum(type = 'session_start') AS sessions,
             sum(type = 'session_start' AND device = 'mobile') AS mobile,
             sum(type = 'page_view') AS pv,
             count(DISTINCT CASE WHEN type = 'purchase' THEN order_id END) AS orders,
             sum(type = 'purchase') AS lines,
             sum(type = 'purchase' AND discount > 0) AS discounted,
             sum(type = 'return') AS returns,
             sum(type = 'page_view' AND page_category = 'reviews') AS reviews,
             sum(type = 'page_view' AND page_category = 'pricing') AS pricing,
             sum(type = 'page_view' AND page_category = 'comparison') AS comparison,
             sum(type = 'page_view' AND page_category = 'faq') AS faq,
             sum(type = 'page_view' AND page_category = 'returns') AS returns_pages,
             sum(type = 'page_view' AND page_category = 'shipping') AS shipping,
             sum(type = 'email_sent') AS sent,
             sum(type = 'email_open') AS opens,
             sum(type = 'support_contact') AS support
      FROM events GROUP BY customer_id, month
    )
    SELECT g.behaviour_type AS t, count(*) AS n, count(DISTINCT g.customer_id) AS customers,
           sum(sessions) AS sessions, sum(mobile) AS mobile, sum(pv) AS pv, sum(orders) AS orders,
           sum(lines) AS lines, sum(discounted) AS discounted, sum(returns) AS returns, sum(reviews) AS reviews,
           sum(pricing) AS pricing, sum(comparison) AS comparison, sum(faq) AS faq,
           sum(returns_pages) AS returns_pages, sum(shipping) AS shipping, sum(sent) AS sent,
           sum(opens) AS opens, sum(support) AS support
    FROM ground_truth g LEFT JOIN cm ON cm.customer_id = g.customer_id AND cm.month = g.month
    GROUP BY g.behaviour_type ORDER BY g.behaviour_type`);
  return rows.map((x) => {
    const n = Number(x.n);
    const v = (k: string) => Number(x[k] ?? 0);
    return {
      behaviourType: String(x.t),
      customerMonths: n,
      customers: v('customers'),
      sessionsPerMonth: r(v('sessions') / n),
      pageViewsPerSession: r(v('pv') / v('sessions'), 2),
      ordersPerMonth: r(v('orders') / n),
      discountShare: r(v('discounted') / v('lines')),
      returnShare: r(v('returns') / v('lines')),
      reviewsPerMonth: r(v('reviews') / n),
      pricingPerMonth: r(v('pricing') / n),
      comparisonPerMonth: r(v('comparison') / n),
      faqPerMonth: r(v('faq') / n),
      returnsPagesPerMonth: r(v('returns_pages') / n),
      shippingPerMonth: r(v('shipping') / n),
      mobileShare: r(v('mobile') / v('sessions')),
      openRate: r(v('opens') / v('sent')),
      supportPerMonth: r(v('support') / n),
    };
  });
}

/** Each customer's type in their first month (the intended mix) with their whole-period figures. */
export function customersByFirstType(db: Db): Array<{ customerId: string; firstType: string; types: number; months: number; purchases: number }> {
  return db.all(`
    SELECT g.customer_id AS customerId,
           (SELECT behaviour_type FROM ground_truth f WHERE f.customer_id = g.customer_id ORDER BY month LIMIT 1) AS firstType,
           count(DISTINCT g.behaviour_type) AS types, count(*) AS months,
           coalesce((SELECT purchases FROM customer_stats s WHERE s.customer_id = g.customer_id), 0) AS purchases
    FROM ground_truth g GROUP BY g.customer_id ORDER BY g.customer_id`);
}
