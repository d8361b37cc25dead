// The segwb command as a user runs it: a real process, real files, exit codes and output.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../test/support/temp.ts';

const bin = fileURLToPath(new URL('./bin/segwb.mjs', import.meta.url));
const tmp = tempDir();
afterAll(() => tmp.cleanup());

const segwb = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('segwb', () => {
  it('demo writes a sample workspace and info describes it', () => {
    const out = tmp.file('demo.segwb');
    const demo = segwb('demo', '--customers', '300', '--seed', '3', '--out', out);
    expect(demo.status, demo.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    const summary = JSON.parse(demo.stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ customers: 300 });

    const info = JSON.parse(execFileSync(process.execPath, [bin, 'info', '--workspace', out], { encoding: 'utf8' }));
    expect(info).toMatchObject({ customers: 300, hasGroundTruth: true, readonly: false, events: summary.events });
  });

  it('signals writes one CSV row per customer with every signal, score and phase; phases prints the backtest', () => {
    const ws = tmp.file('signals.segwb');
    expect(segwb('demo', '--customers', '800', '--seed', '5', '--months', '6', '--out', ws).status).toBe(0);
    const csv = tmp.file('signals.csv');
    const r = segwb('signals', '--workspace', ws, '--as-of', '2025-12-01', '--out', csv);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 3)).toEqual(['customer_id', 'days_since_purchase', 'orders']);
    expect(header.slice(-2)).toEqual(['intent_score', 'phase']);
    const customersThen = Number(execFileSync('sqlite3', [ws, "SELECT count(*) FROM customers WHERE first_seen < strftime('%s','2025-12-01') * 1000"], { encoding: 'utf8' }).trim());
    expect(lines.length - 1).toBe(customersThen);
    const first = lines[1]!.split(',');
    expect(first).toHaveLength(header.length);
    expect(['orientation', 'consideration', 'decision', 'retention']).toContain(first.at(-1));
    expect(r.stderr).toContain(`customers as of 2025-12-01 written to ${csv}`);

    const p = segwb('phases', '--workspace', ws, '--as-of', '2025-11-01', '--backtest-days', '30');
    expect(p.status, p.stderr).toBe(0);
    const bt = JSON.parse(p.stdout);
    expect(bt).toMatchObject({ asOf: '2025-11-01', outcomeDays: 30, windowComplete: true });
    expect(Object.keys(bt.phases)).toEqual(['orientation', 'consideration', 'decision', 'retention']);
    expect(bt.phases.decision.low).toBeLessThanOrEqual(bt.phases.decision.rate);

    const bad = segwb('phases', '--workspace', ws, '--as-of', '2025-02-30', '--backtest-days', '30');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('"2025-02-30" is not a date');
    expect(segwb('phases', '--workspace', ws).stderr).toMatch(/--backtest-days is required/);
  }, 60_000);

  it('cluster writes one assignment per clustered customer and prints the summary; --k auto chooses k', () => {
    const ws = tmp.file('cluster.segwb');
    expect(segwb('demo', '--customers', '900', '--seed', '8', '--months', '6', '--out', ws).status).toBe(0);
    const csv = tmp.file('assignments.csv');
    const r = segwb('cluster', '--workspace', ws, '--as-of', '2025-11-01', '--k', '3', '--seed', '4', '--signals', 'orders,days_since_visit,sessions_30d', '--out', csv);
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.clusters).toHaveLength(3);
    expect(summary.signals.map((s: { id: string }) => s.id)).toEqual(['orders', 'days_since_visit', 'sessions_30d']);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('customer_id,cluster_id,cluster_name,distance');
    expect(lines.length - 1).toBe(summary.clustered);
    const customersThen = Number(execFileSync('sqlite3', [ws, "SELECT count(*) FROM customers WHERE first_seen < strftime('%s','2025-11-01') * 1000"], { encoding: 'utf8' }).trim());
    expect(summary.customers).toBe(customersThen);
    // Every row names its cluster as the summary does, and the sizes add up.
    const byKey = new Map<number, number>();
    for (const line of lines.slice(1)) {
      const key = Number(line.split(',')[1]);
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    for (const c of summary.clusters) expect(byKey.get(c.key)).toBe(c.size);
    expect(Number(execFileSync('sqlite3', [ws, 'SELECT count(*) FROM cluster_models'], { encoding: 'utf8' }).trim())).toBe(1);

    const auto = segwb('cluster', '--workspace', ws, '--as-of', '2025-11-01', '--k', 'auto');
    expect(auto.status, auto.stderr).toBe(0);
    const chosen = JSON.parse(auto.stdout);
    expect(chosen.clusters).toHaveLength(chosen.chooseK.recommended);
    expect(chosen.chooseK.reason).toContain(`k = ${chosen.chooseK.recommended}`);
    expect(segwb('cluster', '--workspace', ws, '--k', '1').stderr).toMatch(/--k must be auto or a whole number from 2 to 30/);
  }, 120_000);

  it('predict prints the fitted models and backtest as JSON and writes one score row per customer', () => {
    const ws = tmp.file('predict.segwb');
    expect(segwb('demo', '--customers', '1500', '--seed', '6', '--months', '12', '--out', ws).status).toBe(0);
    const csv = tmp.file('scores.csv');
    const r = segwb('predict', '--workspace', ws, '--calibration-end', '2025-09-30', '--time-unit', 'day', '--horizon-days', '30', '--out', csv);
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.models.bgnbd.converged).toBe(true);
    expect(summary.chosen).not.toBeNull();
    expect(summary.backtest.holdoutDays).toBeGreaterThan(0);
    const buyers = Number(execFileSync('sqlite3', [ws, "SELECT count(DISTINCT customer_id) FROM events WHERE type = 'purchase' AND ts < strftime('%s','2025-10-01') * 1000"], { encoding: 'utf8' }).trim());
    expect(summary.customers).toBe(buyers);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('customer_id,repeat_purchases,recency,age,p_alive,expected_purchases_30d,clv,holdout_purchases');
    expect(lines.length - 1).toBe(buyers);
    const holdout = lines.slice(1).reduce((s, l) => s + Number(l.split(',').at(-1)), 0);
    expect(holdout).toBe(summary.backtest.actualTotal);
    expect(segwb('predict', '--workspace', ws, '--calibration-end', '2025-09-30', '--model', 'nope').stderr).toMatch(/--model must be auto, bgnbd, pareto-nbd or gamma-gamma/);
  }, 120_000);

  it('rules prints counts per condition and SQL that the sqlite3 shell runs to the same members; compare, migrate, economics and export print JSON', () => {
    const ws = tmp.file('rules.segwb');
    expect(segwb('demo', '--customers', '1200', '--seed', '9', '--months', '9', '--out', ws).status).toBe(0);
    const rule = tmp.file('rule.json');
    writeFileSync(
      rule,
      JSON.stringify({
        format: 'segment-workbench-rule',
        version: 1,
        rule: {
          kind: 'group',
          combine: 'and',
          children: [
            { kind: 'event', types: ['purchase'], window: { kind: 'last', days: 60 } },
            { kind: 'event', types: ['email_open'], atLeast: 2, window: { kind: 'last', days: 30 }, not: true },
            { kind: 'attribute', field: 'country', op: 'is-present' },
          ],
        },
      }),
    );
    const members = tmp.file('members.csv');
    const r = segwb('rules', '--workspace', ws, '--rule', rule, '--as-of', '2025-08-01', '--out', members);
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.asOf).toBe('2025-08-01');
    expect(result.conditions.map((c: { path: string }) => c.path)).toEqual(['1', '2', '3']);
    expect(result.conditions[1].condition).toBe('did not do email_open at least 2 times in the last 30 days');
    const ids = readFileSync(members, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(ids).toHaveLength(result.matched);
    expect(result.matched).toBeGreaterThan(0);
    // The exported statement, parameters bound by the sqlite3 shell itself.
    const binds = (result.sql.params as Array<string | number>).map((p, i) => `.parameter set ?${i + 1} ${typeof p === 'string' ? `'${p}'` : p}`);
    const script = `${binds.join('\n')}\n${result.sql.text};\n`;
    const viaShell = execFileSync('sqlite3', ['-readonly', ws], { input: script, encoding: 'utf8' }).trim().split('\n');
    expect(viaShell).toEqual(ids);

    const bad = tmp.file('bad-rule.json');
    writeFileSync(bad, '{"kind":"group","combine":"xor","children":[]}');
    const refused = segwb('rules', '--workspace', ws, '--rule', bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('bad-rule.json: not a rule');
    expect(refused.stderr).toContain('combine');

    const c = segwb('compare', '--workspace', ws, '--a', 'rfm', '--b', 'phases', '--as-of', '2025-07-01', '--outcome-days', '30', '--replicates', '100');
    expect(c.status, c.stderr).toBe(0);
    const cmp = JSON.parse(c.stdout);
    expect(cmp.a.label).toBe('RFM groups');
    expect(cmp.contingency.flat().reduce((s: number, v: number) => s + v, 0)).toBe(cmp.customers);
    expect(cmp.outcome.complete).toBe(true);
    expect(cmp.outcome.separation.replicates).toBe(100);
    expect(typeof cmp.ari).toBe('number');
    expect(segwb('compare', '--workspace', ws, '--a', 'nonsense', '--b', 'rfm').stderr).toContain('"nonsense" is not a segmentation');

    const m = segwb('migrate', '--workspace', ws, '--segmentation', 'phases', '--from', '2025-09-15', '--to', '2025-11-01', '--monthly');
    expect(m.status, m.stderr).toBe(0);
    const series = JSON.parse(m.stdout);
    expect(series.days).toEqual(['2025-09-15', '2025-10-01', '2025-11-01']);
    expect(series.transitions.map((t: { from: string; to: string }) => `${t.from}>${t.to}`)).toEqual(['2025-09-15>2025-10-01', '2025-09-15>2025-11-01', '2025-10-01>2025-11-01']);
    const last = series.transitions[2];
    expect(last.stayed + last.moved + last.entered).toBe(series.customers[2]);
    expect(segwb('migrate', '--workspace', ws, '--segmentation', 'phases', '--from', '2025-11-01', '--to', '2025-10-01').stderr).toContain('must be after --from');

    const e = segwb('economics', '--workspace', ws, '--segmentation', 'rfm', '--as-of', '2025-07-01', '--outcome-days', '30');
    expect(e.status, e.stderr).toBe(0);
    const table = JSON.parse(e.stdout);
    expect(table).toMatchObject({ asOf: '2025-07-01', label: 'RFM groups', likelihoodSource: 'observed', outcome: { complete: true } });
    expect(table.segments.reduce((s: number, r: { customers: number }) => s + r.customers, 0)).toBe(table.all.customers);
    // The same table as the comparison's RFM side: one evaluator, one set of customers.
    expect(table.segments.map((r: { customers: number }) => r.customers)).toEqual(cmp.a.segments.map((x: { customers: number }) => x.customers));
    const out = tmp.file('exclusions.csv');
    const none = segwb('exclusions', '--workspace', ws, '--out', out, '--as-of', '2025-07-01');
    expect(none.status, none.stderr).toBe(0);
    expect(JSON.parse(none.stdout)).toMatchObject({ rows: 0, segments: [], skipped: [] });
    expect(readFileSync(out, 'utf8')).toBe('customer_id,excluded_by,segment_ids\n');
    expect(segwb('exclusions', '--workspace', ws, '--out', out).stderr).toContain('already exists');

    const bundle = tmp.file('bundle.json');
    const b = segwb('export', '--workspace', ws, '--format', 'json', '--out', bundle, '--as-of', '2025-07-01');
    expect(b.status, b.stderr).toBe(0);
    expect(JSON.parse(b.stdout)).toMatchObject({ asOf: '2025-07-01', segments: 0 });
    expect(JSON.parse(readFileSync(bundle, 'utf8'))).toMatchObject({ format: 'segment-workbench-bundle', version: 1, asOf: '2025-07-01' });
    const back = segwb('bundle-import', '--workspace', ws, '--bundle', bundle);
    expect(back.status, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ sameData: true, differences: [] });
    const membership = tmp.file('membership.csv');
    const m2 = segwb('export', '--workspace', ws, '--format', 'csv', '--out', membership, '--as-of', '2025-07-01', '--hash-email');
    expect(m2.status, m2.stderr).toBe(0);
    expect(readFileSync(membership, 'utf8').split('\n')[0]).toBe('customer_id,primary_segment,primary_segment_id,segments,segment_ids,phase,intent_score,rfm_group,email_sha256,as_of');
    expect(segwb('export', '--workspace', ws, '--format', 'pdf', '--out', membership).stderr).toContain('--format pdf is not one of');
    const pmml = tmp.file('clusters.pmml');
    expect(segwb('export', '--workspace', ws, '--format', 'pmml', '--out', pmml).stderr).toContain('fit clusters first');
    expect(segwb('cluster', '--workspace', ws, '--as-of', '2025-07-01', '--k', '3').status).toBe(0);
    const p = segwb('export', '--workspace', ws, '--format', 'pmml', '--out', pmml);
    expect(p.status, p.stderr).toBe(0);
    expect(JSON.parse(p.stdout)).toMatchObject({ clusters: 3 });
    expect(readFileSync(pmml, 'utf8')).toContain('<ClusteringModel modelName="cluster-model-');
    expect(segwb('export', '--workspace', ws, '--format', 'pmml', '--scorecard', '--model', '1', '--out', pmml).stderr).toContain('two different PMML files');
    const card = tmp.file('intent.pmml');
    const sc = segwb('export', '--workspace', ws, '--format', 'pmml', '--scorecard', '--out', card, '--as-of', '2025-07-01');
    expect(sc.status, sc.stderr).toBe(0);
    expect(JSON.parse(sc.stdout)).toMatchObject({ asOf: '2025-07-01' });
    expect(readFileSync(card, 'utf8')).toContain('<Scorecard ');
    for (const dialect of ['sqlite', 'postgres']) {
      const sql = tmp.file(`segments.${dialect}.sql`);
      const s = segwb('export', '--workspace', ws, '--format', `sql-${dialect}`, '--out', sql, '--as-of', '2025-07-01');
      expect(s.status, s.stderr).toBe(0);
      expect(JSON.parse(s.stdout)).toMatchObject({ dialect, asOf: '2025-07-01', membershipView: 'segwb_membership' });
      const text = readFileSync(sql, 'utf8');
      expect(text).toContain('CREATE VIEW segwb_membership AS');
      expect(text.includes('segwb_kbn_sum')).toBe(dialect === 'postgres');
    }
  }, 120_000);

  it('refuses to overwrite an existing file', () => {
    const out = tmp.file('exists.segwb');
    writeFileSync(out, 'mine');
    const r = segwb('demo', '--customers', '50', '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/exists\.segwb already exists/);
  });

  it('explains a file that is not a workspace, with exit code 1', () => {
    const bad = tmp.file('bad.segwb');
    writeFileSync(bad, 'not sqlite');
    const r = segwb('info', '--workspace', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('bad.segwb is not a Segment Workbench workspace');
  });

  it('answers usage mistakes with exit code 2 and the usage text', () => {
    const unknown = segwb('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"[\s\S]*Usage:/);
    const missing = segwb('demo', '--customers', '10');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--out is required/);
    const notNumber = segwb('demo', '--customers', 'many', '--out', tmp.file('x.segwb'));
    expect(notNumber.status).toBe(2);
    expect(notNumber.stderr).toMatch(/--customers must be a whole number, got "many"/);
  });

  it('prints help', () => {
    const r = segwb('help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/segwb demo --customers N --out FILE/);
  });
});
