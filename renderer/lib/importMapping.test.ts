import { describe, expect, it } from 'vitest';
import type { ColumnMapping, DateDetection } from '../../core/api/contract.ts';
import {
  assignColumn,
  columnExamples,
  fieldsOfColumn,
  mappingForRun,
  needsDateChoice,
  requirementLabel,
  setIgnored,
  setPersonalPolicy,
  unmappedColumns,
  validateMapping,
} from './importMapping.ts';

function mapping(kind: ColumnMapping['kind'], fields: ColumnMapping['fields'], extra: Partial<ColumnMapping> = {}): ColumnMapping {
  return { kind, fields, dateFormat: 'iso', timezone: 'UTC', personal: { email: 'keep', phone: 'keep', name: 'keep' }, ignore: [], ...extra };
}

const columns = ['Kunde', 'Datum', 'Betrag', 'Menge', 'Preis', 'Typ', 'E-Mail', 'Notiz'];
const ctx = (dates: DateDetection[] = [], dateChosenFor: string | null = null) => ({ columns, dates, dateChosenFor });
const messages = (m: ColumnMapping, c = ctx()) => validateMapping(m, c).map((i) => i.message);
const ambiguous: DateDetection = { column: 'Datum', format: null, candidates: ['dmy', 'mdy'], ambiguous: true, examples: ['01/02/2024', '03/04/2024'] };

describe('validateMapping', () => {
  it('requires a customer id for every kind', () => {
    for (const kind of ['customers', 'orders', 'events'] as const) {
      expect(messages(mapping(kind, {})).join('\n')).toMatch(/customer ID/);
    }
    expect(messages(mapping('customers', { customer_id: 'Kunde' }))).toEqual([]);
  });

  it('requires a date for orders and events, not for customers', () => {
    expect(messages(mapping('customers', { customer_id: 'Kunde' })).join()).not.toMatch(/date/);
    expect(messages(mapping('orders', { customer_id: 'Kunde', amount: 'Betrag' }))).toEqual(['Choose the column with the date or time of each row.']);
    expect(messages(mapping('events', { customer_id: 'Kunde', type: 'Typ' }))).toEqual(['Choose the column with the date or time of each row.']);
  });

  it('requires an event type for events', () => {
    expect(messages(mapping('events', { customer_id: 'Kunde', ts: 'Datum' }))).toEqual(['Choose the column with the event type.']);
    expect(messages(mapping('events', { customer_id: 'Kunde', ts: 'Datum', type: 'Typ' }))).toEqual([]);
  });

  it('requires an amount, or quantity and unit price, for orders', () => {
    const need = 'Choose the amount column, or both quantity and unit price.';
    expect(messages(mapping('orders', { customer_id: 'Kunde', ts: 'Datum' }))).toEqual([need]);
    expect(messages(mapping('orders', { customer_id: 'Kunde', ts: 'Datum', quantity: 'Menge' }))).toEqual([need]);
    expect(messages(mapping('orders', { customer_id: 'Kunde', ts: 'Datum', quantity: 'Menge', unit_price: 'Preis' }))).toEqual([]);
    expect(messages(mapping('orders', { customer_id: 'Kunde', ts: 'Datum', amount: 'Betrag' }))).toEqual([]);
  });

  it('names a mapped column the file does not have', () => {
    const issues = validateMapping(mapping('customers', { customer_id: 'Kunde', email: 'Email' }), ctx());
    expect(issues).toEqual([{ field: 'email', message: '"Email" (for Email) is not a column of this file.' }]);
  });

  it('makes the analyst choose day-first or month-first for ambiguous dates', () => {
    const m = mapping('orders', { customer_id: 'Kunde', ts: 'Datum', amount: 'Betrag' }, { dateFormat: 'dmy' });
    const issues = validateMapping(m, ctx([ambiguous]));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.field).toBe('dateFormat');
    expect(issues[0]!.message).toContain('01/02/2024 could be 1 February or January 2');
    expect(validateMapping(m, ctx([ambiguous], 'Datum'))).toEqual([]);
    // A choice for another column does not settle this one.
    expect(needsDateChoice({ dates: [ambiguous] }, m, 'Other')).toBe(true);
    // An explicit choice must be day- or month-first.
    expect(needsDateChoice({ dates: [ambiguous] }, { ...m, dateFormat: 'iso' }, 'Datum')).toBe(true);
    // Unambiguous dates need no choice.
    expect(needsDateChoice({ dates: [{ ...ambiguous, ambiguous: false, format: 'dmy' }] }, m, null)).toBe(false);
  });

  it('checks the time zone', () => {
    const m = mapping('customers', { customer_id: 'Kunde' });
    expect(messages({ ...m, timezone: 'Europe/Berlin' })).toEqual([]);
    expect(messages({ ...m, timezone: '+01:00' })).toEqual([]);
    expect(messages({ ...m, timezone: 'Mars/Olympus' })[0]).toMatch(/not a time zone/);
    expect(messages({ ...m, timezone: '' })[0]).toMatch(/not a time zone/);
  });
});

