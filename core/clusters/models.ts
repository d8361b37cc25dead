// Stored cluster models (table cluster_models): the summary the view shows, plus the scaling and
// centroids that apply the model again to any as-of date.
import { ApiError } from '../api/contract.ts';
import type { Db } from '../store/db.ts';
import type { SignalScaling } from './scaling.ts';
import type { ClusterModel, ClusterModelListItem } from './types.ts';

export interface StoredModel {
  summary: Omit<ClusterModel, 'live'>;
  scaling: SignalScaling[];
  /** k x d, row-major, in the order of summary.clusters. */
  centroids: Float64Array;
}

interface Row {
  model_id: number;
  scaling: string;
  centroids: string;
  summary: string;
}

function decode(row: Row): StoredModel {
  const centroids = JSON.parse(row.centroids) as number[][];
  return {
    summary: { ...(JSON.parse(row.summary) as Omit<ClusterModel, 'live'>), modelId: row.model_id },
    scaling: JSON.parse(row.scaling) as SignalScaling[],
    centroids: Float64Array.from(centroids.flat()),
  };
}

export function saveModel(db: Db, model: StoredModel): number {
  const d = model.scaling.length;
  const centroids = Array.from({ length: model.centroids.length / d }, (_, j) => Array.from(model.centroids.subarray(j * d, j * d + d)));
  const result = db.run(
    'INSERT INTO cluster_models (created_at, as_of, previous_model_id, scaling, centroids, summary) VALUES (?, ?, ?, ?, ?, ?)',
    [model.summary.createdAt, model.summary.asOf, model.summary.previousModelId, JSON.stringify(model.scaling), JSON.stringify(centroids), JSON.stringify(model.summary)],
  );
  return Number(result.lastInsertRowid);
}

export function loadModel(db: Db, modelId?: number): StoredModel | null {
  const row =
    modelId === undefined
      ? db.get<Row>('SELECT model_id, scaling, centroids, summary FROM cluster_models ORDER BY model_id DESC LIMIT 1')
      : db.get<Row>('SELECT model_id, scaling, centroids, summary FROM cluster_models WHERE model_id = ?', [modelId]);
  return row ? decode(row) : null;
}

export function requireModel(db: Db, modelId: number): StoredModel {
  const model = loadModel(db, modelId);
  if (!model) throw new ApiError({ code: 'cluster-model-not-found', message: `There is no cluster model ${modelId} in this workspace.` });
  return model;
}

export function listModels(db: Db): ClusterModelListItem[] {
  return db.all<Row>('SELECT model_id, scaling, centroids, summary FROM cluster_models ORDER BY model_id DESC').map((row) => {
    const { summary } = decode(row);
    return { modelId: row.model_id, createdAt: summary.createdAt, asOf: summary.asOf, k: summary.clusters.length, signals: summary.signals.length, names: summary.clusters.map((c) => c.name) };
  });
}

export function updateSummary(db: Db, modelId: number, summary: Omit<ClusterModel, 'live'>): void {
  db.run('UPDATE cluster_models SET summary = ? WHERE model_id = ?', [JSON.stringify(summary), modelId]);
}

/** The highest cluster key any model has used: new clusters get keys above it, so a key is never reused. */
export function maxKey(db: Db): number {
  let max = -1;
  for (const row of db.all<{ summary: string }>('SELECT summary FROM cluster_models')) {
    for (const c of (JSON.parse(row.summary) as ClusterModel).clusters) max = Math.max(max, c.key);
  }
  return max;
}
