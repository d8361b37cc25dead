// Importing real files into real workspaces: formats, kinds, guarantees (all-or-nothing,
// skip-bad report, idempotency), and every kind of bad input the issue lists.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';
import { createWorkspace, type Workspace } from '../store/workspace.ts';
import { tempDir } from '../../test/support/temp.ts';
import { contentDigest, importInto } from '../../test/support/import.ts';
import { previewImport } from './preview.ts';
import { importJob } from './run.ts';
import { eraseCustomer } from './erase.ts';
import { rebuildCustomerStats } from '../customers/stats.ts';

let tmp: ReturnType<typeof tempDir>;
let ws: Workspace;
beforeEach(() => {
  tmp = tempDir();
  ws = createWorkspace(tmp.file('ws.segwb'));
});
afterEach(() => {
  if (ws.db.isOpen) ws.db.close();
  tmp.cleanup();
});

function good(n: number, from = 0): string {
  return ['customer_id,timestamp,event', ...Array.from({ length: n }, (_, i) => `c${(i + from) % 7},2024-01-01T00:${String(Math.floor((i + from) / 60) % 60).padStart(2, '0')}:${String((i + from) % 60).padStart(2, '0')}Z,page_view`)].join('\n');
}

const count = (sql: string, params: unknown[] = []) => (ws.db.get<{ n: number }>(sql, params as never) ?? { n: -1 }).n;

const EVENTS_CSV = [
  'user_id,timestamp,event,page_url,device,amount',
  'u1,2024-03-01T10:00:00Z,page_view,https://shop.example/pricing?x=1,mobile,',
  'u1,2024-03-01T10:05:00Z,Added to Cart,/product/oak-table,mobile,',
  'u1,2024-03-01T10:09:00Z,Placed Order,/checkout,desktop,120.50',
  'u2,2024-03-02T08:00:00Z,Opened Email,,,',
  'u2,2024-03-02T08:01:00Z,webinar_signup,/faq/delivery,desktop,',
].join('\n');

