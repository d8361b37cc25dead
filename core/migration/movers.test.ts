// Movers on two hand-built frames: who changed segment, filters, and the signals that changed most.
import { describe, expect, it } from 'vitest';
import type { SignalFrame } from '../signals/frame.ts';
import type { SignalInfo } from '../signals/types.ts';
import { moverRows, moversPage, signalSpreads, topChanges, type LabelledFrame } from './movers.ts';

const info = (id: string) => ({ id, label: id.toUpperCase(), unit: 'count' }) as SignalInfo;
const frame = (ids: string[], columns: Record<string, number[]>): SignalFrame => ({
  asOf: 0,
  customerIds: ids,
  signals: Object.keys(columns).map(info),
  values: Object.values(columns).map((c) => Float64Array.from(c)),
  computedMs: 0,
});
const segs = ['active', 'at-risk', 'lost'].map((key) => ({ key, name: key, colour: null, customers: 0 }));

// Sessions: sd over a..d at the earlier date = sd(10, 8, 2, 4) = 3.651...; orders: sd(1, 1, 3, 3) = 1.1547
const BEFORE: LabelledFrame = { frame: frame(['a', 'b', 'c', 'd'], { sessions: [10, 8, 2, 4], orders: [1, 1, 3, 3] }), labels: Int32Array.of(0, 0, 1, 0), segments: segs };
// e is new; a stays active; b active -> at-risk; c at-risk -> lost; d active -> lost.
const AFTER: LabelledFrame = { frame: frame(['a', 'b', 'c', 'd', 'e'], { sessions: [11, 1, 2, 4, 5], orders: [1, 1, 3, 6, 1] }), labels: Int32Array.of(0, 1, 2, 2, 0), segments: segs };

describe('movers', () => {
  it('lists customers in both frames whose segment changed, with optional from / to filters', () => {
    const all = moverRows(BEFORE, AFTER, {});
    expect([...all.after].map((r) => AFTER.frame.customerIds[r])).toEqual(['b', 'c', 'd']);
    expect([...moverRows(BEFORE, AFTER, { toKey: 'lost' }).after].map((r) => AFTER.frame.customerIds[r])).toEqual(['c', 'd']);
    expect([...moverRows(BEFORE, AFTER, { fromKey: 'active', toKey: 'lost' }).after].map((r) => AFTER.frame.customerIds[r])).toEqual(['d']);
  });

  it('ranks the changed signals by standard deviations at the earlier date', () => {
    const spreads = signalSpreads(BEFORE.frame);
    expect(spreads[0]).toBeCloseTo(Math.sqrt(40 / 3), 12);
    expect(spreads[1]).toBeCloseTo(Math.sqrt(4 / 3), 12);
    // d: sessions unchanged, orders 3 -> 6 = +2.598 sd.
    const d = topChanges(BEFORE.frame, AFTER.frame, 3, 3, spreads);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ signalId: 'orders', before: 3, after: 6 });
    expect(d[0]!.change).toBeCloseTo(3 / Math.sqrt(4 / 3), 12);
    // b: sessions 8 -> 1 = -1.917 sd, orders unchanged.
    const page = moversPage(BEFORE, AFTER, moverRows(BEFORE, AFTER, {}), spreads, 0, 10);
    expect(page.map((m) => [m.customerId, m.from, m.to])).toEqual([
      ['b', 'active', 'at-risk'],
      ['c', 'at-risk', 'lost'],
      ['d', 'active', 'lost'],
    ]);
    expect(page[0]!.changes[0]!.change).toBeCloseTo(-7 / Math.sqrt(40 / 3), 12);
    expect(page[1]!.changes).toEqual([]);
  });
});
