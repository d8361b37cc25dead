// How the mapping step explains date formats: what each format is called, how the file's first
// values read in the chosen format (a live example, computed here, display only — core parses
// for real), the day-first/month-first question, and which time-zone names are usable.
import type { DateFormat } from './importFields.ts';

export const DATE_FORMATS: readonly DateFormat[] = ['iso', 'dmy', 'mdy', 'yyyymmdd', 'epoch-s', 'epoch-ms'];

export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  iso: 'ISO — 2024-02-01 or 2024-02-01T10:30:00Z',
  dmy: 'Day first — 01/02/2024 is 1 February',
  mdy: 'Month first — 02/01/2024 is 1 February',
  yyyymmdd: 'Compact — 20240201',
  'epoch-s': 'Unix time in seconds — 1706783400',
  'epoch-ms': 'Unix time in milliseconds — 1706783400000',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface ReadDate {
  year: number;
  month: number;
  day: number;
  hour: number | null;
  minute: number | null;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function valid(d: ReadDate): ReadDate | null {
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month)) return null;
  if (d.hour !== null && (d.hour > 23 || (d.minute ?? 0) > 59)) return null;
  return d;
}

function fromEpoch(ms: number): ReadDate | null {
  if (!Number.isFinite(ms)) return null;
  const t = new Date(ms);
  if (Number.isNaN(t.getTime())) return null;
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes() };
}

const DAY_MONTH = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:[T ,]+(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*([AaPp][Mm])?)?/;

/** Reads a value in a format, or null when it does not fit. Wall-clock time, no zone applied. */
export function readDate(value: string, format: DateFormat): ReadDate | null {
  const v = value.trim();
  if (v === '') return null;
  if (format === 'epoch-s' || format === 'epoch-ms') {
    if (!/^-?\d+(\.\d+)?$/.test(v)) return null;
    return fromEpoch(Number(v) * (format === 'epoch-s' ? 1000 : 1));
  }
  if (format === 'yyyymmdd') {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
    return m ? valid({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: null, minute: null }) : null;
  }
  if (format === 'iso') {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?/.exec(v);
    if (!m) return null;
    return valid({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: m[4] ? Number(m[4]) : null, minute: m[5] ? Number(m[5]) : null });
  }
  const m = DAY_MONTH.exec(v);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  let hour = m[4] ? Number(m[4]) : null;
  const ampm = m[6]?.toLowerCase();
  if (hour !== null && ampm === 'pm' && hour < 12) hour += 12;
  if (hour !== null && ampm === 'am' && hour === 12) hour = 0;
  const [day, month] = format === 'dmy' ? [a, b] : [b, a];
  return valid({ year, month, day, hour, minute: m[5] ? Number(m[5]) : null });
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "1 February 2024 10:30" — spelled out, so day and month cannot be confused. */
export function describeDate(d: ReadDate): string {
  const date = `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
  return d.hour === null ? date : `${date} ${pad2(d.hour)}:${pad2(d.minute ?? 0)}`;
}

/** How a raw value reads in a format, for the live example: "1 February 2024", or why not. */
export function dateExample(value: string, format: DateFormat): string {
  const d = readDate(value, format);
  return d ? describeDate(d) : 'not a date in this format';
}

/**
 * The sentence that makes the analyst choose: "01/02/2024 could be 1 February or January 2".
 * Uses the first example that really reads two ways.
 */
export function ambiguityText(examples: readonly string[]): string {
  for (const value of examples) {
    const dayFirst = readDate(value, 'dmy');
    const monthFirst = readDate(value, 'mdy');
    if (dayFirst && monthFirst && (dayFirst.day !== monthFirst.day || dayFirst.month !== monthFirst.month)) {
      return `${value.trim()} could be ${dayFirst.day} ${MONTHS[dayFirst.month - 1]} or ${MONTHS[monthFirst.month - 1]} ${monthFirst.day}`;
    }
  }
  const first = examples[0]?.trim();
  return first ? `${first} reads both day-first and month-first` : 'These dates read both day-first and month-first';
}

export const COMMON_TIMEZONES = [
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Amsterdam',
  'Europe/Brussels',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Zurich',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Athens',
  'Europe/Helsinki',
  'Europe/Istanbul',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Mexico_City',
  'America/Sao_Paulo',
  'Africa/Johannesburg',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
] as const;

const FIXED_OFFSET = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/** The zones core accepts: UTC, a fixed offset such as +01:00, or an IANA name Intl knows. */
export function isValidTimezone(tz: string): boolean {
  const t = tz.trim();
  if (t === '') return false;
  if (/^(UTC|GMT|Z)$/i.test(t)) return true;
  const fixed = FIXED_OFFSET.exec(t);
  if (fixed) return Number(fixed[2]) <= 18 && Number(fixed[3] ?? '0') <= 59;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: t });
    return true;
  } catch {
    return false;
  }
}
