import { describe, expect, it } from 'vitest';
import type { EventCondition, RuleGroup } from '../../../../core/api/contract.ts';
import {
  boundMode,
  canAddSubgroup,
  defaultNode,
  duplicateNode,
  emptyGroup,
  insertChild,
  leafCount,
  moveNode,
  nodeAt,
  normaliseRule,
  removeNode,
  ruleDepth,
  ruleKey,
  setCombine,
  toggleNot,
  updateNode,
  withBoundMode,
  MAX_CHILDREN,
} from './ruleTree.ts';

const sig = (value: number) => ({ kind: 'signal' as const, signal: 'orders', op: 'gte' as const, value, not: false });

function sample(): RuleGroup {
  return {
    kind: 'group',
    combine: 'and',
    not: false,
    children: [sig(1), { kind: 'group', combine: 'or', not: false, children: [sig(2), sig(3)] }, sig(4)],
  };
}

describe('tree updates by path', () => {
  it('finds nodes by path', () => {
    const r = sample();
    expect(nodeAt(r, [])).toBe(r);
    expect(nodeAt(r, [1, 1])).toEqual(sig(3));
    expect(nodeAt(r, [0, 0])).toBeUndefined();
    expect(nodeAt(r, [7])).toBeUndefined();
  });

  it('replaces one node and shares every untouched subtree', () => {
    const r = sample();
    const next = updateNode(r, [1, 0], () => sig(20));
    expect(nodeAt(next, [1, 0])).toEqual(sig(20));
    expect(next).not.toBe(r);
    expect(next.children[0]).toBe(r.children[0]);
    expect(next.children[2]).toBe(r.children[2]);
    expect((next.children[1] as RuleGroup).children[1]).toBe((r.children[1] as RuleGroup).children[1]);
    // The original is untouched.
    expect(nodeAt(r, [1, 0])).toEqual(sig(2));
  });

  it('returns the same root when nothing changes or the path does not exist', () => {
    const r = sample();
    expect(updateNode(r, [1, 0], (n) => n)).toBe(r);
    expect(updateNode(r, [9], () => sig(0))).toBe(r);
    expect(updateNode(r, [0, 1], () => sig(0))).toBe(r);
  });

  it('inserts, removes, moves and duplicates children', () => {
    const r = sample();
    const added = insertChild(r, [1], sig(9));
    expect((nodeAt(added, [1]) as RuleGroup).children.map((c) => (c as { value: number }).value)).toEqual([2, 3, 9]);
    const atStart = insertChild(r, [], sig(0), 0);
    expect(atStart.children).toHaveLength(4);
    expect(nodeAt(atStart, [0])).toEqual(sig(0));

    const removed = removeNode(r, [1, 0]);
    expect((nodeAt(removed, [1]) as RuleGroup).children).toEqual([sig(3)]);
    expect(removeNode(r, [])).toBe(r);

    const down = moveNode(r, [0], 1);
    expect(down.children[1]).toBe(r.children[0]);
    expect(down.children[0]).toBe(r.children[1]);
    expect(moveNode(r, [0], -1)).toBe(r);
    expect(moveNode(r, [2], 1)).toBe(r);

    const dup = duplicateNode(r, [1]);
    expect(dup.children).toHaveLength(4);
    expect(dup.children[2]).toEqual(r.children[1]);
    expect(dup.children[2]).not.toBe(r.children[1]);
  });

  it('refuses a 51st child', () => {
    let g = emptyGroup();
    for (let i = 0; i < MAX_CHILDREN; i++) g = insertChild(g, [], sig(i));
    expect(insertChild(g, [], sig(99))).toBe(g);
  });

  it('toggles NOT and AND/OR', () => {
    const r = sample();
    expect(toggleNot(r, [2]).children[2]!.not).toBe(true);
    expect(toggleNot(toggleNot(r, [2]), [2]).children[2]!.not).toBe(false);
    expect((setCombine(r, [1], 'and').children[1] as RuleGroup).combine).toBe('and');
    expect(setCombine(r, [], 'and')).toBe(r);
    // A leaf has no combine: unchanged.
    expect(setCombine(r, [0], 'or')).toBe(r);
  });

  it('measures depth and leaves; subgroups stop at the schema depth', () => {
    expect(ruleDepth(sample())).toBe(2);
    expect(leafCount(sample())).toBe(4);
    expect(canAddSubgroup([])).toBe(true);
    expect(canAddSubgroup([0, 0, 0, 0])).toBe(true);
    expect(canAddSubgroup([0, 0, 0, 0, 0])).toBe(false);
  });
});

