import { describe, expect, it } from 'vitest';
import type { SignalInfo } from '../../../../core/api/contract.ts';
import { refKey } from '../../../lib/segmentationOptions.ts';
import { countText, measureOptions, paramNote, paramText, findSignalOption, parseRefKey, shareText, signalOptionGroups, splitList, unitHint } from './ruleDisplay.ts';

const info = (id: string, group: SignalInfo['group'], unit: SignalInfo['unit']): SignalInfo => ({
  id,
  label: id,
  description: '',
  group,
  unit,
  direction: 1,
  missing: 'worst',
  windowDays: null,
  builtIn: true,
  defaultWeight: 0,
});

describe('rule display', () => {
  it('groups signals as the catalogue does, the intent score first', () => {
    const groups = signalOptionGroups([info('pricing_days_30d', 'intent', 'days'), info('orders', 'value', 'count'), info('mine', 'custom', 'count')]);
    expect(groups.map((g) => g.label)).toEqual(['Score', 'Value (RFM)', 'Intent', 'Your signals']);
    expect(groups[0]!.options[0]!.id).toBe('intent_score');
    expect(findSignalOption([], 'intent_score')?.label).toBe('Intent score');
    expect(findSignalOption([info('orders', 'value', 'count')], 'nope')).toBeNull();
    expect(unitHint('score')).toBe('0–100');
    expect(unitHint('days')).toBe('days');
  });

  it('reads counts with their share', () => {
    expect(countText(1234, 4000)).toBe('1,234 · 31%');
    expect(shareText(5, 1000)).toBe('0.5%');
    expect(shareText(0, 1000)).toBe('0%');
    expect(shareText(1, 0)).toBe('—');
    expect(shareText(4000, 4000)).toBe('100%');
    expect(shareText(3988, 4000)).toBe('99.7%');
    expect(shareText(99_999, 100_000)).toBe('>99.9%');
    expect(shareText(1, 100_000)).toBe('<0.1%');
  });

  it('keys segmentation references both ways', () => {
    for (const ref of [{ kind: 'clusters' as const }, { kind: 'clusters' as const, modelId: 4 }, { kind: 'phases' as const }, { kind: 'segment' as const, segmentId: 7 }, { kind: 'propensity' as const }]) {
      expect(parseRefKey(refKey(ref))).toEqual(ref);
    }
    expect(parseRefKey('segment')).toBeNull();
    expect(parseRefKey('bogus')).toBeNull();
  });

  it('splits comma lists', () => {
    expect(splitList(' DE, FR ,, IT ')).toEqual(['DE', 'FR', 'IT']);
    expect(splitList('')).toEqual([]);
  });
});

describe('SQL parameters', () => {
  it('are written as SQL literals', () => {
    expect(paramText(null)).toBe('NULL');
    expect(paramText(3)).toBe('3');
    expect(paramText("O'Brien")).toBe("'O''Brien'");
  });
  it('say which day an epoch-ms date bound is', () => {
    expect(paramNote(Date.UTC(2026, 0, 1))).toBe('2026-01-01 00:00 UTC');
    expect(paramNote(30)).toBeNull();
    expect(paramNote(Date.UTC(2026, 0, 1) + 1)).toBeNull();
    expect(paramNote('2026-01-01')).toBeNull();
  });
});

describe('measure words', () => {
  it('agree with the number', () => {
    expect(measureOptions(1).map((o) => o.label)).toEqual(['time', 'in amount', 'distinct day']);
    expect(measureOptions(3).map((o) => o.label)).toEqual(['times', 'in amount', 'distinct days']);
    expect(measureOptions(undefined).map((o) => o.value)).toEqual(['count', 'amount', 'days']);
  });
});
