// Values rendered into exported SQL text. The app binds every value a user typed as a parameter;
// a view cannot hold parameters, so the export writes them as literals: text quoted with '' for ',
// numbers as shortest round-trip text (doubles in PostgreSQL, whose 1.5 would be NUMERIC).
import type { SqlDialect } from '../../signals/sql-dialect.ts';
import type { SqlValue } from '../../store/db.ts';

export function literal(value: SqlValue, d: SqlDialect): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return d.string(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : d.double(value);
  if (typeof value === 'bigint') return String(value);
  throw new Error('binary values cannot be written into exported SQL');
}

/** Replaces the `?` placeholders in order (the rule compiler writes no other question mark). */
export function inlinePositional(text: string, params: readonly SqlValue[], d: SqlDialect): string {
  let i = 0;
  const out = text.replace(/\?/g, () => {
    if (i >= params.length) throw new Error('more placeholders than parameters');
    return literal(params[i++]!, d);
  });
  if (i !== params.length) throw new Error(`${params.length} parameters for ${i} placeholders`);
  return out;
}

/** Replaces `:name` placeholders (custom signals' filters); longest names first, so :a_1 never eats :a_10. */
export function inlineNamed(text: string, params: Readonly<Record<string, SqlValue>>, d: SqlDialect): string {
  let out = text;
  for (const name of Object.keys(params).sort((a, b) => b.length - a.length)) {
    out = out.split(`:${name}`).join(literal(params[name]!, d));
  }
  if (/:[a-z][a-z0-9_]*_(type|page|product|category|channel|campaign)_\d+|:[a-z][a-z0-9_]*_url\b/.test(out)) {
    throw new Error('a custom signal parameter was left in the exported SQL');
  }
  return out;
}
