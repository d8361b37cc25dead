// Timestamps as exports write them: ISO with or without offset, epoch seconds or milliseconds,
// YYYYMMDD, and day/month/year or month/day/year with an optional time and AM/PM.
//
// Detection looks at a sample and refuses to guess between day-first and month-first: when every
// value fits both (01/02/2024), it says so and the analyst decides.
//
// Parsing runs once per value on files of millions of rows. The scanners therefore walk character
// codes by hand and write into module-level scratch variables (no regex, no match arrays, no Date
// objects); wall-clock time becomes epoch ms by integer calendar arithmetic. For IANA zones the
// UTC offset of each local hour is computed once with Intl.DateTimeFormat and cached.
//
// Two-digit years (01/03/24) are read as 20yy. That is right for order and event data, wrong for
// birth dates; mapping inference warns when a date column uses them.
import type { DateDetection, DateFormat } from './types.ts';

/** How each format is shown to the analyst, and named in rejection reasons. */
export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  iso: 'YYYY-MM-DD[ HH:MM[:SS]]',
  'epoch-s': 'seconds since 1970-01-01',
  'epoch-ms': 'milliseconds since 1970-01-01',
  yyyymmdd: 'YYYYMMDD',
  dmy: 'DD/MM/YYYY[ HH:MM[:SS]]',
  mdy: 'MM/DD/YYYY[ HH:MM[:SS]]',
};

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// ---------------------------------------------------------------------------------------------
// Scanners: fill the scratch fields below and return whether the value has the expected shape.
// Range checks (month 13, 31 April) come afterwards so they can give a precise reason.

let cur = 0;
let fY = 0;
let fMo = 0;
let fD = 0;
let fH = 0;
let fMi = 0;
let fS = 0;
let fMs = 0;
/** First and second number of a a/b/yyyy date, before dmy/mdy decides which is the day. */
let fA = 0;
let fB = 0;
/** Offset written in the value itself (ISO "Z", "+01:00"), in minutes. */
let fOff = 0;
let fHasOff = false;
/** 0 = no AM/PM, 1 = AM, 2 = PM. */
let fAmPm = 0;
let fTwoDigitYear = false;

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/** Reads min..max digits at `cur`; returns their value, or -1 when fewer than min are there. */
function digits(v: string, end: number, min: number, max: number): number {
  let n = 0;
  let k = 0;
  while (k < max && cur < end) {
    const c = v.charCodeAt(cur);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
    cur++;
    k++;
  }
  return k < min ? -1 : n;
}

function skipSpaces(v: string, end: number): void {
  while (cur < end && isSpace(v.charCodeAt(cur))) cur++;
}

/** HH:MM[:SS[.fraction]] at `cur`. Fractions beyond milliseconds are truncated. */
function scanTime(v: string, end: number): boolean {
  fH = digits(v, end, 1, 2);
  if (fH < 0 || cur >= end || v.charCodeAt(cur) !== 58 /* : */) return false;
  cur++;
  fMi = digits(v, end, 2, 2);
  if (fMi < 0) return false;
  if (cur < end && v.charCodeAt(cur) === 58) {
    cur++;
    fS = digits(v, end, 2, 2);
    if (fS < 0) return false;
    if (cur < end && (v.charCodeAt(cur) === 46 || v.charCodeAt(cur) === 44) /* . or , */) {
      cur++;
      const fracStart = cur;
      let ms = 0;
      while (cur < end && isDigitCode(v.charCodeAt(cur))) {
        const k = cur - fracStart;
        if (k < 3) ms = ms * 10 + (v.charCodeAt(cur) - 48);
        cur++;
      }
      const k = cur - fracStart;
      if (k === 0) return false;
      fMs = k === 1 ? ms * 100 : k === 2 ? ms * 10 : ms;
    }
  }
  return true;
}

