// Shapes shared by every step of an import: detection (sniff), mapping, conversion, loading.
// Pure types: the renderer sees them through the API contract.

export type ImportKind = 'customers' | 'orders' | 'events';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';

export type FileFormat =
  | {
      type: 'delimited';
      encoding: TextEncoding;
      /** Bytes of byte-order mark to skip (0, 2 or 3). */
      bomBytes: number;
      delimiter: Delimiter;
      hasHeader: boolean;
    }
  | { type: 'jsonl'; encoding: TextEncoding; bomBytes: number }
  | { type: 'xlsx'; sheet: string; hasHeader: boolean };

/**
 * How timestamps are written in a column. Day-first and month-first are separate formats: when
 * the sample cannot tell them apart, detection says so (ambiguous) instead of guessing.
 */
export type DateFormat =
  | 'iso' // 2024-03-01, 2024-03-01T10:00:00Z, 2024-03-01 10:00, with or without offset
  | 'epoch-s'
  | 'epoch-ms'
  | 'yyyymmdd' // 20240301
  | 'dmy' // 01/03/2024, 1.3.2024, 01-03-2024 10:00
  | 'mdy'; // 03/01/2024 10:00

/** The fields an import can fill. Anything unmapped goes to attributes (customers) or props (events). */
export const CUSTOMER_FIELDS = ['customer_id', 'first_seen', 'name', 'email', 'phone', 'country', 'city'] as const;
export const ORDER_FIELDS = [
  'customer_id',
  'order_id',
  'ts',
  'product',
  'category',
  'quantity',
  'unit_price',
  'amount',
  'discount',
  'channel',
  'campaign',
] as const;
export const EVENT_FIELDS = [
  'customer_id',
  'ts',
  'type',
  'channel',
  'device',
  'session_id',
  'url',
  'page_category',
  'product',
  'category',
  'campaign',
  'order_id',
  'amount',
  'discount',
  'quantity',
] as const;

export type CustomerField = (typeof CUSTOMER_FIELDS)[number];
export type OrderField = (typeof ORDER_FIELDS)[number];
export type EventField = (typeof EVENT_FIELDS)[number];
export type TargetField = CustomerField | OrderField | EventField;

export type PersonalFieldPolicy = 'keep' | 'hash' | 'drop';

export interface ColumnMapping {
  kind: ImportKind;
  /** Target field -> source column name (as in the header, or "column 3" style names without one). */
  fields: Partial<Record<TargetField, string>>;
  dateFormat: DateFormat;
  /** Zone for timestamps written without an offset: 'UTC', an IANA name, or '+01:00'. */
  timezone: string;
  /** What to do with personal fields at import: keep, replace by normalised SHA-256, or drop. */
  personal: { email: PersonalFieldPolicy; phone: PersonalFieldPolicy; name: PersonalFieldPolicy };
  /** Source columns to ignore entirely (not even kept in attributes/props). */
  ignore: string[];
  /** Numbers written with a decimal comma (1.234,50); detected from the amounts in the preview. */
  decimalComma?: boolean;
}

/** One rejected value: everything needed to find and fix it in the file. */
export interface RowProblem {
  file: string;
  /** 1-based physical line in the file where the record starts. */
  line: number;
  /** Source column name, or null when the problem is the whole row. */
  column: string | null;
  value: string | null;
  reason: string;
}

export interface DateDetection {
  column: string;
  format: DateFormat | null;
  /** Candidate formats when the sample fits more than one (e.g. dmy and mdy). */
  candidates: DateFormat[];
  ambiguous: boolean;
  /** Example values from the sample. */
  examples: string[];
}

export interface ImportPreview {
  path: string;
  sizeBytes: number;
  sha256: string;
  format: FileFormat;
  /** Sheet names of an XLSX workbook, in order; null for text files. */
  sheets: string[] | null;
  /** Source column names (generated as "column 1".. when the file has no header). */
  columns: string[];
  /** First rows as text, for the preview table. */
  rows: string[][];
  /** Best guess of the kind of file. */
  kind: ImportKind;
  mapping: ColumnMapping;
  dates: DateDetection[];
  /** Things the analyst should look at before importing (ambiguous dates, unmapped required fields...). */
  warnings: string[];
  /** When this exact file (same SHA-256) was imported already. */
  alreadyImported: { importId: number; finishedAt: number } | null;
}

export interface ImportSummary {
  importId: number;
  kind: ImportKind;
  file: string;
  rowsRead: number;
  rowsImported: number;
  /** Rows that were already in the workspace (same natural key) and were not added again. */
  rowsDuplicate: number;
  rowsRejected: number;
  customersAdded: number;
  eventsAdded: number;
  /** CSV of rejected rows (file, line, column, value, reason), when any were skipped. */
  rejectedReport: string | null;
  durationMs: number;
}
