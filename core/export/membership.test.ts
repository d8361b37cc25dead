// The membership CSV on a hand-built shop: primary segment by priority, every segment, phase and
// RFM group as the evaluator gives them; ids that look like formulas neutralised; email and phone
// hashed after the ad platforms' normalisation, and hashes made at import kept as they are.
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createWorkspace } from '../store/workspace.ts';
import { rebuildCustomerStats } from '../customers/stats.ts';
import { writeCsv } from '../files/csv-writer.ts';
import { hashPersonal } from '../import/personal.ts';
import { inThreadEvaluator } from '../rules/in-thread.ts';
import { savePriority, saveSegment } from '../rules/segments-store.ts';
import { ruleGroupSchema } from '../rules/types.ts';
import { tempDir } from '../../test/support/temp.ts';
import { membershipTable } from './membership.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const AS_OF = T0 + 100 * DAY;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

// [id, email, phone, purchases (days)]
const CUSTOMERS: Array<[string, string | null, string | null, number[]]> = [
  ['=HYPERLINK("http://x")', ' Ana@Example.COM ', '07700 900123', [10, 40, 90]],
  ['+SUM(A1)', null, '+1 (555) 123-4567', [95]],
  ['-2+3', sha('pre@hashed.example'), null, []],
  ['@cmd', 'b@example.com', '', [5]],
  ['plain', 'c@example.com', '0049 30 123456', [20, 30]],
];

const tmp = tempDir('segwb-membership-');
afterAll(() => tmp.cleanup());

const ws = createWorkspace(join(tmp.dir, 'shop.segwb'), { name: 'Membership shop' });
ws.db.transaction(() => {
  const importId = Number(ws.db.run("INSERT INTO imports (kind, status, started_at) VALUES ('events', 'done', 0)").lastInsertRowid);
  for (const [id, email, phone, days] of CUSTOMERS) {
    ws.db.run('INSERT INTO customers (customer_id, email, phone, first_seen, import_id) VALUES (?, ?, ?, ?, ?)', [id, email, phone, T0, importId]);
    days.forEach((d, k) => ws.db.run("INSERT INTO events (customer_id, ts, type, order_id, amount, import_id) VALUES (?, ?, 'purchase', ?, 50, ?)", [id, T0 + d * DAY, `${id}-${k}`, importId]));
    ws.db.run("INSERT INTO events (customer_id, ts, type, import_id) VALUES (?, ?, 'page_view', ?)", [id, T0 + DAY, importId]);
  }
});
rebuildCustomerStats(ws.db);
const repeat = saveSegment(ws.db, { name: 'Repeat', description: '', rule: ruleGroupSchema.parse({ kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['purchase'], atLeast: 2 }] }) });
const recent = saveSegment(ws.db, { name: 'Recent', description: '', rule: ruleGroupSchema.parse({ kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['purchase'], window: { kind: 'last', days: 30 } }] }) });
// Recent first: a repeat buyer who bought recently is primarily "Recent".
savePriority(ws.db, [recent, repeat]);

describe('membership CSV', () => {
  const { evaluator, data } = inThreadEvaluator(ws.db, AS_OF);
  const options = { hashEmail: true, hashPhone: true, defaultCountryCode: '+44' };
  const table = membershipTable(ws.db, data, evaluator, options);

  it('writes every customer with segments, primary segment, phase and RFM group, neutralising formula-like cells', async () => {
    const path = join(tmp.dir, 'members.csv');
    await writeCsv(path, table.header, table.rows());
    const text = readFileSync(path, 'utf8');
    const rows = Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;
    expect(table.header).toEqual(['customer_id', 'primary_segment', 'primary_segment_id', 'segments', 'segment_ids', 'phase', 'intent_score', 'rfm_group', 'email_sha256', 'phone_sha256', 'as_of']);
    expect(rows).toHaveLength(CUSTOMERS.length);
    const byId = new Map(rows.map((r) => [r.customer_id!, r]));
    // Every id that starts with = + - @ is written with a leading apostrophe.
    expect([...byId.keys()].sort()).toEqual(["'+SUM(A1)", "'-2+3", "'=HYPERLINK(\"http://x\")", "'@cmd", 'plain']);
    // Segments are listed in priority order.
    const ana = byId.get("'=HYPERLINK(\"http://x\")")!;
    expect(ana).toMatchObject({ primary_segment: 'Recent', primary_segment_id: String(recent), segments: 'Recent; Repeat', as_of: '2024-04-10' });
    expect(byId.get("'+SUM(A1)")).toMatchObject({ primary_segment: 'Recent', segments: 'Recent' });
    expect(byId.get('plain')).toMatchObject({ primary_segment: 'Repeat', segments: 'Repeat' });
    expect(byId.get("'-2+3")).toMatchObject({ primary_segment: '', segments: '', segment_ids: '', rfm_group: 'none' });
    // Phases and RFM as the evaluator labels them.
    const phases = evaluator.segmentation({ kind: 'phases' });
    const rfm = evaluator.segmentation({ kind: 'rfm' });
    data.frame.customerIds.forEach((id, i) => {
      const row = rows.find((r) => r.customer_id!.replace(/^'/, '') === id)!;
      expect(row.phase).toBe(phases.info.segments[phases.labels[i]!]!.key);
      expect(row.rfm_group).toBe(rfm.info.segments[rfm.labels[i]!]!.key);
    });
  });

  it('hashes normalised email and phone as ad platforms expect, keeping hashes made at import', () => {
    const rows = [...table.rows()];
    const col = (name: string) => table.header.indexOf(name);
    const row = (id: string) => rows.find((r) => r[0] === id)!;
    expect(row('=HYPERLINK("http://x")')[col('email_sha256')]).toBe(sha('ana@example.com'));
    expect(row('=HYPERLINK("http://x")')[col('phone_sha256')]).toBe(sha('+447700900123'));
    expect(row('+SUM(A1)')[col('phone_sha256')]).toBe(sha('+15551234567'));
    expect(row('plain')[col('phone_sha256')]).toBe(hashPersonal('phone', '0049 30 123456'));
    expect(row('-2+3')[col('email_sha256')]).toBe(sha('pre@hashed.example'));
    // Nothing to hash: empty, never the hash of ''.
    expect(row('+SUM(A1)')[col('email_sha256')]).toBe('');
    expect(row('@cmd')[col('phone_sha256')]).toBe('');
  });

  it('leaves the personal columns out unless asked', () => {
    const plain = membershipTable(ws.db, data, evaluator, { hashEmail: false, hashPhone: false });
    expect(plain.header).not.toContain('email_sha256');
    expect(plain.header).not.toContain('phone_sha256');
  });
});
