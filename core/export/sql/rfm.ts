// RFM groups as SQL, as rules/rfm.ts assigns them: buyers are customers with an order and a purchase
// date before the as-of date; cut-offs are the type-7 quantiles 0.2..0.8 of the buyers (recomputed
// at whatever date the views are read) or the analyst's fixed ones; a score is 1 + the number of
// cut-offs the value exceeds (ties go to the lower score), recency counting down; FM is the mean of
// F and M rounded half up, which is (f + m + 1) / 2 in integer division; the first group whose
// ranges hold wins, then "other"; non-buyers are "none".
import type { RfmSettings } from '../../rules/types.ts';
import { RFM_NONE, RFM_OTHER } from '../../rules/rfm.ts';
import type { SqlDialect } from '../../signals/sql-dialect.ts';
import { quantileSql } from './quantile.ts';

const QUANTILES = [0.2, 0.4, 0.6, 0.8];
const BUYER = 'orders > 0 AND days_since_purchase IS NOT NULL';

/** The body of a view (customer_id, r, f, m, fm, rfm_group) over `source` (the signals view). */
export function rfmSql(source: string, settings: RfmSettings, d: SqlDialect): string {
  const buyers = `(SELECT days_since_purchase, orders, revenue FROM base WHERE ${BUYER}) AS buyers`;
  const quantiles = (c: string) => QUANTILES.map((q) => quantileSql(c, buyers, q, d, d.double(0)));
  const cuts =
    settings.method === 'quantiles'
      ? { r: quantiles('days_since_purchase'), f: quantiles('orders'), m: quantiles('revenue') }
      : { r: settings.cutoffs.recencyDays.map(d.double), f: settings.cutoffs.orders.map(d.double), m: settings.cutoffs.revenue.map(d.double) };
  const cutColumns = (['r', 'f', 'm'] as const).flatMap((k) => cuts[k].map((c, i) => `${c} AS ${k}${i}`));
  const exceeded = (c: string, k: 'r' | 'f' | 'm') => `(1 + ${QUANTILES.map((_, i) => `CASE WHEN ${c} > cuts.${k}${i} THEN 1 ELSE 0 END`).join(' + ')})`;
  const groups = settings.groups
    .map((g) => `WHEN r BETWEEN ${g.r[0]} AND ${g.r[1]} AND fm BETWEEN ${g.fm[0]} AND ${g.fm[1]} THEN ${d.string(g.id)}`)
    .join('\n    ');
  return `WITH base AS MATERIALIZED (SELECT customer_id, days_since_purchase, orders, revenue FROM ${source}),
cuts AS MATERIALIZED (SELECT ${cutColumns.join(', ')}),
scores AS MATERIALIZED (
  SELECT customer_id,
    CASE WHEN ${BUYER} THEN 6 - ${exceeded('days_since_purchase', 'r')} ELSE 0 END AS r,
    CASE WHEN ${BUYER} THEN ${exceeded('orders', 'f')} ELSE 0 END AS f,
    CASE WHEN ${BUYER} THEN ${exceeded('revenue', 'm')} ELSE 0 END AS m
  FROM base, cuts)
SELECT customer_id, r, f, m, fm,
  CASE WHEN r = 0 THEN ${d.string(RFM_NONE)}
    ${groups}
    ELSE ${d.string(RFM_OTHER)} END AS rfm_group
FROM (SELECT customer_id, r, f, m, (f + m + 1) / 2 AS fm FROM scores) AS s`;
}
