// The real files the issue names, imported as an analyst would, with figures derived
// independently: the sqlite3 command-line shell's own CSV import, and awk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createWorkspace, type Workspace } from '../store/workspace.ts';
import { tempDir } from '../../test/support/temp.ts';
import { importInto } from '../../test/support/import.ts';
import { sharedDataFile } from '../../test/support/shared-data.ts';
import { previewImport } from './preview.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function sqliteCli(sql: string): string {
  try {
    return execFileSync('sqlite3', [':memory:'], { input: sql, encoding: 'utf8', maxBuffer: 64 << 20 }).trim();
  } catch (err) {
    throw new Error(`These checks use the sqlite3 command-line shell (Debian package sqlite3): ${(err as Error).message}`);
  }
}

function awk(program: string, file: string): string {
  return execFileSync('awk', [program, file], { encoding: 'utf8' }).trim();
}

describe('CDNOW (whitespace-aligned, no header, YYYYMMDD)', () => {
  it.each([
    ['cdnow/CDNOW_sample.txt', 6919, 2357],
    ['cdnow/CDNOW_master.txt', 69659, 23570],
  ])('%s: every purchase and customer arrives', async (rel, purchases, customers) => {
    const file = sharedDataFile(rel);
    const ws = createWorkspace(tmp.file(`${rel.replace(/\W/g, '_')}.segwb`));
    try {
      const preview = await previewImport(ws.db, file);
      expect(preview.format).toMatchObject({ type: 'delimited', delimiter: 'whitespace', hasHeader: false });
      expect(preview.kind).toBe('orders');
      expect(preview.mapping.dateFormat).toBe('yyyymmdd');
      const s = await importInto(ws, file);
      // Independent figures: line count and dollar total straight from the file with awk.
      const lines = Number(awk('END { print NR }', file));
      const dollars = Number(awk('{ s += $NF } END { printf "%.2f", s }', file));
      expect(lines).toBe(purchases);
      expect(s).toMatchObject({ rowsRead: purchases, rowsImported: purchases, rowsRejected: 0, customersAdded: customers });
      const got = ws.db.get<{ n: number; total: number; lo: number; hi: number; cust: number }>(
        "SELECT count(*) AS n, round(sum(amount), 2) AS total, min(ts) AS lo, max(ts) AS hi, count(DISTINCT customer_id) AS cust FROM events WHERE type = 'purchase'",
      )!;
      expect(got.n).toBe(purchases);
      expect(got.cust).toBe(customers);
      expect(got.total).toBeCloseTo(dollars, 2);
      expect(new Date(got.lo).toISOString().slice(0, 10)).toBe('1997-01-01');
      expect(new Date(got.hi).toISOString().slice(0, 10)).toBe('1998-06-30');
    } finally {
      ws.db.close();
    }
  }, 120_000);
});

describe('UCI Online Retail (541,909 invoice lines)', () => {
  let ws: Workspace;
  let file: string;
  let expected: { withCustomer: number; withoutCustomer: number; returns: number; customers: number; net: number };

  beforeAll(() => {
    file = sharedDataFile('online_retail/online_retail.csv');
    ws = createWorkspace(tmp.file('retail.segwb'));
    // The sqlite3 shell's own CSV reader, nothing of ours: how many lines have a customer, etc.
    const out = sqliteCli(`.mode csv
.import ${file} r
.mode list
SELECT sum(CustomerID <> ''), sum(CustomerID = ''), sum(CustomerID <> '' AND InvoiceNo LIKE 'C%'),
       count(DISTINCT CASE WHEN CustomerID <> '' THEN CAST(CAST(CustomerID AS REAL) AS INTEGER) END),
       printf('%.2f', sum(CASE WHEN CustomerID <> '' THEN Quantity * UnitPrice END)) FROM r;`);
    const [a, b, c, d, e] = out.split('|');
    expected = { withCustomer: Number(a), withoutCustomer: Number(b), returns: Number(c), customers: Number(d), net: Number(e) };
  });
  afterAll(() => ws.db.close());

  it('matches the published shape of the file', () => {
    expect(expected.withCustomer + expected.withoutCustomer).toBe(541909);
    expect(expected.withoutCustomer).toBe(135080);
    expect(expected.customers).toBe(4372);
  });

  it('all or nothing: the lines without a customer id stop the import, and nothing is written', async () => {
    await expect(importInto(ws, file)).rejects.toThrow(/135,080 of 541,909 rows of .*online_retail\.csv cannot be imported, so nothing was imported\. First: line \d+, column CustomerID: .*no customer id/);
    expect(ws.db.get('SELECT count(*) AS n FROM events')).toEqual({ n: 0 });
  }, 120_000);

  it('skip bad rows: the rest arrive, returns from cancellation invoices, 17850.0 becomes 17850', async () => {
    const s = await importInto(ws, file, { skipBadRows: true });
    expect(s).toMatchObject({
      kind: 'orders',
      rowsRead: 541909,
      rowsImported: expected.withCustomer,
      rowsRejected: expected.withoutCustomer,
      customersAdded: expected.customers,
      eventsAdded: expected.withCustomer,
    });
    expect(s.rejectedReport).toMatch(/rejected\.csv$/);
    // One report line per problem; two "Adjust bad debt" lines have two (no customer, negative price).
    const rejectedLines = new Set(awk('BEGIN { FS = "," } NR > 1 { print $2 }', s.rejectedReport!).split('\n'));
    expect(rejectedLines.size).toBe(expected.withoutCustomer);
    const figures = ws.db.get<{ returns: number; net: number }>(
      "SELECT sum(type = 'return') AS returns, round(sum(amount), 2) AS net FROM events",
    )!;
    expect(figures.returns).toBe(expected.returns);
    expect(figures.net).toBeCloseTo(expected.net, 1);
    expect(ws.db.get("SELECT customer_id, country FROM customers WHERE customer_id = '17850'")).toEqual({ customer_id: '17850', country: 'United Kingdom' });
    expect(ws.db.get("SELECT count(*) AS n FROM customers WHERE customer_id LIKE '%.0'")).toEqual({ n: 0 });
  }, 120_000);
});
