// How rules read in the builder: operator and field labels, signal choices grouped as in the
// catalogue with their units, event windows, and counts with their share.
import type { EventCondition, EventWindow, NumberOp, SegmentationRef, SignalInfo, SignalUnit, TextOp } from '../../../../core/api/contract.ts';
import { EVENT_MEASURES, EVENT_NUMBER_FIELDS, type EVENT_TEXT_FIELDS, INTENT_SCORE, SIGNAL_GROUPS } from '../../../../core/api/contract.ts';
import { GROUP_LABELS } from '../../../lib/scoringWeights.ts';
import { formatInt } from '../../../lib/format.ts';
import { EVENT_TYPE_ORDER } from '../../../lib/eventTypes.ts';

export const NUMBER_OP_LABELS: Record<NumberOp, string> = {
  eq: '=',
  ne: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  between: 'between',
  'is-empty': 'has no value',
  'is-present': 'has a value',
};

export const TEXT_OP_LABELS: Record<TextOp, string> = {
  is: 'is',
  'is-not': 'is not',
  in: 'is one of',
  'not-in': 'is none of',
  contains: 'contains',
  'starts-with': 'starts with',
  'is-empty': 'is empty',
  'is-present': 'has a value',
};

export const ATTRIBUTE_FIELD_LABELS = {
  country: 'Country',
  city: 'City',
  email: 'Email',
  name: 'Name',
  phone: 'Phone',
  attribute: 'Other attribute…',
} as const;

export const EVENT_FIELD_LABELS: Record<(typeof EVENT_TEXT_FIELDS)[number] | (typeof EVENT_NUMBER_FIELDS)[number], string> = {
  channel: 'Channel',
  device: 'Device',
  url: 'URL',
  page_category: 'Page category',
  product: 'Product',
  category: 'Product category',
  campaign: 'Campaign',
  order_id: 'Order id',
  session_id: 'Session id',
  amount: 'Amount',
  discount: 'Discount',
  quantity: 'Quantity',
};

export const MEASURE_LABELS: Record<EventCondition['measure'], string> = {
  count: 'times',
  amount: 'in amount',
  days: 'distinct days',
};

/** The window picker's words, read after the count: "at least 1 times | in the last | 30 days". */
/** The measure picker's choices; "1 time", "3 times": the words agree with the number before them. */
export function measureOptions(n: number | undefined): Array<{ value: EventCondition['measure']; label: string }> {
  return EVENT_MEASURES.map((m) => ({ value: m, label: n === 1 ? MEASURE_LABELS[m].replace(/s$/, '') : MEASURE_LABELS[m] }));
}

export const WINDOW_LABELS: Record<EventWindow['kind'], string> = {
  all: 'ever',
  last: 'in the last',
  between: 'between',
  'month-to-date': 'this month',
};

export const isNumberField = (field: string): boolean => (EVENT_NUMBER_FIELDS as readonly string[]).includes(field);

/** Operators that take no value. */
export const noValueOp = (op: string): boolean => op === 'is-empty' || op === 'is-present';
/** Text operators that take a list. */
export const listOp = (op: string): boolean => op === 'in' || op === 'not-in';

export const UNIT_SUFFIX: Record<SignalUnit, string> = {
  days: 'days',
  count: '',
  money: 'amount',
  share: '0–1',
  ratio: 'ratio',
  hour: 'hour 0–23',
  index: '',
};

export interface SignalOption {
  id: string;
  label: string;
  unit: SignalUnit | 'score';
  description: string;
}

export interface SignalOptionGroup {
  label: string;
  options: SignalOption[];
}

export const INTENT_SCORE_OPTION: SignalOption = {
  id: INTENT_SCORE,
  label: 'Intent score',
  unit: 'score',
  description: 'The 0–100 intent score of the scoring settings (Signals & Phases).',
};

/** The signal picker's choices: the intent score, then the catalogue by group. */
export function signalOptionGroups(catalog: readonly SignalInfo[]): SignalOptionGroup[] {
  const groups: SignalOptionGroup[] = [{ label: 'Score', options: [INTENT_SCORE_OPTION] }];
  for (const group of SIGNAL_GROUPS) {
    const options = catalog.filter((s) => s.group === group).map((s) => ({ id: s.id, label: s.label, unit: s.unit, description: s.description }));
    if (options.length) groups.push({ label: GROUP_LABELS[group], options });
  }
  return groups;
}

export function findSignalOption(catalog: readonly SignalInfo[], id: string): SignalOption | null {
  if (id === INTENT_SCORE) return INTENT_SCORE_OPTION;
  const s = catalog.find((c) => c.id === id);
  return s ? { id: s.id, label: s.label, unit: s.unit, description: s.description } : null;
}

/** "days", "0–100" ...: what the number next to a signal means. */
export function unitHint(unit: SignalOption['unit']): string {
  return unit === 'score' ? '0–100' : UNIT_SUFFIX[unit];
}

/** Event types offered in the picker: the canonical ones in journey order. */
export const EVENT_TYPE_CHOICES: readonly string[] = EVENT_TYPE_ORDER;

export function eventTypeLabel(type: string): string {
  return type.replace(/_/g, ' ');
}

/** "1,234 · 30.9%" (share of the customers as of the date). */
export function countText(count: number, customers: number): string {
  return `${formatInt(count)} · ${shareText(count, customers)}`;
}

/** "14%", "5.6%"; never rounds a part up to "100%" or down to "0%". */
export function shareText(count: number, customers: number): string {
  if (customers <= 0) return '—';
  const pct = (count / customers) * 100;
  if (count === 0 || count === customers) return `${pct.toFixed(0)}%`;
  if (pct < 0.1) return '<0.1%';
  if (pct > 99.9) return '>99.9%';
  if (pct >= 99.5) return `${(Math.floor(pct * 10) / 10).toFixed(1)}%`;
  return `${pct >= 10 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

export function parseRefKey(key: string): SegmentationRef | null {
  const [kind, id] = key.split(':');
  const n = id === undefined ? undefined : Number(id);
  switch (kind) {
    case 'clusters':
      return n && Number.isInteger(n) && n > 0 ? { kind, modelId: n } : { kind };
    case 'segment':
      return n && Number.isInteger(n) && n > 0 ? { kind, segmentId: n } : null;
    case 'phases':
    case 'rfm':
    case 'rules':
    case 'propensity':
      return { kind };
    default:
      return null;
  }
}

/** "a, b ,c," -> ["a", "b", "c"]. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

// ---------- SQL parameters ----------

const DAY_MS = 86_400_000;
/** Epoch-ms bounds from 2000 on that fall on a UTC midnight are dates: say which. */
const FIRST_DAY = Date.UTC(2000, 0, 1);

/** A parameter as it would be written in SQL. */
export function paramText(p: string | number | null): string {
  if (p === null) return 'NULL';
  if (typeof p === 'number') return String(p);
  return `'${p.replace(/'/g, "''")}'`;
}

/** What a parameter means when it is not plain: the day of a date bound. */
export function paramNote(p: string | number | null): string | null {
  if (typeof p !== 'number' || !Number.isInteger(p) || p < FIRST_DAY || p % DAY_MS !== 0) return null;
  return `${new Date(p).toISOString().slice(0, 10)} 00:00 UTC`;
}
