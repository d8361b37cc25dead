// segwb: the headless shell over the same core functions the app uses.
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCore } from './api/core.ts';
import { startWebServer } from './api/http-server.ts';
import { ApiError } from './api/contract.ts';
import { appVersion, projectRoot, settingsDir, workspacesDir } from './app/paths.ts';
import { openWorkspace } from './store/workspace.ts';
import { workspaceInfo } from './workspace/info.ts';
import { WorkspaceError } from './store/errors.ts';
import { ImportError } from './import/errors.ts';
import type { Delimiter } from './import/types.ts';

const USAGE = `segwb — Segment Workbench on the command line

Usage:
  segwb demo --customers N --out FILE [--seed S] [--months M]
      Generate the sample workspace (seeded, offline) into FILE.
  segwb info --workspace FILE
      Print what a workspace holds, as JSON.
  segwb import FILE --workspace WS [--kind events|orders|customers] [--mapping M.json]
               [--skip-bad] [--allow-reimport] [--delimiter ,|;|tab|pipe|whitespace] [--no-header]
      Import a CSV/TSV/whitespace/JSON Lines/XLSX file; all or nothing unless --skip-bad.
  segwb signals --workspace WS [--as-of YYYY-MM-DD] [--out signals.csv]
      Every signal per customer as of the date (default: the day after the newest event), plus
      intent score and phase with the workspace's saved weights and thresholds. CSV to --out or stdout.
  segwb phases --workspace WS [--as-of YYYY-MM-DD] --backtest-days N
      Conversion rate per phase within N days after the as-of date (default: N days before the
      data ends), with 95% Wilson intervals and lift, as JSON.
  segwb cluster --workspace WS [--as-of YYYY-MM-DD] --k K|auto [--seed S] [--signals a,b,c]
               [--out assignments.csv]
      k-means on the signals (default: the workbench's default set) as of the date; stores the
      model in the workspace, writes customer id, cluster id, cluster name and distance to --out,
      and prints the cluster summary as JSON. --k auto picks k from silhouette and stability.
  segwb predict --workspace WS --calibration-end YYYY-MM-DD [--holdout-end YYYY-MM-DD]
               [--model auto|bgnbd|pareto-nbd|gamma-gamma] [--time-unit day|week]
               [--horizon-days N] [--out scores.csv]
      BG/NBD and Pareto/NBD (log-likelihoods side by side) and Gamma-Gamma fitted on purchases up
      to the calibration end; parameters, convergence, CLV and the holdout backtest as JSON; per
      customer P(alive), expected purchases, CLV and actual holdout purchases to --out. Exit code 1
      when the chosen model did not converge. gamma-gamma: spend is always fitted; the counting
      model is then chosen automatically.
  segwb rules --workspace WS --rule rule.json [--as-of YYYY-MM-DD] [--out members.csv]
      Evaluates a rule (the JSON a saved segment holds or the app exports) as of the date: the
      customers matching it and each of its conditions, and the rule as one parameterised SQL
      statement, as JSON; the members (id, orders, revenue) to --out.
  segwb compare --workspace WS --a SEGMENTATION --b SEGMENTATION [--as-of YYYY-MM-DD]
               [--outcome-days N] [--replicates N]
      Compares two segmentations as of the date: contingency table, Jaccard, ARI, NMI, and when
      the data reaches past the date, conversion in the next N days (default 30) per segment and
      cell with 95% Wilson intervals and which one separates converters better, as JSON.
      SEGMENTATION: clusters (newest model), clusters:MODEL_ID, phases, rfm, rules (primary saved
      segment by priority), segment:SEGMENT_ID or propensity.
  segwb migrate --workspace WS --segmentation SEGMENTATION --from YYYY-MM-DD --to YYYY-MM-DD [--monthly]
      The segmentation as of both dates (and the first of every month in between with --monthly):
      sizes per date and transition matrices (the last row: customers new since the earlier date),
      and in sample workspaces how well the moves follow the generator's hidden drift, as JSON.
  segwb economics --workspace WS --segmentation SEGMENTATION [--as-of YYYY-MM-DD] [--outcome-days N]
      Per segment as of the date: customers, conversion in the next N days (default 30, when the
      data reaches past the date), order value, gross margin, discount share, returns, support
      cost, churn after the first purchase, predicted CLV, net value per customer, warnings and
      the current decision, as JSON. Margin and support cost come from the workspace's settings.
  segwb exclusions --workspace WS --out FILE.csv [--as-of YYYY-MM-DD] [--overwrite]
      The exclusion list: every customer in a segment decided "don't compete" as of the date
      (customer id, the segments, their ids), as CSV; the segments used and skipped as JSON.
  segwb export --workspace WS --format csv|json|sql-sqlite|sql-postgres|pmml --out FILE [--as-of YYYY-MM-DD] [--overwrite]
               [--hash-email] [--hash-phone] [--country-code +44]
      csv: the membership CSV: per customer the saved segments and the primary one, phase,
      intent score, RFM group, cluster of the newest model and prediction scores as of the date;
      --hash-email / --hash-phone add normalised SHA-256 columns as ad platforms take them.
      json: the bundle of every definition (core/export/schemas/segment-bundle-v1.schema.json) with the
      data's fingerprint; another workspace with the same data imports it to the same members.
      sql-sqlite, sql-postgres: views over the documented customers/events tables that compute the
      signals, intent score and phase, RFM, clusters, every saved segment and segwb_membership;
      a refresh (the script's last statements) re-evaluates them at another date (--as-of: the first date).
      pmml: the newest cluster model (or --model ID) as a PMML 4.4 ClusteringModel with its own scaling;
      with --scorecard the intent score and phase as a PMML 4.4 Scorecard as of the date.
  segwb bundle-import --workspace WS --bundle FILE.json [--replace] [--accept-different-data]
      Replaces the workspace's definitions with the bundle's and reports any segment whose size
      at the bundle's date differs from the bundle's, as JSON.
  segwb web [--port N]
      Serve the workbench for a browser on 127.0.0.1 and print its address.
  segwb help
`;

