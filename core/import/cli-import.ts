// `segwb import`: the same preview, checks and import job the app uses, run in this process
// with a terminal progress bar. Ctrl+C cancels, and the workspace is left as it was.
import { readFileSync } from 'node:fs';
import { mappingSchema } from '../api/contract.ts';
import type { Workspace } from '../store/workspace.ts';
import { ProgressBar } from '../sample/cli-demo.ts';
import { ImportError } from './errors.ts';
import { previewImport } from './preview.ts';
import { importJob } from './run.ts';
import { assertUsableMapping } from './validate-mapping.ts';
import type { ColumnMapping, Delimiter, ImportKind, ImportSummary } from './types.ts';

export interface CliImportOptions {
  kind?: ImportKind | undefined;
  delimiter?: Delimiter | undefined;
  hasHeader?: boolean | undefined;
  mappingFile?: string | undefined;
  skipBadRows: boolean;
  allowReimport: boolean;
}

function loadMapping(path: string): ColumnMapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ImportError('mapping-invalid', `Cannot read the mapping ${path}: ${(err as Error).message}`);
  }
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || '(mapping)'}: ${i.message}`).join('; ');
    throw new ImportError('mapping-invalid', `The mapping ${path} is not valid: ${why}`);
  }
  return parsed.data as ColumnMapping;
}

export async function runImportFromCli(ws: Workspace, file: string, opts: CliImportOptions): Promise<ImportSummary> {
  const mapping = opts.mappingFile ? loadMapping(opts.mappingFile) : undefined;
  const preview = await previewImport(ws.db, file, {
    kind: opts.kind ?? mapping?.kind,
    delimiter: opts.delimiter,
    hasHeader: opts.hasHeader,
    mapping,
  });
  for (const w of preview.warnings) process.stderr.write(`note: ${w}\n`);
  const ambiguous = preview.dates.find((d) => d.ambiguous && d.column === preview.mapping.fields.ts);
  if (ambiguous && !mapping) {
    throw new ImportError(
      'mapping-invalid',
      `The dates in column "${ambiguous.column}" of ${file} could be day-first or month-first (e.g. ${ambiguous.examples.slice(0, 3).join(', ')}). ` +
        'Say which with a mapping file (--mapping, "dateFormat": "dmy" or "mdy").',
    );
  }
  assertUsableMapping(file, preview.columns, preview.mapping);
  let cancelled = false;
  const onSigint = () => {
    cancelled = true;
    process.stderr.write('\nCancelling… the workspace is left as it was.\n');
  };
  process.once('SIGINT', onSigint);
  const bar = new ProgressBar();
  try {
    return await importJob(
      {
        workspacePath: ws.path,
        path: file,
        format: preview.format,
        columns: preview.columns,
        mapping: preview.mapping,
        skipBadRows: opts.skipBadRows,
        allowReimport: opts.allowReimport,
        expectedSha256: preview.sha256,
      },
      { isCancelled: () => cancelled, progress: (p) => bar.update(p) },
    );
  } finally {
    bar.end();
    process.off('SIGINT', onSigint);
  }
}
