// Analyst-defined signals: an event filter, an aggregation and a window, compiled to one more
// aggregate in the signals GROUP BY. Every value the analyst typed is a bound parameter, never SQL.
import { ApiError } from '../api/contract.ts';
import type { Db, SqlValue } from '../store/db.ts';
import { BUILT_IN_SIGNALS, BUILT_IN_IDS, channelSql, DAY_MS, daysSince, dialectOf, since, type SqlContext } from './catalog.ts';
import { customSignalSchema, type CustomSignal, type SignalInfo } from './types.ts';

export interface CompiledAggregate {
  sql: string;
  params: Record<string, SqlValue>;
  fill: 0 | null;
}

const AGGREGATIONS_WITHOUT_VALUE = new Set(['days-since-last', 'days-since-first', 'rate']);

function invalid(signal: { id: string; label?: string }, reason: string): ApiError {
  return new ApiError({ code: 'invalid-signal', message: `The signal "${signal.label ?? signal.id}" (${signal.id}) cannot be used: ${reason}.` });
}

export function customInfo(s: CustomSignal): SignalInfo {
  const lessIsMore = s.aggregation === 'days-since-last';
  return {
    id: s.id,
    label: s.label,
    description: s.description || describeCustom(s),
    group: 'custom',
    unit: s.aggregation === 'sum-amount' ? 'money' : s.aggregation.startsWith('days-since') ? 'days' : s.aggregation === 'rate' ? 'ratio' : 'count',
    direction: s.direction ?? (lessIsMore ? -1 : 1),
    missing: AGGREGATIONS_WITHOUT_VALUE.has(s.aggregation) && s.aggregation !== 'days-since-last' ? 'exclude' : 'worst',
    windowDays: s.windowDays,
    builtIn: false,
    defaultWeight: 0,
  };
}

function describeCustom(s: CustomSignal): string {
  const f = s.filter;
  const parts = [
    f.types?.length ? `type ${f.types.join(' or ')}` : null,
    f.pageCategories?.length ? `page category ${f.pageCategories.join(' or ')}` : null,
    f.urlContains ? `URL containing "${f.urlContains}"` : null,
    f.products?.length ? `product ${f.products.join(' or ')}` : null,
    f.categories?.length ? `category ${f.categories.join(' or ')}` : null,
    f.channels?.length ? `channel ${f.channels.join(' or ')}` : null,
    f.campaigns?.length ? `campaign ${f.campaigns.join(' or ')}` : null,
  ].filter(Boolean);
  const events = parts.length ? `events with ${parts.join(', ')}` : 'all events';
  const window = s.windowDays === null ? 'all history' : `the ${s.windowDays} days before the as-of date`;
  const what: Record<CustomSignal['aggregation'], string> = {
    count: 'Number of',
    'sum-amount': 'Sum of the amounts of',
    'sum-quantity': 'Sum of the quantities of',
    'distinct-days': 'Distinct days with',
    'days-since-last': 'Days since the last of',
    'days-since-first': 'Days since the first of',
    rate: 'Number of',
  };
  return `${what[s.aggregation]} ${events} in ${window}${s.aggregation === 'rate' ? `, per ${s.per}` : ''}.`;
}

/** The WHERE-like condition of a custom signal, with its parameters named after the signal. */
function filterSql(s: CustomSignal, ctx: SqlContext, params: Record<string, SqlValue>): string {
  const conditions: string[] = [];
  const list = (column: string, key: string, values: string[] | undefined) => {
    if (!values?.length) return;
    const names = values.map((v, i) => {
      const name = `${s.id}_${key}_${i}`;
      params[name] = v;
      return `:${name}`;
    });
    conditions.push(`${column} IN (${names.join(', ')})`);
  };
  list('type', 'type', s.filter.types);
  list('page_category', 'page', s.filter.pageCategories);
  list('product', 'product', s.filter.products);
  list('category', 'category', s.filter.categories);
  list(channelSql(dialectOf(ctx)), 'channel', s.filter.channels);
  list('campaign', 'campaign', s.filter.campaigns);
  if (s.filter.urlContains) {
    params[`${s.id}_url`] = s.filter.urlContains;
    conditions.push(dialectOf(ctx).contains('url', `:${s.id}_url`));
  }
  if (s.windowDays !== null) conditions.push(since(ctx, s.windowDays));
  return conditions.length ? conditions.join(' AND ') : dialectOf(ctx).always;
}

/**
 * The aggregate of a custom signal. `others` are the custom signals it may refer to (for "rate");
 * built-in signals can be referred to as well, as long as they are one aggregate.
 */