class UsageError extends Error {}

function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  return n;
}

function requireOption(value: string | undefined, name: string): string {
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

async function demo(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { customers: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, months: { type: 'string' } },
  });
  const out = resolve(requireOption(values.out, 'out'));
  const { runDemo } = await import('./sample/cli-demo.ts');
  await runDemo(
    {
      customers: intOption(values.customers, 'customers', 20_000),
      seed: intOption(values.seed, 'seed', 42),
      months: intOption(values.months, 'months', 18),
      out,
    },
    (line) => process.stdout.write(`${line}\n`),
  );
}

function info(argv: string[]): void {
  const { values } = parseArgs({ args: argv, options: { workspace: { type: 'string' } } });
  const ws = openWorkspace(resolve(requireOption(values.workspace, 'workspace')));
  try {
    process.stdout.write(`${JSON.stringify(workspaceInfo(ws), null, 2)}\n`);
  } finally {
    ws.db.close();
  }
}

const DELIMITERS: Record<string, Delimiter> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\\t': '\t', '|': '|', pipe: '|', whitespace: 'whitespace' };

async function importFile(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      workspace: { type: 'string' },
      kind: { type: 'string' },
      mapping: { type: 'string' },
      'skip-bad': { type: 'boolean', default: false },
      'allow-reimport': { type: 'boolean', default: false },
      delimiter: { type: 'string' },
      'no-header': { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('name the file to import');
  const kind = values.kind;
  if (kind !== undefined && kind !== 'events' && kind !== 'orders' && kind !== 'customers') {
    throw new UsageError(`--kind must be events, orders or customers, got "${kind}"`);
  }
  const delimiter = values.delimiter === undefined ? undefined : DELIMITERS[values.delimiter];
  if (values.delimiter !== undefined && !delimiter) throw new UsageError(`--delimiter must be one of ${Object.keys(DELIMITERS).join(' ')}`);
  const ws = openWorkspace(resolve(requireOption(values.workspace, 'workspace')));
  const { runImportFromCli } = await import('./import/cli-import.ts');
  try {
    const summary = await runImportFromCli(ws, resolve(file), {
      kind,
      delimiter,
      hasHeader: values['no-header'] ? false : undefined,
      mappingFile: values.mapping ? resolve(values.mapping) : undefined,
      skipBadRows: values['skip-bad'] ?? false,
      allowReimport: values['allow-reimport'] ?? false,
    });
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    ws.db.close();
  }
}

async function signals(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { workspace: { type: 'string' }, 'as-of': { type: 'string' }, out: { type: 'string' } } });
  const ws = openWorkspace(resolve(requireOption(values.workspace, 'workspace')));
  const { runSignalsCli } = await import('./signals/cli-signals.ts');
  try {
    const result = await runSignalsCli(ws, { asOf: values['as-of'], out: values.out ? resolve(values.out) : undefined });
    if (result.out) process.stderr.write(`${result.customers.toLocaleString('en-US')} customers as of ${result.asOf} written to ${result.out}\n`);
  } finally {
    ws.db.close();
  }
}