function resetTime(): void {
  fH = 0;
  fMi = 0;
  fS = 0;
  fMs = 0;
  fHasOff = false;
  fOff = 0;
  fAmPm = 0;
  fTwoDigitYear = false;
}

/** Z, +01:00, +0100, +01, UTC, GMT at `cur`. */
function scanOffset(v: string, end: number): boolean {
  const c = v.charCodeAt(cur);
  if (c === 90 || c === 122 /* Z z */) {
    cur++;
    fHasOff = true;
    fOff = 0;
    return true;
  }
  if (c === 43 || c === 45 /* + - */) {
    cur++;
    const h = digits(v, end, 2, 2);
    if (h < 0) return false;
    let m = 0;
    if (cur < end && v.charCodeAt(cur) === 58) cur++;
    if (cur < end) {
      m = digits(v, end, 2, 2);
      if (m < 0) return false;
    }
    if (h > 18 || m > 59) return false;
    fHasOff = true;
    fOff = (c === 45 ? -1 : 1) * (h * 60 + m);
    return true;
  }
  if (end - cur === 3) {
    // "UTC" or "GMT", any case, compared by code so no substring is made.
    const a = v.charCodeAt(cur) | 32;
    const b = v.charCodeAt(cur + 1) | 32;
    const d = v.charCodeAt(cur + 2) | 32;
    if ((a === 117 && b === 116 && d === 99) || (a === 103 && b === 109 && d === 116)) {
      cur = end;
      fHasOff = true;
      fOff = 0;
      return true;
    }
  }
  return false;
}

/** YYYY-MM-DD (or YYYY/MM/DD), then optionally [T or spaces]HH:MM[:SS[.fff]] and an offset. */
function scanIso(v: string, start: number, end: number): boolean {
  resetTime();
  cur = start;
  fY = digits(v, end, 4, 4);
  if (fY < 0 || cur >= end) return false;
  const sep = v.charCodeAt(cur);
  if (sep !== 45 && sep !== 47) return false;
  cur++;
  fMo = digits(v, end, 1, 2);
  if (fMo < 0 || cur >= end || v.charCodeAt(cur) !== sep) return false;
  cur++;
  fD = digits(v, end, 1, 2);
  if (fD < 0) return false;
  if (cur === end) return true;
  const c = v.charCodeAt(cur);
  if (c === 84 || c === 116 /* T t */) cur++;
  else if (isSpace(c)) skipSpaces(v, end);
  else return false;
  if (!scanTime(v, end)) return false;
  skipSpaces(v, end);
  if (cur === end) return true;
  return scanOffset(v, end) && cur === end;
}

/** a/b/yyyy, a.b.yyyy or a-b-yyyy (or yy), then optionally [, ]HH:MM[:SS] [AM|PM]. */
function scanDayMonth(v: string, start: number, end: number): boolean {
  resetTime();
  cur = start;
  fA = digits(v, end, 1, 2);
  if (fA < 0 || cur >= end) return false;
  const sep = v.charCodeAt(cur);
  if (sep !== 47 && sep !== 46 && sep !== 45) return false;
  cur++;
  fB = digits(v, end, 1, 2);
  if (fB < 0 || cur >= end || v.charCodeAt(cur) !== sep) return false;
  cur++;
  const yearStart = cur;
  fY = digits(v, end, 2, 4);
  const yearDigits = cur - yearStart;
  if (fY < 0 || yearDigits === 3) return false;
  if (yearDigits === 2) {
    fY += 2000;
    fTwoDigitYear = true;
  }
  if (cur === end) return true;
  if (v.charCodeAt(cur) === 44 /* , */) cur++;
  const c = v.charCodeAt(cur);
  if (c === 84 || c === 116) cur++;
  else if (isSpace(c)) skipSpaces(v, end);
  else return false;
  if (!scanTime(v, end)) return false;
  skipSpaces(v, end);
  if (cur === end) return true;
  const p = v.charCodeAt(cur) | 32; // lower case
  if ((p !== 97 && p !== 112) /* a p */ || cur + 2 !== end || (v.charCodeAt(cur + 1) | 32) !== 109 /* m */) return false;
  fAmPm = p === 97 ? 1 : 2;
  cur = end;
  return true;
}

