// A workspace is one SQLite file (WAL mode). Opening checks, without writing anything, that the
// file is an SQLite database, that it is ours and that this version can read it; only then is it
// opened for writing and migrated.
import { closeSync, constants, accessSync, openSync, readSync, statSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { openDatabase, type Db } from './db.ts';
import { WorkspaceError } from './errors.ts';
import { assertNotNewer, currentSchemaVersion, migrate } from './migrate.ts';
import { LATEST_SCHEMA_VERSION } from './migrations/index.ts';

/** PRAGMA application_id of every workspace: "SWB!" in ASCII. */
export const APPLICATION_ID = 0x53574221;
const SQLITE_HEADER = 'SQLite format 3\0';

export interface Workspace {
  db: Db;
  path: string;
  readonly: boolean;
}

function readHeader(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Maps driver errors on an existing file to messages that name the file and the reason. */
export function explainSqliteError(path: string, err: unknown): Error {
  if (err instanceof WorkspaceError) return err;
  const code = (err as { code?: string }).code ?? '';
  const detail = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_NOTADB') {
    return new WorkspaceError('not-a-workspace', `${path} is not a Segment Workbench workspace (not an SQLite database).`);
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new WorkspaceError('workspace-corrupt', `${path} is damaged (${detail}). The file was not changed.`);
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return new WorkspaceError('workspace-read-only', `${path} cannot be written (${detail}).`);
  }
  return err instanceof Error ? err : new Error(detail);
}

/** Read-only inspection: throws a WorkspaceError if the file must not be opened. Writes nothing. */
function inspect(path: string): void {
  if (!existsSync(path)) throw new WorkspaceError('workspace-not-found', `No workspace at ${path}.`);
  const st = statSync(path);
  if (!st.isFile()) throw new WorkspaceError('not-a-workspace', `${path} is a folder, not a workspace file.`);
  if (st.size === 0) throw new WorkspaceError('not-a-workspace', `${path} is empty, not a workspace.`);
  if (readHeader(path) !== SQLITE_HEADER) {
    throw new WorkspaceError('not-a-workspace', `${path} is not a Segment Workbench workspace (not an SQLite database).`);
  }
  let probe: Db | undefined;
  try {
    probe = openDatabase(path, { readonly: true, fileMustExist: true });
    const appId = probe.pragma('application_id', ) as Array<{ application_id: number }>;
    const id = appId[0]?.application_id ?? 0;
    // Reading the schema touches the first pages; a truncated or scrambled file fails here.
    probe.all("SELECT name FROM sqlite_master WHERE type = 'table'");
    if (id !== APPLICATION_ID) {
      throw new WorkspaceError(
        'not-a-workspace',
        `${path} is an SQLite database but not a Segment Workbench workspace. It was not changed.`,
      );
    }
    assertNotNewer(probe, path);
  } catch (err) {
    throw explainSqliteError(path, err);
  } finally {
    probe?.close();
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function openWorkspace(path: string): Workspace {
  inspect(path);
  if (!isWritable(path)) {
    // Browsing a read-only file is fine as long as it needs no migration.
    const db = openDatabase(path, { readonly: true, fileMustExist: true });
    if (currentSchemaVersion(db) < LATEST_SCHEMA_VERSION) {
      db.close();
      throw new WorkspaceError(
        'workspace-read-only',
        `${path} is read-only and was written by an older version; make it writable so it can be upgraded.`,
      );
    }
    return { db, path, readonly: true };
  }
  let db: Db | undefined;
  try {
    db = openDatabase(path, { fileMustExist: true });
    configure(db);
    migrate(db);
    return { db, path, readonly: false };
  } catch (err) {
    db?.close();
    throw explainSqliteError(path, err);
  }
}

export function createWorkspace(path: string, options: { name?: string; appVersion?: string } = {}): Workspace {
  if (existsSync(path)) {
    throw new WorkspaceError('workspace-exists', `${path} already exists; choose another name or open it.`);
  }
  const db = openDatabase(path);
  try {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    configure(db);
    migrate(db);
    const now = Date.now();
    const meta: Record<string, string> = {
      name: options.name ?? basename(path).replace(/\.segwb$/i, ''),
      created_at: String(now),
      created_by_version: options.appVersion ?? 'unknown',
    };
    const insert = db.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      for (const [k, v] of Object.entries(meta)) insert.run([k, v]);
    });
    return { db, path, readonly: false };
  } catch (err) {
    db.close();
    throw err;
  }
}

export function readMeta(db: Db): Record<string, string> {
  const rows = db.all<{ key: string; value: string }>('SELECT key, value FROM workspace_meta');
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}