async function phases(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { workspace: { type: 'string' }, 'as-of': { type: 'string' }, 'backtest-days': { type: 'string' } } });
  const ws = openWorkspace(resolve(requireOption(values.workspace, 'workspace')));
  const days = intOption(requireOption(values['backtest-days'], 'backtest-days'), 'backtest-days', 30);
  if (days < 1 || days > 365) throw new UsageError('--backtest-days must be between 1 and 365');
  const { runPhasesCli } = await import('./signals/cli-signals.ts');
  try {
    process.stdout.write(`${JSON.stringify(runPhasesCli(ws, { asOf: values['as-of'], backtestDays: days }), null, 2)}\n`);
  } finally {
    ws.db.close();
  }
}

async function cluster(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { workspace: { type: 'string' }, 'as-of': { type: 'string' }, k: { type: 'string' }, seed: { type: 'string' }, signals: { type: 'string' }, out: { type: 'string' } },
  });
  const kText = requireOption(values.k, 'k');
  const k = kText === 'auto' ? 'auto' : intOption(kText, 'k', 0);
  if (k !== 'auto' && (k < 2 || k > 30)) throw new UsageError('--k must be auto or a whole number from 2 to 30');
  const ws = openWorkspace(resolve(requireOption(values.workspace, 'workspace')));
  const { runClusterCli } = await import('./clusters/cli-cluster.ts');
  try {
    const { model, chooseK } = await runClusterCli(ws, {
      asOf: values['as-of'],
      k,
      seed: intOption(values.seed, 'seed', 1),
      signals: values.signals?.split(',').map((s) => s.trim()).filter(Boolean),
      out: values.out ? resolve(values.out) : undefined,
    });
    const { live: _live, ...summary } = model;
    process.stdout.write(`${JSON.stringify({ ...summary, ...(chooseK ? { chooseK } : {}) }, null, 2)}\n`);
  } finally {
    ws.db.close();
  }
}

async function predict(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      workspace: { type: 'string' },
      'calibration-end': { type: 'string' },
      'holdout-end': { type: 'string' },
      model: { type: 'string' },
      'time-unit': { type: 'string' },
      'horizon-days': { type: 'string' },
      out: { type: 'string' },
    },
  });
  const model = values.model ?? 'auto';
  if (!['auto', 'bgnbd', 'pareto-nbd', 'gamma-gamma'].includes(model)) throw new UsageError('--model must be auto, bgnbd, pareto-nbd or gamma-gamma');
  const unit = values['time-unit'] ?? 'week';
  if (unit !== 'day' && unit !== 'week') throw new UsageError('--time-unit must be day or week');
  const ws = openWorkspace(resolve(requireOption(values.workspace, 'workspace')));
  const { runPredictCli } = await import('./predict/cli-predict.ts');
  try {
    const summary = await runPredictCli(
      ws,
      {
        calibrationEnd: requireOption(values['calibration-end'], 'calibration-end'),
        holdoutEnd: values['holdout-end'] ?? null,
        model: model === 'gamma-gamma' ? 'auto' : (model as 'auto' | 'bgnbd' | 'pareto-nbd'),
        timeUnit: unit,
        horizonDays: intOption(values['horizon-days'], 'horizon-days', 90),
      },
      values.out ? resolve(values.out) : undefined,
    );
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    if (summary.chosen === null) {
      const problems = [summary.models.bgnbd.problem, summary.models.paretoNbd.problem].filter(Boolean).join(' ');
      process.stderr.write(`segwb: no counting model can be used: ${problems}\n`);
      return 1;
    }
    return 0;
  } finally {
    ws.db.close();
  }
}

