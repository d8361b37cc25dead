// Writes a CSV file the safe way: UTF-8 with a header, cells quoted and neutralised against
// spreadsheet formulas, written in large chunks to "<path>.partial" and renamed only when
// complete, so an interrupted write never leaves half a file under the chosen name.
import { once } from 'node:events';
import { createWriteStream, existsSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApiError } from '../api/contract.ts';
import { csvCell } from '../import/report.ts';

export type CsvValue = string | number | null;

/** Refuses a target whose folder does not exist, or that exists when overwriting was not asked for. */
export function checkTarget(path: string, overwrite: boolean): void {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ApiError({ code: 'folder-not-found', message: `The folder ${folder} does not exist. Choose an existing folder.`, details: { path } });
  }
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new ApiError({ code: 'invalid-args', message: `${path} is a folder: give a file name.`, details: { path } });
    if (!overwrite) throw new ApiError({ code: 'file-exists', message: `${path} already exists. Replace it?`, details: { path } });
  }
}

/** A whole text file written to "<path>.partial" and renamed when complete. */
export function writeTextFile(path: string, text: string): { bytes: number } {
  const partial = `${path}.partial`;
  try {
    writeFileSync(partial, text, 'utf8');
    renameSync(partial, path);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  return { bytes: Buffer.byteLength(text) };
}

export async function writeCsv(path: string, header: readonly string[], rows: Iterable<readonly CsvValue[]>, isCancelled: () => boolean = () => false): Promise<{ rows: number; bytes: number }> {
  const partial = `${path}.partial`;
  // Opened here, not by the stream later: a failure before the first write must not race the open.
  const stream = createWriteStream(partial, { fd: openSync(partial, 'w') });
  let count = 0;
  let bytes = 0;
  try {
    let chunk = `${header.map(csvCell).join(',')}\n`;
    for (const row of rows) {
      chunk += `${row.map(csvCell).join(',')}\n`;
      count++;
      if (chunk.length > 1 << 20) {
        if (isCancelled()) throw new ApiError({ code: 'cancelled', message: 'Cancelled.' });
        bytes += Buffer.byteLength(chunk);
        if (!stream.write(chunk)) await once(stream, 'drain');
        chunk = '';
      }
    }
    bytes += Buffer.byteLength(chunk);
    stream.end(chunk);
    await once(stream, 'finish');
    renameSync(partial, path);
    return { rows: count, bytes };
  } catch (err) {
    stream.on('error', () => {});
    stream.destroy();
    await once(stream, 'close').catch(() => {});
    rmSync(partial, { force: true });
    throw err;
  }
}
