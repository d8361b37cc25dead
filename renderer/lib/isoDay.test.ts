import { describe, expect, it } from 'vitest';
import { addDays, dayToMs, daysBetween, defaultAsOfDay, isIsoDay, msToDay } from './isoDay.ts';

describe('isoDay', () => {
  it('accepts real days only', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2024-2-1')).toBe(false);
    expect(isIsoDay('')).toBe(false);
    expect(isIsoDay(null)).toBe(false);
  });

  it('converts between days and UTC midnights', () => {
    expect(dayToMs('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(msToDay(Date.UTC(2024, 2, 1, 23, 59))).toBe('2024-03-01');
    expect(dayToMs('nope')).toBeNaN();
  });

  it('adds and counts days across month and year ends', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -60)).toBe('2025-11-02');
    expect(addDays('bad', 3)).toBe('bad');
    expect(daysBetween('2025-11-02', '2026-01-01')).toBe(60);
  });

  it('puts the default as-of date on the day after the newest event', () => {
    expect(defaultAsOfDay(Date.UTC(2025, 11, 31, 18, 30))).toBe('2026-01-01');
    expect(defaultAsOfDay(Date.UTC(2025, 11, 31, 0, 0))).toBe('2026-01-01');
    expect(defaultAsOfDay(null)).toBeNull();
  });
});
