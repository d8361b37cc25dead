// The hard failures: the disk fills up, the workspace cannot be written, the process is killed
// with SIGKILL half-way. Each leaves the workspace exactly as it was, and openable.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createWorkspace, openWorkspace, type Workspace } from '../store/workspace.ts';
import { tempDir } from '../../test/support/temp.ts';
import { makeReadOnly } from '../../test/support/read-only.ts';
import { contentDigest, importInto } from '../../test/support/import.ts';

const bin = fileURLToPath(new URL('../bin/segwb.mjs', import.meta.url));

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

function eventsCsv(rows: number): string {
  const lines = ['customer_id,timestamp,event,page_url'];
  for (let i = 0; i < rows; i++) {
    lines.push(`cust${i % 5000},${new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString()},page_view,/product/item-${i % 997}`);
  }
  return `${lines.join('\n')}\n`;
}

async function seed(ws: Workspace, dir: string): Promise<void> {
  const file = `${dir}/seed.csv`;
  writeFileSync(file, eventsCsv(50));
  await importInto(ws, file);
}

/** A tiny file system, so the disk really fills up. Needs root (mount). */
function tinyFilesystem(dir: string, size: string): () => void {
  if (process.getuid?.() !== 0) {
    throw new Error('The disk-full test mounts a small tmpfs, which needs root; run the tests as root (as CI does).');
  }
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  return () => execFileSync('umount', ['-l', dir]);
}

describe('import failures that must lose nothing', () => {
  it('disk full: a clear error, and the workspace is as it was', async () => {
    const small = tmp.file('small-disk');
    const unmount = tinyFilesystem(small, '3m');
    try {
      const ws = createWorkspace(`${small}/ws.segwb`);
      await seed(ws, tmp.dir);
      const before = contentDigest(ws);
      const big = tmp.file('big.csv'); // the source file lives on the normal disk
      writeFileSync(big, eventsCsv(200_000));
      const err = await importInto(ws, big).catch((e: Error & { code?: string }) => e);
      expect((err as { code?: string }).code).toBe('disk-full');
      expect((err as Error).message).toMatch(/The disk is full: .*ws\.segwb could not grow\. Nothing was imported/);
      expect(contentDigest(ws)).toBe(before);
      ws.db.close();
      const again = openWorkspace(`${small}/ws.segwb`);
      expect(contentDigest(again)).toBe(before);
      expect(again.db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      again.db.close();
    } finally {
      unmount();
    }
  }, 60_000);

  it('read-only workspace: a clear error, nothing changes', async () => {
    const path = tmp.file('ro.segwb');
    const ws = createWorkspace(path);
    await seed(ws, tmp.dir);
    const before = contentDigest(ws);
    ws.db.close();
    const restore = makeReadOnly(path);
    try {
      const file = tmp.file('more.csv');
      writeFileSync(file, eventsCsv(10));
      const ro = openWorkspace(path);
      expect(ro.readonly).toBe(true);
      const err = await importInto(ro, file).catch((e: Error & { code?: string }) => e);
      expect((err as { code?: string }).code).toBe('workspace-read-only');
      expect((err as Error).message).toMatch(/ro\.segwb cannot be written/);
      expect(contentDigest(ro)).toBe(before);
      ro.db.close();
    } finally {
      restore();
    }
  });

  it('kill -9 in the middle of an import leaves the workspace as it was, and openable', async () => {
    const path = tmp.file('killed.segwb');
    const ws = createWorkspace(path);
    await seed(ws, tmp.dir);
    const before = contentDigest(ws);
    ws.db.close();
    const file = tmp.file('huge.csv');
    writeFileSync(file, eventsCsv(1_500_000));

    const child = spawn(process.execPath, [bin, 'import', file, '--workspace', path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const killed = new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        // The progress lines say how far it got; kill it once rows are being written.
        const m = /Importing rows\s+\[[#-]+\]\s+([\d.]+)%/g;
        let pct = 0;
        for (const hit of stderr.matchAll(m)) pct = Number(hit[1]);
        if (pct >= 20 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(signal) : reject(new Error(`import ended by itself (code ${code}) before it was killed:\n${stderr}`))));
    });
    expect(await killed).toBe('SIGKILL');

    const after = openWorkspace(path);
    expect(after.db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(contentDigest(after)).toBe(before);
    after.db.close();
  }, 120_000);
});
