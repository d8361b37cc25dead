// A whole rule as one parameterised SQL statement: what the builder shows and what gets exported.
// It reads documented relations only:
//   customers(customer_id, first_seen, country, city, email, name, phone, attributes JSON)
//   events(customer_id, ts epoch ms, type, channel, device, url, page_category, product, category,
//          campaign, order_id, session_id, amount, discount, quantity)
//   signals(customer_id, <one column per signal id>, intent_score)         -- as of the same date
//   segment_members(segmentation, segment, customer_id)                     -- other segmentations
// Each node is a set of customer ids; AND / OR / NOT become INTERSECT / UNION / EXCEPT against the
// customers known as of the date, exactly the algebra evaluate.ts applies to masks.
import type { SqlValue } from '../store/db.ts';
import { compileAttributeLeaf, compileEventLeaf, postgresPlaceholders, type CompiledLeaf, type RuleDialect, type RuleViews } from './leaf-sql.ts';
import { formatSegmentationRef } from './refs.ts';
import type { RuleGroup, RuleLeaf, RuleNode, SegmentCondition, SignalCondition } from './types.ts';
import { SIGNAL_ID } from '../signals/types.ts';

export const UNIVERSE = 'customers_as_of';

export interface CompiledRule {
  text: string;
  params: SqlValue[];
}

const SIGNAL_SQL_OP = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function signalLeaf(c: SignalCondition, signals: string): CompiledLeaf {
  // Signal ids are checked against ^[a-z][a-z0-9_]{1,39}$ by the schema; checked again here
  // because this is the one place an identifier from a rule reaches SQL.
  if (!SIGNAL_ID.test(c.signal)) throw new Error(`not a signal id: ${c.signal}`);
  const column = `"${c.signal}"`;
  const params: SqlValue[] = [];
  let test: string;
  if (c.op === 'between') {
    test = `${column} BETWEEN ? AND ?`;
    params.push(c.value!, c.max!);
  } else if (c.op === 'is-empty') test = `${column} IS NULL`;
  else if (c.op === 'is-present') test = `${column} IS NOT NULL`;
  else {
    test = `${column} ${SIGNAL_SQL_OP[c.op]} ?`;
    params.push(c.value!);
  }
  return { sql: `SELECT customer_id FROM ${signals} WHERE ${test}`, params, complement: false };
}

function segmentLeaf(c: SegmentCondition, views: RuleViews | undefined): CompiledLeaf {
  if (views) {
    return {
      sql: `SELECT customer_id FROM ${views.segmentation(formatSegmentationRef(c.segmentation))} WHERE segment IN (${c.segments.map(() => '?').join(', ')})`,
      params: [...c.segments],
      complement: false,
    };
  }
  return {
    sql: `SELECT customer_id FROM segment_members WHERE segmentation = ? AND segment IN (${c.segments.map(() => '?').join(', ')})`,
    params: [formatSegmentationRef(c.segmentation), ...c.segments],
    complement: false,
  };
}

export function compileLeaf(leaf: RuleLeaf, asOf: number, dialect: RuleDialect = 'sqlite', views?: RuleViews): CompiledLeaf {
  switch (leaf.kind) {
    case 'event':
      return compileEventLeaf(leaf, asOf, dialect, views);
    case 'attribute':
      return compileAttributeLeaf(leaf, dialect);
    case 'signal':
      return signalLeaf(leaf, views?.signals ?? 'signals');
    case 'segment':
      return segmentLeaf(leaf, views);
  }
}

class Compiler {
  private alias = 0;
  readonly params: SqlValue[] = [];
  private readonly universe: string;
  constructor(
    private readonly asOf: number,
    private readonly dialect: RuleDialect,
    private readonly views?: RuleViews,
  ) {
    this.universe = views?.universe ?? UNIVERSE;
  }

  private next(): string {
    return `n${++this.alias}`;
  }

  node(node: RuleNode, indent: string): string {
    const inner = `${indent}  `;
    if (node.kind !== 'group') {
      const leaf = compileLeaf(node, this.asOf, this.dialect, this.views);
      this.params.push(...leaf.params);
      const source = `SELECT customer_id FROM (${leaf.sql}) AS ${this.next()}`;
      // Attribute leaves read the customers table, which also holds customers first seen later.
      const within = node.kind === 'attribute' ? `${source} WHERE customer_id IN (SELECT customer_id FROM ${this.universe})` : source;
      return leaf.complement !== node.not ? `SELECT customer_id FROM ${this.universe}\n${indent}EXCEPT\n${indent}${within}` : within;
    }
    let body: string;
    if (node.children.length === 0) {
      body = node.combine === 'and' ? `SELECT customer_id FROM ${this.universe}` : `SELECT customer_id FROM ${this.universe} WHERE 0 = 1`;
    } else {
      const operator = node.combine === 'and' ? 'INTERSECT' : 'UNION';
      body = node.children.map((c) => `SELECT customer_id FROM (\n${inner}${this.node(c, inner)}\n${indent}) AS ${this.next()}`).join(`\n${indent}${operator}\n${indent}`);
    }
    return node.not ? `SELECT customer_id FROM ${this.universe}\n${indent}EXCEPT\n${indent}SELECT customer_id FROM (\n${inner}${body}\n${indent}) AS ${this.next()}` : body;
  }
}

/**
 * The rule as of `asOf` (epoch ms of a UTC midnight): one statement returning matching customer ids
 * in order. PostgreSQL: placeholders $1, $2...; the database should sort text as C (byte order) for
 * the order to match SQLite's, and needs segwb_kbn_sum (core/export/sql/layout.ts POSTGRES_PRELUDE).
 */
export function compileRuleSql(rule: RuleGroup, asOf: number, dialect: RuleDialect = 'sqlite'): CompiledRule {
  const c = new Compiler(asOf, dialect);
  const universe = `${UNIVERSE} AS (\n  SELECT customer_id FROM customers c\n  WHERE c.first_seen < ? OR EXISTS (SELECT 1 FROM events e WHERE e.customer_id = c.customer_id AND e.ts < ?)\n)`;
  const body = c.node(rule, '  ');
  const text = `WITH ${universe}\nSELECT customer_id FROM (\n  ${body}\n) AS matched\nORDER BY customer_id`;
  return { text: dialect === 'postgres' ? postgresPlaceholders(text) : text, params: [asOf, asOf, ...c.params] };
}

/**
 * The rule over exported views (see core/export/sql): windows relative to the views' as-of
 * expression, so the statement holds at any date. Placeholders stay `?` for the caller to render.
 */
export function compileRuleForViews(rule: RuleGroup, dialect: RuleDialect, views: RuleViews): CompiledRule {
  const c = new Compiler(0, dialect, views);
  const body = c.node(rule, '  ');
  return { text: `SELECT customer_id FROM (\n  ${body}\n) AS matched`, params: c.params };
}
