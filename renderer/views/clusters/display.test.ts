import { describe, expect, it } from 'vitest';
import type { ClusterInfo } from '../../../core/api/contract.ts';
import { CLV_PENDING, clvCell, conversionCell, convergenceText, describeAri, formatShare, formatSignalValue, formatZ, modelLabel, revenueCell } from './display.ts';

const info = (patch: Partial<ClusterInfo> = {}): ClusterInfo => ({
  key: 0,
  name: 'Bargain hunters',
  generatedName: 'Bargain hunters',
  renamed: false,
  colour: '#123456',
  size: 200,
  share: 0.2,
  profile: [],
  means: [],
  distinguishing: [],
  outcome: { converted: 30, conversionRate: 0.15, revenuePerCustomer: 12.5 },
  clvPerCustomer: null,
  continues: null,
  ...patch,
});

const model = { asOf: '2024-06-01', outcome: { days: 30, complete: true, baseRate: 0.1, revenuePerCustomer: 8 }, settings: { outcomeDays: 30 } } as const;

describe('cluster display', () => {
  it('formats shares and z-scores with a real minus sign', () => {
    expect(formatShare(0.2345)).toBe('23.4%');
    expect(formatShare(null)).toBe('—');
    expect(formatZ(1.84)).toBe('+1.8σ');
    expect(formatZ(-0.44)).toBe('\u22120.4σ');
    expect(formatZ(0.01)).toBe('0.0σ');
    expect(formatZ(NaN)).toBe('—');
  });

  it('formats signal values in their unit', () => {
    expect(formatSignalValue(12.34, 'days')).toBe('12.3 d');
    expect(formatSignalValue(3, 'count')).toBe('3');
    expect(formatSignalValue(1234.5, 'money')).toBe('1,234.50');
    expect(formatSignalValue(0.256, 'share')).toBe('25.6%');
    expect(formatSignalValue(0.1234, 'ratio')).toBe('0.12');
    expect(formatSignalValue(null, 'days')).toBe('—');
  });

  it('shows conversion against the base rate', () => {
    const c = conversionCell(info(), model);
    expect(c).toMatchObject({ text: '15.0%', missing: false });
    expect(c.title).toContain('30 of 200 members purchased within 30 days after 2024-06-01 (all customers: 10.0%)');
    expect(revenueCell(info(), model).text).toBe('12.50');
  });

  it('shows a dash with the reason when the outcome window is not in the data', () => {
    const c = conversionCell(info({ outcome: null }), { ...model, outcome: null });
    expect(c.text).toBe('—');
    expect(c.missing).toBe(true);
    expect(c.title).toContain('not in the data');
    expect(revenueCell(info({ outcome: null }), { ...model, outcome: null }).text).toBe('—');
  });

  it('never shows CLV as 0 before it is predicted', () => {
    expect(clvCell(info())).toEqual({ text: '—', title: CLV_PENDING, missing: true });
    expect(clvCell(info({ clvPerCustomer: 0 })).text).toBe('0.00');
  });

  it('describes the adjusted Rand index and a model in words', () => {
    expect(describeAri(0.85)).toMatch(/very close/);
    expect(describeAri(0.05)).toMatch(/hardly/);
    expect(modelLabel({ modelId: 3, asOf: '2024-06-01', k: 6, signals: 12 })).toBe('#3 · as of 2024-06-01 · k = 6 · 12 signals');
    expect(convergenceText({ converged: true, iterations: 1 })).toBe('converged after 1 iteration');
    expect(convergenceText({ converged: false, iterations: 100 })).toMatch(/without converging/);
  });
});
