// Forward-only migrations. Append new entries; never edit or reorder old ones.
import * as m001 from './001-initial.ts';
import * as m002 from './002-imports.ts';
import * as m003 from './003-signals.ts';
import * as m004 from './004-clusters.ts';
import * as m005 from './005-segments.ts';
import * as m006 from './006-events-by-type.ts';
import * as m007 from './007-decisions.ts';
import * as m008 from './008-decision-author.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { id: 1, name: 'initial data model', sql: m001.sql + m001.indexes },
  { id: 2, name: 'import bookkeeping, saved mappings, erasures', sql: m002.sql },
  { id: 3, name: 'signal definitions and workbench settings', sql: m003.sql },
  { id: 4, name: 'cluster models', sql: m004.sql },
  { id: 5, name: 'rule segments and priorities', sql: m005.sql },
  { id: 6, name: 'events by type and time for rule conditions', sql: m006.indexes },
  { id: 7, name: 'decisions on segments', sql: m007.sql },
  { id: 8, name: 'who took a decision', sql: m008.sql },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.id;
