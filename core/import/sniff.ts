// Format sniffing on the head of a file: text encoding, binary check, delimiter, header row and
// column names. Everything here looks at a few kilobytes or a few dozen lines; the real parsing
// is done by papaparse with what these functions found.
import { isDateValue } from './dates.ts';
import { parseNumber } from './numbers.ts';
import type { Delimiter, TextEncoding } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Encoding

/** Bytes of the head inspected for NUL patterns and UTF-8 validity. */
const ENCODING_PROBE_BYTES = 64 * 1024;

/**
 * The text encoding of a file from its first bytes. A byte-order mark decides; without one,
 * many NULs at odd (or even) positions mean UTF-16LE (BE) text, which for Latin text is every
 * second byte; bytes that are valid UTF-8 mean UTF-8 (plain ASCII included); anything else is
 * read as windows-1252, the superset of Latin-1 that Excel on Windows writes.
 */
export function detectEncoding(head: Uint8Array): { encoding: TextEncoding; bomBytes: number } {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };

  const n = Math.min(head.length, ENCODING_PROBE_BYTES);
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    }
  }
  const pairs = Math.floor(n / 2);
  // Latin text in UTF-16 has a NUL in nearly every pair; a third is plenty and leaves room for
  // non-Latin characters. The other position must be nearly NUL-free or it is binary.
  if (pairs >= 2 && nulOdd >= pairs / 3 && nulEven <= pairs / 20) return { encoding: 'utf-16le', bomBytes: 0 };
  if (pairs >= 2 && nulEven >= pairs / 3 && nulOdd <= pairs / 20) return { encoding: 'utf-16be', bomBytes: 0 };

  return { encoding: isValidUtf8(head, n) ? 'utf-8' : 'windows-1252', bomBytes: 0 };
}

/**
 * Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF). A sequence cut
 * off by the end of the head is accepted: the head is a prefix of the file.
 */
function isValidUtf8(bytes: Uint8Array, n: number): boolean {
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number; // smallest allowed second byte
    let max: number; // largest allowed second byte
    if (b >= 0xc2 && b <= 0xdf) [need, min, max] = [1, 0x80, 0xbf];
    else if (b === 0xe0) [need, min, max] = [2, 0xa0, 0xbf];
    else if (b === 0xed) [need, min, max] = [2, 0x80, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) [need, min, max] = [2, 0x80, 0xbf];
    else if (b === 0xf0) [need, min, max] = [3, 0x90, 0xbf];
    else if (b >= 0xf1 && b <= 0xf3) [need, min, max] = [3, 0x80, 0xbf];
    else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f];
    else return false;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return true; // cut off by the end of the head
      const c = bytes[i + k]!;
      if (k === 1 ? c < min || c > max : c < 0x80 || c > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}

/**
 * True when decoded text looks like a binary file read as text: any NUL, or more than 10% of
 * control characters other than tab, line feed, carriage return and form feed. U+FFFD
 * (undecodable bytes) counts as a control character.
 */
export function looksBinary(text: string): boolean {
  if (text.length === 0) return false;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) control++;
  }
  return control / text.length > 0.1;
}

// ---------------------------------------------------------------------------------------------
// Splitting

const WHITESPACE_RUN = /\s+/;

function isBlankChar(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Splits one line for sniffing (papaparse does the real parsing). Double quotes protect
 * delimiters and are removed; `""` inside quotes is a quote. A trailing CR is dropped.
 * 'whitespace' splits on runs of spaces and tabs and ignores leading and trailing ones, which
 * also reads right-aligned fixed-width columns (CDNOW: ` 00001 19970101  1   11.77`).
 */
export function splitLine(line: string, delimiter: Delimiter): string[] {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (delimiter === 'whitespace' && !text.includes('"')) {
    const t = text.trim();
    return t === '' ? [] : t.split(WHITESPACE_RUN);
  }
  const ws = delimiter === 'whitespace';
  const delim = ws ? -1 : delimiter.charCodeAt(0);
  const cells: string[] = [];
  let i = 0;
  const n = text.length;
  if (ws) while (i < n && isBlankChar(text.charCodeAt(i))) i++;
  for (;;) {
    let cell = '';
    if (i < n && text.charCodeAt(i) === 34 /* " */) {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          cell += text.slice(i); // unterminated quote: the rest of the line (may continue on the next)
          i = n;
          break;
        }
        cell += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    }
    // Unquoted text, or whatever follows a closing quote up to the delimiter.
    const from = i;
    if (ws) while (i < n && !isBlankChar(text.charCodeAt(i))) i++;
    else while (i < n && text.charCodeAt(i) !== delim) i++;
    cell += text.slice(from, i);
    cells.push(cell);
    if (i >= n) break;
    if (ws) {
      while (i < n && isBlankChar(text.charCodeAt(i))) i++;
      if (i >= n) break;
    } else i++; // past the delimiter; a delimiter at the very end leaves one empty cell
    if (!ws && i === n) {
      cells.push('');
      break;
    }
  }
  return cells;
}

