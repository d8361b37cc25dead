import { describe, expect, it } from 'vitest';
import { addMonths, COUNT_CAP, countText, defaultSeries, endHint, fitStart, MAX_DATES, nextMonthStart, seriesDays, seriesProblem } from './dateSeries.ts';

const at = (iso: string) => Date.parse(iso);

describe('date series', () => {
  it('steps by months, keeping the day of the month (or the month’s last day)', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-03-01', -14)).toBe('2024-01-01');
    expect(nextMonthStart('2025-03-01')).toBe('2025-03-01');
    expect(nextMonthStart('2025-03-02')).toBe('2025-04-01');
  });

  it('makes monthly, weekly and quarterly series that end at the chosen end', () => {
    expect(seriesDays('2025-09-01', '2026-01-01', 'monthly')).toEqual(['2025-09-01', '2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01']);
    // An end off the step is still the last date.
    expect(seriesDays('2025-10-01', '2025-12-16', 'monthly')).toEqual(['2025-10-01', '2025-11-01', '2025-12-01', '2025-12-16']);
    expect(seriesDays('2025-11-03', '2025-12-01', 'weekly')).toEqual(['2025-11-03', '2025-11-10', '2025-11-17', '2025-11-24', '2025-12-01']);
    expect(seriesDays('2025-01-01', '2026-01-01', 'quarterly')).toEqual(['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01']);
    expect(seriesDays('2025-12-01', '2025-12-01', 'monthly')).toEqual([]);
    expect(seriesDays('2025-12-01', 'nope', 'monthly')).toEqual([]);
  });

  it('stops counting at the cap', () => {
    const days = seriesDays('1990-01-01', '2026-01-01', 'weekly');
    expect(days).toHaveLength(COUNT_CAP);
    expect(countText(days.length)).toBe('1,000+ dates');
    expect(countText(12)).toBe('12 dates');
  });

  it('defaults to the first of every month over the last twelve months, ending the day after the newest event', () => {
    // Data from 2024-07-01 to 2025-12-31: twelve month starts to 2026-01-01.
    const d = defaultSeries(at('2024-07-01T06:00:00Z'), at('2025-12-31T20:00:00Z'))!;
    expect(d).toEqual({ start: '2025-02-01', end: '2026-01-01', step: 'monthly' });
    expect(seriesDays(d.start, d.end, d.step)).toHaveLength(12);
    // The newest event mid-month: the month starts of the last year, then that day.
    const mid = defaultSeries(at('2024-01-01T00:00:00Z'), at('2025-12-15T10:00:00Z'))!;
    expect(mid.start).toBe('2025-01-01');
    expect(seriesDays(mid.start, mid.end, mid.step).at(-1)).toBe('2025-12-16');
    // Four months of data: starts at the first month with customers.
    expect(defaultSeries(at('2025-09-10T00:00:00Z'), at('2025-12-31T00:00:00Z'))).toEqual({ start: '2025-10-01', end: '2026-01-01', step: 'monthly' });
    // A few days of data: from the first useful day.
    expect(defaultSeries(at('2025-12-20T00:00:00Z'), at('2025-12-28T00:00:00Z'))).toEqual({ start: '2025-12-21', end: '2025-12-29', step: 'monthly' });
    expect(defaultSeries(null, null)).toBeNull();
  });

  it('says what is wrong with a range', () => {
    const first = at('2024-07-01T06:00:00Z');
    expect(seriesProblem({ start: '2025-02-01', end: '2026-01-01', step: 'monthly' }, first)).toBeNull();
    expect(seriesProblem({ start: '2025-02-30', end: '2026-01-01', step: 'monthly' }, first)).toContain('first date must be a date');
    expect(seriesProblem({ start: '2026-01-01', end: '2025-02-01', step: 'monthly' }, first)).toContain('must be before the last');
    expect(seriesProblem({ start: '2024-06-01', end: '2025-02-01', step: 'monthly' }, first)).toContain('nobody is known yet');
    const weekly = seriesProblem({ start: '2025-02-01', end: '2026-01-01', step: 'weekly' }, first);
    expect(weekly).toContain('49 dates is too many');
    expect(weekly).toContain(`at most ${MAX_DATES}`);
  });

  it('fits a start so the series has at most 36 dates', () => {
    const start = fitStart('2026-01-01', 'weekly')!;
    expect(seriesDays(start, '2026-01-01', 'weekly')).toHaveLength(36);
    const monthly = fitStart('2025-12-31', 'monthly')!;
    expect(seriesDays(monthly, '2025-12-31', 'monthly').length).toBeLessThanOrEqual(36);
    expect(fitStart('x', 'monthly')).toBeNull();
  });

  it('warns about dates past the newest data', () => {
    expect(endHint('2026-03-01', at('2025-12-31T20:00:00Z'))).toContain('No data after 2025-12-31');
    expect(endHint('2026-01-01', at('2025-12-31T20:00:00Z'))).toBeNull();
  });
});