describe('defaults per condition kind', () => {
  it('gives every kind a complete node', () => {
    expect(defaultNode('group')).toEqual({ kind: 'group', combine: 'and', not: false, children: [] });
    expect(defaultNode('signal')).toEqual({ kind: 'signal', signal: 'days_since_purchase', op: 'lte', value: 30, not: false });
    expect(defaultNode('signal', { signals: ['orders', 'revenue'] })).toMatchObject({ signal: 'orders' });
    expect(defaultNode('signal', { signals: ['orders', 'days_since_purchase'] })).toMatchObject({ signal: 'days_since_purchase' });
    expect(defaultNode('attribute')).toEqual({ kind: 'attribute', field: 'country', op: 'is', not: false });
    expect(defaultNode('event')).toEqual({
      kind: 'event',
      did: true,
      types: ['purchase'],
      filters: [],
      measure: 'count',
      atLeast: 1,
      window: { kind: 'last', days: 30 },
      not: false,
    });
    expect(defaultNode('segment', { segmentation: { kind: 'clusters', modelId: 3 } })).toEqual({
      kind: 'segment',
      segmentation: { kind: 'clusters', modelId: 3 },
      segments: [],
      not: false,
    });
  });

  it('fills in what input may leave out', () => {
    const r = normaliseRule({
      kind: 'group',
      combine: 'or',
      children: [
        { kind: 'event', types: ['purchase'] },
        { kind: 'attribute', field: 'country', op: 'is', value: 'DE' },
        { kind: 'group', combine: 'and', children: [] },
      ],
    });
    expect(r).toEqual({
      kind: 'group',
      combine: 'or',
      not: false,
      children: [
        { kind: 'event', did: true, types: ['purchase'], filters: [], measure: 'count', window: { kind: 'all' }, not: false },
        { kind: 'attribute', field: 'country', op: 'is', value: 'DE', not: false },
        { kind: 'group', combine: 'and', not: false, children: [] },
      ],
    });
  });

  it('keys rules independently of key order', () => {
    const a = { kind: 'signal' as const, signal: 'orders', op: 'gt' as const, value: 1, not: false };
    const b = { not: false, value: 1, op: 'gt' as const, signal: 'orders', kind: 'signal' as const };
    expect(ruleKey(a)).toBe(ruleKey(b));
    expect(ruleKey(a)).not.toBe(ruleKey({ ...a, value: 2 }));
  });
});

describe('event bounds', () => {
  const e = defaultNode('event') as EventCondition;
  it('reads the mode from the bounds', () => {
    expect(boundMode({ atLeast: 3 })).toBe('at-least');
    expect(boundMode({})).toBe('at-least');
    expect(boundMode({ atLeast: 0, atMost: 2 })).toBe('at-most');
    expect(boundMode({ atMost: 2 })).toBe('at-most');
    expect(boundMode({ atLeast: 2, atMost: 5 })).toBe('between');
  });
  it('switches modes keeping what fits', () => {
    const most = withBoundMode({ ...e, atLeast: 3 }, 'at-most');
    expect(most).toMatchObject({ atLeast: 0, atMost: 3 });
    const between = withBoundMode(most, 'between');
    expect(between).toMatchObject({ atLeast: 1, atMost: 3 });
    const least = withBoundMode(between, 'at-least');
    expect(least.atLeast).toBe(1);
    expect('atMost' in least).toBe(false);
    expect(withBoundMode({ ...e, atLeast: 4, atMost: 2 }, 'between')).toMatchObject({ atLeast: 4, atMost: 5 });
  });
});
