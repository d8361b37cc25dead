import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createWorkspace, openWorkspace, APPLICATION_ID } from './workspace.ts';
import { openDatabase } from './db.ts';
import { LATEST_SCHEMA_VERSION } from './migrations/index.ts';
import { tempDir } from '../../test/support/temp.ts';
import { makeReadOnly } from '../../test/support/read-only.ts';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

describe('workspace files', () => {
  it('creates a WAL-mode workspace with the schema, our application id and recorded migrations', () => {
    const path = tmp.file('a.segwb');
    const ws = createWorkspace(path, { name: 'Shop A' });
    expect(ws.db.pragma('journal_mode', ) ).toEqual([{ journal_mode: 'wal' }]);
    expect(ws.db.pragma('application_id')).toEqual([{ application_id: APPLICATION_ID }]);
    const tables = ws.db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(['customers', 'events', 'imports', 'page_taxonomy', 'ground_truth', 'customer_stats', 'schema_migrations']),
    );
    const applied = ws.db.all<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id').map((r) => r.id);
    expect(applied.at(-1)).toBe(LATEST_SCHEMA_VERSION);
    expect(ws.db.get<{ value: string }>("SELECT value FROM workspace_meta WHERE key='name'")?.value).toBe('Shop A');
    ws.db.close();
  });

  it('reopens a workspace without applying migrations twice', () => {
    const path = tmp.file('b.segwb');
    createWorkspace(path).db.close();
    const ws = openWorkspace(path);
    const n = ws.db.get<{ n: number }>('SELECT count(*) AS n FROM schema_migrations')?.n;
    expect(n).toBe(LATEST_SCHEMA_VERSION);
    ws.db.close();
  });

  it('refuses to create over an existing file', () => {
    const path = tmp.file('c.segwb');
    writeFileSync(path, 'keep me');
    expect(() => createWorkspace(path)).toThrow(/already exists/);
    expect(readFileSync(path, 'utf8')).toBe('keep me');
  });

  it('names the missing file', () => {
    expect(() => openWorkspace(tmp.file('missing.segwb'))).toThrow(/No workspace at .*missing\.segwb/);
  });

  it.each([
    ['an empty file', ''],
    ['a text file', 'customer_id,amount\n1,2\n'],
    ['a binary file', Buffer.from([0, 1, 2, 3, 255, 254, 0, 7, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9])],
  ])('rejects %s as not a workspace and leaves it unchanged', (_label, content) => {
    const path = tmp.file('x.segwb');
    writeFileSync(path, content);
    const before = sha(path);
    expect(() => openWorkspace(path)).toThrow(/x\.segwb is (empty|not a Segment Workbench workspace)/);
    expect(sha(path)).toBe(before);
  });

  it('rejects a foreign SQLite database without touching it', () => {
    const path = tmp.file('other.sqlite');
    const db = openDatabase(path);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    const before = sha(path);
    expect(() => openWorkspace(path)).toThrow(/an SQLite database but not a Segment Workbench workspace/);
    expect(sha(path)).toBe(before);
  });

  it('rejects a corrupt workspace with a clear message and never modifies it', () => {
    const path = tmp.file('good.segwb');
    const ws = createWorkspace(path);
    ws.db.exec("INSERT INTO customers (customer_id) VALUES ('c1')");
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.db.close();
    const bytes = readFileSync(path);
    // Keep the 100-byte header valid, scramble the schema page behind it.
    for (let i = 100; i < Math.min(bytes.length, 4096); i++) bytes[i] = (i * 31) & 0xff;
    const broken = tmp.file('broken.segwb');
    writeFileSync(broken, bytes);
    const before = sha(broken);
    expect(() => openWorkspace(broken)).toThrow(/broken\.segwb (is damaged|is not a Segment Workbench workspace)/);
    expect(sha(broken)).toBe(before);
  });

  it('refuses a workspace written by a newer version, naming both versions', () => {
    const path = tmp.file('future.segwb');
    const ws = createWorkspace(path);
    ws.db.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [LATEST_SCHEMA_VERSION + 5, 'from the future', 0]);
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.db.close();
    const before = sha(path);
    expect(() => openWorkspace(path)).toThrow(
      new RegExp(`newer version of Segment Workbench \\(workspace schema ${LATEST_SCHEMA_VERSION + 5}; this version understands up to ${LATEST_SCHEMA_VERSION}\\)`),
    );
    expect(sha(path)).toBe(before);
  });

  it('opens a read-only file for browsing and says it is read-only', () => {
    const path = tmp.file('ro.segwb');
    const ws0 = createWorkspace(path);
    ws0.db.exec("INSERT INTO customers (customer_id) VALUES ('c1')");
    ws0.db.close();
    const restore = makeReadOnly(path);
    try {
      const ws = openWorkspace(path);
      expect(ws.readonly).toBe(true);
      expect(ws.db.get<{ n: number }>('SELECT count(*) AS n FROM customers')?.n).toBe(1);
      expect(() => ws.db.run("INSERT INTO customers (customer_id) VALUES ('x')")).toThrow(/readonly/i);
      ws.db.close();
    } finally {
      restore();
    }
  });

  it('keeps a copy of a workspace readable after the original is closed (checkpointed WAL)', () => {
    const path = tmp.file('w.segwb');
    const ws = createWorkspace(path);
    ws.db.exec("INSERT INTO customers (customer_id) VALUES ('c1'), ('c2')");
    ws.db.close();
    const copy = tmp.file('copy.segwb');
    copyFileSync(path, copy);
    const again = openWorkspace(copy);
    expect(again.db.get<{ n: number }>('SELECT count(*) AS n FROM customers')?.n).toBe(2);
    again.db.close();
  });
});
