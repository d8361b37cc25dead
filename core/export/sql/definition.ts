// What an SQL export holds, read from the workspace and checked for what SQL cannot carry: the
// custom signals, scoring settings, RFM settings, the cluster models membership and rules refer to,
// and the saved segments in priority order, ordered so every segment comes after the ones it uses.
import { ApiError } from '../../api/contract.ts';
import { loadModel, type StoredModel } from '../../clusters/models.ts';
import { leavesOf } from '../../rules/evaluate.ts';
import { loadRfmSettings } from '../../rules/rfm.ts';
import { listSegments } from '../../rules/segments-store.ts';
import { formatSegmentationRef, type RfmSettings, type SavedSegment, type SegmentationRef } from '../../rules/types.ts';
import { loadCustomSignals } from '../../signals/custom.ts';
import { signalCatalog } from '../../signals/handlers.ts';
import { loadSettings } from '../../signals/settings.ts';
import { buildSignalQuery } from '../../signals/sql.ts';
import type { CustomSignal, ScoringSettings, SignalInfo } from '../../signals/types.ts';
import type { Db } from '../../store/db.ts';

export interface SqlDefinition {
  custom: CustomSignal[];
  /** The signals SQL computes, in the app's column order. */
  signals: SignalInfo[];
  scoring: ScoringSettings;
  rfm: RfmSettings;
  /** Models by id: the newest (the membership's "cluster") and any a rule names. */
  models: Map<number, StoredModel>;
  newestModelId: number | null;
  /** Saved segments in priority order (what the primary segment follows). */
  segments: SavedSegment[];
  /** The same segments, each after the segments its rule refers to (the order views are created in). */
  creationOrder: SavedSegment[];
}

const unsupported = (message: string) => new ApiError({ code: 'export-unsupported', message });

/** Signals the app derives from a fitted purchase prediction (predict/stored.ts): a numerical model SQL cannot re-run. */
const PREDICTION_SIGNALS = new Set(['p_alive', 'expected_purchases', 'predicted_clv']);
const predictionReason = 'it is scored by the fitted purchase prediction (BG/NBD or Pareto/NBD), which SQL cannot re-run';

export function loadSqlDefinition(db: Db): SqlDefinition {
  const custom = loadCustomSignals(db);
  // The statement's own column list: built-in and custom signals; the as-of date does not matter here.
  const signals = buildSignalQuery({ asOf: 0, utcOffsetMs: 0 }, custom).signals;
  const known = new Set(signals.map((s) => s.id));
  // The whole catalogue, so a weighted prediction score is seen (and refused) rather than dropped.
  const scoring = loadSettings(db, signalCatalog({ db }));
  for (const [id, weight] of Object.entries(scoring.weights)) {
    if (weight !== 0 && weight === weight && PREDICTION_SIGNALS.has(id)) {
      throw unsupported(`The intent score weights the signal "${id}", and ${predictionReason}. Set its weight to 0 to export SQL, or export the JSON bundle or PMML instead.`);
    }
  }
  const segments = listSegments(db);
  const models = new Map<number, StoredModel>();
  const newest = loadModel(db);
  const addModel = (model: StoredModel, usedBy: string) => {
    const prediction = model.scaling.find((s) => PREDICTION_SIGNALS.has(s.id));
    if (prediction) throw unsupported(`Cluster model ${model.summary.modelId} (${usedBy}) uses the signal "${prediction.id}", and ${predictionReason}.`);
    models.set(model.summary.modelId, model);
  };
  if (newest) addModel(newest, 'the newest model');
  const byId = new Map(segments.map((s) => [s.segmentId, s]));
  const dependsOn = new Map<number, number[]>();
  for (const segment of segments) {
    const uses: number[] = [];
    for (const leaf of leavesOf(segment.rule)) {
      const where = `the segment "${segment.name}"`;
      if (leaf.kind === 'signal' && leaf.signal !== 'intent_score' && !known.has(leaf.signal)) {
        throw unsupported(
          PREDICTION_SIGNALS.has(leaf.signal)
            ? `${where} tests the signal "${leaf.signal}", and ${predictionReason}.`
            : `${where} tests the signal "${leaf.signal}", which this workspace does not have.`,
        );
      }
      if (leaf.kind !== 'segment') continue;
      const ref: SegmentationRef = leaf.segmentation;
      if (ref.kind === 'propensity') throw unsupported(`${where} refers to propensity bands, and ${predictionReason}.`);
      if (ref.kind === 'clusters') {
        const model = ref.modelId === undefined ? newest : loadModel(db, ref.modelId);
        if (!model) throw new ApiError({ code: 'cluster-model-not-found', message: `${where} refers to ${formatSegmentationRef(ref)}, which this workspace does not have.` });
        addModel(model, `used by ${where}`);
      }
      if (ref.kind === 'segment') {
        if (!byId.has(ref.segmentId)) throw new ApiError({ code: 'segment-not-found', message: `${where} refers to segment ${ref.segmentId}, which does not exist.` });
        uses.push(ref.segmentId);
      }
      if (ref.kind === 'rules') uses.push(...segments.map((s) => s.segmentId));
    }
    dependsOn.set(segment.segmentId, uses);
  }
  return { custom, signals, scoring, rfm: loadRfmSettings(db), models, newestModelId: newest?.summary.modelId ?? null, segments, creationOrder: dependencyOrder(segments, dependsOn) };
}

/** Depth-first: each segment after what it uses; a cycle is the app's own "segment-cycle" error. */
function dependencyOrder(segments: readonly SavedSegment[], dependsOn: Map<number, number[]>): SavedSegment[] {
  const byId = new Map(segments.map((s) => [s.segmentId, s]));
  const done = new Set<number>();
  const visiting = new Set<number>();
  const out: SavedSegment[] = [];
  const visit = (id: number) => {
    if (done.has(id)) return;
    const segment = byId.get(id)!;
    if (visiting.has(id)) {
      throw new ApiError({ code: 'segment-cycle', message: `The segment "${segment.name}" depends on itself through the segments its rule refers to.` });
    }
    visiting.add(id);
    for (const used of dependsOn.get(id) ?? []) visit(used);
    visiting.delete(id);
    done.add(id);
    out.push(segment);
  };
  for (const s of segments) visit(s.segmentId);
  return out;
}
