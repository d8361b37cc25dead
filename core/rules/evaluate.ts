// Evaluates a rule over the customers of one as-of date as 0/1 masks: each leaf's customers come
// from a resolver (database leaves from their compiled SQL, signals from the computed columns,
// memberships from a segmentation), groups combine them, and every node's count is kept for the
// builder's live counts. The set algebra is the same as the compiled SQL's (INTERSECT / UNION /
// EXCEPT against the customers of the date), which a test checks on a real database.
import type { RuleCount, RuleGroup, RuleLeaf, RuleNode, SignalCondition } from './types.ts';

export type LeafResolver = (leaf: RuleLeaf) => Uint8Array;

export interface RuleResult {
  mask: Uint8Array;
  matched: number;
  counts: RuleCount;
}

function countOf(mask: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < mask.length; i++) c += mask[i]!;
  return c;
}

function complemented(mask: Uint8Array): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) out[i] = 1 - mask[i]!;
  return out;
}

function evaluateNode(node: RuleNode, n: number, resolve: LeafResolver): { mask: Uint8Array; counts: RuleCount } {
  if (node.kind !== 'group') {
    const own = resolve(node);
    const mask = node.not ? complemented(own) : own;
    return { mask, counts: { count: countOf(mask) } };
  }
  const children = node.children.map((c) => evaluateNode(c, n, resolve));
  const and = node.combine === 'and';
  // AND of nothing is everyone, OR of nothing is no one (as in the SQL).
  const mask = new Uint8Array(n).fill(and ? 1 : 0);
  for (const c of children) {
    const m = c.mask;
    if (and) for (let i = 0; i < n; i++) mask[i]! &= m[i]!;
    else for (let i = 0; i < n; i++) mask[i]! |= m[i]!;
  }
  if (node.not) for (let i = 0; i < n; i++) mask[i] = 1 - mask[i]!;
  return { mask, counts: { count: countOf(mask), children: children.map((c) => c.counts) } };
}

export function evaluateRule(rule: RuleGroup, customers: number, resolve: LeafResolver): RuleResult {
  const { mask, counts } = evaluateNode(rule, customers, resolve);
  return { mask, matched: counts.count, counts };
}

/** Customers whose value passes the test; a missing value (NaN) passes only "is-empty". */
export function signalMask(values: ArrayLike<number>, c: Pick<SignalCondition, 'op' | 'value' | 'max'>): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  const x = c.value ?? NaN;
  const hi = c.max ?? NaN;
  const test: (v: number) => boolean = {
    eq: (v: number) => v === x,
    ne: (v: number) => v === v && v !== x,
    gt: (v: number) => v > x,
    gte: (v: number) => v >= x,
    lt: (v: number) => v < x,
    lte: (v: number) => v <= x,
    between: (v: number) => v >= x && v <= hi,
    'is-empty': (v: number) => v !== v,
    'is-present': (v: number) => v === v,
  }[c.op];
  for (let i = 0; i < n; i++) if (test(values[i]!)) out[i] = 1;
  return out;
}

/** Customers listed by id (ids unknown at the date are ignored), optionally the complement. */
export function maskFromIds(ids: readonly string[], indexOf: ReadonlyMap<string, number>, n: number, complement: boolean): Uint8Array {
  const out = new Uint8Array(n);
  for (const id of ids) {
    const i = indexOf.get(id);
    if (i !== undefined) out[i] = 1;
  }
  return complement ? complemented(out) : out;
}

/** Every leaf of the rule, depth first. */
export function leavesOf(node: RuleNode): RuleLeaf[] {
  return node.kind === 'group' ? node.children.flatMap(leavesOf) : [node];
}