export function compileCustom(s: CustomSignal, ctx: SqlContext, others: readonly CustomSignal[]): CompiledAggregate {
  const params: Record<string, SqlValue> = {};
  const where = filterSql(s, ctx, params);
  const d = dialectOf(ctx);
  const countSql = `sum(CASE WHEN ${where} THEN 1 ELSE 0 END)`;
  switch (s.aggregation) {
    case 'count':
      return { sql: countSql, params, fill: 0 };
    case 'sum-amount':
      return { sql: `coalesce(${d.sum(`CASE WHEN ${where} THEN amount END`)}, 0)`, params, fill: 0 };
    case 'sum-quantity':
      return { sql: `coalesce(${d.sum(`CASE WHEN ${where} THEN quantity END`)}, 0)`, params, fill: 0 };
    case 'distinct-days':
      return { sql: `count(DISTINCT CASE WHEN ${where} THEN ts / ${DAY_MS} END)`, params, fill: 0 };
    case 'days-since-last':
      return { sql: daysSince(ctx, `max(CASE WHEN ${where} THEN ts END)`), params, fill: null };
    case 'days-since-first':
      return { sql: daysSince(ctx, `min(CASE WHEN ${where} THEN ts END)`), params, fill: null };
    case 'rate': {
      const per = denominator(s, ctx, others);
      Object.assign(params, per.params);
      return { sql: `${d.real(countSql)} / nullif(${per.sql}, 0)`, params, fill: null };
    }
  }
}

function denominator(s: CustomSignal, ctx: SqlContext, others: readonly CustomSignal[]): CompiledAggregate {
  if (!s.per) throw invalid(s, 'a rate needs "per": the signal to divide by (e.g. sessions_30d)');
  if (s.per === s.id) throw invalid(s, 'a rate cannot be divided by itself');
  const builtIn = BUILT_IN_SIGNALS.find((b) => b.id === s.per);
  if (builtIn) return { sql: builtIn.aggregate(ctx), params: {}, fill: builtIn.fill };
  const custom = others.find((o) => o.id === s.per);
  if (!custom) {
    throw invalid(s, BUILT_IN_IDS.has(s.per) ? `"${s.per}" is not a single aggregate and cannot divide a rate` : `there is no signal "${s.per}" to divide by`);
  }
  if (custom.aggregation === 'rate') throw invalid(s, `"${s.per}" is itself a rate; divide by a count, sum or number of days instead`);
  return compileCustom(custom, ctx, []);
}

// ---------- storage ----------

export function loadCustomSignals(db: Db): CustomSignal[] {
  const rows = db.all<{ definition: string }>('SELECT definition FROM signal_definitions ORDER BY rowid');
  return rows.map((r) => customSignalSchema.parse(JSON.parse(r.definition)));
}

/** Checks a definition against the others and against SQLite itself, then saves it. */
export function saveCustomSignal(db: Db, signal: CustomSignal, checkSql: (signals: CustomSignal[]) => void): void {
  if (BUILT_IN_IDS.has(signal.id)) throw invalid(signal, `"${signal.id}" is the name of a built-in signal; choose another id`);
  if (signal.aggregation !== 'rate' && signal.per) throw invalid(signal, '"per" only applies to the "rate" aggregation');
  const others = loadCustomSignals(db).filter((s) => s.id !== signal.id);
  const dependants = others.filter((o) => o.per === signal.id);
  if (signal.aggregation === 'rate' && dependants.length) {
    throw invalid(signal, `${dependants.map((d) => d.id).join(', ')} divide by it, and a rate cannot divide another rate`);
  }
  compileCustom(signal, { asOf: 0, utcOffsetMs: 0 }, others);
  checkSql([...others, signal]);
  db.run(
    `INSERT INTO signal_definitions (signal_id, definition, saved_at) VALUES (?, ?, ?)
     ON CONFLICT (signal_id) DO UPDATE SET definition = excluded.definition, saved_at = excluded.saved_at`,
    [signal.id, JSON.stringify(signal), Date.now()],
  );
}

export function deleteCustomSignal(db: Db, id: string): void {
  if (BUILT_IN_IDS.has(id)) throw new ApiError({ code: 'invalid-signal', message: `"${id}" is a built-in signal and cannot be deleted.` });
  const dependants = loadCustomSignals(db).filter((o) => o.per === id);
  if (dependants.length) {
    throw new ApiError({ code: 'invalid-signal', message: `The signal "${id}" cannot be deleted: ${dependants.map((d) => d.label).join(', ')} divide by it.` });
  }
  const { changes } = db.run('DELETE FROM signal_definitions WHERE signal_id = ?', [id]);
  if (changes === 0) throw new ApiError({ code: 'signal-not-found', message: `There is no analyst-defined signal "${id}" in this workspace.` });
}
