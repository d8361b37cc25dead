import { describe, expect, it } from 'vitest';
import { createTimestampParser, detectDateFormat, isDateLike, isDateValue, usesTwoDigitYears } from './dates.ts';
import type { DateFormat } from './types.ts';

const utc = (iso: string) => Date.parse(iso);

function parse(format: DateFormat, timezone: string, value: string): number | string {
  return createTimestampParser(format, timezone)(value);
}

describe('createTimestampParser: iso', () => {
  const p = createTimestampParser('iso', 'UTC');
  it.each([
    ['2010-12-01 08:26:00', '2010-12-01T08:26:00Z'], // Online Retail's InvoiceDate
    ['2010-12-01T08:26:00', '2010-12-01T08:26:00Z'],
    ['2024-03-01', '2024-03-01T00:00:00Z'],
    ['2024-3-1', '2024-03-01T00:00:00Z'],
    ['2024/03/01 10:00', '2024-03-01T10:00:00Z'],
    ['2024-03-01 10:00', '2024-03-01T10:00:00Z'],
    ['2024-03-01T10:00:00.5', '2024-03-01T10:00:00.500Z'],
    ['2024-03-01T10:00:00.123456', '2024-03-01T10:00:00.123Z'],
    ['2024-03-01T10:00:00,25', '2024-03-01T10:00:00.250Z'],
    ['2024-03-01T10:00:00Z', '2024-03-01T10:00:00Z'],
    ['2024-03-01T10:00:00+01:00', '2024-03-01T09:00:00Z'],
    ['2024-03-01T10:00:00-0530', '2024-03-01T15:30:00Z'],
    ['2024-03-01 10:00:00 +01', '2024-03-01T09:00:00Z'],
    ['2024-03-01 10:00:00 UTC', '2024-03-01T10:00:00Z'],
    ['  2024-03-01  ', '2024-03-01T00:00:00Z'],
    ['2024-02-29', '2024-02-29T00:00:00Z'],
    ['2000-02-29', '2000-02-29T00:00:00Z'],
    ['1969-12-31 23:59:59', '1969-12-31T23:59:59Z'],
  ])('reads %j', (value, expected) => {
    expect(p(value)).toBe(utc(expected));
  });

  it.each([
    ['20240301', 'not a date in format YYYY-MM-DD[ HH:MM[:SS]]'],
    ['2024-03-01T', 'not a date in format YYYY-MM-DD[ HH:MM[:SS]]'],
    ['2024-03-01 10', 'not a date in format YYYY-MM-DD[ HH:MM[:SS]]'],
    ['2024-03-01 10:00 XYZ', 'not a date in format YYYY-MM-DD[ HH:MM[:SS]]'],
    ['hello', 'not a date in format YYYY-MM-DD[ HH:MM[:SS]]'],
    ['', 'not a date in format YYYY-MM-DD[ HH:MM[:SS]]'],
    ['2024-13-01', 'month 13 out of range'],
    ['2024-00-10', 'month 0 out of range'],
    ['2024-04-31', 'day 31 does not exist in April 2024'],
    ['2023-02-29', 'day 29 does not exist in February 2023'],
    ['1900-02-29', 'day 29 does not exist in February 1900'],
    ['2024-03-00', 'day 0 does not exist in March 2024'],
    ['2024-03-01 24:00', 'hour 24 out of range'],
    ['2024-03-01 10:60', 'minute 60 out of range'],
    ['2024-03-01 10:00:60', 'second 60 out of range'],
  ])('rejects %j: %s', (value, reason) => {
    expect(p(value)).toBe(reason);
  });
});

