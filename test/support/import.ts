// Imports a file the way the app does (preview, confirm, run) but in this thread, for tests.
import { previewImport, type PreviewOverrides } from '../../core/import/preview.ts';
import { importJob } from '../../core/import/run.ts';
import { assertUsableMapping } from '../../core/import/validate-mapping.ts';
import type { JobHandle } from '../../core/api/jobs.ts';
import type { Workspace } from '../../core/store/workspace.ts';
import type { ColumnMapping, ImportPreview, ImportSummary } from '../../core/import/types.ts';

export interface TestImportOptions extends PreviewOverrides {
  skipBadRows?: boolean;
  allowReimport?: boolean;
  /** Adjust the proposed mapping before importing, as an analyst would. */
  edit?: (mapping: ColumnMapping, preview: ImportPreview) => void;
  job?: JobHandle;
}

export const idleJob: JobHandle = { isCancelled: () => false, progress: () => {} };

export async function importInto(ws: Workspace, file: string, opts: TestImportOptions = {}): Promise<ImportSummary> {
  const preview = await previewImport(ws.db, file, opts);
  opts.edit?.(preview.mapping, preview);
  assertUsableMapping(file, preview.columns, preview.mapping);
  return importJob(
    {
      workspacePath: ws.path,
      path: file,
      format: preview.format,
      columns: preview.columns,
      mapping: preview.mapping,
      skipBadRows: opts.skipBadRows ?? false,
      allowReimport: opts.allowReimport ?? false,
      expectedSha256: preview.sha256,
    },
    opts.job ?? idleJob,
  );
}

/** Everything a workspace holds, as one comparable value: "exactly as it was". */
export function contentDigest(ws: Workspace): string {
  const parts: string[] = [];
  for (const table of ['customers', 'events', 'customer_stats', 'ground_truth']) {
    const rows = ws.db.all(`SELECT * FROM ${table} ORDER BY 1, 2`);
    parts.push(`${table}:${rows.length}:${JSON.stringify(rows)}`);
  }
  const imports = ws.db.all("SELECT import_id, status, rows_imported FROM imports WHERE status = 'done' ORDER BY import_id");
  parts.push(`imports:${JSON.stringify(imports)}`);
  return parts.join('\n');
}
