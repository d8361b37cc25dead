// Rule leaves that read the database (events, customer attributes), compiled to one parameterised
// SELECT of customer ids each. Column names come only from the fixed maps below; every value, JSON
// path and date bound travels as a parameter, so nothing a user types is ever pasted into SQL.
//
// A leaf compiles to the set of customers that *have* something (at least one matching event,
// an attribute value). Tests that also hold for customers with nothing ("did not", "at most 2",
// "country is not US") are that set's complement within the customers of the as-of date.
import { DAY_MS } from '../signals/catalog.ts';
import { DIALECTS, type SqlDialect, type SqlDialectName } from '../signals/sql-dialect.ts';
import type { SqlValue } from '../store/db.ts';
import type { AttributeCondition, EventCondition, EventFilter, EventWindow, NumberOp, TextOp } from './types.ts';

/** The SQL engine rules compile to: SQLite (the app's) or PostgreSQL (export); see signals/sql-dialect.ts. */
export type RuleDialect = SqlDialectName;

/**
 * Exported rules read views instead of the app's relations and are evaluated as of the instant an
 * SQL expression gives (a parameter view), so their windows are expressions too.
 */
export interface RuleViews {
  /** The as-of instant (epoch ms) as an SQL expression. */
  asOf: string;
  /** customer_id of every customer known as of the date. */
  universe: string;
  /** customer_id, one column per signal id, intent_score. */
  signals: string;
  /** A relation (customer_id, segment) for a segmentation, by its formatted ref ("phases", "segment:3"). */
  segmentation(ref: string): string;
}

export interface RuleTarget {
  dialect: RuleDialect;
  views?: RuleViews | undefined;
}