describe('createTimestampParser: compact and epoch', () => {
  it('reads YYYYMMDD', () => {
    const p = createTimestampParser('yyyymmdd', 'UTC');
    expect(p('19970101')).toBe(utc('1997-01-01T00:00:00Z'));
    expect(p('20240229')).toBe(utc('2024-02-29T00:00:00Z'));
    expect(p('20230229')).toBe('day 29 does not exist in February 2023');
    expect(p('19971301')).toBe('month 13 out of range');
    expect(p('1997-01-01')).toBe('not a date in format YYYYMMDD');
    expect(p('1997010')).toBe('not a date in format YYYYMMDD');
    expect(p('199701011')).toBe('not a date in format YYYYMMDD');
  });

  it('applies the zone to YYYYMMDD (a local day)', () => {
    expect(parse('yyyymmdd', 'Europe/London', '20240701')).toBe(utc('2024-06-30T23:00:00Z'));
  });

  it('reads epoch seconds and milliseconds, ignoring the zone', () => {
    expect(parse('epoch-s', 'Europe/London', '1709251200')).toBe(1709251200000);
    expect(parse('epoch-s', 'UTC', '1709251200.25')).toBe(1709251200250);
    expect(parse('epoch-ms', '+05:00', '1709251200123')).toBe(1709251200123);
    expect(parse('epoch-s', 'UTC', '17092x')).toBe('not a timestamp in seconds since 1970-01-01');
    expect(parse('epoch-ms', 'UTC', '')).toBe('not a timestamp in milliseconds since 1970-01-01');
    expect(parse('epoch-s', 'UTC', '99999999999999999')).toMatch(/out of range/);
  });
});

describe('createTimestampParser: day/month and month/day', () => {
  const dmy = createTimestampParser('dmy', 'UTC');
  const mdy = createTimestampParser('mdy', 'UTC');
  it('reads the same text by the chosen order', () => {
    expect(dmy('01/03/2024')).toBe(utc('2024-03-01T00:00:00Z'));
    expect(mdy('01/03/2024')).toBe(utc('2024-01-03T00:00:00Z'));
  });
  it('accepts dots and dashes, times, seconds and AM/PM', () => {
    expect(dmy('1.3.2024')).toBe(utc('2024-03-01T00:00:00Z'));
    expect(dmy('01-03-2024 10:00')).toBe(utc('2024-03-01T10:00:00Z'));
    expect(dmy('01/03/2024 10:00:30')).toBe(utc('2024-03-01T10:00:30Z'));
    expect(dmy('01/03/2024, 10:00')).toBe(utc('2024-03-01T10:00:00Z'));
    expect(mdy('12/31/2024 11:59 PM')).toBe(utc('2024-12-31T23:59:00Z'));
    expect(mdy('12/31/2024 12:00 AM')).toBe(utc('2024-12-31T00:00:00Z'));
    expect(mdy('12/31/2024 12:30 pm')).toBe(utc('2024-12-31T12:30:00Z'));
    expect(mdy('12/31/2024 13:00 PM')).toBe('hour 13 out of range with PM');
  });
  it('reads two-digit years as 20yy', () => {
    expect(dmy('01/03/24')).toBe(utc('2024-03-01T00:00:00Z'));
    expect(dmy('01/03/99')).toBe(utc('2099-03-01T00:00:00Z'));
  });
  it('checks the calendar, leap days included', () => {
    expect(dmy('31/04/2024')).toBe('day 31 does not exist in April 2024');
    expect(mdy('04/31/2024')).toBe('day 31 does not exist in April 2024');
    expect(dmy('29/02/2024')).toBe(utc('2024-02-29T00:00:00Z'));
    expect(dmy('29/02/2023')).toBe('day 29 does not exist in February 2023');
    expect(dmy('29/02/2000')).toBe(utc('2000-02-29T00:00:00Z'));
    expect(dmy('29/02/2100')).toBe('day 29 does not exist in February 2100');
    expect(dmy('13/13/2024')).toBe('month 13 out of range');
    expect(mdy('13/01/2024')).toBe('month 13 out of range');
  });
  it('rejects other shapes', () => {
    expect(dmy('01/03-2024')).toBe('not a date in format DD/MM/YYYY[ HH:MM[:SS]]');
    expect(dmy('2024-03-01')).toBe('not a date in format DD/MM/YYYY[ HH:MM[:SS]]');
    expect(dmy('01/03/202')).toBe('not a date in format DD/MM/YYYY[ HH:MM[:SS]]');
    expect(mdy('01/03/2024 10:00 XM')).toBe('not a date in format MM/DD/YYYY[ HH:MM[:SS]]');
  });
});

