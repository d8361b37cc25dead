import type { Db } from './db.ts';
import { migrations, LATEST_SCHEMA_VERSION } from './migrations/index.ts';
import { WorkspaceError } from './errors.ts';

/** Highest migration recorded in the workspace, or 0 for a brand-new file. */
export function currentSchemaVersion(db: Db): number {
  const table = db.get<{ n: number }>(
    "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
  );
  if (!table || table.n === 0) return 0;
  const row = db.get<{ v: number | null }>('SELECT max(id) AS v FROM schema_migrations');
  return row?.v ?? 0;
}

export function assertNotNewer(db: Db, path: string): void {
  const version = currentSchemaVersion(db);
  if (version > LATEST_SCHEMA_VERSION) {
    throw new WorkspaceError(
      'workspace-too-new',
      `${path} was written by a newer version of Segment Workbench (workspace schema ${version}; ` +
        `this version understands up to ${LATEST_SCHEMA_VERSION}). Update the app to open it.`,
    );
  }
}

/** Applies every pending migration, each in its own transaction, and records it. */
export function migrate(db: Db, now: () => number = Date.now): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  const applied: number[] = [];
  const current = currentSchemaVersion(db);
  for (const m of migrations) {
    if (m.id <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [m.id, m.name, now()]);
    });
    applied.push(m.id);
  }
  db.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
  return applied;
}
