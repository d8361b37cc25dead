// Directory listing for the browser shell's file dialog (the desktop shell uses native dialogs).
// The server only listens on 127.0.0.1 behind a per-run token, and the user already owns these files.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ApiError, type DirListing, type FileEntry } from '../api/contract.ts';
import type { HandlerGroup } from '../api/registry.ts';

const MAX_ENTRIES = 2000;

export function listDirectory(dir: string): DirListing {
  const full = resolve(dir);
  let names: string[];
  try {
    names = readdirSync(full);
  } catch (err) {
    const code = (err as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a folder' : code === 'EACCES' ? 'cannot be read (permission denied)' : (err as Error).message;
    throw new ApiError({ code: 'folder-unreadable', message: `${full} ${reason}.` });
  }
  const entries: FileEntry[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(full, name);
    try {
      const st = statSync(path);
      const kind: FileEntry['kind'] = st.isDirectory() ? 'dir' : /\.segwb$/i.test(name) ? 'workspace' : 'file';
      entries.push({ name, path, kind, size: st.size, modified: st.mtimeMs });
    } catch {
      // Broken links and files we may not stat are left out of the listing.
    }
  }
  const rank = { dir: 0, workspace: 1, file: 2 } as const;
  entries.sort((a, b) => rank[a.kind] - rank[b.kind] || a.name.localeCompare(b.name));
  const parent = dirname(full);
  return { dir: full, parent: parent === full ? null : parent, entries: entries.slice(0, MAX_ENTRIES) };
}

export const fileHandlers: HandlerGroup = {
  'files-list': ({ dir }, { session }) => listDirectory(dir ?? session.options.defaultDir),
};