describe('createTimestampParser: time zones', () => {
  it('applies fixed offsets written several ways', () => {
    expect(parse('iso', '+01:00', '2024-03-01 10:00')).toBe(utc('2024-03-01T09:00:00Z'));
    expect(parse('iso', '-0500', '2024-03-01 10:00')).toBe(utc('2024-03-01T15:00:00Z'));
    expect(parse('iso', '+05:30', '2024-03-01 10:00')).toBe(utc('2024-03-01T04:30:00Z'));
    expect(parse('iso', 'UTC+02', '2024-03-01 10:00')).toBe(utc('2024-03-01T08:00:00Z'));
  });

  it('lets an ISO value with its own offset or Z override the zone', () => {
    expect(parse('iso', 'Europe/London', '2024-07-01T12:00:00Z')).toBe(utc('2024-07-01T12:00:00Z'));
    expect(parse('iso', '-0500', '2024-07-01T12:00:00+02:00')).toBe(utc('2024-07-01T10:00:00Z'));
  });

  it('follows Europe/London summer and winter time', () => {
    const p = createTimestampParser('iso', 'Europe/London');
    expect(p('2024-01-15 12:00')).toBe(utc('2024-01-15T12:00:00Z'));
    expect(p('2024-07-01 12:00')).toBe(utc('2024-07-01T11:00:00Z'));
    expect(p('2010-12-01 08:26:00')).toBe(utc('2010-12-01T08:26:00Z'));
  });

  it('rejects the local times skipped when the clocks go forward (Europe/London, 2024-03-31)', () => {
    const p = createTimestampParser('iso', 'Europe/London');
    expect(p('2024-03-31 00:59:59')).toBe(utc('2024-03-31T00:59:59Z'));
    expect(p('2024-03-31 01:00')).toBe('local time 2024-03-31 01:00 does not exist in Europe/London (the clocks went forward)');
    expect(p('2024-03-31 01:30')).toBe('local time 2024-03-31 01:30 does not exist in Europe/London (the clocks went forward)');
    expect(p('2024-03-31 02:00')).toBe(utc('2024-03-31T01:00:00Z'));
  });

  it('reads a repeated local time (clocks going back) as its first occurrence', () => {
    // 2024-10-27 01:30 happens at 00:30Z (BST, +01:00) and again at 01:30Z (GMT): the first is chosen.
    const p = createTimestampParser('iso', 'Europe/London');
    expect(p('2024-10-27 00:59')).toBe(utc('2024-10-26T23:59:00Z'));
    expect(p('2024-10-27 01:00')).toBe(utc('2024-10-27T00:00:00Z'));
    expect(p('2024-10-27 01:30')).toBe(utc('2024-10-27T00:30:00Z'));
    expect(p('2024-10-27 02:00')).toBe(utc('2024-10-27T02:00:00Z'));
  });

  it('handles US transitions through the same cache (America/New_York, 2024)', () => {
    const p = createTimestampParser('mdy', 'America/New_York');
    expect(p('03/10/2024 01:59')).toBe(utc('2024-03-10T06:59:00Z'));
    expect(p('03/10/2024 02:30')).toBe('local time 2024-03-10 02:30 does not exist in America/New_York (the clocks went forward)');
    expect(p('03/10/2024 03:00')).toBe(utc('2024-03-10T07:00:00Z'));
    expect(p('11/03/2024 01:30')).toBe(utc('2024-11-03T05:30:00Z')); // first occurrence, EDT
    expect(p('11/03/2024 02:00')).toBe(utc('2024-11-03T07:00:00Z'));
  });

  it('resolves value by value inside an hour with a half-hour transition (Australia/Lord_Howe)', () => {
    // 2024-04-07 02:00 LHDT (+11:00) becomes 01:30 LHST (+10:30): 01:30-01:59 happens twice.
    const p = createTimestampParser('iso', 'Australia/Lord_Howe');
    expect(p('2024-04-07 01:15')).toBe(utc('2024-04-06T14:15:00Z'));
    expect(p('2024-04-07 01:45')).toBe(utc('2024-04-06T14:45:00Z'));
    expect(p('2024-04-07 02:15')).toBe(utc('2024-04-06T15:45:00Z'));
    // 2024-10-06 02:00 LHST becomes 02:30 LHDT: 02:00-02:29 does not exist.
    expect(p('2024-10-06 02:15')).toMatch(/does not exist/);
    expect(p('2024-10-06 02:45')).toBe(utc('2024-10-05T15:45:00Z'));
  });

  it('gives the same answers when values come in any order (cache is per local hour)', () => {
    const values = ['2024-10-27 01:30', '2024-03-31 01:30', '2024-07-01 12:00', '2024-10-27 01:30', '2024-07-01 12:59'];
    const a = createTimestampParser('iso', 'Europe/London');
    const first = values.map(a);
    const b = createTimestampParser('iso', 'Europe/London');
    expect([...values].reverse().map(b).reverse()).toEqual(first);
  });

  it('fails once, at creation, for an unknown zone', () => {
    expect(() => createTimestampParser('iso', 'Mars/Olympus_Mons')).toThrow(/unknown time zone "Mars\/Olympus_Mons"/);
    expect(() => createTimestampParser('iso', '+25:00')).toThrow(/out of range/);
  });
});

