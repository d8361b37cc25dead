import { describe, expect, it } from 'vitest';
import { ambiguityText, dateExample, isValidTimezone, readDate } from './importDates.ts';

describe('reading dates for the live example', () => {
  it('reads each format', () => {
    expect(dateExample('2024-02-01 10:30:00', 'iso')).toBe('1 February 2024 10:30');
    expect(dateExample('2024-02-01T08:00:00Z', 'iso')).toBe('1 February 2024 08:00');
    expect(dateExample('01/02/2024', 'dmy')).toBe('1 February 2024');
    expect(dateExample('01/02/2024', 'mdy')).toBe('2 January 2024');
    expect(dateExample('1.2.24 7:05', 'dmy')).toBe('1 February 2024 07:05');
    expect(dateExample('12/31/2023 11:15 PM', 'mdy')).toBe('31 December 2023 23:15');
    expect(dateExample('12/31/2023 12:15 AM', 'mdy')).toBe('31 December 2023 00:15');
    expect(dateExample('19970101', 'yyyymmdd')).toBe('1 January 1997');
    expect(dateExample('1706783400', 'epoch-s')).toBe('1 February 2024 10:30');
    expect(dateExample('1706783400000', 'epoch-ms')).toBe('1 February 2024 10:30');
  });

  it('says when a value does not fit the format', () => {
    expect(dateExample('13/13/2024', 'dmy')).toBe('not a date in this format');
    expect(dateExample('31/02/2024', 'dmy')).toBe('not a date in this format');
    expect(dateExample('2024-02-01', 'yyyymmdd')).toBe('not a date in this format');
    expect(readDate('', 'iso')).toBeNull();
    expect(readDate('abc', 'epoch-s')).toBeNull();
  });

  it('explains an ambiguous date with the first example that reads two ways', () => {
    expect(ambiguityText(['01/02/2024'])).toBe('01/02/2024 could be 1 February or January 2');
    expect(ambiguityText(['05/05/2024', '03/04/2024'])).toBe('03/04/2024 could be 3 April or March 4');
    expect(ambiguityText(['05/05/2024'])).toBe('05/05/2024 reads both day-first and month-first');
    expect(ambiguityText([])).toMatch(/day-first and month-first/);
  });

  it('accepts the time zones core accepts', () => {
    for (const tz of ['UTC', 'utc', 'Z', 'GMT', '+01:00', '-0500', 'UTC+2', 'Europe/Berlin', 'America/New_York']) expect(isValidTimezone(tz), tz).toBe(true);
    for (const tz of ['', '  ', 'Mars/Olympus', '+25:00', 'Berlin']) expect(isValidTimezone(tz), tz).toBe(false);
  });
});
