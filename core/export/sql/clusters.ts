// A stored cluster model as SQL: each customer's coordinates by the model's own scaling (frozen at
// fit time, so only the raw signals change with the date), in clusters/scaling.ts scaleValue's
// operation order, then the nearest centroid by squared Euclidean distance summed in signal order,
// ties to the lowest cluster index as assignNearest's strict "<" does. Customers whose value is
// missing under missing = drop get no coordinates: "unclustered".
import type { StoredModel } from '../../clusters/models.ts';
import type { SignalScaling } from '../../clusters/scaling.ts';
import type { SqlDialect } from '../../signals/sql-dialect.ts';
import { column } from './scoring.ts';

export const UNCLUSTERED = 'unclustered';

const lowerTie = (b: readonly number[], i: number) => {
  while (i > 0 && b[i - 1] === b[i]) i--;
  return i;
};
const upperTie = (b: readonly number[], i: number) => {
  while (i < b.length - 1 && b[i + 1] === b[i]) i++;
  return i;
};

/**
 * scaling.ts percentileOf unrolled over the literal breakpoints: below / at / above the ends, then
 * per run of equal breakpoints the middle of the run for an equal value and the interpolation
 * (top + (v - b_top) / (b_next - b_top)) / last strictly between, with the app's own differences.
 */
function percentileSql(b: readonly number[], v: string, d: SqlDialect): string {
  const last = b.length - 1;
  const parts = [
    `WHEN ${v} < ${d.double(b[0]!)} THEN 0.0`,
    `WHEN ${v} = ${d.double(b[0]!)} THEN ${d.double(upperTie(b, 0) / (2 * last))}`,
    `WHEN ${v} > ${d.double(b[last]!)} THEN 1.0`,
    `WHEN ${v} = ${d.double(b[last]!)} THEN ${d.double((lowerTie(b, last) + last) / (2 * last))}`,
  ];
  for (let lo = 0; lo < last; lo++) {
    if (lo > 0 && b[lo] === b[lo - 1]) continue;
    let top = lo;
    while (top + 1 < last && b[top + 1] === b[lo]) top++;
    const next = b[top + 1]!;
    if (next === b[top]) continue; // the run reaches the last breakpoint: handled above
    parts.push(`WHEN ${v} = ${d.double(b[top]!)} THEN ${d.double((lowerTie(b, top) + top) / (2 * last))}`);
    parts.push(`WHEN ${v} < ${d.double(next)} THEN (${d.double(top)} + (${v} - ${d.double(b[top]!)}) / ${d.double(next - b[top]!)}) / ${d.double(last)}`);
  }
  return `(CASE ${parts.join('\n      ')} END)`;
}

function coordinateSql(s: SignalScaling, d: SqlDialect): string {
  const v = s.impute === null ? column(s.id) : `coalesce(${column(s.id)}, ${d.double(s.impute)})`;
  let z = s.breakpoints ? percentileSql(s.breakpoints, v, d) : `(${v} - ${d.double(s.centre)}) / ${d.double(s.scale)}`;
  if (s.clip !== null) z = d.greatest(d.double(-s.clip), d.least(d.double(s.clip), z));
  return `${z} * ${d.double(s.weight)}`;
}

/** The body of a view (customer_id, segment = the cluster key or "unclustered") over the signals view. */
export function clusterSql(source: string, model: StoredModel, d: SqlDialect): string {
  const { scaling, centroids } = model;
  const dims = scaling.length;
  const k = model.summary.clusters.length;
  const coordinates = scaling.map((s, t) => `${coordinateSql(s, d)} AS x${t}`);
  const distances = Array.from({ length: k }, (_, j) => {
    let sum = '';
    for (let t = 0; t < dims; t++) {
      const diff = `(x${t} - ${d.double(centroids[j * dims + t]!)})`;
      sum = t === 0 ? `${diff} * ${diff}` : `(${sum} + ${diff} * ${diff})`;
    }
    return `${sum} AS s${j}`;
  });
  const distanceColumns = Array.from({ length: k }, (_, j) => `s${j}`);
  const all = distanceColumns.join(', ');
  // Every distance is NULL or none is (a customer without coordinates), so no NULL reaches smallest().
  const smallest = d.smallest(distanceColumns);
  const pick = model.summary.clusters.map((c, j) => `WHEN s${j} = best THEN ${d.string(String(c.key))}`).join(' ');
  return `WITH coords AS MATERIALIZED (SELECT customer_id, ${coordinates.join(',\n  ')} FROM ${source}),
dist AS MATERIALIZED (SELECT customer_id, ${distances.join(',\n  ')} FROM coords)
SELECT customer_id, CASE WHEN best IS NULL THEN ${d.string(UNCLUSTERED)} ELSE CASE ${pick} END END AS segment
FROM (SELECT customer_id, ${all}, ${smallest} AS best FROM dist) AS nearest`;
}
