// Finding each node's count in the last evaluation while the rule keeps changing. Edits share the
// untouched subtrees, so a node that did not change is found by identity even after a sibling was
// removed or moved; a changed node falls back to the count at its old place (shown as stale).
import type { RuleCount, RuleGroup, RuleNode } from '../../../../core/api/contract.ts';
import type { NodePath } from './ruleTree.ts';

export interface CountIndex {
  rule: RuleGroup;
  counts: RuleCount;
  byNode: WeakMap<RuleNode, RuleCount>;
}

export function indexCounts(rule: RuleGroup, counts: RuleCount): CountIndex {
  const byNode = new WeakMap<RuleNode, RuleCount>();
  const walk = (node: RuleNode, count: RuleCount | undefined) => {
    if (!count) return;
    byNode.set(node, count);
    if (node.kind === 'group') node.children.forEach((c, i) => walk(c, count.children?.[i]));
  };
  walk(rule, counts);
  return { rule, counts, byNode };
}

export interface NodeCount {
  count: number;
  /** True when the count is for this very node as it is now (not a neighbour's or an older version's). */
  exact: boolean;
}

/** The count to show beside `node` at `path`, or null when the last evaluation has nothing for it. */
export function countFor(index: CountIndex | null, node: RuleNode, path: NodePath): NodeCount | null {
  if (!index) return null;
  const hit = index.byNode.get(node);
  if (hit) return { count: hit.count, exact: true };
  let n: RuleNode = index.rule;
  let c: RuleCount | undefined = index.counts;
  for (const i of path) {
    if (n.kind !== 'group' || !c) return null;
    const next: RuleNode | undefined = n.children[i];
    if (!next) return null;
    n = next;
    c = c.children?.[i];
  }
  if (!c || n.kind !== node.kind) return null;
  return { count: c.count, exact: false };
}
