// The rejected-rows report: one CSV line per problem (file, line, column, value, reason), written
// next to the workspace so it survives the app and opens in any spreadsheet.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RowProblem } from './types.ts';

/**
 * Quotes a cell, and neutralises text a spreadsheet would run as a formula. Numbers are written
 * as they are: -3.5 is a value, not a formula.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function reportPath(workspacePath: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return join(dirname(workspacePath), `${basename(workspacePath)}-reports`, `import-${stamp}-rejected.csv`);
}

/**
 * Streams rejected rows to the report as they are found (an export can have 100k+ of them), and
 * keeps the first few for the summary message. The file is only created if there is a problem.
 */
export class RejectedReport {
  private fd: number | null = null;
  private buffer = '';
  count = 0;
  readonly first: RowProblem[] = [];

  constructor(readonly path: string) {}

  add(p: RowProblem): void {
    this.count++;
    if (this.first.length < 5) this.first.push(p);
    if (this.fd === null) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.path, 'w');
      this.buffer = 'file,line,column,value,reason\n';
    }
    this.buffer += `${[p.file, p.line, p.column, p.value === null ? null : p.value.slice(0, 500), p.reason].map(csvCell).join(',')}\n`;
    if (this.buffer.length > 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.fd !== null && this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  /** Returns the report's path, or null when nothing was rejected. */
  close(): string | null {
    if (this.fd !== null) {
      this.flush();
      closeSync(this.fd);
      this.fd = null;
    }
    return this.count > 0 ? this.path : null;
  }

  /** "line 12, column Quantity: "abc": quantity is not a number" */
  static describe(p: RowProblem): string {
    const where = p.column ? `line ${p.line}, column ${p.column}` : `line ${p.line}`;
    const value = p.value ? `: "${p.value.slice(0, 60)}"` : '';
    return `${where}${value}: ${p.reason}`;
  }
}
