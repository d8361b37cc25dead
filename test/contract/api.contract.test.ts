// One contract suite, run against every transport the renderer can use: in-process and HTTP
// (a real server on 127.0.0.1, real fetch, real SSE). The Electron IPC relay is covered by
// electron/*.test.ts with the same core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiClient, Progress } from '../../core/api/contract.ts';
import { buildWorkspace } from '../support/fixtures.ts';
import { tempDir } from '../support/temp.ts';
import { apiError, transports, type Harness } from '../support/transports.ts';

describe.each(transports)('API contract over %s', (_name, start) => {
  const tmp = tempDir();
  let h: Harness;
  let api: ApiClient;
  const fixture = join(tmp.dir, 'fixture.segwb');

  beforeAll(async () => {
    buildWorkspace(fixture).db.close();
    h = await start(tmp.dir);
    api = h.client;
  });
  afterAll(async () => {
    await h.close();
    tmp.cleanup();
  });

  it('app-info reports the version, the default folder and no open workspace', async () => {
    const info = await api.send('app-info', {});
    expect(info.version).toBe('9.9.9-test');
    expect(info.defaultDir).toBe(join(tmp.dir, 'workspaces'));
    expect(existsSync(info.defaultDir)).toBe(true);
    expect(info.workspace).toBeNull();
    expect(info.sampleDefaults).toEqual({ customers: 20000, seed: 42, months: 18 });
  });

  it('refuses work that needs a workspace when none is open', async () => {
    const err = await apiError(api.send('customers-page', { offset: 0, limit: 10 }));
    expect(err.code).toBe('no-workspace-open');
    expect(err.message).toMatch(/No workspace is open/);
  });

  it('validates arguments at the boundary and names the field', async () => {
    const err = await apiError(api.send('workspace-open', { path: '' }));
    expect(err.code).toBe('invalid-args');
    expect(err.issues?.[0]?.path).toBe('path');
    expect(err.message).toMatch(/workspace-open: path: a file path is required/);

    const err2 = await apiError(api.send('customers-page', { offset: -1, limit: 10 }));
    expect(err2.code).toBe('invalid-args');
    expect(err2.issues?.map((i) => i.path)).toContain('offset');

    // Unknown keys are rejected, not silently ignored.
    const err3 = await apiError(api.send('workspace-close', { force: true } as never));
    expect(err3.code).toBe('invalid-args');
  });

  it('rejects an operation that does not exist', async () => {
    const err = await apiError(api.send('workspace-destroy' as never, {} as never));
    expect(err.code).toBe('unknown-operation');
  });

  it('creates a workspace, lists it as recent, and forgets it on request', async () => {
    const path = join(tmp.dir, 'new.segwb');
    const info = await api.send('workspace-create', { path, name: 'My shop' });
    expect(info).toMatchObject({ path, name: 'My shop', customers: 0, events: 0, readonly: false, hasGroundTruth: false });
    expect(await api.send('workspace-info', {})).toMatchObject({ path });
    const recent = await api.send('workspace-recent', {});
    expect(recent[0]).toMatchObject({ path, name: 'My shop', exists: true });

    const dup = await apiError(api.send('workspace-create', { path }));
    expect(dup.code).toBe('workspace-exists');

    const after = await api.send('workspace-recent-forget', { path });
    expect(after.find((r) => r.path === path)).toBeUndefined();
    await api.send('workspace-close', {});
    expect(await api.send('workspace-info', {})).toBeNull();
  });

  it('explains why a file cannot be opened, and keeps the open workspace', async () => {
    await api.send('workspace-open', { path: fixture });
    const missing = await apiError(api.send('workspace-open', { path: join(tmp.dir, 'nope.segwb') }));
    expect(missing.code).toBe('workspace-not-found');
    expect(missing.message).toContain('nope.segwb');

    const text = join(tmp.dir, 'notes.segwb');
    writeFileSync(text, 'hello');
    const bad = await apiError(api.send('workspace-open', { path: text }));
    expect(bad.code).toBe('not-a-workspace');
    expect(bad.message).toContain('notes.segwb');

    expect((await api.send('workspace-info', {}))?.path).toBe(fixture);
  });

  it('pages, sorts and filters customers', async () => {
    const opened = await api.send('workspace-open', { path: fixture });
    expect(opened).toMatchObject({ customers: 5, events: 13, name: 'Fixture shop' });

    const byRevenue = await api.send('customers-page', { offset: 0, limit: 10, sort: { column: 'revenue', direction: 'desc' } });
    expect(byRevenue.total).toBe(5);
    expect(byRevenue.rows.map((r) => [r.customer_id, r.revenue])).toEqual([
      ['C3', 250],
      ['A1', 200],
      ['E5', 45.5],
      ['D4', 0],
      ['B2', 0],
    ]);
    expect(byRevenue.rows[1]).toMatchObject({ purchases: 2, sessions: 1, events: 4, country: 'GB' });

    // Pages of 2 cover everything exactly once.
    const ids: string[] = [];
    for (let offset = 0; offset < 5; offset += 2) {
      const page = await api.send('customers-page', { offset, limit: 2, sort: { column: 'purchases', direction: 'asc' } });
      ids.push(...page.rows.map((r) => r.customer_id));
    }
    expect(ids.slice().sort()).toEqual(['A1', 'B2', 'C3', 'D4', 'E5']);

    const de = await api.send('customers-page', { offset: 0, limit: 10, filter: { country: 'DE' } });
    expect(de.rows.map((r) => r.customer_id)).toEqual(['B2', 'C3']);

    // User text is matched literally: % and _ are not wildcards.
    const literal = await api.send('customers-page', { offset: 0, limit: 10, filter: { text: '100%_' } });
    expect(literal.rows.map((r) => r.customer_id)).toEqual(['C3']);
    const anyPercent = await api.send('customers-page', { offset: 0, limit: 10, filter: { text: '%' } });
    expect(anyPercent.total).toBe(1);

    const buyers = await api.send('customers-page', { offset: 0, limit: 10, filter: { minPurchases: 2 } });
    expect(buyers.rows.map((r) => r.customer_id)).toEqual(['A1']);

    expect(await api.send('customers-countries', {})).toEqual([
      { country: 'DE', customers: 2 },
      { country: 'GB', customers: 2 },
      { country: 'FR', customers: 1 },
    ]);
  });

  it('returns one customer and their timeline, newest first, filterable by type', async () => {
    await api.send('workspace-open', { path: fixture });
    const a1 = await api.send('customer-get', { customerId: 'A1' });
    expect(a1).toMatchObject({ customer_id: 'A1', name: 'Ada Lovelace', email: 'a1@example.com', purchases: 2, revenue: 200 });
    expect(a1.groundTruth).toEqual([]);

    const t = await api.send('customer-timeline', { customerId: 'A1' });
    expect(t.total).toBe(4);
    expect(t.typeCounts).toEqual({ purchase: 2, session_start: 1, page_view: 1 });
    const times = t.events.map((e) => e.ts);
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(t.events[0]).toMatchObject({ type: 'purchase', amount: 80 });

    const purchases = await api.send('customer-timeline', { customerId: 'A1', types: ['purchase'] });
    expect(purchases.total).toBe(2);
    expect(purchases.events.every((e) => e.type === 'purchase')).toBe(true);

    const err = await apiError(api.send('customer-get', { customerId: 'ZZZ' }));
    expect(err.code).toBe('customer-not-found');
  });

  it('lists folders and workspace files for the file dialog', async () => {
    mkdirSync(join(tmp.dir, 'sub'), { recursive: true });
    const listing = await api.send('files-list', { dir: tmp.dir });
    expect(listing.dir).toBe(tmp.dir);
    const kinds = Object.fromEntries(listing.entries.map((e) => [e.name, e.kind]));
    expect(kinds['sub']).toBe('dir');
    expect(kinds['fixture.segwb']).toBe('workspace');
    expect(kinds['notes.segwb']).toBe('workspace');
    const err = await apiError(api.send('files-list', { dir: join(tmp.dir, 'does-not-exist') }));
    expect(err.code).toBe('folder-unreadable');
    expect(err.message).toMatch(/does-not-exist does not exist/);
  });

  it('creates a sample workspace in the background, reporting progress', async () => {
    const path = join(tmp.dir, 'sample.segwb');
    const seen: Progress[] = [];
    const info = await api.send('sample-create', { path, customers: 400, seed: 7 }, { onProgress: (p) => seen.push(p) });
    expect(info).toMatchObject({ path, customers: 400, hasGroundTruth: true });
    expect(info.events).toBeGreaterThan(400 * 5);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((p) => p.jobId)).size).toBe(1);
    const generating = seen.filter((p) => p.phase === 'Generating customers');
    expect(generating.length).toBeGreaterThan(0);
    for (let i = 1; i < generating.length; i++) expect(generating[i]!.done).toBeGreaterThanOrEqual(generating[i - 1]!.done);
    expect(generating.at(-1)!.total).toBe(400);
    // The new workspace is now the open one.
    const page = await api.send('customers-page', { offset: 0, limit: 5 });
    expect(page.total).toBe(400);
  });

  it('cancels a sample workspace and leaves no file behind', async () => {
    const dir = join(tmp.dir, 'cancel');
    mkdirSync(dir);
    const path = join(dir, 'big.segwb');
    const controller = new AbortController();
    const err = await apiError(
      api.send('sample-create', { path, customers: 300_000 }, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done > 0) controller.abort();
        },
      }),
    );
    expect(err.code).toBe('cancelled');
    // Give the worker a moment to remove its temporary file.
    for (let i = 0; i < 50 && readdirSync(dir).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('previews, imports with progress, lists imports, saves mappings and erases a customer', async () => {
    const ws = join(tmp.dir, 'import-target.segwb');
    await api.send('workspace-create', { path: ws });
    const csv = join(tmp.dir, 'shop-events.csv');
    const rows = ['user_id,timestamp,event,page_url,amount'];
    for (let i = 0; i < 3000; i++) rows.push(`u${i % 40},2024-03-01T${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z,${i % 10 === 0 ? 'purchase' : 'page_view'},/pricing,${i % 10 === 0 ? '9.5' : ''}`);
    writeFileSync(csv, rows.join('\n'));

    const preview = await api.send('import-preview', { path: csv });
    expect(preview).toMatchObject({ kind: 'events', columns: ['user_id', 'timestamp', 'event', 'page_url', 'amount'], alreadyImported: null });
    expect(preview.mapping.fields).toMatchObject({ customer_id: 'user_id', ts: 'timestamp', type: 'event' });
    expect(preview.rows[0]).toEqual(['u0', '2024-03-01T00:00:00Z', 'purchase', '/pricing', '9.5']);

    const seen: Progress[] = [];
    const summary = await api.send(
      'import-run',
      { path: csv, format: preview.format, columns: preview.columns, mapping: preview.mapping, sha256: preview.sha256 },
      { onProgress: (p) => seen.push(p) },
    );
    expect(summary).toMatchObject({ rowsRead: 3000, rowsImported: 3000, eventsAdded: 3000, customersAdded: 40, rowsRejected: 0 });
    expect(seen.some((p) => p.phase === 'Importing rows' && p.unit === 'bytes')).toBe(true);
    // The session's own connection sees the committed rows at once.
    expect((await api.send('customers-page', { offset: 0, limit: 1 })).total).toBe(40);
    expect(await api.send('workspace-info', {})).toMatchObject({ customers: 40, events: 3000, imports: 1 });

    const again = await apiError(
      api.send('import-run', { path: csv, format: preview.format, columns: preview.columns, mapping: preview.mapping, sha256: preview.sha256 }),
    );
    expect(again.code).toBe('already-imported');
    expect((await api.send('import-preview', { path: csv })).alreadyImported?.importId).toBe(summary.importId);

    // A refused re-import is not an import: the history holds the one that happened.
    const history = await api.send('imports-list', {});
    expect(history.map((h) => h.status)).toEqual(['done']);
    expect(history[0]).toMatchObject({ file: csv, kind: 'events', rowsImported: 3000 });

    const saved = await api.send('import-mapping-save', { name: 'Shop events', mapping: preview.mapping });
    expect(saved).toEqual([expect.objectContaining({ name: 'Shop events', kind: 'events' })]);
    expect((await api.send('import-mappings-list', {}))[0]!.mapping.fields.customer_id).toBe('user_id');

    const erased = await api.send('customer-erase', { customerId: 'u7' });
    expect(erased.rowsDeleted).toMatchObject({ customers: 1, customer_stats: 1 });
    expect(erased.rowsDeleted.events).toBeGreaterThan(0);
    expect((await apiError(api.send('customer-get', { customerId: 'u7' }))).code).toBe('customer-not-found');
  });

  it('rejects an import mapping that names a column the file does not have', async () => {
    const csv = join(tmp.dir, 'tiny.csv');
    writeFileSync(csv, 'user_id,timestamp,event\nu1,2024-01-01T00:00:00Z,login\n');
    const preview = await api.send('import-preview', { path: csv });
    const err = await apiError(
      api.send('import-run', {
        path: csv,
        format: preview.format,
        columns: preview.columns,
        mapping: { ...preview.mapping, fields: { ...preview.mapping.fields, customer_id: 'uid' } },
        sha256: preview.sha256,
      }),
    );
    expect(err.code).toBe('mapping-invalid');
    expect(err.message).toMatch(/sends column "uid" to customer_id, but .*tiny\.csv has no such column/);
  });

  it('a rejected import names the report of rejected rows in its details, not only in the message', async () => {
    const csv = join(tmp.dir, 'one-bad.csv');
    writeFileSync(csv, 'user_id,timestamp,event\nu1,2024-01-01T00:00:00Z,login\nu2,not a date,login\n');
    const preview = await api.send('import-preview', { path: csv });
    const err = await apiError(api.send('import-run', { path: csv, format: preview.format, columns: preview.columns, mapping: preview.mapping, sha256: preview.sha256 }));
    expect(err.code).toBe('rows-rejected');
    expect(err.details).toMatchObject({ rejected: 1, report: expect.stringMatching(/\.csv$/) });
    const report = readFileSync(String(err.details!.report), 'utf8');
    expect(report).toContain('not a date');
    expect(err.message).toContain(String(err.details!.report));
  });

  it('lists and edits the page taxonomy, re-categorising existing events', async () => {
    await api.send('workspace-open', { path: fixture });
    const ws = join(tmp.dir, 'taxonomy.segwb');
    await api.send('workspace-create', { path: ws });
    const csv = join(tmp.dir, 'pages.csv');
    writeFileSync(csv, 'user_id,timestamp,event,page_url\nu1,2024-01-01T00:00:00Z,page_view,/pricing\nu1,2024-01-01T00:01:00Z,page_view,/gift-cards/buy\n');
    const p = await api.send('import-preview', { path: csv });
    await api.send('import-run', { path: csv, format: p.format, columns: p.columns, mapping: p.mapping, sha256: p.sha256 });
    const rules = await api.send('taxonomy-list', {});
    expect(rules.find((r) => r.pattern === '/pricing')).toMatchObject({ match: 'contains', category: 'pricing' });
    const saved = await api.send('taxonomy-save', { rules: [...rules, { pattern: '^/gift-cards', match: 'regex', category: 'gift_cards', priority: 5 }] });
    expect(saved.eventsRecategorised).toBe(1);
    const t = await api.send('customer-timeline', { customerId: 'u1' });
    expect(t.events.map((e) => e.pageCategory)).toEqual(['gift_cards', 'pricing']);
    const bad = await apiError(api.send('taxonomy-save', { rules: [{ pattern: '([', match: 'regex', category: 'x', priority: 1 }] }));
    expect(bad.code).toBe('invalid-args');
    expect(bad.message).toMatch(/\/\(\[\/ for "x" is not a valid regular expression/);

    // A file that says itself which category a page is keeps that category.
    const own = join(tmp.dir, 'own-categories.csv');
    writeFileSync(own, 'user_id,timestamp,event,page_url,page_type\nu2,2024-01-02T00:00:00Z,page_view,/gift-cards/buy,promotion\n');
    const q = await api.send('import-preview', { path: own });
    expect(q.mapping.fields.page_category).toBe('page_type');
    await api.send('import-run', { path: own, format: q.format, columns: q.columns, mapping: q.mapping, sha256: q.sha256 });
    const again = await api.send('taxonomy-save', { rules: [...rules, { pattern: '/gift-cards', match: 'contains', category: 'vouchers', priority: 5 }] });
    expect(again.eventsRecategorised).toBe(1);
    expect((await api.send('customer-timeline', { customerId: 'u2' })).events.map((e) => e.pageCategory)).toEqual(['promotion']);
    expect((await api.send('customer-timeline', { customerId: 'u1' })).events.map((e) => e.pageCategory)).toEqual(['vouchers', 'pricing']);
  });
});
