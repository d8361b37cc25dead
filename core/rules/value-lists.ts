// Values the rule builder offers in its pickers: the event types, products, campaigns... seen in
// the newest events, and the extra customer columns. Suggestions only (any value can be typed),
// so they read a bounded slice of the data and answer in milliseconds even on 10^7 events.
import type { Db } from '../store/db.ts';
import { EVENT_COLUMNS } from './leaf-sql.ts';
import type { EVENT_TEXT_FIELDS } from './types.ts';

/** Newest events read for suggestions. */
export const SUGGESTION_EVENTS = 300_000;
const CUSTOMERS_FOR_KEYS = 5_000;

export type SuggestField = (typeof EVENT_TEXT_FIELDS)[number] | 'type';

export interface FieldValues {
  values: Array<{ value: string; events: number }>;
  /** Events the counts come from (the newest ones). */
  scanned: number;
}

export function eventFieldValues(db: Db, field: SuggestField, types: readonly string[] | undefined, limit: number): FieldValues {
  const column = EVENT_COLUMNS[field];
  const newest = db.get<{ m: number | null }>('SELECT max(id) AS m FROM events')?.m ?? null;
  if (newest === null) return { values: [], scanned: 0 };
  const from = newest - SUGGESTION_EVENTS;
  const typeFilter = types?.length ? ` AND type IN (${types.map(() => '?').join(', ')})` : '';
  const params = [from, ...(types ?? [])];
  const rows = db.all<{ value: string; events: number }>(
    `SELECT ${column} AS value, count(*) AS events FROM events
     WHERE id > ?${typeFilter} AND ${column} IS NOT NULL AND ${column} <> ''
     GROUP BY ${column} ORDER BY events DESC, value LIMIT ?`,
    [...params, limit],
  );
  const scanned = db.get<{ n: number }>(`SELECT count(*) AS n FROM events WHERE id > ?${typeFilter}`, params)!.n;
  return { values: rows.map((r) => ({ value: String(r.value), events: r.events })), scanned };
}

/** Keys of the customers' extra columns (from a sample of customers), most common first. */
export function attributeKeys(db: Db): Array<{ key: string; customers: number }> {
  return db.all<{ key: string; customers: number }>(
    `SELECT j.key AS key, count(*) AS customers
     FROM (SELECT attributes FROM customers WHERE attributes IS NOT NULL AND json_valid(attributes) LIMIT ?) AS c, json_each(c.attributes) AS j
     GROUP BY j.key ORDER BY customers DESC, key LIMIT 200`,
    [CUSTOMERS_FOR_KEYS],
  );
}
