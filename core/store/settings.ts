// Workspace-wide settings, one JSON value per key in workbench_settings (signals, RFM, the stored
// prediction, economics). A value another version wrote that no longer parses reads as absent,
// so callers fall back to their defaults instead of failing to open the workspace.
import type { Db } from './db.ts';

export function readSetting(db: Db, key: string): { value: unknown; savedAt: number } | null {
  const row = db.get<{ value: string; saved_at: number }>('SELECT value, saved_at FROM workbench_settings WHERE key = ?', [key]);
  if (!row) return null;
  try {
    return { value: JSON.parse(row.value), savedAt: row.saved_at };
  } catch {
    return null;
  }
}

export function writeSetting(db: Db, key: string, value: unknown, savedAt = Date.now()): void {
  db.run(
    `INSERT INTO workbench_settings (key, value, saved_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, saved_at = excluded.saved_at`,
    [key, JSON.stringify(value), savedAt],
  );
}
