// Exports of segment definitions and memberships (issue 9). Each writes where the analyst chose,
// refusing to overwrite unless told to.
import type { Ctx, HandlerGroup } from '../api/registry.ts';
import { runJobInWorker } from '../api/jobs.ts';
import { checkTarget, writeCsv } from '../files/csv-writer.ts';
import { prepareEvaluation } from '../rules/prepare.ts';
import { requireWritable } from '../workspace/writable.ts';
import { bundledSegmentations } from './bundle/build.ts';
import { readBundle } from './bundle/read.ts';
import { applyBundle, checkFingerprint, compareSizes, exportBundle } from './bundle/run.ts';
import type { DataFingerprint } from './bundle/schema.ts';
import { membershipTable } from './membership.ts';

const fingerprintModule = new URL('./bundle/fingerprint.ts', import.meta.url);

function fingerprint(ctx: Ctx): Promise<DataFingerprint> {
  return runJobInWorker<DataFingerprint>(fingerprintModule, 'fingerprintJob', { workspacePath: ctx.session.requireWorkspace().path }, ctx);
}

export const exportHandlers: HandlerGroup = {
  'export-membership': async ({ asOf, path, overwrite, hashEmail, hashPhone, defaultCountryCode }, ctx) => {
    checkTarget(path, overwrite);
    const { ws, data, evaluator } = await prepareEvaluation(ctx, asOf, [], [{ kind: 'rules' }, { kind: 'rfm' }, { kind: 'phases' }, { kind: 'clusters' }]);
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

  'bundle-import': async ({ path, replace, acceptDifferentData }, ctx) => {
    const ws = ctx.session.requireWorkspace();
    requireWritable(ws, 'a bundle cannot be imported');
    const bundle = readBundle(path);
    const sameData = checkFingerprint(bundle, await fingerprint(ctx), acceptDifferentData);
    const summary = applyBundle(ws.db, bundle, { replace });
    // New signal definitions, weights and models: nothing computed before may be reused.
    ctx.session.invalidateDerived();
    const { evaluator } = await prepareEvaluation(ctx, bundle.asOf, [], bundledSegmentations(ws.db));
    return { ...summary, asOf: bundle.asOf, sameData, differences: compareSizes(bundle, evaluator, ws.db) };
  },
};
