// The SQL engines the signal and rule statements are written for. SQLite is the app's own engine,
// and its text is what the app has always run (exports write the same statements). PostgreSQL is
// for export only. Each difference below was measured to change results when left out (see
// core/export/sql/layout.ts for the helper functions the PostgreSQL text needs):
// - `1.0`-style literals are NUMERIC in PostgreSQL, and so is anything divided by one: fractional
//   constants are written as doubles; `CAST(x AS REAL)` there would be float4;
// - SQLite's sum() and avg() over doubles are compensated (Kahan-Babuska-Neumaier); PostgreSQL sums
//   naively, which changed the last bits of revenue-like signals: segwb_kbn_sum is SQLite's sum;
// - SQLite's two-argument min()/max() return NULL when an argument is NULL; PostgreSQL's
//   least()/greatest() ignore it (a customer sent no email would get an open rate of 1);
// - GLOB, instr() and CAST(x AS INTEGER) (which truncates in SQLite and rounds in PostgreSQL);
// - lower() folds only ASCII in SQLite, Unicode in a UTF-8 PostgreSQL unless the collation is "C";
// - coalesce() will not mix boolean and integer in PostgreSQL, and a CASE needs a boolean;
// - JSON values come out as text differently.
import type { SqlValue } from '../store/db.ts';

export type SqlDialectName = 'sqlite' | 'postgres';

export interface SqlDialect {
  name: SqlDialectName;
  /** A constant used in floating-point arithmetic (whole numbers get a decimal point in SQLite). */
  double(x: number): string;
  /** An expression as a 64-bit float. */
  real(expr: string): string;
  /** sum() over doubles, with SQLite's compensated summation. */
  sum(expr: string): string;
  /** avg() over doubles: the compensated sum over the count. */
  avg(expr: string): string;
  /** The smaller / larger of two values, NULL when either is NULL (SQLite's scalar min/max). */
  least(a: string, b: string): string;
  greatest(a: string, b: string): string;
  /** The integer part of a double, towards zero. */
  trunc(expr: string): string;
  /** The text starts with a literal prefix of letters, digits and underscores. */
  startsWith(column: string, prefix: string): string;
  contains(haystack: string, needle: string): string;
  /** A condition that always holds. */
  always: string;
  /** The boolean false coalesce() needs in rule tests. */
  falsy: string;
  /** lower() of a column, ASCII only. */
  lower(column: string): string;
  /** A text parameter ("?"), typed where the engine cannot infer it. */
  text: string;
  /** An extra column's value as text, read the way SQLite's json_extract renders it; the parameter to bind. */
  attribute(key: string): { expr: string; param: SqlValue };
  /** The first instant (epoch ms) of the UTC month holding `msExpr` (an integer expression). */
  monthStart(msExpr: string): string;
  /** A text value as a literal. */
  string(value: string): string;
  /** The smallest of two or more values none of which is NULL (SQLite's min() takes many; PostgreSQL's least()). */
  smallest(values: readonly string[]): string;
  /**
   * Math.fround of a column: the double rounded to float32, as the app's Float32Array scores are.
   * Apply it to a plain column of a materialised stage: the SQLite text repeats it.
   */
  float32(column: string): string;
}

/** Shortest round-trip text of a finite double: what JavaScript prints, which both engines read back exactly. */
function finite(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`a SQL constant must be finite, got ${x}`);
  return String(x);
}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

const SIMPLE_PREFIX = /^[A-Za-z0-9_]+$/;
function checkPrefix(prefix: string): string {
  if (!SIMPLE_PREFIX.test(prefix)) throw new Error(`startsWith takes letters, digits and underscores only, got ${prefix}`);
  return prefix;
}

/**
 * SQLite has no float of that width: the double is rounded to 24 significant bits, ties to even,
 * with power-of-two scaling only (exact for normal floats; scores 0..100 and units 0..1 are).
 * Checked against Math.fround in sql-dialect.test.ts.
 */
