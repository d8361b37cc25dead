import { describe, expect, it } from 'vitest';
import type { PriorityAnalysis, SavedSegment } from '../../../../core/api/contract.ts';
import {
  analysisMatches,
  defaultExportPath,
  dropTarget,
  inOrder,
  keyboardDelta,
  maxTake,
  moveBy,
  moveItem,
  orderOf,
  sameOrder,
  takenBy,
  takesFrom,
  totals,
} from './priorityOrder.ts';

function seg(segmentId: number, priority: number, name = `S${segmentId}`): SavedSegment {
  return { segmentId, name, description: '', rule: { kind: 'group', combine: 'and', not: false, children: [] }, version: 1, priority, createdAt: 0, updatedAt: 0 };
}

const analysis: PriorityAnalysis = {
  asOf: '2025-12-31',
  customers: 100,
  rows: [
    { segmentId: 3, name: 'A', members: 40, primary: 40, claimedAbove: 0 },
    { segmentId: 1, name: 'B', members: 50, primary: 30, claimedAbove: 20 },
    { segmentId: 2, name: 'C', members: 30, primary: 10, claimedAbove: 20 },
  ],
  takes: [
    [0, 20, 15],
    [0, 0, 5],
    [0, 0, 0],
  ],
  unassigned: 20,
};

describe('the order', () => {
  it('is the saved priority, ties by id', () => {
    expect(orderOf([seg(1, 2), seg(2, 0), seg(3, 1), seg(4, 1)])).toEqual([2, 3, 4, 1]);
  });

  it('shows segments in the given order, unknown ones last', () => {
    expect(inOrder([seg(1, 0), seg(2, 1), seg(3, 2)], [3, 1]).map((s) => s.segmentId)).toEqual([3, 1, 2]);
    expect(inOrder([seg(1, 0)], [5, 1]).map((s) => s.segmentId)).toEqual([1]);
  });

  it('moves by buttons and keys, clamped at the ends', () => {
    const order = [1, 2, 3, 4];
    expect(moveBy(order, 3, -1)).toEqual([1, 3, 2, 4]);
    expect(moveBy(order, 1, -1)).toBe(order);
    expect(moveBy(order, 4, 5)).toBe(order);
    expect(moveBy(order, 9, 1)).toBe(order);
    expect(moveItem(order, 0, 3)).toEqual([2, 3, 4, 1]);
    expect(sameOrder(order, [1, 2, 3, 4])).toBe(true);
    expect(sameOrder(order, [1, 2, 4, 3])).toBe(false);
  });

  it('turns a drop on the upper or lower half of a row into a position', () => {
    // Dragging the first of four onto the lower half of the third: it becomes third.
    expect(moveItem([1, 2, 3, 4], 0, dropTarget(0, 2, 'after'))).toEqual([2, 3, 1, 4]);
    expect(moveItem([1, 2, 3, 4], 0, dropTarget(0, 2, 'before'))).toEqual([2, 1, 3, 4]);
    // Dragging the last onto the upper half of the first: it becomes first.
    expect(moveItem([1, 2, 3, 4], 3, dropTarget(3, 0, 'before'))).toEqual([4, 1, 2, 3]);
    // On itself, or just around itself: nothing moves.
    expect(dropTarget(2, 2, 'before')).toBe(2);
    expect(dropTarget(2, 2, 'after')).toBe(2);
    expect(dropTarget(2, 1, 'after')).toBe(2);
  });

  it('keyboard: Alt+arrows one place, Alt+Home/End to the ends, nothing without Alt', () => {
    const k = (key: string, altKey = true) => ({ key, altKey, ctrlKey: false, metaKey: false });
    expect(keyboardDelta(k('ArrowUp'), 2, 4)).toBe(-1);
    expect(keyboardDelta(k('ArrowDown'), 2, 4)).toBe(1);
    expect(keyboardDelta(k('ArrowUp'), 0, 4)).toBe(0);
    expect(keyboardDelta(k('ArrowDown'), 3, 4)).toBe(0);
    expect(keyboardDelta(k('Home'), 2, 4)).toBe(-2);
    expect(keyboardDelta(k('End'), 1, 4)).toBe(2);
    expect(keyboardDelta(k('ArrowUp', false), 2, 4)).toBeNull();
    expect(keyboardDelta({ key: 'ArrowUp', altKey: true, ctrlKey: true, metaKey: false }, 2, 4)).toBeNull();
  });
});

describe('reading the analysis', () => {
  it('says who takes from whom, largest first', () => {
    expect(takesFrom(analysis, 0)).toEqual([
      { segmentId: 1, name: 'B', customers: 20 },
      { segmentId: 2, name: 'C', customers: 15 },
    ]);
    expect(takesFrom(analysis, 2)).toEqual([]);
    expect(takenBy(analysis, 2).map((t) => [t.name, t.customers])).toEqual([
      ['A', 15],
      ['B', 5],
    ]);
    expect(maxTake(analysis)).toBe(20);
  });

  it('checks that primary plus unassigned is every customer', () => {
    expect(totals(analysis)).toEqual({ primary: 80, unassigned: 20, customers: 100, consistent: true });
    expect(totals({ ...analysis, unassigned: 19 }).consistent).toBe(false);
  });

  it('knows whether it is for the order shown', () => {
    expect(analysisMatches(analysis, [3, 1, 2])).toBe(true);
    expect(analysisMatches(analysis, [1, 3, 2])).toBe(false);
  });
});

describe('export', () => {
  it('proposes a CSV next to the workspace', () => {
    expect(defaultExportPath('/home/ana/work/shop.segwb', 'shop')).toBe('/home/ana/work/shop-primary-segments.csv');
    expect(defaultExportPath('C:\\data\\Shop 2024.segwb', 'Shop 2024')).toBe('C:\\data\\Shop-2024-primary-segments.csv');
    expect(defaultExportPath('/w.segwb', '')).toBe('/workspace-primary-segments.csv');
  });
});
