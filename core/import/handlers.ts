import { resolve } from 'node:path';
import type { ImportRecord, SavedMapping } from '../api/contract.ts';
import { requireWritable as requireWritableFor } from '../workspace/writable.ts';
import type { HandlerGroup } from '../api/registry.ts';
import { runJobInWorker } from '../api/jobs.ts';
import type { Db } from '../store/db.ts';
import { previewImport } from './preview.ts';
import { assertUsableMapping } from './validate-mapping.ts';
import { eraseCustomer } from './erase.ts';
import { loadTaxonomy, saveTaxonomy } from './taxonomy-handlers.ts';
import type { ImportJobArgs } from './run.ts';
import type { ColumnMapping, ImportSummary } from './types.ts';

const importJobModule = new URL('./run.ts', import.meta.url);

function importRecords(db: Db): ImportRecord[] {
  return db
    .all<Record<string, unknown>>('SELECT * FROM imports ORDER BY import_id DESC')
    .map((r) => ({
      importId: r.import_id as number,
      kind: r.kind as string,
      file: r.file as string | null,
      status: r.status as ImportRecord['status'],
      startedAt: r.started_at as number,
      finishedAt: r.finished_at as number | null,
      sizeBytes: r.size_bytes as number | null,
      rowsRead: r.rows_read as number,
      rowsImported: r.rows_imported as number,
      rowsDuplicate: r.rows_duplicate as number,
      rowsRejected: r.rows_rejected as number,
      customersAdded: r.customers_added as number,
      eventsAdded: r.events_added as number,
      rejectedReport: r.rejected_report as string | null,
      durationMs: r.duration_ms as number | null,
      message: r.message as string | null,
    }));
}

function savedMappings(db: Db): SavedMapping[] {
  return db
    .all<{ name: string; kind: string; mapping: string; saved_at: number }>('SELECT * FROM import_mappings ORDER BY name')
    .map((m) => ({ name: m.name, kind: m.kind, savedAt: m.saved_at, mapping: JSON.parse(m.mapping) as ColumnMapping }));
}

const requireWritable = (ws: { readonly: boolean; path: string }) => requireWritableFor(ws, 'nothing can be imported into it');

export const importHandlers: HandlerGroup = {
  'import-preview': ({ path, ...overrides }, { session }) => previewImport(session.requireWorkspace().db, resolve(path), overrides),

  'import-run': async (args, ctx) => {
    const ws = ctx.session.requireWorkspace();
    requireWritable(ws);
    const file = resolve(args.path);
    const mapping = args.mapping as ColumnMapping;
    assertUsableMapping(file, args.columns, mapping);
    const jobArgs: ImportJobArgs = {
      workspacePath: ws.path,
      path: file,
      format: args.format,
      columns: args.columns,
      mapping,
      skipBadRows: args.skipBadRows,
      allowReimport: args.allowReimport,
      expectedSha256: args.sha256,
    };
    const summary = await runJobInWorker<ImportSummary>(importJobModule, 'importJob', jobArgs, ctx);
    ctx.session.invalidateDerived();
    return summary;
  },

  'imports-list': (_args, { session }) => importRecords(session.requireWorkspace().db),

  'import-mappings-list': (_args, { session }) => savedMappings(session.requireWorkspace().db),

  'import-mapping-save': ({ name, mapping }, { session }) => {
    const ws = session.requireWorkspace();
    requireWritable(ws);
    ws.db.run(
      `INSERT INTO import_mappings (name, kind, mapping, saved_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, mapping = excluded.mapping, saved_at = excluded.saved_at`,
      [name, mapping.kind, JSON.stringify(mapping), Date.now()],
    );
    return savedMappings(ws.db);
  },

  'taxonomy-list': (_args, { session }) => loadTaxonomy(session.requireWorkspace().db),

  'taxonomy-save': ({ rules, recategorise }, { session }) => {
    const ws = session.requireWorkspace();
    requireWritable(ws);
    const eventsRecategorised = saveTaxonomy(ws.db, rules, recategorise);
    if (eventsRecategorised > 0) session.invalidateDerived();
    return { rules: loadTaxonomy(ws.db), eventsRecategorised };
  },

  'customer-erase': ({ customerId }, { session }) => {
    const ws = session.requireWorkspace();
    requireWritable(ws);
    const rowsDeleted = eraseCustomer(ws.db, customerId);
    session.invalidateDerived();
    return { customerId, rowsDeleted };
  },
};