function sqliteFloat32(x: string): string {
  const a = `abs(${x})`;
  const e0 = `floor(log2(${a}))`;
  // log2 of a value just below a power of two can round up to it: correct the exponent both ways.
  const e = `(${e0} - (power(2.0, ${e0}) > ${a}) + (power(2.0, ${e0} + 1) <= ${a}))`;
  const scale = `power(2.0, 23 - ${e})`;
  const q = `(${a} * ${scale})`;
  const f = `floor(${q})`;
  return `(CASE WHEN ${x} = 0 THEN 0.0 ELSE sign(${x}) * (${f} + CASE WHEN ${q} - ${f} > 0.5 THEN 1 WHEN ${q} - ${f} < 0.5 THEN 0 ELSE ${f} - 2 * floor(${f} / 2) END) / ${scale} END)`;
}

export const SQLITE: SqlDialect = {
  name: 'sqlite',
  double: (x) => {
    const text = finite(x);
    return /[.e]/.test(text) ? text : `${text}.0`;
  },
  real: (e) => `CAST(${e} AS REAL)`,
  sum: (e) => `sum(${e})`,
  avg: (e) => `avg(${e})`,
  least: (a, b) => `min(${a}, ${b})`,
  greatest: (a, b) => `max(${a}, ${b})`,
  trunc: (e) => `CAST(${e} AS INTEGER)`,
  // GLOB, not LIKE: LIKE ignores ASCII case and reads _ as a wildcard.
  startsWith: (c, p) => `${c} GLOB '${checkPrefix(p)}*'`,
  contains: (h, n) => `instr(${h}, ${n}) > 0`,
  always: '1',
  falsy: '0',
  lower: (c) => `lower(${c})`,
  text: '?',
  attribute: (key) => ({ expr: 'json_extract(attributes, ?)', param: `$."${key}"` }),
  monthStart: (ms) => `(CAST(strftime('%s', (${ms}) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000)`,
  string: quote,
  smallest: (values) => `min(${values.join(', ')})`,
  float32: sqliteFloat32,
};

export const POSTGRES: SqlDialect = {
  name: 'postgres',
  double: (x) => `CAST('${finite(x)}' AS double precision)`,
  real: (e) => `CAST(${e} AS double precision)`,
  sum: (e) => `segwb_kbn_sum(${e})`,
  avg: (e) => `(segwb_kbn_sum(${e}) / count(${e}))`,
  least: (a, b) => `segwb_least(${a}, ${b})`,
  greatest: (a, b) => `segwb_greatest(${a}, ${b})`,
  trunc: (e) => `trunc(${e})`,
  startsWith: (c, p) => `substr(${c}, 1, ${checkPrefix(p).length}) = '${p}'`,
  contains: (h, n) => `strpos(${h}, ${n}) > 0`,
  always: 'TRUE',
  falsy: 'false',
  lower: (c) => `lower(${c} COLLATE "C")`,
  text: 'CAST(? AS text)',
  // SQLite renders JSON true/false as 1/0 and numbers without quotes; #>> '{}' is the value as text.
  attribute: () => ({
    expr: "(SELECT CASE jsonb_typeof(j) WHEN 'boolean' THEN CASE WHEN j = 'true'::jsonb THEN '1' ELSE '0' END ELSE j #>> '{}' END FROM (SELECT CAST(attributes AS jsonb) -> CAST(? AS text) AS j) AS x)",
    param: null,
  }),
  // AT TIME ZONE 'UTC' makes the month the UTC one whatever the session's TimeZone.
  monthStart: (ms) => `(CAST(extract(epoch FROM date_trunc('month', to_timestamp((${ms}) / 1000) AT TIME ZONE 'UTC')) AS bigint) * 1000)`,
  string: quote,
  smallest: (values) => `least(${values.join(', ')})`,
  float32: (x) => `CAST(CAST(${x} AS real) AS double precision)`,
};

export const DIALECTS: Record<SqlDialectName, SqlDialect> = { sqlite: SQLITE, postgres: POSTGRES };