async function rules(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { workspace: { type: 'string' }, 'as-of': { type: 'string' }, rule: { type: 'string' }, out: { type: 'string' } } });
  const rulePath = resolve(requireOption(values.rule, 'rule'));
  const ws = openWorkspace(resolve(requireOption(values.workspace, 'workspace')));
  const { runRulesCli } = await import('./rules/cli-rules.ts');
  try {
    const result = await runRulesCli(ws, { asOf: values['as-of'], rulePath, out: values.out ? resolve(values.out) : undefined });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    ws.db.close();
  }
}

async function compare(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { workspace: { type: 'string' }, 'as-of': { type: 'string' }, a: { type: 'string' }, b: { type: 'string' }, 'outcome-days': { type: 'string' }, replicates: { type: 'string' } },
  });
  const outcomeDays = intOption(values['outcome-days'], 'outcome-days', 30);
  if (outcomeDays < 1 || outcomeDays > 365) throw new UsageError('--outcome-days must be from 1 to 365');
  const replicates = intOption(values.replicates, 'replicates', 200);
  if (replicates < 50 || replicates > 2000) throw new UsageError('--replicates must be from 50 to 2000');
  const a = requireOption(values.a, 'a');
  const b = requireOption(values.b, 'b');
  const ws = openWorkspace(resolve(requireOption(values.workspace, 'workspace')));
  const { runCompareCli } = await import('./rules/cli-rules.ts');
  try {
    process.stdout.write(`${JSON.stringify(runCompareCli(ws, { asOf: values['as-of'], a, b, outcomeDays, replicates }), null, 2)}\n`);
  } finally {
    ws.db.close();
  }
}

async function migrate(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { workspace: { type: 'string' }, segmentation: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, monthly: { type: 'boolean' } },
  });
  const segmentation = requireOption(values.segmentation, 'segmentation');
  const from = requireOption(values.from, 'from');
  const to = requireOption(values.to, 'to');
  const ws = openWorkspace(resolve(requireOption(values.workspace, 'workspace')));
  const { runMigrateCli } = await import('./migration/cli-migrate.ts');
  try {
    process.stdout.write(`${JSON.stringify(await runMigrateCli(ws, { segmentation, from, to, monthly: values.monthly ?? false }), null, 2)}\n`);
  } finally {
    ws.db.close();
  }
}

async function economics(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { workspace: { type: 'string' }, segmentation: { type: 'string' }, 'as-of': { type: 'string' }, 'outcome-days': { type: 'string' } } });
  const outcomeDays = intOption(values['outcome-days'], 'outcome-days', 30);
  if (outcomeDays < 1 || outcomeDays > 365) throw new UsageError('--outcome-days must be from 1 to 365');
  const segmentation = requireOption(values.segmentation, 'segmentation');
  const ws = openWorkspace(resolve(requireOption(values.workspace, 'workspace')));
  const { runEconomicsCli } = await import('./economics/cli-economics.ts');
  try {
    process.stdout.write(`${JSON.stringify(runEconomicsCli(ws, { segmentation, asOf: values['as-of'], outcomeDays }), null, 2)}\n`);
  } finally {
    ws.db.close();
  }
}

async function exclusions(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { workspace: { type: 'string' }, out: { type: 'string' }, 'as-of': { type: 'string' }, overwrite: { type: 'boolean' } } });
  const out = resolve(requireOption(values.out, 'out'));
  const ws = openWorkspace(resolve(requireOption(values.workspace, 'workspace')));
  const { runExclusionsCli } = await import('./economics/cli-economics.ts');
  try {
    process.stdout.write(`${JSON.stringify(await runExclusionsCli(ws, { out, asOf: values['as-of'], overwrite: values.overwrite ?? false }), null, 2)}\n`);
  } finally {
    ws.db.close();
  }
}