describe('mapping edits', () => {
  it('assigns and clears a field without touching the original', () => {
    const m = mapping('orders', { customer_id: 'Kunde' }, { ignore: ['Betrag'] });
    const next = assignColumn(m, 'amount', 'Betrag');
    expect(next.fields.amount).toBe('Betrag');
    expect(next.ignore).toEqual([]);
    expect(m.fields.amount).toBeUndefined();
    expect(m.ignore).toEqual(['Betrag']);
    const cleared = assignColumn(next, 'amount', null);
    expect('amount' in cleared.fields).toBe(false);
  });

  it('toggles ignored columns and personal policies', () => {
    const m = mapping('customers', { customer_id: 'Kunde' });
    const ignored = setIgnored(m, 'Notiz', true);
    expect(ignored.ignore).toEqual(['Notiz']);
    expect(setIgnored(ignored, 'Notiz', true).ignore).toEqual(['Notiz']);
    expect(setIgnored(ignored, 'Notiz', false).ignore).toEqual([]);
    expect(setPersonalPolicy(m, 'email', 'hash').personal).toEqual({ email: 'hash', phone: 'keep', name: 'keep' });
  });

  it('lists the columns kept as attributes/props', () => {
    const m = mapping('orders', { customer_id: 'Kunde', ts: 'Datum', amount: 'Betrag', email: 'E-Mail' });
    expect(unmappedColumns(m, columns)).toEqual(['Menge', 'Preis', 'Typ', 'Notiz']);
    expect(fieldsOfColumn(m, 'Datum')).toEqual(['ts']);
    // A field that does not apply to the kind does not use up its column.
    const wrongKind = mapping('orders', { customer_id: 'Kunde', type: 'Typ' });
    expect(unmappedColumns(wrongKind, columns)).toContain('Typ');
  });

  it('sends the run only the fields of its kind and ignore entries for real columns', () => {
    const m = mapping('orders', { customer_id: 'Kunde', ts: 'Datum', amount: 'Betrag', type: 'Typ' }, { ignore: ['Notiz', 'Gone'] });
    const run = mappingForRun(m, columns);
    expect(run.fields).toEqual({ customer_id: 'Kunde', ts: 'Datum', amount: 'Betrag' });
    expect(run.ignore).toEqual(['Notiz']);
  });

  it('takes distinct non-empty examples from the preview rows', () => {
    const preview = { columns: ['a', 'b'], rows: [['1', ''], ['1', 'x'], ['2', 'y'], ['3', 'z'], ['4', 'w']] };
    expect(columnExamples(preview, 'a')).toEqual(['1', '2', '3']);
    expect(columnExamples(preview, 'b', 2)).toEqual(['x', 'y']);
    expect(columnExamples(preview, 'c')).toEqual([]);
    expect(columnExamples(preview, undefined)).toEqual([]);
  });

  it('labels requirements', () => {
    expect(requirementLabel('orders', 'customer_id')).toBe('required');
    expect(requirementLabel('orders', 'quantity')).toBe('amount, or quantity + unit price');
    expect(requirementLabel('customers', 'email')).toBeNull();
  });
});
