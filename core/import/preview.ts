// The first step of every import: look at the file without changing anything, and propose how
// to read it (encoding, delimiter, header) and what its columns mean. The analyst confirms or
// corrects this; the import itself then runs with exactly what was confirmed.
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import Papa from 'papaparse';
import type { Db } from '../store/db.ts';
import { ImportError } from './errors.ts';
import { detectDelimiter, detectEncoding, detectHeader, columnNames, findDuplicateNames, looksBinary } from './sniff.ts';
import { inferMapping } from './mapping.ts';
import { detectDecimalComma } from './numbers.ts';
import { splitWhitespace } from './reader.ts';
import type { ColumnMapping, Delimiter, FileFormat, ImportKind, ImportPreview, TextEncoding } from './types.ts';

const HEAD_BYTES = 1 << 20;
const SAMPLE_ROWS = 1000;
const PREVIEW_ROWS = 20;

export interface PreviewOverrides {
  kind?: ImportKind | undefined;
  encoding?: TextEncoding | undefined;
  delimiter?: Delimiter | undefined;
  hasHeader?: boolean | undefined;
  sheet?: string | undefined;
  /** A saved or edited mapping to use instead of the inferred one. */
  mapping?: ColumnMapping | undefined;
}

function readHead(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function isXlsx(path: string, head: Buffer): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04 && /\.xlsx$/i.test(extname(path));
}

/** Decoded head text cut after its last complete line (the 1 MB cut can fall mid-line). */
function headText(head: Buffer, encoding: TextEncoding, bomBytes: number, wholeFile: boolean): string {
  const text = new TextDecoder(encoding).decode(head.subarray(bomBytes));
  if (wholeFile) return text;
  const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return cut > 0 ? text.slice(0, cut) : '';
}

function parseRows(text: string, delimiter: Delimiter): string[][] {
  if (delimiter === 'whitespace') {
    return text
      .split(/\r\n|\n|\r/)
      .filter((l) => l.trim() !== '')
      .slice(0, SAMPLE_ROWS + 1)
      .map(splitWhitespace);
  }
  const parsed = Papa.parse<string[]>(text, { delimiter, preview: SAMPLE_ROWS + 1, skipEmptyLines: true });
  return parsed.data;
}

function jsonlColumns(lines: string[]): string[] | null {
  const keys = new Set<string>();
  let objects = 0;
  for (const line of lines.slice(0, SAMPLE_ROWS)) {
    if (!line.trim()) continue;
    try {
      const v: unknown = JSON.parse(line);
      if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
      for (const k of Object.keys(v)) keys.add(k);
      objects++;
    } catch {
      return null;
    }
  }
  return objects > 0 ? [...keys] : null;
}

