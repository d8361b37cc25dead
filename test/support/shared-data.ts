// Real public data sets live in ../shared/data (never copied into the repository). A test that
// needs one fails with the path it looked for, so a missing file is obvious. A clone that does not
// sit beside ../shared (e.g. a CI check in /tmp) can point SEGWB_SHARED_DATA at the folder.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const sharedDataDir = process.env.SEGWB_SHARED_DATA ?? fileURLToPath(new URL('../../../shared/data/', import.meta.url));

export function sharedDataFile(relative: string): string {
  const path = join(sharedDataDir, relative);
  if (!existsSync(path)) {
    throw new Error(`This test needs the shared data file ${path} (see ../shared/data/README.md); it is missing.`);
  }
  return path;
}
