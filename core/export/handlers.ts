// Exports of segment definitions and memberships (issue 9). Each writes where the analyst chose,
// refusing to overwrite unless told to.
import { ApiError } from '../api/contract.ts';
import type { Ctx, HandlerGroup } from '../api/registry.ts';
import { runJobInWorker } from '../api/jobs.ts';
import { checkTarget, writeCsv } from '../files/csv-writer.ts';
import { prepareEvaluation } from '../rules/prepare.ts';
import { requireWritable } from '../workspace/writable.ts';
import { buildBundle, bundledSegmentations, segmentationSizes } from './bundle/build.ts';
import { diffBundles } from './bundle/diff.ts';
import { readBundle } from './bundle/read.ts';
import { applyBundle, checkFingerprint, compareSizes, exportBundle } from './bundle/run.ts';
import type { Bundle, DataFingerprint } from './bundle/schema.ts';
import { defaultAsOf, formatDay } from '../signals/as-of.ts';
import { MEMBERSHIP_REFS, membershipTable } from './membership.ts';
import { exportClusteringPmml, writeScorecardPmml } from './pmml/run.ts';
import { asOfData } from '../rules/as-of-data.ts';
import { exportSql, sqlPreview } from './sql/run.ts';

const fingerprintModule = new URL('./bundle/fingerprint.ts', import.meta.url);

const FINGERPRINT = 'data-fingerprint';

/** The data's fingerprint, read once per session: imports and erasures clear session.derived. */
async function fingerprint(ctx: Ctx): Promise<DataFingerprint> {
  const cached = ctx.session.derived.get(FINGERPRINT) as DataFingerprint | undefined;
  if (cached) return cached;
  const fp = await runJobInWorker<DataFingerprint>(fingerprintModule, 'fingerprintJob', { workspacePath: ctx.session.requireWorkspace().path }, ctx);
  ctx.session.derived.set(FINGERPRINT, fp);
  return fp;
}

export const exportHandlers: HandlerGroup = {
  'export-membership': async ({ asOf, path, overwrite, hashEmail, hashPhone, defaultCountryCode }, ctx) => {
    checkTarget(path, overwrite);
    const { ws, data, evaluator } = await prepareEvaluation(ctx, asOf, [], MEMBERSHIP_REFS);
    const table = membershipTable(ws.db, data, evaluator, { hashEmail, hashPhone, defaultCountryCode });
    ctx.progress({ phase: 'Writing the membership', done: 0, total: table.customers, unit: 'customers' });
    const written = await writeCsv(path, table.header, table.rows(), () => ctx.signal.aborted);
    return { path, rows: written.rows, bytes: written.bytes, columns: table.header, asOf: data.day };
  },

  'export-bundle': async ({ asOf, path, overwrite }, ctx) => {
    checkTarget(path, overwrite);
    const ws = ctx.session.requireWorkspace();
    const { data, evaluator } = await prepareEvaluation(ctx, asOf, [], bundledSegmentations(ws.db));
    const fp = await fingerprint(ctx);
    return exportBundle(ws.db, evaluator, { path, overwrite, asOf: data.day, workbenchVersion: ctx.session.options.appVersion, data: fp });
  },

  'export-membership-preview': async ({ asOf, hashEmail, hashPhone, defaultCountryCode, limit }, ctx) => {
    const { ws, data, evaluator } = await prepareEvaluation(ctx, asOf, [], MEMBERSHIP_REFS);
    const table = membershipTable(ws.db, data, evaluator, { hashEmail, hashPhone, defaultCountryCode });
    const rows = [];
    for (const row of table.rows()) {
      if (rows.length >= limit) break;
      rows.push(row);
    }
    return { header: table.header, rows, customers: table.customers, asOf: data.day };
  },

  'bundle-preview': async ({ asOf }, ctx) => {
    const ws = ctx.session.requireWorkspace();
    const { data, evaluator } = await prepareEvaluation(ctx, asOf, [], bundledSegmentations(ws.db));
    const sizes = segmentationSizes(evaluator, bundledSegmentations(ws.db));
    return buildBundle(ws.db, { workbenchVersion: ctx.session.options.appVersion, asOf: data.day, data: await fingerprint(ctx), sizes });
  },

  'bundle-diff': async ({ from, to }, ctx) => {
    const ws = ctx.session.requireWorkspace();
    let current: Bundle | null = null;
    const load = async (side: { path: string } | { current: true }): Promise<Bundle> => {
      if ('path' in side) return readBundle(side.path);
      current ??= buildBundle(ws.db, { workbenchVersion: ctx.session.options.appVersion, asOf: formatDay(defaultAsOf(ws.db)), data: await fingerprint(ctx), sizes: {} });
      return current;
    };
    return diffBundles(await load(from), await load(to));
  },

  'export-pmml': ({ path, overwrite, modelId }, ctx) =>
    exportClusteringPmml(ctx.session.requireWorkspace().db, { path, overwrite, modelId, workbenchVersion: ctx.session.options.appVersion }),

  'export-pmml-scorecard': async ({ path, overwrite, asOf }, ctx) => {
    checkTarget(path, overwrite);
    const ws = ctx.session.requireWorkspace();
    // The signals of the date from the session or a worker job; the scorecard normalises afresh from them.
    const { frame } = await asOfData(ctx, asOf);
    return writeScorecardPmml(ws.db, frame, { path, overwrite, workbenchVersion: ctx.session.options.appVersion });
  },

  'export-sql-preview': ({ dialect, asOf }, ctx) => {
    const ws = ctx.session.requireWorkspace();
    return sqlPreview(ws.db, { dialect, asOf, workbenchVersion: ctx.session.options.appVersion, workspacePath: ws.path });
  },

  'export-sql': ({ dialect, asOf, path, overwrite }, ctx) => {
    const ws = ctx.session.requireWorkspace();
    return exportSql(ws.db, { dialect, asOf, path, overwrite, workbenchVersion: ctx.session.options.appVersion, workspacePath: ws.path });
  },

  'bundle-import': async ({ path, replace, acceptDifferentData }, ctx) => {
    const ws = ctx.session.requireWorkspace();
    requireWritable(ws, 'a bundle cannot be imported');
    const bundle = readBundle(path);
    const sameData = checkFingerprint(bundle, await fingerprint(ctx), acceptDifferentData);
    // The last moment a cancel leaves the workspace as it was: the write below is one transaction,
    // and a cancel during the size check after it reaches a client that has stopped listening.
    if (ctx.signal.aborted) throw new ApiError({ code: 'cancelled', message: 'Cancelled.' });
    const summary = applyBundle(ws.db, bundle, { replace });
    // New signal definitions, weights and models: nothing computed before may be reused.
    ctx.session.invalidateDerived();
    const { evaluator } = await prepareEvaluation(ctx, bundle.asOf, [], bundledSegmentations(ws.db));
    return { ...summary, asOf: bundle.asOf, sameData, differences: compareSizes(bundle, evaluator, ws.db) };
  },
};