describe('importing events', () => {
  it('maps columns, canonical types and page categories, and records the import', async () => {
    const file = tmp.file('events.csv');
    writeFileSync(file, EVENTS_CSV);
    const summary = await importInto(ws, file);
    expect(summary).toMatchObject({ kind: 'events', rowsRead: 5, rowsImported: 5, rowsRejected: 0, eventsAdded: 5, customersAdded: 2 });
    const types = ws.db.all<{ type: string }>('SELECT type FROM events ORDER BY ts').map((r) => r.type);
    expect(types).toEqual(['page_view', 'add_to_cart', 'purchase', 'email_open', 'webinar_signup']);
    const cats = ws.db.all<{ page_category: string | null }>('SELECT page_category FROM events ORDER BY ts').map((r) => r.page_category);
    expect(cats).toEqual(['pricing', 'product', 'checkout', null, 'faq']);
    expect(count("SELECT purchases AS n FROM customer_stats WHERE customer_id = 'u1'")).toBe(1);
    const rec = ws.db.get<Record<string, unknown>>('SELECT * FROM imports WHERE import_id = ?', [summary.importId])!;
    expect(rec).toMatchObject({ status: 'done', kind: 'events', file, rows_read: 5, rows_imported: 5, rows_rejected: 0 });
    expect(rec.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(rec.mapping as string).fields).toMatchObject({ customer_id: 'user_id', ts: 'timestamp', type: 'event', url: 'page_url' });
    expect(rec.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('keeps values of a column that is empty for the first batches and filled later', async () => {
    // The loader binds only the columns a file fills; a column that first has a value after
    // thousands of rows must switch the insert statement without losing the rows before it.
    const rows = ['customer_id,timestamp,event,amount,device'];
    for (let i = 0; i < 12_000; i++) {
      const ts = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
      rows.push(`c${i % 50},${ts},${i >= 11_000 ? 'purchase' : 'page_view'},${i >= 11_000 ? (i % 90) + 10 : ''},${i >= 7_001 ? 'tablet' : ''}`);
    }
    const file = tmp.file('late-columns.csv');
    writeFileSync(file, rows.join('\n'));
    const summary = await importInto(ws, file);
    expect(summary.eventsAdded).toBe(12_000);
    expect(count('SELECT count(*) AS n FROM events')).toBe(12_000);
    expect(count("SELECT count(*) AS n FROM events WHERE device = 'tablet'")).toBe(12_000 - 7_001);
    expect(count('SELECT count(*) AS n FROM events WHERE amount IS NOT NULL')).toBe(1_000);
    const expectedRevenue = Array.from({ length: 1_000 }, (_, j) => ((11_000 + j) % 90) + 10).reduce((a, b) => a + b, 0);
    expect(count('SELECT sum(amount) AS n FROM events')).toBe(expectedRevenue);
    expect(count('SELECT count(*) AS n FROM events WHERE import_id = ?', [summary.importId])).toBe(12_000);
  });

  it('reads semicolons, decimal commas and Windows-1252 text', async () => {
    const file = tmp.file('latin.csv');
    const text = 'kunde;zeit;ereignis;betrag;stadt\r\nk1;2024-01-05 10:00;purchase;1.234,50;Köln\r\nk2;2024-01-06 11:00;purchase;12,5;Düsseldorf\r\n';
    writeFileSync(file, Buffer.from(text, 'latin1'));
    const preview = await previewImport(ws.db, file);
    expect(preview.format).toMatchObject({ type: 'delimited', encoding: 'windows-1252', delimiter: ';', hasHeader: true });
    await importInto(ws, file, { edit: (m) => ((m.fields.customer_id = 'kunde'), (m.fields.ts = 'zeit'), (m.fields.type = 'ereignis'), (m.fields.amount = 'betrag'), (m.kind = 'events')) });
    expect(ws.db.all('SELECT customer_id, amount FROM events ORDER BY customer_id')).toEqual([
      { customer_id: 'k1', amount: 1234.5 },
      { customer_id: 'k2', amount: 12.5 },
    ]);
    const props = ws.db.get<{ props: string }>("SELECT props FROM events WHERE customer_id = 'k1'")!.props;
    expect(JSON.parse(props)).toEqual({ stadt: 'Köln' });
  });

  it('reads UTF-8 with BOM + tabs, and UTF-16 with BOM', async () => {
    const tsv = tmp.file('bom.tsv');
    writeFileSync(tsv, '\uFEFFcustomer_id\ttimestamp\tevent\nc1\t2024-02-01T00:00:00Z\tlogin\n');
    const a = await importInto(ws, tsv);
    expect(a.eventsAdded).toBe(1);
    const u16 = tmp.file('utf16.csv');
    writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('customer_id,timestamp,event\nc2,2024-02-02T00:00:00Z,login\n', 'utf16le')]));
    const preview = await previewImport(ws.db, u16);
    expect(preview.format).toMatchObject({ encoding: 'utf-16le', bomBytes: 2 });
    const b = await importInto(ws, u16);
    expect(b.eventsAdded).toBe(1);
    expect(ws.db.all('SELECT customer_id FROM events ORDER BY customer_id')).toEqual([{ customer_id: 'c1' }, { customer_id: 'c2' }]);
  });

  it('keeps quoted delimiters and newlines in fields, and counts lines right after them', async () => {
    const file = tmp.file('quoted.csv');
    writeFileSync(
      file,
      'customer_id,timestamp,event,note\n' +
        'c1,2024-01-01T00:00:00Z,support_contact,"Hello, world\nsecond line"\n' +
        'c2,2024-01-02T00:00:00Z,support_contact,"plain"\n' +
        'c3,not a date,support_contact,x\n',
    );
    await expect(importInto(ws, file)).rejects.toThrow(/line 5, column timestamp: "not a date"/);
    const ok = await importInto(ws, file, { skipBadRows: true });
    expect(ok.eventsAdded).toBe(2);
    const note = JSON.parse(ws.db.get<{ props: string }>("SELECT props FROM events WHERE customer_id = 'c1'")!.props);
    expect(note.note).toBe('Hello, world\nsecond line');
  });

  it('reads JSON Lines', async () => {
    const file = tmp.file('events.jsonl');
    writeFileSync(
      file,
      '{"user_id":"j1","timestamp":"2024-05-01T09:00:00Z","event":"page_view","url":"/reviews/x","extra":{"a":1}}\n\n' +
        '{"user_id":"j2","timestamp":"2024-05-01T09:30:00Z","event":"purchase","amount":19.99}\n',
    );
    const s = await importInto(ws, file);
    expect(s.eventsAdded).toBe(2);
    expect(ws.db.get("SELECT type, page_category, props FROM events WHERE customer_id = 'j1'")).toEqual({
      type: 'page_view',
      page_category: 'reviews',
      props: JSON.stringify({ extra: '{"a":1}' }),
    });
  });

  it('reads the first sheet of an XLSX workbook, or a chosen one', async () => {
    const file = tmp.file('orders.xlsx');
    await writeXlsxFile([
      { sheet: 'Readme', data: [[{ value: 'notes' }], [{ value: 'this sheet is not data' }]] },
      {
        sheet: 'Orders',
        data: [
          [{ value: 'CustomerID' }, { value: 'InvoiceDate' }, { value: 'Quantity' }, { value: 'UnitPrice' }, { value: 'InvoiceNo' }],
          [{ value: 'x1' }, { value: '2024-04-01 10:00' }, { value: 2 }, { value: 3.5 }, { value: '1001' }],
          [{ value: 'x2' }, { value: '2024-04-02 11:00' }, { value: -1 }, { value: 3.5 }, { value: 'C1002' }],
        ],
      },
    ]).toFile(file);
    const first = await previewImport(ws.db, file);
    expect(first.format).toMatchObject({ type: 'xlsx', sheet: 'Readme' });
    expect(first.sheets).toEqual(['Readme', 'Orders']);
    const s = await importInto(ws, file, { sheet: 'Orders' });
    expect(s.eventsAdded).toBe(2);
    expect(ws.db.all('SELECT customer_id, type, amount FROM events ORDER BY customer_id')).toEqual([
      { customer_id: 'x1', type: 'purchase', amount: 7 },
      { customer_id: 'x2', type: 'return', amount: -3.5 },
    ]);
  });
});