// ---------------------------------------------------------------------------------------------
// Delimiter

const REAL_DELIMITERS: readonly Exclude<Delimiter, 'whitespace'>[] = [',', ';', '\t', '|'];
/** Share of lines that must have the most common field count for a delimiter to be consistent. */
const CONSISTENT_SHARE = 0.9;

/** The most common field count of the lines under a delimiter, and the share of lines that have it. */
function fieldCountProfile(lines: string[], delimiter: Delimiter): { fields: number; share: number } {
  const counts = new Map<number, number>();
  for (const line of lines) {
    const k = splitLine(line, delimiter).length;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let fields = 0;
  let best = 0;
  for (const [k, c] of counts) {
    if (c > best || (c === best && k > fields)) {
      fields = k;
      best = c;
    }
  }
  return { fields, share: lines.length === 0 ? 0 : best / lines.length };
}

/**
 * The delimiter whose field count is the most consistent across the lines (blank lines skipped),
 * among `,` `;` tab `|`; ties go to the one with more fields, then to that order. Whitespace
 * alignment is considered only when no real delimiter gives a consistent count above one, so a
 * CSV whose values contain spaces is never read as whitespace-separated.
 */
export function detectDelimiter(lines: string[]): Delimiter {
  const sample = lines.filter((l) => l.trim() !== '');
  if (sample.length === 0) return ',';
  let best: { delimiter: Delimiter; fields: number; share: number } | null = null;
  for (const delimiter of REAL_DELIMITERS) {
    const p = fieldCountProfile(sample, delimiter);
    if (p.fields < 2) continue;
    if (best === null || p.share > best.share || (p.share === best.share && p.fields > best.fields)) best = { delimiter, ...p };
  }
  if (best !== null && best.share >= CONSISTENT_SHARE) return best.delimiter;
  const ws = fieldCountProfile(sample, 'whitespace');
  if (ws.fields >= 2 && ws.share >= CONSISTENT_SHARE) return 'whitespace';
  return best?.delimiter ?? ',';
}

// ---------------------------------------------------------------------------------------------
// Header

type CellType = 'empty' | 'number' | 'date' | 'text';

function cellType(cell: string): CellType {
  const t = cell.trim();
  if (t === '') return 'empty';
  if (parseNumber(t) !== null || parseNumber(t, true) !== null) return 'number';
  if (isDateValue(t)) return 'date';
  return 'text';
}

/** A plausible column name: short, starts with a letter, and only name-like characters. */
const IDENTIFIER_LIKE = /^[\p{L}_$#][\p{L}\p{N} _.\-/#()$%&?:'+[\]]{0,63}$/u;

/**
 * Whether the first row is a header. No when any first-row cell is a number or a date (header
 * names never are). Yes when some column has a name-like first cell over values that are mostly
 * numbers or dates. Otherwise (all-text columns) yes when the first-row cells are distinct,
 * identifier-like and never appear again in their column. A single row counts as a header
 * when its cells are distinct names.
 */
export function detectHeader(rows: string[][]): boolean {
  const first = rows[0];
  if (first === undefined || first.length === 0) return false;
  const firstTypes = first.map(cellType);
  if (firstTypes.some((t) => t === 'number' || t === 'date')) return false;
  if (firstTypes.every((t) => t === 'empty')) return false;

  const body = rows.slice(1);
  for (let c = 0; c < first.length; c++) {
    if (firstTypes[c] !== 'text') continue;
    let typed = 0;
    let filled = 0;
    for (const row of body) {
      const t = cellType(row[c] ?? '');
      if (t === 'empty') continue;
      filled++;
      if (t === 'number' || t === 'date') typed++;
    }
    if (filled > 0 && typed / filled >= 0.8) return true;
  }

  const names = first.map((s) => s.trim()).filter((s) => s !== '');
  if (new Set(names).size !== names.length) return false;
  if (!names.every((s) => IDENTIFIER_LIKE.test(s))) return false;
  for (let c = 0; c < first.length; c++) {
    const name = first[c]!.trim();
    if (name === '') continue;
    for (const row of body) if ((row[c] ?? '').trim() === name) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Column names

/**
 * Source column names. With a header: trimmed (and without a stray BOM), empty ones become
 * `column N` (1-based position). Without: `column 1` .. `column n`. Duplicates are kept as they
 * are (the mapping refers to columns by name, so they must be reported: findDuplicateNames).
 */
export function columnNames(firstRow: string[], hasHeader: boolean): string[] {
  return firstRow.map((cell, i) => {
    if (!hasHeader) return `column ${i + 1}`;
    const name = cell.replace(/^\uFEFF/, '').trim();
    return name === '' ? `column ${i + 1}` : name;
  });
}

/** Names that occur more than once (exact comparison), each listed once, in order of first occurrence. */
export function findDuplicateNames(names: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) dup.add(n);
    else seen.add(n);
  }
  return [...dup];
}