describe('detectDateFormat', () => {
  it('recognises ISO, YYYYMMDD and epochs', () => {
    expect(detectDateFormat('InvoiceDate', ['2010-12-01 08:26:00', '2010-12-01 08:28:00']).format).toBe('iso');
    expect(detectDateFormat('d', ['19970101', '19970112', '']).format).toBe('yyyymmdd');
    expect(detectDateFormat('s', ['1709251200', '946684800']).format).toBe('epoch-s');
    expect(detectDateFormat('ms', ['1709251200123', '946684800000']).format).toBe('epoch-ms');
  });

  it('does not take ids or out-of-range numbers for dates', () => {
    expect(detectDateFormat('id', ['00001', '00002']).format).toBeNull();
    expect(detectDateFormat('id', ['12345678', '87654321']).format).toBeNull(); // 8 digits, not a calendar date
    expect(detectDateFormat('id', ['18000101', '18000102']).format).toBeNull(); // year before 1900
    expect(detectDateFormat('n', ['123456789']).format).toBeNull(); // 9 digits but 1973
    expect(detectDateFormat('n', ['9999999999']).format).toBeNull(); // after 2100
    expect(detectDateFormat('us', ['1609459200000000']).format).toBeNull(); // microseconds (GA4)
  });

  it('picks day-first when a first part exceeds 12, month-first when a second part does', () => {
    const d = detectDateFormat('Date', ['01/02/2024', '13/02/2024', '05/06/2024']);
    expect(d).toEqual({ column: 'Date', format: 'dmy', candidates: ['dmy'], ambiguous: false, examples: ['01/02/2024', '13/02/2024', '05/06/2024'] });
    expect(detectDateFormat('Date', ['01/02/2024 10:00', '02/13/2024 11:00 PM']).format).toBe('mdy');
  });

  it('says ambiguous, without guessing, when every value reads both ways', () => {
    expect(detectDateFormat('Date', ['01/02/2024', '03/04/2024', ' ', '12/12/2024'])).toEqual({
      column: 'Date',
      format: null,
      candidates: ['dmy', 'mdy'],
      ambiguous: true,
      examples: ['01/02/2024', '03/04/2024', '12/12/2024'],
    });
  });

  it('tolerates one stray value in twenty but not more', () => {
    const good = Array.from({ length: 19 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')}`);
    expect(detectDateFormat('d', [...good, 'n/a']).format).toBe('iso');
    expect(detectDateFormat('d', [...good.slice(0, 18), 'n/a', 'x']).format).toBeNull();
  });

  it('gives nothing for blanks, text and numbers', () => {
    expect(detectDateFormat('x', ['', '  '])).toEqual({ column: 'x', format: null, candidates: [], ambiguous: false, examples: [] });
    expect(detectDateFormat('x', ['hello']).format).toBeNull();
    expect(detectDateFormat('x', ['1', '2', '11.77']).format).toBeNull();
  });
});

describe('helpers', () => {
  it('isDateLike counts ambiguous samples as dates', () => {
    expect(isDateLike(['01/02/2024'])).toBe(true);
    expect(isDateLike(['2024-03-01'])).toBe(true);
    expect(isDateLike(['abc'])).toBe(false);
    expect(isDateLike([])).toBe(false);
  });
  it('isDateValue is for written dates, not bare numbers', () => {
    expect(isDateValue('2024-03-01')).toBe(true);
    expect(isDateValue('31/12/2024')).toBe(true);
    expect(isDateValue('19970101')).toBe(false);
    expect(isDateValue('Date')).toBe(false);
  });
  it('usesTwoDigitYears', () => {
    expect(usesTwoDigitYears(['01/03/2024', '01/03/24'])).toBe(true);
    expect(usesTwoDigitYears(['01/03/2024'])).toBe(false);
  });
});