describe('importing orders and customers', () => {
  it('turns order lines into purchases and cancellations into returns, amount = quantity x price', async () => {
    const file = tmp.file('orders.csv');
    writeFileSync(
      file,
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n' +
        '536365,85123A,"WHITE HANGING HEART, T-LIGHT",6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n' +
        '536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom\n' +
        'C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom\n',
    );
    const s = await importInto(ws, file);
    expect(s).toMatchObject({ kind: 'orders', eventsAdded: 3, customersAdded: 2 });
    expect(ws.db.all('SELECT customer_id, type, order_id, product, quantity, amount FROM events ORDER BY id')).toEqual([
      { customer_id: '17850', type: 'purchase', order_id: '536365', product: '85123A', quantity: 6, amount: 15.3 },
      { customer_id: '17850', type: 'purchase', order_id: '536365', product: '71053', quantity: 6, amount: 20.34 },
      { customer_id: '14527', type: 'return', order_id: 'C536379', product: 'D', quantity: -1, amount: -27.5 },
    ]);
    expect(ws.db.get("SELECT country FROM customers WHERE customer_id = '17850'")).toEqual({ country: 'United Kingdom' });
    expect(ws.db.get("SELECT purchases, revenue FROM customer_stats WHERE customer_id = '17850'")).toEqual({ purchases: 1, revenue: 35.64 });
  });

  it('imports customers with attributes, and hashes personal fields on request', async () => {
    const file = tmp.file('customers.csv');
    writeFileSync(file, 'customer_id,email,phone,name,country,tier\nq1, Ada@Example.COM ,+44 7700 900123,Ada L,GB,gold\n');
    await importInto(ws, file, {
      kind: 'customers',
      edit: (m) => {
        m.personal = { email: 'hash', phone: 'drop', name: 'keep' };
      },
    });
    const c = ws.db.get<Record<string, string | null>>("SELECT * FROM customers WHERE customer_id = 'q1'")!;
    // SHA-256 of the normalised address "ada@example.com".
    expect(c.email).toBe('b5fc85e55755f9e0d030a10ab4429b6b2944855f9a0d60077fe832becbc41d72');
    expect(c.phone).toBeNull();
    expect(c.name).toBe('Ada L');
    expect(JSON.parse(c.attributes!)).toEqual({ tier: 'gold' });
    expect(count('SELECT count(*) AS n FROM customer_stats')).toBe(1);
  });
});

