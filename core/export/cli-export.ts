// `segwb export`: the exports of issue 9 from the command line, evaluated in this thread with the
// app's evaluator.
import type { Workspace } from '../store/workspace.ts';
import { checkTarget, writeCsv } from '../files/csv-writer.ts';
import { cliEvaluator } from '../rules/in-thread.ts';
import { membershipTable, type MembershipOptions } from './membership.ts';
import { dataFingerprint } from './bundle/fingerprint.ts';
import { readBundle } from './bundle/read.ts';
import { applyBundle, checkFingerprint, compareSizes, exportBundle } from './bundle/run.ts';
import type { BundleImportResult } from './types.ts';

export { exportClusteringPmml as runPmmlExportCli, exportScorecardPmml as runScorecardExportCli } from './pmml/run.ts';
export { exportSql as runSqlExportCli } from './sql/run.ts';

export async function runMembershipExportCli(ws: Workspace, options: MembershipOptions & { asOf?: string | undefined; out: string; overwrite: boolean }) {
  checkTarget(options.out, options.overwrite);
  const { evaluator, data } = cliEvaluator(ws.db, options.asOf);
  const table = membershipTable(ws.db, data, evaluator, options);
  const written = await writeCsv(options.out, table.header, table.rows());
  return { path: options.out, rows: written.rows, bytes: written.bytes, columns: table.header, asOf: data.day };
}

export function runBundleExportCli(ws: Workspace, options: { asOf?: string | undefined; out: string; overwrite: boolean; workbenchVersion: string }) {
  checkTarget(options.out, options.overwrite);
  const { evaluator, data } = cliEvaluator(ws.db, options.asOf);
  return exportBundle(ws.db, evaluator, { path: options.out, overwrite: options.overwrite, asOf: data.day, workbenchVersion: options.workbenchVersion, data: dataFingerprint(ws.db) });
}

export function runBundleImportCli(ws: Workspace, options: { bundle: string; replace: boolean; acceptDifferentData: boolean }): BundleImportResult {
  const bundle = readBundle(options.bundle);
  const sameData = checkFingerprint(bundle, dataFingerprint(ws.db), options.acceptDifferentData);
  const summary = applyBundle(ws.db, bundle, { replace: options.replace });
  const { evaluator } = cliEvaluator(ws.db, bundle.asOf);
  return { ...summary, asOf: bundle.asOf, sameData, differences: compareSizes(bundle, evaluator, ws.db) };
}
