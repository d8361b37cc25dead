// Reads a file as records (cells + the physical line each record starts on), in batches, with
// the bytes read so far for progress. Delimited text goes through papaparse (quotes, embedded
// delimiters and newlines); whitespace-aligned text and JSON Lines are split line by line.
// Every byte read is hashed, so the caller can tell whether the file changed during the import.
import { createReadStream } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import Papa from 'papaparse';
import type { FileFormat, RowProblem, TextEncoding } from './types.ts';

export interface SourceRecord {
  line: number;
  cells: string[];
}

export interface ReadCallbacks {
  /** Receives records in file order; may throw to stop reading (the error is passed on). */
  onBatch(records: SourceRecord[], bytesRead: number): void;
  /** Problems found while parsing (unterminated quotes...), with their line. */
  onProblem(problem: RowProblem): void;
}

export interface ReadResult {
  sha256: string;
  bytes: number;
}

const HIGH_WATER_MARK = 1 << 20;

/** Hashes and counts the raw bytes as they stream past. */
function tap(hash: Hash, counter: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      counter.bytes += chunk.length;
      done(null, chunk);
    },
  });
}

/** Decodes to text; the BOM is skipped by starting the hash-free part after it. */
function decoder(encoding: TextEncoding): Transform {
  const td = new TextDecoder(encoding, { fatal: false });
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      done(null, td.decode(chunk, { stream: true }));
    },
    flush(done) {
      const rest = td.decode();
      done(null, rest || undefined);
    },
  });
}

interface OpenedText {
  text: Readable;
  hash: Hash;
  counter: { bytes: number };
}

function openText(path: string, encoding: TextEncoding, bomBytes: number): OpenedText {
  const hash = createHash('sha256');
  const counter = { bytes: 0 };
  const raw = createReadStream(path, { highWaterMark: HIGH_WATER_MARK });
  let skipped = 0;
  // The BOM is part of the file (and its hash) but not of the text.
  const dropBom = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (skipped < bomBytes) {
        const cut = Math.min(bomBytes - skipped, chunk.length);
        skipped += cut;
        chunk = chunk.subarray(cut);
      }
      done(null, chunk);
    },
  });
  const bytes = raw.pipe(tap(hash, counter)).pipe(dropBom);
  // UTF-8 is decoded by the stream itself (split characters are handled); other encodings by
  // TextDecoder, which knows windows-1252 and both UTF-16 byte orders.
  const text = encoding === 'utf-8' ? bytes : bytes.pipe(decoder(encoding));
  text.setEncoding('utf8');
  raw.on('error', (err) => text.destroy(err));
  return { text, hash, counter };
}

function countNewlines(cells: string[]): number {
  let n = 0;
  for (const cell of cells) {
    if (cell.length > 0 && cell.includes('\n')) {
      for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
    }
  }
  return n;
}

function readDelimited(path: string, format: Extract<FileFormat, { type: 'delimited' }>, cb: ReadCallbacks): Promise<ReadResult> {
  const { text, hash, counter } = openText(path, format.encoding, format.bomBytes);
  let line = 1;
  return new Promise<ReadResult>((resolve, reject) => {
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      text.destroy();
      reject(err);
    };
    text.on('error', fail);
    Papa.parse<string[]>(text as unknown as File, {
      delimiter: format.delimiter === 'whitespace' ? ' ' : format.delimiter,
      header: false,
      skipEmptyLines: false,
      chunk(results, parser) {
        if (failed) return;
        const batch: SourceRecord[] = [];
        const rows = results.data;
        for (const err of results.errors) {
          if (err.code === 'MissingQuotes') {
            const row = rows[err.row ?? 0];
            cb.onProblem({
              file: path,
              line: line + countLinesBefore(rows, err.row ?? 0),
              column: null,
              value: row ? row.join(format.delimiter === '\t' ? '\t' : format.delimiter).slice(0, 200) : null,
              reason: 'unterminated quote: a quoted field starts here and never closes',
            });
          }
        }
        for (const cells of rows) {
          const start = line;
          line += 1 + countNewlines(cells);
          // A blank line (one empty cell) is not a record.
          if (cells.length === 1 && cells[0] === '') continue;
          batch.push({ line: start, cells });
        }
        try {
          cb.onBatch(batch, counter.bytes);
        } catch (err) {
          // fail() first: abort() makes papaparse call complete(), which must not resolve.
          fail(err);
          parser.abort();
        }
      },
      complete() {
        if (!failed) resolve({ sha256: hash.digest('hex'), bytes: counter.bytes });
      },
      error(err: Error) {
        fail(err);
      },
    });
  });
}

function countLinesBefore(rows: string[][], index: number): number {
  let n = 0;
  for (let i = 0; i < index && i < rows.length; i++) n += 1 + countNewlines(rows[i]!);
  return n;
}

const BATCH = 5000;

/** Line-based formats: whitespace-aligned columns and JSON Lines. */
async function readLines(
  path: string,
  encoding: TextEncoding,
  bomBytes: number,
  toCells: (text: string, line: number) => string[] | null,
  cb: ReadCallbacks,
): Promise<ReadResult> {
  const { text, hash, counter } = openText(path, encoding, bomBytes);
  const lines = createInterface({ input: text, crlfDelay: Infinity });
  let lineNo = 0;
  let batch: SourceRecord[] = [];
  try {
    for await (const raw of lines) {
      lineNo++;
      if (raw.trim() === '') continue;
      const cells = toCells(raw, lineNo);
      if (cells) batch.push({ line: lineNo, cells });
      if (batch.length >= BATCH) {
        cb.onBatch(batch, counter.bytes);
        batch = [];
      }
    }
    if (batch.length) cb.onBatch(batch, counter.bytes);
  } finally {
    lines.close();
    text.destroy();
  }
  return { sha256: hash.digest('hex'), bytes: counter.bytes };
}

const WHITESPACE = /\s+/;

export function splitWhitespace(line: string): string[] {
  return line.trim().split(WHITESPACE);
}

/** JSON Lines: each line one object; cells follow `columns`, nested values as JSON text. */
export function jsonCells(columns: string[], path: string, onProblem: (p: RowProblem) => void) {
  return (text: string, line: number): string[] | null => {
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (err) {
      onProblem({ file: path, line, column: null, value: text.slice(0, 200), reason: `not valid JSON: ${(err as Error).message}` });
      return null;
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      onProblem({ file: path, line, column: null, value: text.slice(0, 200), reason: 'each line must be a JSON object' });
      return null;
    }
    const record = obj as Record<string, unknown>;
    return columns.map((c) => {
      const v = record[c];
      if (v === undefined || v === null) return '';
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    });
  };
}

export async function readRecords(path: string, format: FileFormat, columns: string[], cb: ReadCallbacks): Promise<ReadResult> {
  switch (format.type) {
    case 'delimited':
      if (format.delimiter === 'whitespace') {
        return readLines(path, format.encoding, format.bomBytes, (t) => splitWhitespace(t), cb);
      }
      return readDelimited(path, format, cb);
    case 'jsonl':
      return readLines(path, format.encoding, format.bomBytes, jsonCells(columns, path, cb.onProblem), cb);
    case 'xlsx': {
      const { readXlsxRecords } = await import('./xlsx.ts');
      return readXlsxRecords(path, format.sheet, cb);
    }
  }
}
