// Rule leaves that read the database (events, customer attributes), compiled to one parameterised
// SELECT of customer ids each. Column names come only from the fixed maps below; every value, JSON
// path and date bound travels as a parameter, so nothing a user types is ever pasted into SQL.
//
// A leaf compiles to the set of customers that *have* something (at least one matching event,
// an attribute value). Tests that also hold for customers with nothing ("did not", "at most 2",
// "country is not US") are that set's complement within the customers of the as-of date.
import { DAY_MS } from '../signals/catalog.ts';
import type { SqlValue } from '../store/db.ts';
import type { AttributeCondition, EventCondition, EventFilter, EventWindow, NumberOp, TextOp } from './types.ts';

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

const MEASURE_SQL: Record<EventCondition['measure'], string> = {
  count: 'count(*)',
  amount: 'coalesce(sum(amount), 0)',
  // Integer division: the UTC day number of each event.
  days: `count(DISTINCT ts / ${DAY_MS})`,
};

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
function positiveText(column: string, op: TextOp, value: string | undefined, values: string[] | undefined, params: SqlValue[]): string {
  switch (op) {
    case 'is':
    case 'is-not':
      params.push(value!);
      return `lower(${column}) = lower(?)`;
    case 'in':
    case 'not-in':
      params.push(...values!);
      return `lower(${column}) IN (${values!.map(() => 'lower(?)').join(', ')})`;
    case 'contains':
      params.push(value!);
      return `instr(lower(${column}), lower(?)) > 0`;
    case 'starts-with':
      params.push(value!, value!);
      return `substr(lower(${column}), 1, length(?)) = lower(?)`;
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

function eventFilter(f: EventFilter, params: SqlValue[]): string {
  const column = EVENT_COLUMNS[f.field];
  if (f.field === 'amount' || f.field === 'discount' || f.field === 'quantity') {
    const n = f as Extract<EventFilter, { field: 'amount' | 'discount' | 'quantity' }>;
    return numberTest(column, n.op, n.value, n.max, params);
  }
  const t = f as Extract<EventFilter, { op: TextOp }>;
  const positive = positiveText(column, t.op, t.value, t.values, params);
  // Within one event a negated test is simply NOT of the positive one (a missing value counts as "not").
  return NEGATED_TEXT.has(t.op) ? `NOT coalesce(${positive}, 0)` : positive;
}

export function compileEventLeaf(c: EventCondition, asOf: number): CompiledLeaf {
  const params: SqlValue[] = [...c.types];
  const where = [`type IN (${placeholders(c.types.length)})`];
  const { from, to } = windowBounds(c.window, asOf);
  if (from !== null) {
    where.push('ts >= ?');
    params.push(from);
  }
  where.push('ts < ?');
  params.push(to);
  for (const f of c.filters) where.push(eventFilter(f, params));
  const measure = MEASURE_SQL[c.measure];
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

export function compileAttributeLeaf(c: AttributeCondition): CompiledLeaf {
  const params: SqlValue[] = [];
  let from = 'customers';
  let column: string;
  if (c.field === 'attribute') {
    // The key is a bound JSON path: quoted, so dots and spaces in column names stay part of the key.
    // Extracted once in a subquery, since a test may name its column twice.
    params.push(`$."${c.key!}"`);
    from = '(SELECT customer_id, json_extract(attributes, ?) AS v FROM customers) AS a';
    column = 'v';
  } else {
    column = CUSTOMER_COLUMNS[c.field];
  }
  const test = positiveText(column, c.op, c.value, c.values, params);
  return { sql: `SELECT customer_id FROM ${from} WHERE ${test}`, params, complement: NEGATED_TEXT.has(c.op) };
}

/** What identifies a leaf's database answer (its `not` flag only flips the result afterwards). */
export function leafKey(leaf: EventCondition | AttributeCondition): string {
  const { not: _not, ...rest } = leaf;
  return JSON.stringify(rest);
}