async function exportCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      workspace: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      'as-of': { type: 'string' },
      'hash-email': { type: 'boolean' },
      'hash-phone': { type: 'boolean' },
      'country-code': { type: 'string' },
      overwrite: { type: 'boolean' },
      model: { type: 'string' },
      scorecard: { type: 'boolean' },
    },
  });
  const format = requireOption(values.format, 'format');
  const formats = ['csv', 'json', 'sql-sqlite', 'sql-postgres', 'pmml'];
  if (!formats.includes(format)) throw new UsageError(`--format ${format} is not one of: ${formats.join(', ')}`);
  if (values.scorecard && values.model !== undefined) throw new UsageError('--scorecard (the intent score) and --model (a cluster model) are two different PMML files: give one');
  const countryCode = values['country-code'];
  if (countryCode !== undefined && !/^\+?\d{1,4}$/.test(countryCode)) throw new UsageError(`--country-code must look like +44, got "${countryCode}"`);
  const out = resolve(requireOption(values.out, 'out'));
  const ws = openWorkspace(resolve(requireOption(values.workspace, 'workspace')));
  const { runBundleExportCli, runMembershipExportCli, runPmmlExportCli, runScorecardExportCli, runSqlExportCli } = await import('./export/cli-export.ts');
  const print = (result: unknown) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  try {
    if (format === 'sql-sqlite' || format === 'sql-postgres') {
      const dialect = format === 'sql-sqlite' ? 'sqlite' : 'postgres';
      print(runSqlExportCli(ws.db, { path: out, overwrite: values.overwrite ?? false, dialect, asOf: values['as-of'], workbenchVersion: appVersion(), workspacePath: ws.path }));
      return;
    }
    if (format === 'pmml' && values.scorecard) {
      print(runScorecardExportCli(ws.db, { path: out, overwrite: values.overwrite ?? false, asOf: values['as-of'], workbenchVersion: appVersion() }));
      return;
    }
    if (format === 'pmml') {
      const modelId = values.model === undefined ? undefined : intOption(values.model, 'model', 0);
      const result = runPmmlExportCli(ws.db, { path: out, overwrite: values.overwrite ?? false, modelId, workbenchVersion: appVersion() });
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    if (format === 'json') {
      const result = runBundleExportCli(ws, { out, overwrite: values.overwrite ?? false, asOf: values['as-of'], workbenchVersion: appVersion() });
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    const result = await runMembershipExportCli(ws, {
      out,
      overwrite: values.overwrite ?? false,
      asOf: values['as-of'],
      hashEmail: values['hash-email'] ?? false,
      hashPhone: values['hash-phone'] ?? false,
      defaultCountryCode: countryCode,
    });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    ws.db.close();
  }
}

async function bundleImport(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { workspace: { type: 'string' }, bundle: { type: 'string' }, replace: { type: 'boolean' }, 'accept-different-data': { type: 'boolean' } } });
  const bundle = resolve(requireOption(values.bundle, 'bundle'));
  const ws = openWorkspace(resolve(requireOption(values.workspace, 'workspace')));
  const { runBundleImportCli } = await import('./export/cli-export.ts');
  try {
    const result = runBundleImportCli(ws, { bundle, replace: values.replace ?? false, acceptDifferentData: values['accept-different-data'] ?? false });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    ws.db.close();
  }
}

async function web(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' } } });
  const staticDir = join(projectRoot, 'dist', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new UsageError(`The renderer is not built (${staticDir} is missing): run \`npm run build\` or use \`npm run web\`.`);
  }
  const core = createCore({ homeDir: settingsDir(), defaultDir: workspacesDir(), appVersion: appVersion() });
  const server = await startWebServer({ core, staticDir, port: intOption(values.port, 'port', 0) });
  process.stdout.write(`Segment Workbench is running at ${server.openUrl}\n(open that address in a browser; Ctrl+C stops the server)\n`);
  const stop = () => {
    void server.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  try {
    switch (verb) {
      case 'demo':
        await demo(rest);
        return 0;
      case 'info':
        info(rest);
        return 0;
      case 'web':
        await web(rest);
        return 0;
      case 'import':
        await importFile(rest);
        return 0;
      case 'signals':
        await signals(rest);
        return 0;
      case 'phases':
        await phases(rest);
        return 0;
      case 'cluster':
        await cluster(rest);
        return 0;
      case 'predict':
        return await predict(rest);
      case 'rules':
        await rules(rest);
        return 0;
      case 'compare':
        await compare(rest);
        return 0;
      case 'migrate':
        await migrate(rest);
        return 0;
      case 'economics':
        await economics(rest);
        return 0;
      case 'exclusions':
        await exclusions(rest);
        return 0;
      case 'export':
        await exportCommand(rest);
        return 0;
      case 'bundle-import':
        await bundleImport(rest);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return 0;
      default:
        throw new UsageError(`unknown command "${verb}"`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      process.stderr.write(`segwb: ${(err as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof WorkspaceError || err instanceof ApiError || err instanceof ImportError) {
      process.stderr.write(`segwb: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`segwb: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}
