import { describe, expect, it } from 'vitest';
import { frequencyText, monetaryText, recencyText } from './cutoffText.ts';

const lines = (items: Array<{ score: number; text: string }>, p: string) => items.map((i) => `${p} ${i.score}: ${i.text}`);

describe('cut-offs in plain words', () => {
  it('recency counts down from R 5', () => {
    expect(lines(recencyText([12, 30, 90, 180]), 'R')).toEqual([
      'R 5: bought within 12 days',
      'R 4: bought 13–30 days ago',
      'R 3: bought 31–90 days ago',
      'R 2: bought 91–180 days ago',
      'R 1: bought more than 180 days ago',
    ]);
    expect(recencyText([1, 2, 3, 4])[0]!.text).toBe('bought within 1 day');
    expect(recencyText([0, 2, 3, 4])[0]!.text).toBe('bought on the as-of day');
    expect(lines(recencyText([21.48, 47.1, 100.08, 188.53]), 'R')).toEqual([
      'R 5: bought within 21.5 days',
      'R 4: bought 21.5–47.1 days ago',
      'R 3: bought 47.1–100.1 days ago',
      'R 2: bought 100.1–188.5 days ago',
      'R 1: bought more than 188.5 days ago',
    ]);
  });

  it('frequency says when a score cannot happen (equal cut-offs)', () => {
    const f = frequencyText([1, 1, 2, 4]);
    expect(lines(f, 'F')).toEqual(['F 1: at most 1 order', 'F 2: none (same cut-off as F 1)', 'F 3: 2 orders', 'F 4: 3–4 orders', 'F 5: more than 4 orders']);
    expect(f.map((x) => x.empty)).toEqual([false, true, false, false, false]);
  });

  it('money in two decimals', () => {
    expect(lines(monetaryText([50, 150, 400, 1000]), 'M')).toEqual([
      'M 1: spent at most 50.00',
      'M 2: spent 50.00–150.00',
      'M 3: spent 150.00–400.00',
      'M 4: spent 400.00–1,000.00',
      'M 5: spent more than 1,000.00',
    ]);
  });
});