/** Exactly eight digits: YYYYMMDD. */
function scanCompact(v: string, start: number, end: number): boolean {
  resetTime();
  if (end - start !== 8) return false;
  cur = start;
  fY = digits(v, end, 4, 4);
  fMo = digits(v, end, 2, 2);
  fD = digits(v, end, 2, 2);
  return fY >= 0 && fMo >= 0 && fD >= 0 && cur === end;
}

// ---------------------------------------------------------------------------------------------
// Validation and conversion of the scratch fields

/** A reason when the scanned fields are not a real date and time, else null. */
function rangeProblem(): string | null {
  if (fY < 1) return `year ${fY} out of range`;
  if (fMo < 1 || fMo > 12) return `month ${fMo} out of range`;
  if (fD < 1 || fD > daysInMonth(fY, fMo)) return `day ${fD} does not exist in ${MONTH_NAMES[fMo - 1]} ${fY}`;
  if (fAmPm !== 0) {
    if (fH < 1 || fH > 12) return `hour ${fH} out of range with ${fAmPm === 1 ? 'AM' : 'PM'}`;
    fH = fAmPm === 1 ? (fH === 12 ? 0 : fH) : fH === 12 ? 12 : fH + 12;
  }
  if (fH > 23) return `hour ${fH} out of range`;
  if (fMi > 59) return `minute ${fMi} out of range`;
  if (fS > 59) return `second ${fS} out of range`;
  return null;
}

