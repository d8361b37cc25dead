// Child of `npm run bench -- rules`: a four-condition rule (bought in the last 30 days, NOT opened
// 3+ emails in 30 days, country present, 2+ orders) on a sample workspace, evaluated the way the
// app does (each database condition's SELECT, then masks), cold and after one condition is
// edited, against the sqlite3 shell running the whole compiled statement in the same run; then a
// comparison (RFM x phases with 200 bootstrap replicates). Prints one JSON line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSample } from '../sample/generate.ts';
import { openDatabase } from '../store/db.ts';
import { defaultAsOf, formatDay } from '../signals/as-of.ts';
import { compileRuleSql } from '../rules/compile.ts';
import { inThreadEvaluator } from '../rules/in-thread.ts';
import { ruleGroupSchema, type RuleGroup } from '../rules/types.ts';
import { compareSegmentations } from '../compare/compare.ts';

const customers = Number(process.argv[2] ?? 100_000);
const existing = process.argv[3];
const dir = mkdtempSync(join(tmpdir(), 'segwb-bench-rules-'));
const path = existing ?? join(dir, 'bench.segwb');

const databaseOnly = (days: number): RuleGroup =>
  ruleGroupSchema.parse({
    kind: 'group',
    combine: 'and',
    children: [
      { kind: 'event', types: ['purchase'], window: { kind: 'last', days } },
      { kind: 'event', types: ['email_open'], atLeast: 3, window: { kind: 'last', days: 30 }, not: true },
      { kind: 'attribute', field: 'country', op: 'is-present' },
    ],
  });
const withSignal = (days: number): RuleGroup => ({ ...databaseOnly(days), children: [...databaseOnly(days).children, ruleGroupSchema.parse({ kind: 'group', combine: 'and', children: [{ kind: 'signal', signal: 'orders', op: 'gte', value: 2 }] })] });

const seconds = (started: number) => Math.round((performance.now() - started) / 10) / 100;

function shellSeconds(sql: string, params: readonly unknown[]): { seconds: number; rows: number } {
  const binds = params.map((p, i) => `.parameter set ?${i + 1} ${typeof p === 'string' ? `'${p}'` : String(p)}`);
  const script = join(dir, 'rule.sql');
  writeFileSync(script, `PRAGMA temp_store = MEMORY;\nPRAGMA cache_size = -131072;\n${binds.join('\n')}\n${sql};\n`);
  const started = performance.now();
  const out = execFileSync('sqlite3', ['-readonly', path, `.read ${script}`], { encoding: 'utf8', maxBuffer: 1 << 30 });
  return { seconds: seconds(started), rows: out.trim() ? out.trim().split('\n').length : 0 };
}

try {
  if (!existing) {
    process.stderr.write(`  generating a sample of ${customers.toLocaleString('en-US')} customers...\n`);
    await generateSample({ path, customers, seed: 42, months: 18 }, { isCancelled: () => false, progress: () => {} });
  }
  const db = openDatabase(path, { readonly: true });
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -131072');
  const asOf = defaultAsOf(db);
  const events = db.get<{ n: number }>('SELECT count(*) AS n FROM events')!.n;
  process.stderr.write('  computing signals (not timed here: npm run bench -- signals)...\n');
  const { evaluator } = inThreadEvaluator(db, asOf);

  process.stderr.write('  app: rule cold, then one condition edited, then a signal edited...\n');
  let t = performance.now();
  const cold = evaluator.rule(withSignal(30));
  const appCold = seconds(t);
  t = performance.now();
  const edited = evaluator.rule(withSignal(45));
  const appOneEdited = seconds(t);
  t = performance.now();
  evaluator.rule({ ...withSignal(45), children: withSignal(45).children.slice(0, 3) });
  const appComposeOnly = seconds(t);
  // The database conditions alone, for the like-for-like comparison with the shell.
  const { evaluator: fresh } = inThreadEvaluator(db, asOf);
  t = performance.now();
  const dbOnly = fresh.rule(databaseOnly(30));
  const appDatabaseOnly = seconds(t);

  process.stderr.write('  sqlite3 shell: the compiled statement of the same database conditions...\n');
  const compiled = compileRuleSql(databaseOnly(30), asOf);
  const shell = shellSeconds(compiled.text, compiled.params);
  if (shell.rows !== dbOnly.matched) throw new Error(`the shell found ${shell.rows} customers, the app ${dbOnly.matched}`);

  process.stderr.write('  comparison RFM x phases with 200 bootstrap replicates...\n');
  t = performance.now();
  const cmp = compareSegmentations(evaluator.segmentation({ kind: 'rfm' }), evaluator.segmentation({ kind: 'phases' }), null, {
    asOf: formatDay(asOf),
    outcomeDays: 30,
    replicates: 200,
    outcomeNote: null,
    started: t,
  });
  const compareSeconds = seconds(t);
  db.close();
  process.stdout.write(
    `${JSON.stringify({
      benchmark: 'rules',
      customers: evaluator.customers,
      events,
      matched: { rule: cold.matched, edited: edited.matched, databaseConditions: dbOnly.matched },
      appColdSeconds: appCold,
      appOneConditionEditedSeconds: appOneEdited,
      appSignalEditSeconds: appComposeOnly,
      appDatabaseConditionsSeconds: appDatabaseOnly,
      sqliteShellWholeStatementSeconds: shell.seconds,
      ratioAppToShell: Math.round((appDatabaseOnly / shell.seconds) * 100) / 100,
      compareRfmPhasesSeconds: compareSeconds,
      ari: cmp.ari,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
} finally {
  if (!existing) rmSync(dir, { recursive: true, force: true });
  else rmSync(dir, { recursive: true, force: true });
}
