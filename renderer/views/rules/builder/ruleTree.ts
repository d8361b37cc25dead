// Editing a rule tree without mutating it: a node is addressed by its path (child indices from
// the root group), and every change returns a new root that shares the untouched subtrees (so
// counts of unchanged nodes can be found again by identity after an edit).
import type {
  AttributeCondition,
  EventCondition,
  RuleGroup,
  RuleGroupIn,
  RuleLeaf,
  RuleNode,
  SegmentationRef,
  SegmentCondition,
  SignalCondition,
} from '../../../../core/api/contract.ts';
import { MAX_RULE_DEPTH } from '../../../../core/api/contract.ts';

export type NodePath = readonly number[];
export type LeafKind = RuleLeaf['kind'];
export type NodeKind = LeafKind | 'group';

/** Children per group and nesting allowed by the schema. */
export const MAX_CHILDREN = 50;
export { MAX_RULE_DEPTH };

export const pathKey = (path: NodePath): string => path.join('.');

export function emptyGroup(combine: 'and' | 'or' = 'and'): RuleGroup {
  return { kind: 'group', combine, not: false, children: [] };
}

export function nodeAt(root: RuleGroup, path: NodePath): RuleNode | undefined {
  let node: RuleNode = root;
  for (const i of path) {
    if (node.kind !== 'group') return undefined;
    const next: RuleNode | undefined = node.children[i];
    if (!next) return undefined;
    node = next;
  }
  return node;
}

/** The root with the node at `path` replaced by `change(node)`; the same root when nothing changes. */
export function updateNode(root: RuleGroup, path: NodePath, change: (node: RuleNode) => RuleNode): RuleGroup {
  const go = (node: RuleNode, depth: number): RuleNode => {
    if (depth === path.length) return change(node);
    if (node.kind !== 'group') return node;
    const i = path[depth]!;
    const child = node.children[i];
    if (!child) return node;
    const next = go(child, depth + 1);
    if (next === child) return node;
    const children = node.children.slice();
    children[i] = next;
    return { ...node, children };
  };
  const next = go(root, 0);
  if (next.kind !== 'group') throw new Error('the root of a rule must stay a group');
  return next;
}

function updateGroup(root: RuleGroup, path: NodePath, change: (g: RuleGroup) => RuleGroup): RuleGroup {
  return updateNode(root, path, (n) => (n.kind === 'group' ? change(n) : n));
}

/** Adds `node` to the group at `groupPath` (at the end, or at `index`). */
export function insertChild(root: RuleGroup, groupPath: NodePath, node: RuleNode, index?: number): RuleGroup {
  return updateGroup(root, groupPath, (g) => {
    if (g.children.length >= MAX_CHILDREN) return g;
    const children = g.children.slice();
    children.splice(index ?? children.length, 0, node);
    return { ...g, children };
  });
}

/** Removes the node at `path` (never the root). */
export function removeNode(root: RuleGroup, path: NodePath): RuleGroup {
  if (path.length === 0) return root;
  const i = path[path.length - 1]!;
  return updateGroup(root, path.slice(0, -1), (g) => (i < g.children.length ? { ...g, children: g.children.filter((_, j) => j !== i) } : g));
}

/** Moves the node at `path` one place up (-1) or down (+1) among its siblings. */
export function moveNode(root: RuleGroup, path: NodePath, by: -1 | 1): RuleGroup {
  if (path.length === 0) return root;
  const i = path[path.length - 1]!;
  return updateGroup(root, path.slice(0, -1), (g) => {
    const j = i + by;
    if (j < 0 || j >= g.children.length) return g;
    const children = g.children.slice();
    [children[i], children[j]] = [children[j]!, children[i]!];
    return { ...g, children };
  });
}

/** A copy of the node at `path` right after it. */
export function duplicateNode(root: RuleGroup, path: NodePath): RuleGroup {
  if (path.length === 0) return root;
  const node = nodeAt(root, path);
  if (!node) return root;
  return insertChild(root, path.slice(0, -1), structuredClone(node), path[path.length - 1]! + 1);
}

export function toggleNot(root: RuleGroup, path: NodePath): RuleGroup {
  return updateNode(root, path, (n) => ({ ...n, not: !n.not }));
}

export function setCombine(root: RuleGroup, path: NodePath, combine: 'and' | 'or'): RuleGroup {
  return updateGroup(root, path, (g) => (g.combine === combine ? g : { ...g, combine }));
}

/** Groups nested in each other, the root being 1: a group at `path` has depth path.length + 1. */
export function groupDepth(path: NodePath): number {
  return path.length + 1;
}

/** Whether a subgroup may be added inside the group at `path`. */
export function canAddSubgroup(path: NodePath): boolean {
  return groupDepth(path) < MAX_RULE_DEPTH;
}

