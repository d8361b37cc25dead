// Type-7 quantiles in SQL, the app's quantileSorted (scoring/sorted-values.ts) step by step:
// position = q (n - 1) in doubles, the two neighbouring ranks, a + (b - a) * fraction unless the
// fraction is 0. Ranks come from row_number(), which every engine has (SQLite's percentile_cont
// is an optional extension).
import type { SqlDialect } from '../../signals/sql-dialect.ts';

/**
 * A scalar subquery: quantile q of `column` over `from` (rows where it is not NULL); `empty`
 * when there are none.
 */
export function quantileSql(column: string, from: string, q: number, d: SqlDialect, empty = 'NULL'): string {
  const ranked = `SELECT row_number() OVER (ORDER BY ${column}) AS k, ${column} AS v FROM ${from} WHERE ${column} IS NOT NULL`;
  const at = `SELECT pos - floor(pos) AS fr, CAST(floor(pos) AS bigint) + 1 AS lo, CASE WHEN CAST(floor(pos) AS bigint) + 1 < cnt - 1 THEN CAST(floor(pos) AS bigint) + 1 ELSE cnt - 1 END + 1 AS hi, cnt
      FROM (SELECT ${d.double(q)} * (cnt - 1) AS pos, cnt FROM (SELECT count(${column}) AS cnt FROM ${from}) AS c1) AS c2`;
  return `(SELECT CASE WHEN p.cnt = 0 THEN ${empty} WHEN p.fr = 0 THEN a.v ELSE a.v + (b.v - a.v) * p.fr END
    FROM (${at}) AS p
    LEFT JOIN (${ranked}) AS a ON a.k = p.lo
    LEFT JOIN (${ranked}) AS b ON b.k = p.hi)`;
}
