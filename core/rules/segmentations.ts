// Every segmentation as a partition of the customers of one date (a label per customer), and rules
// evaluated over the same customers. One Evaluator serves one request: it memoises segmentations
// and saved segments, so a rule referring to a segment that refers to clusters applies the model once.
import { ApiError } from '../api/contract.ts';
import type { Db } from '../store/db.ts';
import { assignNearest } from '../clusters/kmeans.ts';
import { loadModel } from '../clusters/models.ts';
import { buildMatrix } from '../clusters/scaling.ts';
import { PHASES } from '../signals/types.ts';
import { columnOf } from '../signals/frame.ts';
import { loadSettings } from '../signals/settings.ts';
import { quantileSorted, sortedPresent } from '../scoring/sorted-values.ts';
import type { AsOfData, DatabaseLeaf } from './as-of-data.ts';
import { evaluateRule, leavesOf, signalMask, type RuleResult } from './evaluate.ts';
import { formatSegmentationRef } from './refs.ts';
import { assignRfm, loadRfmSettings } from './rfm.ts';
import { listSegments } from './segments-store.ts';
import { INTENT_SCORE, type RuleGroup, type RuleLeaf, type SavedSegment, type SegmentationInfo, type SegmentationRef, type SegmentInfo } from './types.ts';
import type { SignalInfo } from '../signals/types.ts';

export interface Labelled {
  info: SegmentationInfo;
  /** Index into info.segments for every customer of the frame. */
  labels: Int32Array;
}

export interface EvaluatorDeps {
  db: Db;
  data: AsOfData;
  catalog: readonly SignalInfo[];
  /** Answers of the database leaves, prepared beforehand (see prepareLeaves). */
  databaseLeaf: (leaf: DatabaseLeaf) => Uint8Array;
}

export const NONE_KEY = 'none';
const PHASE_NAMES: Record<string, string> = { orientation: 'Orientation', consideration: 'Consideration', decision: 'Decision', retention: 'Retention' };

function labelled(ref: SegmentationRef, label: string, segments: Omit<SegmentInfo, 'customers'>[], labels: Int32Array): Labelled {
  const sizes = new Array<number>(segments.length).fill(0);
  for (let i = 0; i < labels.length; i++) sizes[labels[i]!]!++;
  return { info: { ref, label, segments: segments.map((s, i) => ({ ...s, customers: sizes[i]! })) }, labels };
}

export class Evaluator {
  private readonly memo = new Map<string, Labelled>();
  private readonly segmentMasks = new Map<number, Uint8Array>();
  private readonly inProgress = new Set<number>();
  private segmentsCache: SavedSegment[] | null = null;

  constructor(private readonly deps: EvaluatorDeps) {}

  get customers(): number {
    return this.deps.data.frame.customerIds.length;
  }

  segments(): SavedSegment[] {
    this.segmentsCache ??= listSegments(this.deps.db);
    return this.segmentsCache;
  }

  rule(rule: RuleGroup): RuleResult {
    return evaluateRule(rule, this.customers, (leaf) => this.leaf(leaf));
  }

  private leaf(leaf: RuleLeaf): Uint8Array {
    switch (leaf.kind) {
      case 'event':
      case 'attribute':
        return this.deps.databaseLeaf(leaf);
      case 'signal':
        return signalMask(this.signalColumn(leaf.signal), leaf);
      case 'segment': {
        const { info, labels } = this.segmentation(leaf.segmentation);
        // Keys the segmentation does not have (a renamed RFM group, a cluster of another model) match no one.
        const wanted = new Uint8Array(info.segments.length);
        info.segments.forEach((s, i) => {
          if (leaf.segments.includes(s.key)) wanted[i] = 1;
        });
        const out = new Uint8Array(labels.length);
        for (let i = 0; i < labels.length; i++) out[i] = wanted[labels[i]!]!;
        return out;
      }
    }
  }

  /** The intent score (0-100) of the workspace's scoring settings, per customer, independent of slider history. */
  intentScores(): Float32Array {
    return this.deps.data.scoring.score(loadSettings(this.deps.db, this.deps.catalog), { exact: true }).score;
  }

  private signalColumn(id: string): ArrayLike<number> {
    const { frame } = this.deps.data;
    if (id === INTENT_SCORE) return this.intentScores();
    const column = columnOf(frame, id);
    if (!column) {
      throw new ApiError({ code: 'unknown-signal', message: `The rule uses the signal "${id}", which this workspace does not have (any more). Choose another signal.` });
    }
    return column;
  }

  /** Customers of one saved segment. */
  segmentMask(segment: SavedSegment): Uint8Array {
    const done = this.segmentMasks.get(segment.segmentId);
    if (done) return done;
    if (this.inProgress.has(segment.segmentId)) {
      throw new ApiError({ code: 'segment-cycle', message: `The segment "${segment.name}" depends on itself through the segments its rule refers to.` });
    }
    this.inProgress.add(segment.segmentId);
    const mask = this.rule(segment.rule).mask;
    this.inProgress.delete(segment.segmentId);
    this.segmentMasks.set(segment.segmentId, mask);
    return mask;
  }

  segmentation(ref: SegmentationRef): Labelled {
    const key = formatSegmentationRef(ref);
    let result = this.memo.get(key);
    if (!result) {
      result = this.compute(ref);
      this.memo.set(key, result);
    }
    return result;
  }

