// The "New signal" form: what the analyst types (strings, comma-separated lists) and how it
// becomes the contract's CustomSignal. Checks here only what the form can know; core checks the
// rest (ids of built-in signals, what a rate may divide by, whether SQLite accepts it).
import { SIGNAL_ID, type CustomSignalInput, type SignalAggregation } from '../../core/api/contract.ts';

export interface SignalDraft {
  label: string;
  id: string;
  /** True once the analyst typed an id: from then on the label no longer proposes one. */
  idEdited: boolean;
  description: string;
  types: string[];
  pageCategories: string;
  urlContains: string;
  products: string;
  categories: string;
  channels: string;
  campaigns: string;
  aggregation: SignalAggregation;
  per: string;
  /** Days before the as-of date; '' means all history. */
  windowDays: string;
  direction: 'auto' | 'more' | 'less';
}

export type DraftErrors = Partial<Record<'label' | 'id' | 'per' | 'windowDays' | 'filter', string>>;

export const AGGREGATION_LABELS: Record<SignalAggregation, string> = {
  count: 'Number of events',
  'sum-amount': 'Sum of amounts',
  'sum-quantity': 'Sum of quantities',
  'distinct-days': 'Days with such events',
  'days-since-last': 'Days since the last one',
  'days-since-first': 'Days since the first one',
  rate: 'Rate: number of events per another signal',
};

export function emptyDraft(): SignalDraft {
  return {
    label: '',
    id: '',
    idEdited: false,
    description: '',
    types: [],
    pageCategories: '',
    urlContains: '',
    products: '',
    categories: '',
    channels: '',
    campaigns: '',
    aggregation: 'count',
    per: '',
    windowDays: '30',
    direction: 'auto',
  };
}

/** "Gift-card views (30 d)" -> "gift_card_views_30_d": a valid signal id proposed from a label. */
export function idFromLabel(label: string): string {
  let id = label
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (id && !/^[a-z]/.test(id)) id = `s_${id}`;
  id = id.slice(0, 40).replace(/_+$/, '');
  return id.length >= 2 ? id : id ? `${id}_signal` : '';
}

/** "a, b,,c\n d" -> ["a", "b", "c", "d"], without repeats. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[,\n]/).map((s) => s.trim()).filter(Boolean))];
}

const withList = (values: string[]) => (values.length ? values : undefined);

/** The signal to save, or what is wrong with the draft. */
export function draftToSignal(d: SignalDraft): { signal: CustomSignalInput | null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const label = d.label.trim();
  if (!label) errors.label = 'Give the signal a name.';
  else if (label.length > 80) errors.label = 'At most 80 characters.';
  const id = d.id.trim();
  if (!SIGNAL_ID.test(id)) errors.id = 'Lower-case letters, digits and _, starting with a letter, 2 to 40 characters.';
  let windowDays: number | null = null;
  if (d.windowDays.trim() !== '') {
    const n = Number(d.windowDays);
    if (!Number.isInteger(n) || n < 1 || n > 3650) errors.windowDays = 'Whole days from 1 to 3650, or empty for all history.';
    else windowDays = n;
  }
  if (d.aggregation === 'rate' && !d.per) errors.per = 'Choose the signal to divide by.';
  if (d.aggregation === 'rate' && d.per === id && id) errors.per = 'A rate cannot be divided by itself.';

  const filter = {
    types: withList(d.types),
    pageCategories: withList(splitList(d.pageCategories)),
    urlContains: d.urlContains.trim() || undefined,
    products: withList(splitList(d.products)),
    categories: withList(splitList(d.categories)),
    channels: withList(splitList(d.channels)),
    campaigns: withList(splitList(d.campaigns)),
  };
  const cleanFilter = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
  if (Object.keys(errors).length) return { signal: null, errors };
  return {
    signal: {
      id,
      label,
      description: d.description.trim(),
      filter: cleanFilter,
      aggregation: d.aggregation,
      ...(d.aggregation === 'rate' ? { per: d.per } : {}),
      windowDays,
      ...(d.direction === 'auto' ? {} : { direction: d.direction === 'more' ? 1 : -1 }),
    },
    errors,
  };
}

/** One line saying what the draft will count, for the form's preview. */
export function describeDraft(d: SignalDraft): string {
  const parts = [
    d.types.length ? `type ${d.types.join(' or ')}` : null,
    splitList(d.pageCategories).length ? `page category ${splitList(d.pageCategories).join(' or ')}` : null,
    d.urlContains.trim() ? `URL containing "${d.urlContains.trim()}"` : null,
    splitList(d.products).length ? `product ${splitList(d.products).join(' or ')}` : null,
    splitList(d.categories).length ? `category ${splitList(d.categories).join(' or ')}` : null,
    splitList(d.channels).length ? `channel ${splitList(d.channels).join(' or ')}` : null,
    splitList(d.campaigns).length ? `campaign ${splitList(d.campaigns).join(' or ')}` : null,
  ].filter(Boolean);
  const events = parts.length ? `events with ${parts.join(', ')}` : 'all events';
  const n = Number(d.windowDays);
  const window = d.windowDays.trim() === '' ? 'all history' : Number.isInteger(n) && n > 0 ? `the ${n} days before the as-of date` : 'the window';
  const what: Record<SignalAggregation, string> = {
    count: 'Number of',
    'sum-amount': 'Sum of the amounts of',
    'sum-quantity': 'Sum of the quantities of',
    'distinct-days': 'Distinct days with',
    'days-since-last': 'Days since the last of',
    'days-since-first': 'Days since the first of',
    rate: 'Number of',
  };
  return `${what[d.aggregation]} ${events} in ${window}${d.aggregation === 'rate' ? `, per ${d.per || '…'}` : ''}.`;
}
