// Turns one source record into canonical rows (an event, customer fields), or into the reasons
// it cannot be imported. Built once per import from the confirmed mapping: column positions,
// parsers and policies are resolved up front so the per-row work stays small.
import { createTimestampParser } from './dates.ts';
import { normaliseId, parseNumber } from './numbers.ts';
import { hashPersonal } from './personal.ts';
import { canonicalEventType } from './event-types.ts';
import type { SourceRecord } from './reader.ts';
import type { ColumnMapping, PersonalFieldPolicy, RowProblem, TargetField } from './types.ts';

export interface EventRow {
  customer_id: string;
  ts: number;
  type: string;
  channel: string | null;
  device: string | null;
  session_id: string | null;
  url: string | null;
  page_category: string | null;
  product: string | null;
  category: string | null;
  campaign: string | null;
  order_id: string | null;
  amount: number | null;
  discount: number | null;
  quantity: number | null;
  props: string | null;
}

export interface CustomerRow {
  customer_id: string;
  first_seen: number | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  city: string | null;
  attributes: string | null;
}

export interface Converted {
  event: EventRow | null;
  customer: CustomerRow | null;
  problems: RowProblem[] | null;
}

export interface ConverterOptions {
  file: string;
  columns: string[];
  mapping: ColumnMapping;
  decimalComma: boolean;
  categorise: (url: string) => string | null;
}

/** A longer field is a broken file (lost line endings, binary data), not a value to keep. */
const MAX_FIELD_CHARS = 1 << 20;

const CUSTOMER_EXTRA_FIELDS = ['name', 'email', 'phone', 'country', 'city'] as const;

/**
 * Per-row state, reused from row to row: closures made per row cost more than the conversion
 * itself on 5M-row files (measured), so the helpers below are plain functions over this object.
 */
interface RowState {
  file: string;
  columns: string[];
  cells: string[];
  line: number;
  problems: RowProblem[] | null;
  decimalComma: boolean;
}

function addProblem(row: RowState, column: number | null, value: string | null, reason: string): void {
  (row.problems ??= []).push({ file: row.file, line: row.line, column: column === null ? null : (row.columns[column] ?? null), value, reason });
}

function cellText(row: RowState, i: number): string | null {
  if (i < 0) return null;
  const v = row.cells[i]!.trim();
  return v === '' ? null : v;
}

function cellNumber(row: RowState, i: number, what: string, min?: number): number | null {
  const raw = cellText(row, i);
  if (raw === null) return null;
  const n = parseNumber(raw, row.decimalComma);
  if (n === null) {
    addProblem(row, i, raw, `${what} is not a number`);
    return null;
  }
  if (min !== undefined && n < min) {
    addProblem(row, i, raw, `${what} must not be negative`);
    return null;
  }
  return n;
}

function applyPolicy(kind: 'email' | 'phone' | 'name', policy: PersonalFieldPolicy, value: string | null): string | null {
  if (value === null || policy === 'keep') return value;
  if (policy === 'drop') return null;
  return hashPersonal(kind, value);
}

