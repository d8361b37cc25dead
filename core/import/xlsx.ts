// XLSX through read-excel-file (maintained; the npm `xlsx` 0.18.5 is not, and has advisories).
// It reads a whole sheet into memory, which is fine for spreadsheets (Excel stops at 1,048,576 rows).
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import readXlsxFile from 'read-excel-file/node';
import type { ReadCallbacks, ReadResult, SourceRecord } from './reader.ts';

type Cell = string | number | boolean | Date | null;

function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function readSheets(path: string): Promise<Array<{ sheet: string; rows: string[][] }>> {
  const sheets = (await readXlsxFile(path)) as Array<{ sheet: string; data: Cell[][] }>;
  return sheets.map((s) => ({ sheet: s.sheet, rows: s.data.map((r) => r.map(cellText)) }));
}

export async function readXlsxRecords(path: string, sheet: string, cb: ReadCallbacks): Promise<ReadResult> {
  const sheets = await readSheets(path);
  const found = sheets.find((s) => s.sheet === sheet);
  if (!found) {
    throw new Error(`${path} has no sheet named "${sheet}" (sheets: ${sheets.map((s) => s.sheet).join(', ')})`);
  }
  const { size } = await stat(path);
  const records: SourceRecord[] = [];
  found.rows.forEach((cells, i) => {
    if (cells.every((c) => c === '')) return;
    records.push({ line: i + 1, cells });
  });
  for (let i = 0; i < records.length; i += 5000) cb.onBatch(records.slice(i, i + 5000), size);
  return { sha256: await sha256(path), bytes: size };
}
