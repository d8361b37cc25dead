// Child of `npm run bench -- import`: imports the CSV into a new workspace exactly as the app
// does (preview, then the import job) and prints timings and this process's peak RSS.
import { createWorkspace } from '../store/workspace.ts';
import { previewImport } from '../import/preview.ts';
import { importJob } from '../import/run.ts';

const [csv, workspace] = process.argv.slice(2) as [string, string];
const ws = createWorkspace(workspace);
const t0 = performance.now();
const preview = await previewImport(ws.db, csv);
const t1 = performance.now();
const summary = await importJob(
  {
    workspacePath: workspace,
    path: csv,
    format: preview.format,
    columns: preview.columns,
    mapping: preview.mapping,
    skipBadRows: false,
    allowReimport: false,
    expectedSha256: preview.sha256,
  },
  { isCancelled: () => false, progress: () => {} },
);
const t2 = performance.now();
ws.db.close();
process.stdout.write(
  JSON.stringify({
    previewSeconds: Number(((t1 - t0) / 1000).toFixed(2)),
    importSeconds: Number(((t2 - t1) / 1000).toFixed(2)),
    rows: summary.rowsImported,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