/** Deepest group nesting of a rule (the root alone is 1). */
export function ruleDepth(node: RuleNode): number {
  if (node.kind !== 'group') return 0;
  return 1 + Math.max(0, ...node.children.map(ruleDepth));
}

/** Number of conditions (leaves) in a rule. */
export function leafCount(node: RuleNode): number {
  return node.kind === 'group' ? node.children.reduce((n, c) => n + leafCount(c), 0) : 1;
}

// ---------- defaults per condition kind ----------

export interface DefaultContext {
  /** Signal ids of the catalogue, in catalogue order. */
  signals?: readonly string[];
  /** The first segmentation on offer (for a segment-membership condition). */
  segmentation?: SegmentationRef | null;
}

const PREFERRED_SIGNAL = 'days_since_purchase';

export function defaultSignalCondition(ctx: DefaultContext = {}): SignalCondition {
  const ids = ctx.signals ?? [];
  const signal = ids.includes(PREFERRED_SIGNAL) || ids.length === 0 ? PREFERRED_SIGNAL : ids[0]!;
  return { kind: 'signal', signal, op: 'lte', value: 30, not: false };
}

export function defaultAttributeCondition(): AttributeCondition {
  return { kind: 'attribute', field: 'country', op: 'is', not: false };
}

export function defaultEventCondition(): EventCondition {
  return { kind: 'event', did: true, types: ['purchase'], filters: [], measure: 'count', atLeast: 1, window: { kind: 'last', days: 30 }, not: false };
}

export function defaultSegmentCondition(ctx: DefaultContext = {}): SegmentCondition {
  return { kind: 'segment', segmentation: ctx.segmentation ?? { kind: 'phases' }, segments: [], not: false };
}

export function defaultNode(kind: NodeKind, ctx: DefaultContext = {}): RuleNode {
  switch (kind) {
    case 'group':
      return emptyGroup();
    case 'signal':
      return defaultSignalCondition(ctx);
    case 'attribute':
      return defaultAttributeCondition();
    case 'event':
      return defaultEventCondition();
    case 'segment':
      return defaultSegmentCondition(ctx);
  }
}

// ---------- normalising input (defaults left out) into the full shape the editor works on ----------

type NodeIn = RuleGroupIn['children'][number] | RuleNode;

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Fills in what the schema would default (not, did, filters, measure, window) so every field has a value to show. */
export function normaliseNode(node: NodeIn): RuleNode {
  const n = node as RuleNode & { not?: boolean };
  const not = n.not ?? false;
  switch (n.kind) {
    case 'group':
      return { kind: 'group', combine: n.combine, not, children: (n.children as NodeIn[]).map(normaliseNode) };
    case 'event': {
      const e = n as Partial<EventCondition> & { kind: 'event'; types: string[] };
      return withoutUndefined({
        kind: 'event',
        did: e.did ?? true,
        types: [...e.types],
        filters: (e.filters ?? []).map((f) => withoutUndefined({ ...f })),
        measure: e.measure ?? 'count',
        atLeast: e.atLeast,
        atMost: e.atMost,
        window: e.window ? { ...e.window } : { kind: 'all' },
        not,
      }) as EventCondition;
    }
    default:
      return withoutUndefined({ ...n, not }) as RuleNode;
  }
}

export function normaliseRule(rule: RuleGroupIn | RuleGroup): RuleGroup {
  return normaliseNode(rule) as RuleGroup;
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** A stable text of a rule (keys sorted): equal texts are equal rules (dirty checks, which evaluation is current). */
export function ruleKey(rule: RuleNode): string {
  return JSON.stringify(canonical(rule));
}

// ---------- event bounds: "at least N", "at most N", "between N and M" ----------

export type BoundMode = 'at-least' | 'at-most' | 'between';

export function boundMode(e: Pick<EventCondition, 'atLeast' | 'atMost'>): BoundMode {
  if (e.atMost === undefined) return 'at-least';
  if (e.atLeast === undefined || e.atLeast === 0) return 'at-most';
  return 'between';
}

/**
 * The condition with its bounds switched to `mode`. "At most" counts customers with none too
 * (atLeast 0), as the words say; the numbers typed so far are kept where they still fit.
 */
export function withBoundMode(e: EventCondition, mode: BoundMode): EventCondition {
  const { atLeast, atMost, ...rest } = e;
  const low = atLeast ?? 1;
  switch (mode) {
    case 'at-least':
      return { ...rest, atLeast: low };
    case 'at-most':
      return { ...rest, atLeast: 0, atMost: atMost ?? Math.max(low, 1) };
    case 'between': {
      const from = low === 0 ? 1 : low;
      return { ...rest, atLeast: from, atMost: atMost !== undefined && atMost >= from ? atMost : from + 1 };
    }
  }
}
