// The mapping step's logic, kept out of components: editing a mapping (always returning a new
// object), which columns stay as attributes/props, examples from the preview rows, and the checks
// that must pass before Import is enabled — the same rules core applies, said where the analyst
// can act on them.
import type { ColumnMapping, DateDetection, ImportKind, ImportPreview } from '../../core/api/contract.ts';
import { ambiguityText, isValidTimezone } from './importDates.ts';
import {
  FIELD_INFO,
  fieldRequirement,
  fieldsForKind,
  timestampField,
  type DateFormat,
  type PersonalField,
  type PersonalPolicy,
  type TargetField,
} from './importFields.ts';

/** Sends a source column to a field, or clears the field (column null). A mapped column is no longer ignored. */
export function assignColumn(mapping: ColumnMapping, field: TargetField, column: string | null): ColumnMapping {
  const fields = { ...mapping.fields };
  if (column === null || column === '') delete fields[field];
  else fields[field] = column;
  const ignore = column ? mapping.ignore.filter((c) => c !== column) : mapping.ignore;
  return { ...mapping, fields, ignore };
}

export function setIgnored(mapping: ColumnMapping, column: string, ignored: boolean): ColumnMapping {
  const rest = mapping.ignore.filter((c) => c !== column);
  return { ...mapping, ignore: ignored ? [...rest, column] : rest };
}

export function setPersonalPolicy(mapping: ColumnMapping, field: PersonalField, policy: PersonalPolicy): ColumnMapping {
  return { ...mapping, personal: { ...mapping.personal, [field]: policy } };
}

export function setDateFormat(mapping: ColumnMapping, dateFormat: DateFormat): ColumnMapping {
  return { ...mapping, dateFormat };
}

/** The fields a column fills (usually one), among those that apply to the mapping's kind. */
export function fieldsOfColumn(mapping: ColumnMapping, column: string): TargetField[] {
  return fieldsForKind(mapping.kind).filter((f) => mapping.fields[f] === column);
}

/** Columns no field uses: kept as customer attributes or event props unless ignored. */
export function unmappedColumns(mapping: ColumnMapping, columns: readonly string[]): string[] {
  const used = new Set(fieldsForKind(mapping.kind).map((f) => mapping.fields[f]));
  return columns.filter((c) => !used.has(c));
}

/** What the run receives: only the fields that apply to the kind, no ignore entries for absent columns. */
export function mappingForRun(mapping: ColumnMapping, columns: readonly string[]): ColumnMapping {
  const fields: ColumnMapping['fields'] = {};
  for (const f of fieldsForKind(mapping.kind)) {
    const c = mapping.fields[f];
    if (c) fields[f] = c;
  }
  return { ...mapping, fields, ignore: mapping.ignore.filter((c) => columns.includes(c)) };
}

/** Up to `n` distinct non-empty values of a column from the preview rows. */
export function columnExamples(preview: Pick<ImportPreview, 'columns' | 'rows'>, column: string | undefined, n = 3): string[] {
  if (!column) return [];
  const i = preview.columns.indexOf(column);
  if (i < 0) return [];
  const out: string[] = [];
  for (const row of preview.rows) {
    const v = (row[i] ?? '').trim();
    if (v !== '' && !out.includes(v)) out.push(v);
    if (out.length >= n) break;
  }
  return out;
}

/** Detection for the column that holds the mapping's dates, if any. */
export function timestampDetection(preview: Pick<ImportPreview, 'dates'>, mapping: ColumnMapping): DateDetection | null {
  const column = mapping.fields[timestampField(mapping.kind)];
  if (!column) return null;
  return preview.dates.find((d) => d.column === column) ?? null;
}

/**
 * True while the dates can be read day-first and month-first and the analyst has not chosen for
 * this column: core preselects one, but a silent guess would shift every date in the file.
 */
export function needsDateChoice(preview: Pick<ImportPreview, 'dates'>, mapping: ColumnMapping, chosenFor: string | null): boolean {
  const det = timestampDetection(preview, mapping);
  if (!det?.ambiguous) return false;
  return chosenFor !== det.column || (mapping.dateFormat !== 'dmy' && mapping.dateFormat !== 'mdy');
}

export interface MappingIssue {
  /** The field the message is about, to show it beside that row; absent for the whole mapping. */
  field?: TargetField | 'dateFormat' | 'timezone';
  message: string;
}

export interface ValidationContext {
  columns: readonly string[];
  dates: DateDetection[];
  /** The column whose day/month order was chosen explicitly. */
  dateChosenFor: string | null;
}

function requiredIssues(kind: ImportKind, fields: ColumnMapping['fields']): MappingIssue[] {
  const issues: MappingIssue[] = [];
  if (!fields.customer_id) issues.push({ field: 'customer_id', message: 'Choose the column that holds the customer ID.' });
  if (kind !== 'customers' && !fields.ts) issues.push({ field: 'ts', message: 'Choose the column with the date or time of each row.' });
  if (kind === 'events' && !fields.type) issues.push({ field: 'type', message: 'Choose the column with the event type.' });
  if (kind === 'orders' && !fields.amount && !(fields.quantity && fields.unit_price)) {
    issues.push({ field: 'amount', message: 'Choose the amount column, or both quantity and unit price.' });
  }
  return issues;
}

/** Everything that stops the import; empty when it can go ahead. */
export function validateMapping(mapping: ColumnMapping, ctx: ValidationContext): MappingIssue[] {
  const issues = requiredIssues(mapping.kind, mapping.fields);
  for (const field of fieldsForKind(mapping.kind)) {
    const column = mapping.fields[field];
    if (column && !ctx.columns.includes(column)) {
      issues.push({ field, message: `"${column}" (for ${FIELD_INFO[field].label}) is not a column of this file.` });
    }
  }
  if (needsDateChoice({ dates: ctx.dates }, mapping, ctx.dateChosenFor)) {
    const det = timestampDetection({ dates: ctx.dates }, mapping)!;
    issues.push({ field: 'dateFormat', message: `Choose day first or month first for "${det.column}": ${ambiguityText(det.examples)}.` });
  }
  if (!isValidTimezone(mapping.timezone)) {
    issues.push({ field: 'timezone', message: `"${mapping.timezone}" is not a time zone: use UTC, an offset such as +01:00, or a name such as Europe/Berlin.` });
  }
  return issues;
}

/** Field requirement marker text for the mapping table. */
export function requirementLabel(kind: ImportKind, field: TargetField): string | null {
  const r = fieldRequirement(kind, field);
  if (r === 'required') return 'required';
  if (r === 'one-of') return 'amount, or quantity + unit price';
  return null;
}
