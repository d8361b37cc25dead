import { describe, expect, it } from 'vitest';
import { blockOf, LruBlockCache, planBlockFetches } from './blockCache.ts';

describe('LruBlockCache', () => {
  it('evicts the least recently used block', () => {
    const c = new LruBlockCache<number>(2);
    c.set(0, [0]);
    c.set(1, [1]);
    c.get(0); // 0 is now the most recent
    c.set(2, [2]);
    expect(c.has(0)).toBe(true);
    expect(c.has(1)).toBe(false);
    expect(c.has(2)).toBe(true);
    expect(c.size).toBe(2);
  });

  it('peek does not change recency', () => {
    const c = new LruBlockCache<number>(2);
    c.set(0, [0]);
    c.set(1, [1]);
    c.peek(0);
    c.set(2, [2]);
    expect(c.has(0)).toBe(false);
  });

  it('clears', () => {
    const c = new LruBlockCache<number>(2);
    c.set(0, [0]);
    c.clear();
    expect(c.size).toBe(0);
  });
});

describe('planBlockFetches', () => {
  const none = () => false;

  it('maps rows to blocks', () => {
    expect(blockOf(0, 200)).toBe(0);
    expect(blockOf(199, 200)).toBe(0);
    expect(blockOf(200, 200)).toBe(1);
  });

  it('plans the visible blocks first, then the nearest prefetch blocks', () => {
    const plan = planBlockFetches({ start: 390, end: 420, total: 10_000, blockSize: 200, prefetchRows: 300, isAvailable: none, freeSlots: 10 });
    expect(plan).toEqual([1, 2, 3, 0]);
  });

  it('skips blocks that are cached or in flight', () => {
    const plan = planBlockFetches({ start: 0, end: 450, total: 10_000, blockSize: 200, isAvailable: (b) => b === 1, freeSlots: 10 });
    expect(plan).toEqual([0, 2]);
  });

  it('fills only the free slots', () => {
    const plan = planBlockFetches({ start: 0, end: 999, total: 10_000, blockSize: 200, isAvailable: none, freeSlots: 2 });
    expect(plan).toEqual([0, 1]);
    expect(planBlockFetches({ start: 0, end: 10, total: 100, isAvailable: none, freeSlots: 0 })).toEqual([]);
  });

  it('never plans past the last row', () => {
    const plan = planBlockFetches({ start: 950, end: 999, total: 1000, blockSize: 200, prefetchRows: 1000, isAvailable: none, freeSlots: 10 });
    expect(plan[0]).toBe(4);
    expect(Math.max(...plan)).toBe(4);
  });

  it('plans only the first block while the total is unknown, nothing for an empty result', () => {
    expect(planBlockFetches({ start: 0, end: 30, total: null, isAvailable: none, freeSlots: 4 })).toEqual([0]);
    expect(planBlockFetches({ start: 0, end: 30, total: 0, isAvailable: none, freeSlots: 4 })).toEqual([]);
  });
});
