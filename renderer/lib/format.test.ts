import { describe, expect, it } from 'vitest';
import {
  formatByteProgress,
  formatBytes,
  formatCompact,
  formatDate,
  formatDateRange,
  formatDayHeading,
  formatDuration,
  formatEta,
  formatInt,
  formatMoney,
  formatProgressCount,
  formatTime,
  humanize,
  percent,
  plural,
} from './format.ts';

describe('format', () => {
  it('formats epoch ms as a UTC date and time', () => {
    const ts = Date.UTC(2024, 2, 5, 7, 4);
    expect(formatDate(ts)).toBe('2024-03-05');
    expect(formatTime(ts)).toBe('07:04');
    expect(formatDayHeading(ts)).toBe('Tue 2024-03-05');
  });

  it('shows a dash for missing values', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatMoney(null)).toBe('—');
    expect(formatInt(undefined)).toBe('—');
    expect(formatDate(Number.NaN)).toBe('—');
  });

  it('formats money with two decimals and grouping', () => {
    expect(formatMoney(1234.5)).toBe('1,234.50');
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoney(-12.345)).toBe('-12.35');
  });

  it('formats counts', () => {
    expect(formatInt(1_000_000)).toBe('1,000,000');
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(12_345)).toBe('12.3k');
    expect(formatCompact(1_234_567)).toBe('1.2M');
    expect(plural(1, 'customer')).toBe('1 customer');
    expect(plural(20000, 'customer')).toBe('20,000 customers');
  });

  it('formats date ranges', () => {
    const a = Date.UTC(2023, 0, 2);
    const b = Date.UTC(2024, 5, 30, 23);
    expect(formatDateRange(a, b)).toBe('2023-01-02 – 2024-06-30');
    expect(formatDateRange(a, a + 1000)).toBe('2023-01-02');
    expect(formatDateRange(null, b)).toBe('—');
  });

  it('estimates remaining time in words', () => {
    expect(formatEta(null)).toBe('');
    expect(formatEta(400)).toBe('about 1 s');
    expect(formatEta(42_000)).toBe('about 42 s');
    expect(formatEta(130_000)).toBe('about 2 min 10 s');
    expect(formatEta(3_900_000)).toBe('about 1 h 05 min');
  });

  it('computes clamped percentages', () => {
    expect(percent(5, 10)).toBe(50);
    expect(percent(15, 10)).toBe(100);
    expect(percent(1, null)).toBeNull();
    expect(percent(1, 0)).toBeNull();
  });

  it('humanizes identifiers', () => {
    expect(humanize('add_to_cart')).toBe('Add to cart');
    expect(humanize('purchase')).toBe('Purchase');
  });

  it('formats sizes and byte progress', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(48_581_636)).toBe('46.3 MB');
    expect(formatByteProgress(12_582_912, 48_581_636)).toBe('12 MB of 46.3 MB');
    expect(formatByteProgress(2048, null)).toBe('2 KB');
  });

  it('words a progress report by its unit', () => {
    expect(formatProgressCount({ done: 1_048_576, total: 10_485_760, unit: 'bytes' })).toBe('1 MB of 10 MB');
    expect(formatProgressCount({ done: 1500, total: 20_000, unit: 'customers' })).toBe('1,500 / 20,000 customers');
    expect(formatProgressCount({ done: 3, total: null, unit: 'steps' })).toBe('3 steps');
  });

  it('formats durations', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(4_240)).toBe('4.2 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
  });
});
