// What a fit job is given: the session frame's columns it needs (shared memory, no copy), the
// previous model to carry identities over from, and the next free cluster key.
import type { Db } from '../store/db.ts';
import { columnOf, type SignalFrame } from '../signals/frame.ts';
import { columnsForFit, type PreviousModel } from './fit.ts';
import type { FitJobArgs } from './jobs.ts';
import { loadModel, maxKey } from './models.ts';
import type { ClusterSettings } from './types.ts';

export function fitJobArgs(db: Db, frame: SignalFrame, settings: ClusterSettings, workspacePath: string): FitJobArgs {
  const stored = loadModel(db);
  const previous: PreviousModel | null = stored
    ? { scaling: stored.scaling, centroids: stored.centroids, summary: { modelId: stored.summary.modelId, clusters: stored.summary.clusters } }
    : null;
  // Unknown ids are left out here; the fit then names them in its error.
  const signals = columnsForFit(settings, previous).flatMap((id) => frame.signals.filter((s) => s.id === id));
  return { workspacePath, asOf: frame.asOf, signals, values: signals.map((s) => columnOf(frame, s.id)!), settings, previous, nextKey: maxKey(db) + 1 };
}
