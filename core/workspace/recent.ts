// The recent-workspaces list lives in the app's settings folder, not in any workspace.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { RecentWorkspace } from '../api/contract.ts';

const MAX_RECENT = 12;

interface Stored {
  path: string;
  name: string;
  openedAt: number;
}

function file(homeDir: string): string {
  return join(homeDir, 'recent-workspaces.json');
}

function load(homeDir: string): Stored[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file(homeDir), 'utf8'));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (e): e is Stored => typeof e?.path === 'string' && typeof e?.name === 'string' && typeof e?.openedAt === 'number',
    );
  } catch {
    // A missing or damaged settings file only means no recent list; it must never block start-up.
    return [];
  }
}

function save(homeDir: string, list: Stored[]): void {
  mkdirSync(homeDir, { recursive: true });
  const tmp = `${file(homeDir)}.tmp`;
  writeFileSync(tmp, JSON.stringify(list, null, 2));
  renameSync(tmp, file(homeDir));
}

export function listRecent(homeDir: string): RecentWorkspace[] {
  return load(homeDir).map((e) => ({ ...e, exists: existsSync(e.path) }));
}

export function rememberRecent(homeDir: string, path: string, name: string = basename(path), now = Date.now()): void {
  const rest = load(homeDir).filter((e) => e.path !== path);
  save(homeDir, [{ path, name, openedAt: now }, ...rest].slice(0, MAX_RECENT));
}

export function forgetRecent(homeDir: string, path: string): RecentWorkspace[] {
  save(homeDir, load(homeDir).filter((e) => e.path !== path));
  return listRecent(homeDir);
}