export async function previewImport(db: Db, path: string, overrides: PreviewOverrides = {}): Promise<ImportPreview> {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw new ImportError('file-not-found', `${path} does not exist.`);
  if (!st.isFile()) throw new ImportError('file-not-found', `${path} is a folder, not a file.`);
  if (st.size === 0) throw new ImportError('file-empty', `${path} is empty: there is nothing to import.`);
  const head = readHead(path, HEAD_BYTES);
  const wholeFile = st.size <= HEAD_BYTES;

  let format: FileFormat;
  let rows: string[][];
  let sheetNames: string[] | null = null;
  if (isXlsx(path, head)) {
    const { readSheets } = await import('./xlsx.ts');
    const sheets = await readSheets(path);
    sheetNames = sheets.map((s) => s.sheet);
    const chosen = overrides.sheet ? sheets.find((s) => s.sheet === overrides.sheet) : sheets[0];
    if (!chosen) throw new ImportError('file-not-found', `${path} has no sheet named "${overrides.sheet}".`);
    rows = chosen.rows.filter((r) => r.some((c) => c !== '')).slice(0, SAMPLE_ROWS + 1);
    format = { type: 'xlsx', sheet: chosen.sheet, hasHeader: overrides.hasHeader ?? detectHeader(rows) };
  } else {
    const detected = detectEncoding(head);
    const encoding = overrides.encoding ?? detected.encoding;
    const bomBytes = overrides.encoding && overrides.encoding !== detected.encoding ? 0 : detected.bomBytes;
    const text = headText(head, encoding, bomBytes, wholeFile);
    if (looksBinary(text)) {
      throw new ImportError('binary-file', `${path} looks like a binary file, not text (CSV, TSV, JSON Lines) or an XLSX workbook.`);
    }
    const lines = text.split(/\r\n|\n|\r/);
    const complete = text === '' ? 0 : lines.filter((l) => l.trim() !== '').length;
    if (!wholeFile && complete < 2) {
      // The first 1 MB does not even hold a header and one row: the next line is enormous.
      throw new ImportError(
        'line-too-long',
        `${path}: line ${complete + 1} is longer than ${HEAD_BYTES / (1 << 20)} MB. Customer, order and event files have short lines; check that this is the right file and that its line endings are intact.`,
      );
    }
    const jsonCols = text.trimStart().startsWith('{') ? jsonlColumns(lines) : null;
    if (jsonCols) {
      format = { type: 'jsonl', encoding, bomBytes };
      rows = [
        jsonCols,
        ...lines
          .filter((l) => l.trim())
          .slice(0, SAMPLE_ROWS)
          .map((l) => {
            const o = JSON.parse(l) as Record<string, unknown>;
            return jsonCols.map((c) => (o[c] === undefined || o[c] === null ? '' : typeof o[c] === 'object' ? JSON.stringify(o[c]) : String(o[c])));
          }),
      ];
    } else {
      const delimiter = overrides.delimiter ?? detectDelimiter(lines.slice(0, 200).filter((l) => l.trim()));
      rows = parseRows(text, delimiter);
      format = { type: 'delimited', encoding, bomBytes, delimiter, hasHeader: overrides.hasHeader ?? detectHeader(rows) };
    }
  }
  // JSON Lines carry their names in every record; the synthetic first row holds them.
  const hasHeader = format.type === 'jsonl' ? true : format.hasHeader;
  if (rows.length === 0) throw new ImportError('file-empty', `${path} has no rows to import.`);
  const columns = columnNames(rows[0]!, hasHeader);
  const data = hasHeader ? rows.slice(1) : rows;
  if (data.length === 0) throw new ImportError('header-only', `${path} has a header but no rows to import.`);

  const inferred = inferMapping(columns, data.slice(0, SAMPLE_ROWS), overrides.kind);
  const mapping = overrides.mapping ?? inferred.mapping;
  const warnings = [...inferred.warnings];
  const duplicates = findDuplicateNames(columns);
  if (duplicates.length > 0 && !warnings.some((w) => w.includes('duplicate'))) {
    warnings.push(`The header has duplicate column names: ${duplicates.join(', ')}. Rename them before importing.`);
  }
  const amountColumn = mapping.fields.amount ?? mapping.fields.unit_price;
  if (amountColumn !== undefined && mapping.decimalComma === undefined) {
    const i = columns.indexOf(amountColumn);
    mapping.decimalComma = i >= 0 && detectDecimalComma(data.slice(0, SAMPLE_ROWS).map((r) => r[i] ?? ''));
  }

  const sha256 = await fileSha256(path);
  const previous = db.get<{ import_id: number; finished_at: number }>(
    "SELECT import_id, finished_at FROM imports WHERE sha256 = ? AND status = 'done' ORDER BY import_id DESC LIMIT 1",
    [sha256],
  );
  return {
    path,
    sizeBytes: st.size,
    sha256,
    format,
    sheets: sheetNames,
    columns,
    rows: data.slice(0, PREVIEW_ROWS),
    kind: mapping.kind,
    mapping,
    dates: inferred.dates,
    warnings,
    alreadyImported: previous ? { importId: previous.import_id, finishedAt: previous.finished_at } : null,
  };
}