export function createConverter(options: ConverterOptions): (record: SourceRecord) => Converted {
  const { file, columns, mapping } = options;
  const index = (field: TargetField): number => {
    const name = mapping.fields[field];
    return name === undefined ? -1 : columns.indexOf(name);
  };
  const col = {
    customer_id: index('customer_id'),
    ts: index(mapping.kind === 'customers' ? 'first_seen' : 'ts'),
    type: index('type'),
    channel: index('channel'),
    device: index('device'),
    session_id: index('session_id'),
    url: index('url'),
    page_category: index('page_category'),
    product: index('product'),
    category: index('category'),
    campaign: index('campaign'),
    order_id: index('order_id'),
    amount: index('amount'),
    discount: index('discount'),
    quantity: index('quantity'),
    unit_price: index('unit_price'),
  };
  const customerCols = Object.fromEntries(CUSTOMER_EXTRA_FIELDS.map((f) => [f, index(f)])) as Record<
    (typeof CUSTOMER_EXTRA_FIELDS)[number],
    number
  >;
  const mapped = new Set<number>(
    [...Object.values(col), ...Object.values(customerCols)].filter((i) => i >= 0),
  );
  const ignored = new Set(mapping.ignore);
  // Unmapped, not ignored columns are kept: as customer attributes or as event props.
  const extras = columns.map((name, i) => ({ name, i })).filter(({ name, i }) => !mapped.has(i) && !ignored.has(name));
  const parseTs = createTimestampParser(mapping.dateFormat, mapping.timezone);
  const hasCustomerFields = Object.values(customerCols).some((i) => i >= 0);
  const expected = columns.length;

  const row: RowState = { file, columns, cells: [], line: 0, problems: null, decimalComma: options.decimalComma };
  const text = (i: number) => cellText(row, i);
  const problem = (column: number | null, value: string | null, reason: string) => addProblem(row, column, value, reason);

  return (record) => {
    const { cells, line } = record;
    row.cells = cells;
    row.line = line;
    row.problems = null;
    if (cells.length !== expected) {
      problem(null, cells.join(' | ').slice(0, 200), `row has ${cells.length} fields, expected ${expected} (${columns.length === expected ? 'as in the header' : 'as in the first row'})`);
      return { event: null, customer: null, problems: row.problems };
    }
    for (let i = 0; i < cells.length; i++) {
      if (cells[i]!.length > MAX_FIELD_CHARS) {
        problem(i, `${cells[i]!.slice(0, 40)}…`, `field is ${Math.round(cells[i]!.length / 1024)} KB long; fields over 1 MB are not customer data`);
        return { event: null, customer: null, problems: row.problems };
      }
    }

    const rawId = text(col.customer_id);
    const customerId = rawId === null ? null : normaliseId(rawId);
    if (customerId === null || customerId === '') {
      problem(col.customer_id >= 0 ? col.customer_id : null, rawId ?? '', 'no customer id');
    }

    let ts: number | null = null;
    const rawTs = text(col.ts);
    if (rawTs === null) {
      if (mapping.kind !== 'customers') problem(col.ts >= 0 ? col.ts : null, '', 'no timestamp');
    } else {
      const parsed = parseTs(rawTs);
      if (typeof parsed === 'string') problem(col.ts, rawTs, parsed);
      else ts = parsed;
    }

    let props: string | null = null;
    if (extras.length > 0) {
      const bag: Record<string, string> = {};
      let any = false;
      for (const { name, i } of extras) {
        const v = cells[i]!;
        if (v !== '') {
          bag[name] = v;
          any = true;
        }
      }
      if (any) props = JSON.stringify(bag);
    }

    let customer: CustomerRow | null = null;
    if (mapping.kind === 'customers' || hasCustomerFields) {
      customer = {
        customer_id: customerId ?? '',
        first_seen: mapping.kind === 'customers' ? ts : null,
        name: applyPolicy('name', mapping.personal.name, text(customerCols.name)),
        email: applyPolicy('email', mapping.personal.email, text(customerCols.email)),
        phone: applyPolicy('phone', mapping.personal.phone, text(customerCols.phone)),
        country: text(customerCols.country),
        city: text(customerCols.city),
        attributes: mapping.kind === 'customers' ? props : null,
      };
    }

    if (mapping.kind === 'customers') {
      return { event: null, customer: row.problems ? null : customer, problems: row.problems };
    }

    let type: string;
    let amount: number | null;
    const quantity = cellNumber(row, col.quantity, 'quantity');
    const discount = cellNumber(row, col.discount, 'discount', 0);
    const orderId = text(col.order_id);
    if (mapping.kind === 'orders') {
      const unitPrice = cellNumber(row, col.unit_price, 'unit price', 0);
      const given = cellNumber(row, col.amount, 'amount');
      // Cancellation invoices ("C536379") and negative quantities are returns of earlier purchases.
      const isReturn = (quantity !== null && quantity < 0) || (orderId !== null && /^c/i.test(orderId)) || (given !== null && given < 0);
      type = isReturn ? 'return' : 'purchase';
      if (given !== null) amount = given;
      else if (quantity !== null && unitPrice !== null) amount = Math.round(quantity * unitPrice * 1e6) / 1e6;
      else {
        amount = null;
        if (col.amount < 0 && (col.quantity < 0 || col.unit_price < 0)) problem(null, null, 'no amount, and no quantity and unit price to compute it from');
      }
      if (amount !== null && isReturn) amount = -Math.abs(amount);
    } else {
      const rawType = text(col.type);
      if (rawType === null) {
        problem(col.type >= 0 ? col.type : null, '', 'no event type');
        type = '';
      } else type = canonicalEventType(rawType);
      amount = cellNumber(row, col.amount, 'amount');
      if (amount !== null && amount < 0 && type === 'purchase') {
        problem(col.amount, text(col.amount), 'a purchase cannot have a negative amount (returns are a separate event type)');
      }
    }

    if (row.problems) return { event: null, customer: null, problems: row.problems };
    const url = text(col.url);
    const event: EventRow = {
      customer_id: customerId!,
      ts: ts!,
      type,
      channel: text(col.channel),
      device: text(col.device),
      session_id: text(col.session_id),
      url,
      page_category: text(col.page_category) ?? (url === null ? null : options.categorise(url)),
      product: text(col.product),
      category: text(col.category),
      campaign: text(col.campaign),
      order_id: orderId,
      amount,
      discount,
      quantity,
      props,
    };
    return { event, customer, problems: null };
  };
}
