// The secondary indexes (001-initial.ts, 006-events-by-type.ts) as separate statements, so bulk writers (the sample
// generator, big imports) can drop the ones on a table and build them again after the load:
// building an index once sorts, keeping it up to date row by row is random B-tree writes.
import type { Db } from './db.ts';
import { indexes as INITIAL_INDEXES } from './migrations/001-initial.ts';
import { indexes as EVENTS_BY_TYPE } from './migrations/006-events-by-type.ts';

const INDEX_SQL = INITIAL_INDEXES + EVENTS_BY_TYPE;

export interface IndexDefinition {
  name: string;
  table: string;
  sql: string;
}

export const INDEX_DEFINITIONS: readonly IndexDefinition[] = INDEX_SQL.split(';')
  .map((s) => s.trim())
  .filter((s) => s.length > 0)
  .map((sql) => {
    const m = /CREATE INDEX IF NOT EXISTS (\w+) ON (\w+)/i.exec(sql);
    if (!m) throw new Error(`Unexpected index statement: ${sql}`);
    return { name: m[1]!, table: m[2]!, sql };
  });

export function indexesOn(table: string): IndexDefinition[] {
  return INDEX_DEFINITIONS.filter((d) => d.table === table);
}

export function dropIndexes(db: Db, defs: readonly IndexDefinition[]): void {
  for (const d of defs) db.exec(`DROP INDEX IF EXISTS ${d.name}`);
}

export function createIndexes(db: Db, defs: readonly IndexDefinition[]): void {
  for (const d of defs) db.exec(d.sql);
}