describe('guarantees', () => {
  it('all or nothing: one bad row means nothing is imported, and the error says where and why', async () => {
    const first = tmp.file('first.csv');
    writeFileSync(first, good(20));
    await importInto(ws, first);
    const before = contentDigest(ws);
    const bad = tmp.file('bad.csv');
    writeFileSync(bad, `${good(10, 100)}\nc1,2024-13-45T00:00:00Z,page_view\n${good(5, 200).split('\n').slice(1).join('\n')}\n`);
    const err = await importInto(ws, bad).catch((e: Error & { code?: string; report?: string }) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as { code?: string }).code).toBe('rows-rejected');
    expect((err as Error).message).toContain(bad);
    expect((err as Error).message).toMatch(/line 12, column timestamp: "2024-13-45T00:00:00Z": /);
    expect((err as Error).message).toMatch(/nothing was imported/);
    expect(contentDigest(ws)).toBe(before);
    const failed = ws.db.get<Record<string, unknown>>("SELECT * FROM imports WHERE status = 'failed'")!;
    expect(failed).toMatchObject({ file: bad, rows_rejected: 1 });
    expect(readFileSync(failed.rejected_report as string, 'utf8')).toContain('2024-13-45T00:00:00Z');
  });

  it('skip bad rows: imports the rest and reports each rejected row with file, line, column, value, reason', async () => {
    const file = tmp.file('mixed.csv');
    writeFileSync(file, 'customer_id,timestamp,event,amount\nm1,2024-01-01T00:00:00Z,purchase,10\n,2024-01-01T00:00:00Z,purchase,5\nm2,2024-01-02T00:00:00Z,purchase,abc\nm3,2024-01-03T00:00:00Z,purchase,-4\nm4,2024-01-04T00:00:00Z,purchase,4\n');
    const s = await importInto(ws, file, { skipBadRows: true });
    expect(s).toMatchObject({ rowsRead: 5, rowsImported: 2, rowsRejected: 3 });
    const report = readFileSync(s.rejectedReport!, 'utf8').trim().split('\n');
    expect(report[0]).toBe('file,line,column,value,reason');
    expect(report.slice(1)).toEqual([
      `${file},3,customer_id,,no customer id`,
      `${file},4,amount,abc,amount is not a number`,
      `${file},5,amount,'-4,a purchase cannot have a negative amount (returns are a separate event type)`,
    ]);
  });

  it('re-importing the same file is refused; forcing it adds no duplicates', async () => {
    const file = tmp.file('same.csv');
    writeFileSync(file, good(30));
    await importInto(ws, file);
    const before = contentDigest(ws);
    await expect(importInto(ws, file)).rejects.toThrow(/was already imported \(import 1, .* UTC\)\. Nothing was imported again/);
    const forced = await importInto(ws, file, { allowReimport: true });
    expect(forced).toMatchObject({ rowsRead: 30, rowsDuplicate: 30, eventsAdded: 0 });
    const afterEvents = ws.db.all('SELECT customer_id, ts, type FROM events ORDER BY id');
    expect(afterEvents).toHaveLength(30);
    expect(contentDigest(ws).split('\n').slice(0, 3)).toEqual(before.split('\n').slice(0, 3));
  });

  it('an overlapping later export adds only what is new, also for repeated identical rows', async () => {
    const a = tmp.file('a.csv');
    const b = tmp.file('b.csv');
    writeFileSync(a, `${good(100)}\nc9,2024-02-01T00:00:00Z,purchase\nc9,2024-02-01T00:00:00Z,purchase`);
    writeFileSync(b, `${good(150, 50).replace(/^customer_id,timestamp,event\n/, 'customer_id,timestamp,event\n')}\nc9,2024-02-01T00:00:00Z,purchase\nc9,2024-02-01T00:00:00Z,purchase\nc9,2024-02-01T00:00:00Z,purchase\n`);
    await importInto(ws, a);
    const s = await importInto(ws, b);
    // 50..199 overlaps 50..99: 50 duplicates; c9 had two identical purchases, the new file three: one is new.
    expect(s.rowsDuplicate).toBe(52);
    expect(count('SELECT count(*) AS n FROM events')).toBe(200 + 3);
    expect(count("SELECT count(*) AS n FROM events WHERE customer_id = 'c9' AND type = 'purchase'")).toBe(3);
  });

  it('cancelling leaves the workspace exactly as it was', async () => {
    const file = tmp.file('big.csv');
    writeFileSync(file, good(50_000));
    const before = contentDigest(ws);
    let batches = 0;
    const preview = await previewImport(ws.db, file);
    const run = importJob(
      { workspacePath: ws.path, path: file, format: preview.format, columns: preview.columns, mapping: preview.mapping, skipBadRows: false, allowReimport: false, expectedSha256: preview.sha256 },
      { isCancelled: () => ++batches > 1, progress: () => {} },
    );
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(contentDigest(ws)).toBe(before);
    expect(ws.db.get("SELECT status FROM imports ORDER BY import_id DESC LIMIT 1")).toEqual({ status: 'cancelled' });
  });

  it('erases a customer everywhere and records the erasure without personal data', async () => {
    const file = tmp.file('e.csv');
    writeFileSync(file, 'customer_id,timestamp,event,email\nz1,2024-01-01T00:00:00Z,login,z@example.com\nz2,2024-01-01T00:00:00Z,login,y@example.com\n');
    await importInto(ws, file);
    const deleted = eraseCustomer(ws.db, 'z1');
    expect(deleted).toEqual({ events: 1, ground_truth: 0, customer_stats: 1, customers: 1 });
    for (const t of ['events', 'customers', 'customer_stats']) expect(count(`SELECT count(*) AS n FROM ${t} WHERE customer_id = 'z1'`)).toBe(0);
    const erasure = JSON.stringify(ws.db.all('SELECT * FROM erasures'));
    expect(erasure).not.toContain('z1');
    expect(erasure).not.toContain('z@example.com');
    expect(count('SELECT count(*) AS n FROM customers')).toBe(1);
  });
});

