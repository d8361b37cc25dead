// Writing the SQL export where the analyst chose (refusing to overwrite unless told to): shared by
// the CLI and the export-sql operation. Only definitions are read; nothing is evaluated here.
import { basename } from 'node:path';
import { checkTarget, writeTextFile } from '../../files/csv-writer.ts';
import { defaultAsOf, formatDay, parseAsOf } from '../../signals/as-of.ts';
import type { SqlDialectName } from '../../signals/sql-dialect.ts';
import type { Db } from '../../store/db.ts';
import type { SqlExportResult, SqlPreview } from '../types.ts';
import { loadSqlDefinition } from './definition.ts';
import { buildScript, VIEW } from './script.ts';

export interface SqlExportOptions {
  dialect: SqlDialectName;
  /** YYYY-MM-DD the views start at (segwb_params); default the day after the newest event. */
  asOf?: string | undefined;
  workbenchVersion: string;
  workspacePath: string;
}

export function sqlPreview(db: Db, options: SqlExportOptions): SqlPreview {
  const asOf = options.asOf === undefined ? defaultAsOf(db) : parseAsOf(options.asOf);
  const def = loadSqlDefinition(db);
  const info = { asOf, workbenchVersion: options.workbenchVersion, workspaceName: basename(options.workspacePath), createdAt: new Date() };
  const { text, relations: views } = buildScript(def, options.dialect, info);
  return {
    dialect: options.dialect,
    asOf: formatDay(asOf),
    text,
    views,
    membershipView: VIEW.membership,
    signals: def.signals.length,
    segments: def.segments.length,
    clusterModels: [...def.models.keys()],
  };
}

export function exportSql(db: Db, options: SqlExportOptions & { path: string; overwrite: boolean }): SqlExportResult {
  checkTarget(options.path, options.overwrite);
  const { text, ...summary } = sqlPreview(db, options);
  const { bytes } = writeTextFile(options.path, text);
  return { path: options.path, bytes, ...summary };
}