/** `?` placeholders numbered $1, $2... for PostgreSQL (rule SQL never holds a literal question mark: every value is a parameter). */
export function postgresPlaceholders(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

export interface CompiledLeaf {
  sql: string;
  params: SqlValue[];
  /** The leaf's customers are everyone known as of the date except those `sql` returns. */
  complement: boolean;
}

/** Rule field -> column. Identifiers reach SQL only through these literals (also the pickers' suggestions). */
export const EVENT_COLUMNS: Record<EventFilter['field'] | 'type', string> = {
  type: 'type',
  channel: 'channel',
  device: 'device',
  url: 'url',
  page_category: 'page_category',
  product: 'product',
  category: 'category',
  campaign: 'campaign',
  order_id: 'order_id',
  session_id: 'session_id',
  amount: 'amount',
  discount: 'discount',
  quantity: 'quantity',
};

const CUSTOMER_COLUMNS: Record<Exclude<AttributeCondition['field'], 'attribute'>, string> = {
  country: 'country',
  city: 'city',
  email: 'email',
  name: 'name',
  phone: 'phone',
};

function measureSql(measure: EventCondition['measure'], d: SqlDialect): string {
  switch (measure) {
    case 'count':
      return 'count(*)';
    case 'amount':
      return `coalesce(${d.sum('amount')}, 0)`;
    case 'days':
      // Integer division: the UTC day number of each event.
      return `count(DISTINCT ts / ${DAY_MS})`;
  }
}

export function parseDay(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** [from, to) in epoch ms for a window as of `asOf`; never reaches past the as-of instant. */
export function windowBounds(window: EventWindow, asOf: number): { from: number | null; to: number } {
  switch (window.kind) {
    case 'all':
      return { from: null, to: asOf };
    case 'last':
      return { from: asOf - window.days * DAY_MS, to: asOf };
    case 'between':
      return { from: parseDay(window.from), to: Math.min(parseDay(window.to) + DAY_MS, asOf) };
    case 'month-to-date': {
      const d = new Date(asOf - 1);
      return { from: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), to: asOf };
    }
  }
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** A text test that holds only where the column has a value (the positive form of each operator). */
function positiveText(column: string, op: TextOp, value: string | undefined, values: string[] | undefined, params: SqlValue[], d: SqlDialect): string {
  const param = d.lower(d.text);
  switch (op) {
    case 'is':
    case 'is-not':
      params.push(value!);
      return `${d.lower(column)} = ${param}`;
    case 'in':
    case 'not-in':
      params.push(...values!);
      return `${d.lower(column)} IN (${values!.map(() => param).join(', ')})`;
    case 'contains':
      params.push(value!);
      return d.contains(d.lower(column), param);
    case 'starts-with':
      params.push(value!, value!);
      return `substr(${d.lower(column)}, 1, length(${d.text})) = ${param}`;
    case 'is-empty':
    case 'is-present':
      return `(${column} IS NOT NULL AND ${column} <> '')`;
  }
}

/** Operators whose matches are the complement of the positive test (they include missing values). */
const NEGATED_TEXT: ReadonlySet<TextOp> = new Set(['is-not', 'not-in', 'is-empty']);

function numberTest(column: string, op: NumberOp, value: number | undefined, max: number | undefined, params: SqlValue[]): string {
  const compare = (sign: string) => {
    params.push(value!);
    return `${column} ${sign} ?`;
  };
  switch (op) {
    case 'eq':
      return compare('=');
    case 'ne':
      return compare('<>');
    case 'gt':
      return compare('>');
    case 'gte':
      return compare('>=');
    case 'lt':
      return compare('<');
    case 'lte':
      return compare('<=');
    case 'between':
      params.push(value!, max!);
      return `${column} BETWEEN ? AND ?`;
    case 'is-empty':
      return `${column} IS NULL`;
    case 'is-present':
      return `${column} IS NOT NULL`;
  }
}

function eventFilter(f: EventFilter, params: SqlValue[], d: SqlDialect): string {
  const column = EVENT_COLUMNS[f.field];
  if (f.field === 'amount' || f.field === 'discount' || f.field === 'quantity') {
    const n = f as Extract<EventFilter, { field: 'amount' | 'discount' | 'quantity' }>;
    return numberTest(column, n.op, n.value, n.max, params);
  }
  const t = f as Extract<EventFilter, { op: TextOp }>;
  const positive = positiveText(column, t.op, t.value, t.values, params, d);
  // Within one event a negated test is simply NOT of the positive one (a missing value counts as "not").
  return NEGATED_TEXT.has(t.op) ? `NOT coalesce(${positive}, ${d.falsy})` : positive;
}

/** [from, to) of a window as SQL expressions over the as-of instant's expression (exported rules). */
export function windowBoundsSql(window: EventWindow, asOf: string, d: SqlDialect): { from: string | null; to: string } {
  switch (window.kind) {
    case 'all':
      return { from: null, to: asOf };
    case 'last':
      return { from: `(${asOf} - ${window.days * DAY_MS})`, to: asOf };
    case 'between': {
      // Both sides are integers and never NULL: a CASE keeps them integers in either engine.
      const end = parseDay(window.to) + DAY_MS;
      return { from: String(parseDay(window.from)), to: `CASE WHEN ${asOf} < ${end} THEN ${asOf} ELSE ${end} END` };
    }
    case 'month-to-date':
      return { from: d.monthStart(`${asOf} - 1`), to: asOf };
  }
}

export function compileEventLeaf(c: EventCondition, asOf: number, dialect: RuleDialect = 'sqlite', views?: RuleViews): CompiledLeaf {
  const d = DIALECTS[dialect];
  const params: SqlValue[] = [...c.types];
  const where = [`type IN (${placeholders(c.types.length)})`];
  if (views) {
    const { from, to } = windowBoundsSql(c.window, views.asOf, d);
    if (from !== null) where.push(`ts >= ${from}`);
    where.push(`ts < ${to}`);
  } else {
    const { from, to } = windowBounds(c.window, asOf);
    if (from !== null) {
      where.push('ts >= ?');
      params.push(from);
    }
    where.push('ts < ?');
    params.push(to);
  }
  for (const f of c.filters) where.push(eventFilter(f, params, d));
  const measure = measureSql(c.measure, d);
  // "At most" without a lower bound above 0 also holds for customers without any such event:
  // they are everyone except those above the bound.
  const includesNone = c.atMost !== undefined && (c.atLeast === undefined || c.atLeast <= 0);
  let having: string;
  if (includesNone) {
    having = `${measure} > ?`;
    params.push(c.atMost!);
  } else {
    const atLeast = c.atLeast ?? (c.measure === 'amount' ? null : 1);
    const parts: string[] = [];
    if (atLeast !== null) {
      parts.push(`${measure} >= ?`);
      params.push(atLeast);
    }
    if (c.atMost !== undefined) {
      parts.push(`${measure} <= ?`);
      params.push(c.atMost);
    }
    having = parts.length ? parts.join(' AND ') : 'count(*) > 0';
  }
  const sql = `SELECT customer_id FROM events WHERE ${where.join(' AND ')} GROUP BY customer_id HAVING ${having}`;
  // "Did not" is the complement of "did"; both flags together cancel out.
  return { sql, params, complement: includesNone !== !c.did };
}

export function compileAttributeLeaf(c: AttributeCondition, dialect: RuleDialect = 'sqlite'): CompiledLeaf {
  const d = DIALECTS[dialect];
  const params: SqlValue[] = [];
  let from = 'customers';
  let column: string;
  if (c.field === 'attribute') {
    // The key is bound: in SQLite a quoted JSON path, so dots and spaces in column names stay part of the key.
    // Extracted once in a subquery, since a test may name its column twice.
    const { expr, param } = d.attribute(c.key!);
    params.push(param ?? c.key!);
    from = `(SELECT customer_id, ${expr} AS v FROM customers) AS a`;
    column = 'v';
  } else {
    column = CUSTOMER_COLUMNS[c.field];
  }
  const test = positiveText(column, c.op, c.value, c.values, params, d);
  return { sql: `SELECT customer_id FROM ${from} WHERE ${test}`, params, complement: NEGATED_TEXT.has(c.op) };
}

/** What identifies a leaf's database answer (its `not` flag only flips the result afterwards). */
export function leafKey(leaf: EventCondition | AttributeCondition): string {
  const { not: _not, ...rest } = leaf;
  return JSON.stringify(rest);
}