  private compute(ref: SegmentationRef): Labelled {
    const { frame, scoring } = this.deps.data;
    const n = frame.customerIds.length;
    switch (ref.kind) {
      case 'clusters':
        return this.clusters(ref);
      case 'phases': {
        const phase = scoring.score(loadSettings(this.deps.db, this.deps.catalog), { exact: true }).phase;
        return labelled(ref, 'Funnel phases', PHASES.map((p) => ({ key: p, name: PHASE_NAMES[p]!, colour: null })), Int32Array.from(phase));
      }
      case 'rfm': {
        const a = assignRfm(frame, loadRfmSettings(this.deps.db));
        return { info: { ref, label: 'RFM groups', segments: a.segments }, labels: a.labels };
      }
      case 'rules': {
        const segments = this.segments();
        const labels = new Int32Array(n).fill(segments.length);
        // Backwards, so the highest priority writes last and wins.
        for (let s = segments.length - 1; s >= 0; s--) {
          const mask = this.segmentMask(segments[s]!);
          for (let i = 0; i < n; i++) if (mask[i]) labels[i] = s;
        }
        const infos = [...segments.map((s) => ({ key: String(s.segmentId), name: s.name, colour: null })), { key: NONE_KEY, name: 'No segment', colour: null }];
        return labelled(ref, 'Primary segments', infos, labels);
      }
      case 'segment': {
        const segment = this.segments().find((s) => s.segmentId === ref.segmentId);
        if (!segment) throw new ApiError({ code: 'segment-not-found', message: `There is no saved segment ${ref.segmentId} in this workspace.` });
        const mask = this.segmentMask(segment);
        const labels = Int32Array.from(mask, (m) => (m ? 0 : 1));
        return labelled(ref, segment.name, [
          { key: 'in', name: segment.name, colour: null },
          { key: 'out', name: `Not ${segment.name}`, colour: null },
        ], labels);
      }
      case 'propensity':
        return this.propensity(ref);
    }
  }

  private clusters(ref: Extract<SegmentationRef, { kind: 'clusters' }>): Labelled {
    const model = loadModel(this.deps.db, ref.modelId);
    if (!model) {
      throw new ApiError({
        code: 'cluster-model-not-found',
        message: ref.modelId === undefined ? 'There are no cluster models in this workspace yet: fit clusters first.' : `There is no cluster model ${ref.modelId} in this workspace.`,
      });
    }
    const missing = model.scaling.filter((s) => !columnOf(this.deps.data.frame, s.id)).map((s) => s.id);
    if (missing.length) {
      throw new ApiError({ code: 'unknown-signal', message: `Cluster model ${model.summary.modelId} uses signals this workspace no longer has: ${missing.join(', ')}.` });
    }
    // The model applied as exported: the same scaling, then the nearest centroid.
    const matrix = buildMatrix(this.deps.data.frame, model.scaling);
    const k = model.summary.clusters.length;
    const { labels: nearest } = assignNearest(matrix.data, matrix.n, matrix.d, model.centroids, k);
    const labels = new Int32Array(this.customers).fill(k);
    matrix.frameRows.forEach((row, r) => (labels[row] = nearest[r]!));
    const segments = [
      ...model.summary.clusters.map((c) => ({ key: String(c.key), name: c.name, colour: c.colour })),
      { key: 'unclustered', name: 'Not clustered (missing signals)', colour: null },
    ];
    return labelled(ref, `Clusters (model ${model.summary.modelId}, ${model.summary.asOf})`, segments, labels);
  }

  private propensity(ref: SegmentationRef): Labelled {
    const column = columnOf(this.deps.data.frame, 'expected_purchases');
    if (!column) throw new ApiError({ code: 'predictions-not-fitted', message: 'Propensity bands need a purchase prediction: fit one in the Predict view first.' });
    const sorted = sortedPresent(column);
    const high = sorted.length ? quantileSorted(sorted, 0.8) : Infinity;
    const medium = sorted.length ? quantileSorted(sorted, 0.5) : Infinity;
    const labels = Int32Array.from(column, (v) => (v !== v ? 3 : v >= high ? 0 : v >= medium ? 1 : 2));
    return labelled(ref, 'Propensity bands (expected purchases)', [
      { key: 'high', name: 'High (top 20%)', colour: null },
      { key: 'medium', name: 'Medium (next 30%)', colour: null },
      { key: 'low', name: 'Low (bottom 50%)', colour: null },
      { key: NONE_KEY, name: 'No prediction', colour: null },
    ], labels);
  }
}

/**
 * The database leaves a request needs: those of the given rules and of every saved segment they
 * (or the given segmentations) reach.
 */
export function databaseLeavesFor(db: Db, rules: readonly RuleGroup[], refs: readonly SegmentationRef[]): DatabaseLeaf[] {
  const segments = new Map(listSegments(db).map((s) => [s.segmentId, s]));
  const out: DatabaseLeaf[] = [];
  const visited = new Set<number>();
  const visitRef = (ref: SegmentationRef) => {
    if (ref.kind === 'segment') visitSegment(ref.segmentId);
    if (ref.kind === 'rules') for (const id of segments.keys()) visitSegment(id);
  };
  const visitRule = (rule: RuleGroup) => {
    for (const leaf of leavesOf(rule)) {
      if (leaf.kind === 'event' || leaf.kind === 'attribute') out.push(leaf);
      else if (leaf.kind === 'segment') visitRef(leaf.segmentation);
    }
  };
  function visitSegment(id: number) {
    if (visited.has(id)) return;
    visited.add(id);
    const s = segments.get(id);
    if (s) visitRule(s.rule);
  }
  rules.forEach(visitRule);
  refs.forEach(visitRef);
  return out;
}
