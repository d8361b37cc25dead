// What changed between two bundles (an earlier export and now, or two exports): weights and
// thresholds, custom signals, taxonomy, the cluster model (signals, scaling, how far each
// cluster's centroid moved, clusters added or gone), RFM groups, saved segments (added, removed,
// renamed, rule changed) and their priority, decisions, and the other settings a bundle carries. Pure; the analyst reads it before export.
import { canonicalJson } from './integrity.ts';
import type { Bundle } from './schema.ts';
import type { BundleChange, BundleDiff } from '../types.ts';

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const text = (v: unknown) => (v === undefined ? null : typeof v === 'string' ? v : canonicalJson(v));

function keyed<T>(area: BundleChange['area'], before: readonly T[], after: readonly T[], key: (t: T) => string, label: (t: T) => string, out: BundleChange[]): void {
  const a = new Map(before.map((t) => [key(t), t]));
  const b = new Map(after.map((t) => [key(t), t]));
  for (const [k, t] of a) {
    const u = b.get(k);
    if (!u) out.push({ area, item: label(t), kind: 'removed', before: text(t), after: null });
    else if (!same(t, u)) out.push({ area, item: label(u), kind: 'changed', before: text(t), after: text(u) });
  }
  for (const [k, u] of b) if (!a.has(k)) out.push({ area, item: label(u), kind: 'added', before: null, after: text(u) });
}

function clusterChanges(before: Bundle['clusterModel'], after: Bundle['clusterModel'], out: BundleChange[]): void {
  if (!before && !after) return;
  if (!before || !after) {
    out.push({ area: 'clusters', item: 'cluster model', kind: before ? 'removed' : 'added', before: before ? `model ${before.modelId}` : null, after: after ? `model ${after.modelId}` : null });
    return;
  }
  const signals = (m: NonNullable<Bundle['clusterModel']>) => m.scaling.map((s) => s.id).join(', ');
  if (signals(before) !== signals(after)) out.push({ area: 'clusters', item: 'signals', kind: 'changed', before: signals(before), after: signals(after) });
  keyed('clusters', before.scaling, after.scaling, (s) => s.id, (s) => `scaling of ${s.id}`, out);
  // Centroid shifts only mean something in the same coordinates.
  const comparable = signals(before) === signals(after);
  const centroids = (m: NonNullable<Bundle['clusterModel']>) => new Map(m.clusters.map((c, j) => [c.key, { name: c.name, centroid: m.centroids[j]! }]));
  const a = centroids(before);
  const b = centroids(after);
  for (const [key, c] of a) {
    const d = b.get(key);
    if (!d) out.push({ area: 'clusters', item: `cluster ${key} (${c.name})`, kind: 'removed', before: c.name, after: null });
    else if (c.name !== d.name) out.push({ area: 'clusters', item: `cluster ${key}`, kind: 'changed', before: c.name, after: d.name });
    if (d && comparable) {
      const shift = Math.sqrt(c.centroid.reduce((s, v, t) => s + (v - d.centroid[t]!) ** 2, 0));
      if (shift > 1e-9) out.push({ area: 'clusters', item: `centroid of cluster ${key} (${d.name})`, kind: 'changed', before: null, after: null, amount: shift });
    }
  }
  for (const [key, d] of b) if (!a.has(key)) out.push({ area: 'clusters', item: `cluster ${key} (${d.name})`, kind: 'added', before: null, after: d.name });
}

export function diffBundles(before: Bundle, after: Bundle): BundleDiff {
  const out: BundleChange[] = [];
  const weights = new Set([...Object.keys(before.scoring.weights), ...Object.keys(after.scoring.weights)]);
  for (const id of [...weights].sort()) {
    const a = before.scoring.weights[id] ?? 0;
    const b = after.scoring.weights[id] ?? 0;
    if (a !== b) out.push({ area: 'weights', item: id, kind: 'changed', before: String(a), after: String(b), amount: b - a });
  }
  for (const k of ['normalisation', 'thresholds', 'retention'] as const) {
    if (!same(before.scoring[k], after.scoring[k])) out.push({ area: 'thresholds', item: k, kind: 'changed', before: text(before.scoring[k]), after: text(after.scoring[k]) });
  }
  keyed('signals', before.customSignals, after.customSignals, (s) => s.id, (s) => s.id, out);
  keyed('taxonomy', before.taxonomy, after.taxonomy, (r) => `${r.match}:${r.pattern}`, (r) => `${r.pattern} → ${r.category}`, out);
  clusterChanges(before.clusterModel, after.clusterModel, out);
  if (before.rfm.method !== after.rfm.method || !same(before.rfm, after.rfm)) {
    keyed('rfm', before.rfm.groups, after.rfm.groups, (g) => g.id, (g) => g.name, out);
    const { groups: _a, ...restA } = before.rfm;
    const { groups: _b, ...restB } = after.rfm;
    if (!same(restA, restB)) out.push({ area: 'rfm', item: 'scoring', kind: 'changed', before: text(restA), after: text(restB) });
  }
  keyed('segments', before.segments, after.segments, (s) => String(s.segmentId), (s) => s.name, out);
  if (before.priority.join() !== after.priority.join()) {
    const name = (b: Bundle) => b.priority.map((id) => b.segments.find((s) => s.segmentId === id)?.name ?? String(id)).join(' > ');
    out.push({ area: 'priority', item: 'priority order', kind: 'changed', before: name(before), after: name(after) });
  }
  for (const [item, a, b] of [
    ['phase actions', before.scoring.actions, after.scoring.actions],
    ['outcome window', before.scoring.outcomeDays, after.scoring.outcomeDays],
    ['economics', before.economics, after.economics],
    ['prediction', before.prediction, after.prediction],
  ] as const) {
    if (!same(a, b)) out.push({ area: 'settings', item, kind: a === null ? 'added' : b === null ? 'removed' : 'changed', before: text(a), after: text(b) });
  }
  keyed('decisions', before.decisions, after.decisions, (d) => `${d.family}|${d.segmentKey}`, (d) => `${d.segmentName} (${d.family})`, out);
  return { from: { asOf: before.asOf, createdAt: before.createdAt }, to: { asOf: after.asOf, createdAt: after.createdAt }, sameData: before.data.sha256 === after.data.sha256, changes: out };
}
