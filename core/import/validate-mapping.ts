// Checks a confirmed mapping against the file's columns before any row is read, so mistakes
// are reported at once and by name.
import { ImportError } from './errors.ts';
import { findDuplicateNames } from './sniff.ts';
import type { ColumnMapping } from './types.ts';

export function assertUsableMapping(file: string, columns: string[], mapping: ColumnMapping): void {
  const duplicates = findDuplicateNames(columns);
  if (duplicates.length > 0) {
    throw new ImportError(
      'duplicate-columns',
      `${file} has more than one column named ${duplicates.map((d) => `"${d}"`).join(', ')}; rename them so each column can be told apart.`,
    );
  }
  for (const [field, column] of Object.entries(mapping.fields)) {
    if (column !== undefined && !columns.includes(column)) {
      throw new ImportError('mapping-invalid', `The mapping sends column "${column}" to ${field}, but ${file} has no such column.`);
    }
  }
  const need = (field: keyof ColumnMapping['fields'], why: string) => {
    if (!mapping.fields[field]) throw new ImportError('mapping-invalid', `Choose the column that holds ${why} (${field}) in ${file}.`);
  };
  need('customer_id', 'the customer id');
  if (mapping.kind !== 'customers') need('ts', 'the date or time of each row');
  if (mapping.kind === 'events') need('type', 'the event type');
  if (mapping.kind === 'orders' && !mapping.fields.amount && !(mapping.fields.quantity && mapping.fields.unit_price)) {
    throw new ImportError('mapping-invalid', `Choose the amount column, or both quantity and unit price, in ${file}.`);
  }
}
