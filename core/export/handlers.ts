// Exports of segment definitions and memberships (issue 9). Each writes where the analyst chose,
// refusing to overwrite unless told to.
import type { HandlerGroup } from '../api/registry.ts';
import { checkTarget, writeCsv } from '../files/csv-writer.ts';
import { prepareEvaluation } from '../rules/prepare.ts';
import { membershipTable } from './membership.ts';

export const exportHandlers: HandlerGroup = {
  'export-membership': async ({ asOf, path, overwrite, hashEmail, hashPhone, defaultCountryCode }, ctx) => {
    checkTarget(path, overwrite);
    const { ws, data, evaluator } = await prepareEvaluation(ctx, asOf, [], [{ kind: 'rules' }, { kind: 'rfm' }, { kind: 'phases' }, { kind: 'clusters' }]);
    const table = membershipTable(ws.db, data, evaluator, { hashEmail, hashPhone, defaultCountryCode });
    ctx.progress({ phase: 'Writing the membership', done: 0, total: table.customers, unit: 'customers' });
    const written = await writeCsv(path, table.header, table.rows(), () => ctx.signal.aborted);
    return { path, rows: written.rows, bytes: written.bytes, columns: table.header, asOf: data.day };
  },
};