/** The scanned wall-clock time as if it were UTC, in ms. */
function wallClockMs(): number {
  return daysFromCivil(fY, fMo, fD) * DAY + fH * HOUR + fMi * MINUTE + fS * 1000 + fMs;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// ---------------------------------------------------------------------------------------------
// Time zones

/** Converts a wall-clock time (as if UTC, ms) to epoch ms; NaN when that local time does not exist. */
type ToUtc = (wallMs: number) => number;

const FIXED_OFFSET = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/** Throws for a zone that is neither UTC, a fixed offset, nor an IANA name Intl knows. */
function createZone(timezone: string): ToUtc {
  const tz = timezone.trim();
  const upper = tz.toUpperCase();
  if (upper === '' || upper === 'UTC' || upper === 'Z' || upper === 'GMT') return (wall) => wall;
  const fixed = FIXED_OFFSET.exec(tz);
  if (fixed) {
    const hours = Number(fixed[2]);
    const minutes = Number(fixed[3] ?? '0');
    if (hours > 18 || minutes > 59) throw new Error(`time zone offset "${timezone}" is out of range`);
    const offset = (fixed[1] === '-' ? -1 : 1) * (hours * HOUR + minutes * MINUTE);
    return (wall) => wall - offset;
  }
  return createIanaZone(tz);
}

// Cache entries for one local hour: the offset (ms) when the whole hour has one, or these markers.
const GAP_HOUR = Number.NaN; // the whole hour is skipped by a forward transition
const MIXED_HOUR = Number.POSITIVE_INFINITY; // a transition inside the hour: resolve each value

function createIanaZone(timeZone: string): ToUtc {
  let dtf: Intl.DateTimeFormat;
  try {
    dtf = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new Error(`unknown time zone "${timeZone}": use UTC, an offset such as +01:00, or an IANA name such as Europe/London`);
  }

  /** Zone offset (ms) in force at a UTC instant. */
  const offsetAt = (utcMs: number): number => {
    const utcSecond = Math.floor(utcMs / 1000) * 1000;
    let y = 0;
    let mo = 1;
    let d = 1;
    let h = 0;
    let mi = 0;
    let s = 0;
    for (const part of dtf.formatToParts(utcSecond)) {
      switch (part.type) {
        case 'year':
          y = Number(part.value);
          break;
        case 'month':
          mo = Number(part.value);
          break;
        case 'day':
          d = Number(part.value);
          break;
        case 'hour':
          h = Number(part.value) % 24;
          break;
        case 'minute':
          mi = Number(part.value);
          break;
        case 'second':
          s = Number(part.value);
          break;
      }
    }
    return daysFromCivil(y, mo, d) * DAY + h * HOUR + mi * MINUTE + s * 1000 - utcSecond;
  };

  /**
   * Exact conversion. The offsets in force a day before and after bracket every instant this wall
   * time can denote (offsets are within ±18 h); a candidate offset is right when it is the offset
   * in force at the instant it gives. Trying the larger offset first picks the earlier instant, so
   * a repeated wall time (clocks going back) resolves to its first occurrence.
   */
  const resolve = (wall: number): number => {
    const a = offsetAt(wall - DAY);
    const b = offsetAt(wall);
    const c = offsetAt(wall + DAY);
    const hi = Math.max(a, b, c);
    const lo = Math.min(a, b, c);
    const mid = a + b + c - hi - lo;
    for (const o of [hi, mid, lo]) {
      if (offsetAt(wall - o) === o) return wall - o;
    }
    return Number.NaN;
  };

  const hours = new Map<number, number>();
  let lastHour = Number.NaN;
  let lastEntry = 0;
  return (wall) => {
    const hour = Math.floor(wall / HOUR);
    let entry: number;
    if (hour === lastHour) entry = lastEntry;
    else {
      const cached = hours.get(hour);
      if (cached !== undefined) entry = cached;
      else {
        // The chosen offset is a step function of wall time with at most one step near a
        // transition, so equal offsets at both ends of the hour hold for the whole hour.
        const startWall = hour * HOUR;
        const endWall = startWall + HOUR - 1;
        const first = resolve(startWall);
        const last = resolve(endWall);
        if (Number.isNaN(first) && Number.isNaN(last)) entry = GAP_HOUR;
        else if (!Number.isNaN(first) && !Number.isNaN(last) && startWall - first === endWall - last) entry = startWall - first;
        else entry = MIXED_HOUR;
        hours.set(hour, entry);
      }
      lastHour = hour;
      lastEntry = entry;
    }
    if (entry === MIXED_HOUR) return resolve(wall);
    return wall - entry; // NaN for a gap hour
  };
}

// ---------------------------------------------------------------------------------------------
// Parsers

/** Trimmed bounds of a value, without allocating a trimmed copy. */
let tStart = 0;
let tEnd = 0;
function trimBounds(v: string): void {
  tStart = 0;
  tEnd = v.length;
  while (tStart < tEnd && (isSpace(v.charCodeAt(tStart)) || v.charCodeAt(tStart) === 13 || v.charCodeAt(tStart) === 10)) tStart++;
  while (tEnd > tStart && (isSpace(v.charCodeAt(tEnd - 1)) || v.charCodeAt(tEnd - 1) === 13 || v.charCodeAt(tEnd - 1) === 10)) tEnd--;
}

function finish(toUtc: ToUtc, zoneName: string): number | string {
  const problem = rangeProblem();
  if (problem !== null) return problem;
  const wall = wallClockMs();
  if (fHasOff) return wall - fOff * MINUTE;
  const utc = toUtc(wall);
  if (Number.isNaN(utc)) {
    return `local time ${fY}-${pad2(fMo)}-${pad2(fD)} ${pad2(fH)}:${pad2(fMi)} does not exist in ${zoneName} (the clocks went forward)`;
  }
  return utc;
}

function parseEpoch(v: string, unitMs: number, notADate: string): number | string {
  trimBounds(v);
  let i = tStart;
  if (i < tEnd && v.charCodeAt(i) === 45) i++;
  const intStart = i;
  while (i < tEnd && isDigitCode(v.charCodeAt(i))) i++;
  if (i === intStart) return notADate;
  if (i < tEnd && v.charCodeAt(i) === 46) {
    i++;
    while (i < tEnd && isDigitCode(v.charCodeAt(i))) i++;
  }
  if (i !== tEnd) return notADate;
  const ms = Math.round(Number(tStart === 0 && tEnd === v.length ? v : v.slice(tStart, tEnd)) * unitMs);
  // ±8.64e15 ms is the range of ECMAScript time values.
  if (!(Math.abs(ms) <= 8.64e15)) return `timestamp ${v.slice(tStart, tEnd)} out of range`;
  return ms;
}

/**
 * A parser for one column: returns epoch ms, or a reason the value cannot be read
 * (`not a date in format YYYYMMDD`, `month 13 out of range`, `day 31 does not exist in April 2024`,
 * `local time 2024-03-31 01:30 does not exist in Europe/London (...)`).
 *
 * `timezone` ('UTC', '+01:00', '-0500', or an IANA name) applies to values written without an
 * offset; ISO values with Z or an offset use their own. Epoch values are absolute. A wall time
 * that occurs twice (clocks going back) is read as its first occurrence, the earlier instant.
 * Throws at creation for an unknown zone, so a bad zone fails once, not once per row.
 */
export function createTimestampParser(format: DateFormat, timezone: string): (value: string) => number | string {
  const toUtc = createZone(timezone);
  const zoneName = timezone.trim();
  const notADate =
    format === 'epoch-s' || format === 'epoch-ms'
      ? `not a timestamp in ${DATE_FORMAT_LABELS[format]}`
      : `not a date in format ${DATE_FORMAT_LABELS[format]}`;
  switch (format) {
    case 'epoch-s':
      return (v) => parseEpoch(v, 1000, notADate);
    case 'epoch-ms':
      return (v) => parseEpoch(v, 1, notADate);
    case 'iso':
      return (v) => {
        trimBounds(v);
        return scanIso(v, tStart, tEnd) ? finish(toUtc, zoneName) : notADate;
      };
    case 'yyyymmdd':
      return (v) => {
        trimBounds(v);
        return scanCompact(v, tStart, tEnd) ? finish(toUtc, zoneName) : notADate;
      };
    case 'dmy':
    case 'mdy': {
      const dayFirst = format === 'dmy';
      return (v) => {
        trimBounds(v);
        if (!scanDayMonth(v, tStart, tEnd)) return notADate;
        fD = dayFirst ? fA : fB;
        fMo = dayFirst ? fB : fA;
        return finish(toUtc, zoneName);
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Detection

/** Share of non-blank sample values that must read in a format for the column to be in it. */
const FIT_SHARE = 0.95;
const EPOCH_S_MIN = 631_152_000; // 1990-01-01
const EPOCH_S_MAX = 4_102_444_800; // 2100-01-01
const SHAPE_EPOCH_S = /^\d{9,10}$/;
const SHAPE_EPOCH_MS = /^\d{12,13}$/;

const utcParsers: Record<DateFormat, (value: string) => number | string> = {
  iso: createTimestampParser('iso', 'UTC'),
  'epoch-s': createTimestampParser('epoch-s', 'UTC'),
  'epoch-ms': createTimestampParser('epoch-ms', 'UTC'),
  yyyymmdd: createTimestampParser('yyyymmdd', 'UTC'),
  dmy: createTimestampParser('dmy', 'UTC'),
  mdy: createTimestampParser('mdy', 'UTC'),
};

const ISO_NOT_A_DATE = `not a date in format ${DATE_FORMAT_LABELS.iso}`;

function readsAs(format: DateFormat, value: string): boolean {
  switch (format) {
    case 'epoch-s': {
      if (!SHAPE_EPOCH_S.test(value)) return false;
      const n = Number(value);
      return n >= EPOCH_S_MIN && n < EPOCH_S_MAX;
    }
    case 'epoch-ms': {
      if (!SHAPE_EPOCH_MS.test(value)) return false;
      const n = Number(value);
      return n >= EPOCH_S_MIN * 1000 && n < EPOCH_S_MAX * 1000;
    }
    case 'yyyymmdd': {
      // Eight-digit ids are common: only years 1900-2100 count as dates.
      const t = utcParsers.yyyymmdd(value);
      return typeof t === 'number' && fY >= 1900 && fY <= 2100;
    }
    case 'iso': {
      // The shape decides: 2024-02-30 is an ISO date with a bad day, which the import reports.
      const t = utcParsers.iso(value);
      return typeof t === 'number' || t !== ISO_NOT_A_DATE;
    }
    default:
      return typeof utcParsers[format](value) === 'number';
  }
}

function nonBlank(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const t = v.trim();
    if (t !== '') out.push(t);
  }
  return out;
}

function examplesOf(values: string[]): string[] {
  return [...new Set(values)].slice(0, 3);
}

/**
 * The date format of a column, from a sample of its values (blanks ignored). A format fits when
 * at least `minShare` (95%) of the values read in it, so one stray value does not hide a date
 * column; ISO counts by shape (2024-02-30 is ISO with a bad day), the others by valid dates.
 * Day-first and month-first: a value only one of them can read (13/01/2024) decides; when all
 * values read both ways the result is ambiguous (format null, candidates ['dmy', 'mdy']).
 */
export function detectDateFormat(column: string, values: string[], minShare = FIT_SHARE): DateDetection {
  const sample = nonBlank(values);
  const examples = examplesOf(sample);
  const none: DateDetection = { column, format: null, candidates: [], ambiguous: false, examples };
  if (sample.length === 0) return none;
  const fits = (count: number) => count / sample.length >= minShare;

  for (const format of ['iso', 'yyyymmdd', 'epoch-s', 'epoch-ms'] as const) {
    let ok = 0;
    for (const v of sample) if (readsAs(format, v)) ok++;
    if (fits(ok)) return { column, format, candidates: [format], ambiguous: false, examples };
  }

  let dmy = 0;
  let mdy = 0;
  let onlyDmy = 0;
  let onlyMdy = 0;
  for (const v of sample) {
    const d = readsAs('dmy', v);
    const m = readsAs('mdy', v);
    if (d) dmy++;
    if (m) mdy++;
    if (d && !m) onlyDmy++;
    if (m && !d) onlyMdy++;
  }
  const dmyFits = fits(dmy);
  const mdyFits = fits(mdy);
  const pick = (format: DateFormat): DateDetection => ({ column, format, candidates: [format], ambiguous: false, examples });
  if (dmyFits && mdyFits) {
    if (onlyDmy > onlyMdy) return pick('dmy');
    if (onlyMdy > onlyDmy) return pick('mdy');
    return { column, format: null, candidates: ['dmy', 'mdy'], ambiguous: true, examples };
  }
  if (dmyFits) return pick('dmy');
  if (mdyFits) return pick('mdy');
  return none;
}

/** True when a sample reads as dates in some format (ambiguous day/month order included). */
export function isDateLike(values: string[]): boolean {
  const d = detectDateFormat('', values);
  return d.format !== null || d.ambiguous;
}

/**
 * True when one value reads as a calendar date written with separators (ISO, d/m/y or m/d/y).
 * Bare numbers (YYYYMMDD, epochs) are not counted: as single values they are just numbers.
 */
export function isDateValue(value: string): boolean {
  return readsAs('iso', value) || readsAs('dmy', value) || readsAs('mdy', value);
}

/** True when some value of the sample writes its year with two digits (read as 20yy). */
export function usesTwoDigitYears(values: string[]): boolean {
  for (const v of values) {
    trimBounds(v);
    if (scanDayMonth(v, tStart, tEnd) && fTwoDigitYear) return true;
  }
  return false;
}