describe('bad input gets a clear error and loses nothing', () => {
  async function rejects(content: string | Buffer, pattern: RegExp, name = 'input.csv') {
    const file = tmp.file(name);
    writeFileSync(file, content);
    const before = contentDigest(ws);
    await expect(importInto(ws, file)).rejects.toThrow(pattern);
    expect(contentDigest(ws)).toBe(before);
    return file;
  }

  it('empty file', () => rejects('', /input\.csv is empty/));
  it('header only', () => rejects('customer_id,timestamp,event\n', /input\.csv has a header but no rows/));
  it('binary file', () => rejects(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /input\.csv looks like a binary file/));
  it('ragged rows', () => rejects('customer_id,timestamp,event\nr1,2024-01-01T00:00:00Z,login\nr2,2024-01-01T00:00:00Z\n', /line 3: .*row has 2 fields, expected 3/));
  it('unterminated quote', () => rejects('customer_id,timestamp,event\nr1,2024-01-01T00:00:00Z,login\nr2,2024-01-01T00:00:00Z,"login\n', /line 3: [\s\S]*unterminated quote/));
  it('invalid dates', () => rejects('customer_id,timestamp,event\nr1,2024-02-30T00:00:00Z,login\n', /line 2, column timestamp: "2024-02-30T00:00:00Z"/));
  it('non-numeric and negative numbers where numbers are required', async () => {
    await rejects('customer_id,InvoiceDate,Quantity,UnitPrice\nr1,2024-01-01,2,abc\n', /line 2, column UnitPrice: "abc": unit price is not a number/);
    await rejects('customer_id,InvoiceDate,Quantity,UnitPrice\nr1,2024-01-01,2,-3\n', /line 2, column UnitPrice: "-3": unit price must not be negative/, 'neg.csv');
  });
  it('duplicated header names', () => rejects('customer_id,timestamp,event,event\nr1,2024-01-01T00:00:00Z,login,x\n', /more than one column named "event"/));

  it('a 100 MB single line', async () => {
    const file = tmp.file('long.csv');
    writeFileSync(file, 'customer_id,timestamp,event\n');
    appendFileSync(file, `r1,2024-01-01T00:00:00Z,${'x'.repeat(100 * 1024 * 1024)}\n`);
    const before = contentDigest(ws);
    await expect(importInto(ws, file)).rejects.toThrow(/long\.csv: line 2 is longer than 1 MB/);
    expect(contentDigest(ws)).toBe(before);
  }, 120_000);

  it('a 2 MB field further down the file', async () => {
    const file = tmp.file('deep.csv');
    writeFileSync(file, `${good(40_000)}\nr1,2024-01-01T00:00:00Z,${'y'.repeat(2 * 1024 * 1024)}\n`);
    const before = contentDigest(ws);
    await expect(importInto(ws, file)).rejects.toThrow(/line 40002, column event: "y+…": field is 2048 KB long/);
    expect(contentDigest(ws)).toBe(before);
  }, 60_000);

  it('a file that disappears before the import starts', async () => {
    const file = tmp.file('gone.csv');
    writeFileSync(file, 'customer_id,timestamp,event\nr1,2024-01-01T00:00:00Z,login\n');
    const preview = await previewImport(ws.db, file);
    unlinkSync(file);
    const before = contentDigest(ws);
    await expect(
      importJob({ workspacePath: ws.path, path: file, format: preview.format, columns: preview.columns, mapping: preview.mapping, skipBadRows: false, allowReimport: false, expectedSha256: preview.sha256 }, { isCancelled: () => false, progress: () => {} }),
    ).rejects.toThrow(/gone\.csv does not exist/);
    expect(contentDigest(ws)).toBe(before);
  });

  it('a file that changes during the import', async () => {
    const file = tmp.file('moving.csv');
    writeFileSync(file, good(20_000));
    const preview = await previewImport(ws.db, file);
    const before = contentDigest(ws);
    let changed = false;
    await expect(
      importJob(
        { workspacePath: ws.path, path: file, format: preview.format, columns: preview.columns, mapping: preview.mapping, skipBadRows: false, allowReimport: false, expectedSha256: preview.sha256 },
        {
          isCancelled: () => {
            if (!changed) {
              changed = true;
              appendFileSync(file, '\nc1,2024-01-02T00:00:00Z,login');
            }
            return false;
          },
          progress: () => {},
        },
      ),
    ).rejects.toThrow(/moving\.csv changed while it was being imported/);
    expect(contentDigest(ws)).toBe(before);
  });
});

