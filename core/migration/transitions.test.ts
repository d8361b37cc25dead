// Transitions on hand-built snapshots: three dates, customers joining, segments appearing late.
import { describe, expect, it } from 'vitest';
import { alignSeries, NOT_YET, sizesOverTime, transition, type DatedLabels } from './transitions.ts';

const seg = (key: string) => ({ key, name: key.toUpperCase(), colour: null, customers: 0 });

const SERIES: DatedLabels[] = [
  { day: '2025-01-01', ids: ['a', 'b', 'c'], labels: Int32Array.of(0, 0, 1), segments: [seg('active'), seg('at-risk')] },
  { day: '2025-02-01', ids: ['a', 'b', 'c', 'd'], labels: Int32Array.of(1, 0, 1, 0), segments: [seg('active'), seg('at-risk')] },
  // A segment that did not exist before ("lost") comes first in this date's list: keys, not positions, match.
  { day: '2025-03-01', ids: ['a', 'b', 'c', 'd', 'e'], labels: Int32Array.of(0, 1, 0, 2, 2), segments: [seg('lost'), seg('active'), seg('at-risk')] },
];

describe('segment migration', () => {
  const aligned = alignSeries(SERIES);

  it('lays every date over the latest customers, matching segments by key (in the latest date\'s order)', () => {
    expect(aligned.segments.map((s) => s.key)).toEqual(['lost', 'active', 'at-risk']);
    expect(aligned.days).toEqual(['2025-01-01', '2025-02-01', '2025-03-01']);
    expect(aligned.ids).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([...aligned.labels[0]!]).toEqual([1, 1, 2, NOT_YET, NOT_YET]);
    expect([...aligned.labels[1]!]).toEqual([2, 1, 2, 1, NOT_YET]);
    expect([...aligned.labels[2]!]).toEqual([0, 1, 0, 2, 2]);
    expect(sizesOverTime(aligned)).toEqual([
      [0, 2, 1],
      [0, 2, 2],
      [2, 1, 2],
    ]);
  });

  it('counts transitions between consecutive and distant dates, with newcomers in their own row', () => {
    const jan = transition(aligned, 0, 1);
    // a: active -> at-risk; b: active -> active; c: at-risk -> at-risk; d new -> active.
    expect(jan.counts).toEqual([
      [0, 0, 0],
      [0, 1, 1],
      [0, 0, 1],
      [0, 1, 0],
    ]);
    expect([jan.stayed, jan.moved, jan.entered]).toEqual([2, 1, 1]);
    const whole = transition(aligned, 0, 2);
    // a: active -> lost; b: active -> active; c: at-risk -> lost; d, e new -> at-risk.
    expect(whole.counts).toEqual([
      [0, 0, 0],
      [1, 1, 0],
      [1, 0, 0],
      [0, 0, 2],
    ]);
    expect([whole.stayed, whole.moved, whole.entered]).toEqual([1, 2, 2]);
  });

  it('refuses dates out of order (a customer would disappear)', () => {
    expect(() => alignSeries([SERIES[2]!, SERIES[0]!])).toThrow(/dates must ascend/);
  });
});
