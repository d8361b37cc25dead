// Makes a file really read-only for the current user, including root (who ignores permission
// bits): as root the file is marked immutable with chattr. Returns a function that undoes it.
import { chmodSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export function makeReadOnly(path: string): () => void {
  if (process.getuid?.() !== 0) {
    chmodSync(path, 0o444);
    return () => chmodSync(path, 0o644);
  }
  try {
    execFileSync('chattr', ['+i', path], { stdio: 'pipe' });
  } catch (err) {
    throw new Error(
      `This test runs as root, where only an immutable file is read-only; that needs chattr (Debian package e2fsprogs) on an ext2/3/4 file system: ${(err as Error).message}`,
    );
  }
  return () => execFileSync('chattr', ['-i', path], { stdio: 'pipe' });
}