describe('large imports', () => {
  it('rebuild the customer/time index after loading, and a failed one leaves the index in place', async () => {
    const big = tmp.file('big.csv');
    writeFileSync(big, good(250_000));
    const s = await importInto(ws, big);
    expect(s.eventsAdded).toBe(250_000);
    const plan = ws.db.all<{ detail: string }>("EXPLAIN QUERY PLAN SELECT * FROM events WHERE customer_id = 'c1' ORDER BY ts").map((r) => r.detail).join(' ');
    expect(plan).toContain('events_customer_ts');

    const broken = tmp.file('broken.csv');
    writeFileSync(broken, `${good(250_000, 300_000)}\nc1,yesterday,page_view\n`);
    const before = contentDigest(ws);
    await expect(importInto(ws, broken)).rejects.toThrow(/line 250002, column timestamp: "yesterday"/);
    expect(contentDigest(ws)).toBe(before);
    expect(ws.db.get("SELECT name FROM sqlite_master WHERE name = 'events_customer_ts'")).toEqual({ name: 'events_customer_ts' });
  }, 60_000);

  it('build the customer sort indexes again after writing figures for many new customers', async () => {
    const file = tmp.file('many.csv');
    const lines = ['customer_id,timestamp,event,amount'];
    for (let i = 0; i < 30_000; i++) lines.push(`m${i},2024-02-01T00:00:${String(i % 60).padStart(2, '0')}Z,purchase,${(i % 50) + 1}`);
    writeFileSync(file, lines.join('\n'));
    await importInto(ws, file);
    const names = ws.db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer_stats' AND sql IS NOT NULL ORDER BY name").map((r) => r.name);
    expect(names).toEqual(['customer_stats_events', 'customer_stats_first_seen', 'customer_stats_last_purchase', 'customer_stats_last_seen', 'customer_stats_purchases', 'customer_stats_revenue', 'customer_stats_sessions']);
    const plan = ws.db.all<{ detail: string }>('EXPLAIN QUERY PLAN SELECT customer_id FROM customer_stats ORDER BY revenue DESC LIMIT 5').map((r) => r.detail).join(' ');
    expect(plan).toContain('customer_stats_revenue');
    const incremental = ws.db.all('SELECT * FROM customer_stats ORDER BY customer_id');
    expect(incremental).toHaveLength(30_000);
    rebuildCustomerStats(ws.db);
    expect(incremental).toEqual(ws.db.all('SELECT * FROM customer_stats ORDER BY customer_id'));
  }, 60_000);
});

describe('customer figures after each import', () => {
  it('match a full recomputation, for new customers, returning customers and overlapping files', async () => {
    const rows = (from: number, to: number, customers: number) => {
      const out = ['customer_id,InvoiceNo,InvoiceDate,Quantity,UnitPrice'];
      for (let i = from; i < to; i++) {
        const qty = i % 13 === 0 ? -1 : 1 + (i % 3);
        out.push(`k${i % customers},${qty < 0 ? 'C' : ''}${Math.floor(i / 2)},${new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString()},${qty},${(i % 7) + 0.5}`);
      }
      return out.join('\n');
    };
    const files = [rows(0, 400, 30), rows(400, 900, 45), rows(850, 1000, 60)];
    for (const [i, content] of files.entries()) {
      const file = tmp.file(`orders-${i}.csv`);
      writeFileSync(file, content);
      await importInto(ws, file);
      const incremental = ws.db.all('SELECT * FROM customer_stats ORDER BY customer_id');
      rebuildCustomerStats(ws.db);
      expect(incremental).toEqual(ws.db.all('SELECT * FROM customer_stats ORDER BY customer_id'));
    }
  });
});
