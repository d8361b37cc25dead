import { describe, expect, it } from 'vitest';
import { mappingSchema } from '../../core/api/contract.ts';
import { CONTACT_FIELDS, CUSTOMER_FIELDS, EVENT_FIELDS, FIELD_INFO, fieldRequirement, fieldsForKind, ORDER_FIELDS, timestampField } from './importFields.ts';

const base = { kind: 'orders', dateFormat: 'iso', timezone: 'UTC', personal: { email: 'keep', phone: 'keep', name: 'keep' }, ignore: [] } as const;

describe('import fields', () => {
  it('offers the customer fields for customer files', () => {
    expect(fieldsForKind('customers')).toEqual(['customer_id', 'first_seen', 'name', 'email', 'phone', 'country', 'city']);
  });

  it('adds the contact fields to order and event files, once each', () => {
    const orders = fieldsForKind('orders');
    const events = fieldsForKind('events');
    expect(orders.slice(0, ORDER_FIELDS.length)).toEqual([...ORDER_FIELDS]);
    expect(events.slice(0, EVENT_FIELDS.length)).toEqual([...EVENT_FIELDS]);
    for (const f of CONTACT_FIELDS) {
      expect(orders.filter((x) => x === f)).toHaveLength(1);
      expect(events.filter((x) => x === f)).toHaveLength(1);
    }
    expect(orders).not.toContain('type');
    expect(events).toContain('type');
    expect(fieldsForKind('customers')).not.toContain('ts');
  });

  it('uses only field names the contract accepts, and covers all of them', () => {
    const all = new Set([...CUSTOMER_FIELDS, ...ORDER_FIELDS, ...EVENT_FIELDS, ...CONTACT_FIELDS]);
    for (const f of all) {
      const parsed = mappingSchema.safeParse({ ...base, fields: { [f]: 'col' } });
      expect(parsed.success, `contract rejects field ${f}`).toBe(true);
    }
    const keyType = (mappingSchema.shape.fields as unknown as { keyType?: { options?: string[] } }).keyType;
    if (keyType?.options) expect([...all].sort()).toEqual([...keyType.options].sort());
    expect(Object.keys(FIELD_INFO).sort()).toEqual([...all].sort());
  });

  it('marks what each kind requires', () => {
    expect(fieldRequirement('customers', 'customer_id')).toBe('required');
    expect(fieldRequirement('customers', 'first_seen')).toBeNull();
    expect(fieldRequirement('orders', 'ts')).toBe('required');
    expect(fieldRequirement('orders', 'amount')).toBe('one-of');
    expect(fieldRequirement('orders', 'unit_price')).toBe('one-of');
    expect(fieldRequirement('events', 'type')).toBe('required');
    expect(fieldRequirement('events', 'amount')).toBeNull();
    expect(fieldRequirement('orders', 'type')).toBeNull();
  });

  it('knows where each kind keeps its dates', () => {
    expect(timestampField('customers')).toBe('first_seen');
    expect(timestampField('orders')).toBe('ts');
    expect(timestampField('events')).toBe('ts');
  });
});
