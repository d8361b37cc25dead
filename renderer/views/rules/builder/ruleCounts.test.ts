import { describe, expect, it } from 'vitest';
import type { RuleGroup } from '../../../../core/api/contract.ts';
import { countFor, indexCounts } from './ruleCounts.ts';
import { removeNode, updateNode } from './ruleTree.ts';

const sig = (value: number) => ({ kind: 'signal' as const, signal: 'orders', op: 'gte' as const, value, not: false });
const rule: RuleGroup = { kind: 'group', combine: 'or', not: false, children: [sig(1), sig(2), sig(3)] };
const counts = { count: 90, children: [{ count: 10 }, { count: 20 }, { count: 30 }] };

describe('node counts across edits', () => {
  it('finds the count of each node as evaluated', () => {
    const index = indexCounts(rule, counts);
    expect(countFor(index, rule, [])).toEqual({ count: 90, exact: true });
    expect(countFor(index, rule.children[2]!, [2])).toEqual({ count: 30, exact: true });
    expect(countFor(null, rule, [])).toBeNull();
  });

  it('follows unchanged nodes by identity after a sibling is removed', () => {
    const index = indexCounts(rule, counts);
    const next = removeNode(rule, [0]);
    expect(countFor(index, next.children[0]!, [0])).toEqual({ count: 20, exact: true });
    expect(countFor(index, next.children[1]!, [1])).toEqual({ count: 30, exact: true });
    // The root changed: its old count is offered as stale.
    expect(countFor(index, next, [])).toEqual({ count: 90, exact: false });
  });

  it('offers the old count of an edited node as stale, nothing for a new one', () => {
    const index = indexCounts(rule, counts);
    const next = updateNode(rule, [1], () => sig(5));
    expect(countFor(index, next.children[1]!, [1])).toEqual({ count: 20, exact: false });
    expect(countFor(index, sig(7), [3])).toBeNull();
    // Another kind at the same place is not the same condition.
    expect(countFor(index, { kind: 'group', combine: 'and', not: false, children: [] }, [1])).toBeNull();
  });
});
