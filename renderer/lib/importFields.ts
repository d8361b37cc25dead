// The fields an import can fill, per kind of file, with the words the mapping step shows for them.
// The per-kind lists come from the API contract, so the UI offers exactly what core accepts.
import { CUSTOMER_FIELDS, EVENT_FIELDS, ORDER_FIELDS, type ColumnMapping, type ImportKind } from '../../core/api/contract.ts';

export type TargetField = keyof ColumnMapping['fields'] & string;
export type DateFormat = ColumnMapping['dateFormat'];
export type PersonalField = keyof ColumnMapping['personal'];
export type PersonalPolicy = ColumnMapping['personal'][PersonalField];

export const IMPORT_KINDS: readonly ImportKind[] = ['customers', 'orders', 'events'];

export { CUSTOMER_FIELDS, ORDER_FIELDS, EVENT_FIELDS };
/** Order and event files often carry who the customer is; these fill the customer record. */
export const CONTACT_FIELDS = ['name', 'email', 'phone', 'country', 'city'] as const satisfies readonly TargetField[];

export const PERSONAL_FIELDS: readonly PersonalField[] = ['email', 'phone', 'name'];

/** The target fields offered for a kind of file, in the order the mapping step lists them. */
export function fieldsForKind(kind: ImportKind): TargetField[] {
  if (kind === 'customers') return [...CUSTOMER_FIELDS];
  const own: readonly TargetField[] = kind === 'orders' ? ORDER_FIELDS : EVENT_FIELDS;
  return [...own, ...CONTACT_FIELDS.filter((f) => !own.includes(f))];
}

/** The field holding each row's date: when the customer was first seen, or when the row happened. */
export function timestampField(kind: ImportKind): TargetField {
  return kind === 'customers' ? 'first_seen' : 'ts';
}

/** 'required': always; 'one-of': orders need amount, or quantity and unit price. */
export type Requirement = 'required' | 'one-of' | null;

export function fieldRequirement(kind: ImportKind, field: TargetField): Requirement {
  if (field === 'customer_id') return 'required';
  if (kind !== 'customers' && field === 'ts') return 'required';
  if (kind === 'events' && field === 'type') return 'required';
  if (kind === 'orders' && (field === 'amount' || field === 'quantity' || field === 'unit_price')) return 'one-of';
  return null;
}

export interface FieldInfo {
  label: string;
  hint: string;
}

export const FIELD_INFO: Record<TargetField, FieldInfo> = {
  customer_id: { label: 'Customer ID', hint: 'Who the row is about; rows with the same ID belong to one customer.' },
  first_seen: { label: 'First seen', hint: 'When the customer signed up or first bought.' },
  name: { label: 'Name', hint: 'Personal data.' },
  email: { label: 'Email', hint: 'Personal data.' },
  phone: { label: 'Phone', hint: 'Personal data.' },
  country: { label: 'Country', hint: '' },
  city: { label: 'City', hint: '' },
  order_id: { label: 'Order ID', hint: 'Groups the lines of one order or invoice.' },
  ts: { label: 'Date / time', hint: 'When it happened.' },
  type: { label: 'Event type', hint: 'page_view, email_open, purchase… other names are kept as given.' },
  product: { label: 'Product', hint: 'Product code or name.' },
  category: { label: 'Category', hint: '' },
  quantity: { label: 'Quantity', hint: '' },
  unit_price: { label: 'Unit price', hint: 'With quantity, gives the amount when there is no amount column.' },
  amount: { label: 'Amount', hint: 'Line or order total. Negative amounts are returns.' },
  discount: { label: 'Discount', hint: 'Amount taken off.' },
  channel: { label: 'Channel', hint: 'web, app, email, store…' },
  campaign: { label: 'Campaign', hint: '' },
  device: { label: 'Device', hint: '' },
  session_id: { label: 'Session ID', hint: '' },
  url: { label: 'URL', hint: 'Page address; its page category is derived from it.' },
  page_category: { label: 'Page category', hint: 'pricing, faq, returns… derived from the URL when absent.' },
};

export const KIND_INFO: Record<ImportKind, { label: string; text: string }> = {
  customers: { label: 'Customers', text: 'One row per customer: ID, contact details, attributes.' },
  orders: { label: 'Orders', text: 'One row per order or order line: who, when, what, how much.' },
  events: { label: 'Events', text: 'One row per event: who, when, which type (visit, email, purchase…).' },
};

export const PERSONAL_POLICY_INFO: Record<PersonalPolicy, { label: string; text: string }> = {
  keep: { label: 'Keep', text: 'Stored as written, shown in the customer panel.' },
  hash: { label: 'Replace by SHA-256 hash', text: 'Stored as a hash of the normalised value: still matches across files, cannot be read back.' },
  drop: { label: 'Drop', text: 'Not stored at all.' },
};
