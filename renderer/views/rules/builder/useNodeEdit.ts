// The edit function a condition editor gets: a change of its own node, applied by path to the
// rule as it is when the change happens (never to a copy captured at render time).
import { useCallback } from 'react';
import type { RuleNode } from '../../../../core/api/contract.ts';
import { useApp } from '../../../store/index.ts';
import { updateNode, type NodePath } from './ruleTree.ts';

export function useNodeEdit<N extends RuleNode>(path: NodePath): (change: (node: N) => N) => void {
  const editRule = useApp((s) => s.editRule);
  const key = path.join('.');
  return useCallback(
    (change: (node: N) => N) => editRule((rule) => updateNode(rule, key === '' ? [] : key.split('.').map(Number), (n) => change(n as N))),
    [editRule, key],
  );
}
