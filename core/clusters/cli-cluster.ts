// `segwb cluster`: the same fit the app makes (and stores as a model in the workspace), for
// scripts: assignments as CSV, the cluster summary as JSON.
import type { Workspace } from '../store/workspace.ts';
import { terminalJob } from '../sample/cli-demo.ts';
import { writeCsv, type CsvValue } from '../files/csv-writer.ts';
import { defaultAsOf, parseAsOf } from '../signals/as-of.ts';
import { computeSignals } from '../signals/compute.ts';
import { assembleModel, prepareMatrix } from './fit.ts';
import { fitJobArgs } from './fit-request.ts';
import { chooseKJob, fitJob } from './jobs.ts';
import { clusterSettingsSchema, DEFAULT_CLUSTER_SIGNALS, type ClusterModel, type KRecommendation } from './types.ts';

export interface ClusterCliOptions {
  asOf?: string | undefined;
  k: number | 'auto';
  seed: number;
  signals?: string[] | undefined;
  out?: string | undefined;
}

export async function runClusterCli(ws: Workspace, options: ClusterCliOptions): Promise<{ model: ClusterModel; chooseK: KRecommendation | null }> {
  const { job, done } = terminalJob();
  const asOf = options.asOf ? parseAsOf(options.asOf) : defaultAsOf(ws.db);
  const frame = computeSignals(ws.db, { asOf }, job);
  const base = { signals: options.signals ?? [...DEFAULT_CLUSTER_SIGNALS], seed: options.seed };
  let chooseK: KRecommendation | null = null;
  let k: number;
  if (options.k === 'auto') {
    const { matrix } = prepareMatrix(frame, clusterSettingsSchema.parse({ ...base, k: 2 }));
    chooseK = chooseKJob({ data: matrix.data, n: matrix.n, d: matrix.d, kMin: 2, kMax: 15, seed: options.seed }, job);
    k = chooseK.recommended;
  } else {
    k = options.k;
  }
  const settings = clusterSettingsSchema.parse({ ...base, k });
  const args = fitJobArgs(ws.db, frame, settings, ws.path);
  const { description, outcome } = fitJob(args, job);
  done();
  const { model, live } = assembleModel(ws.db, frame, settings, description, outcome, args.previous?.summary.modelId ?? null);
  const { matrix } = description;

  if (options.out) {
    const ids = frame.customerIds;
    function* rows(): Generator<CsvValue[]> {
      for (let i = 0; i < matrix.n; i++) {
        const j = live.labels[i]!;
        yield [ids[matrix.frameRows[i]!]!, live.keys[j]!, model.clusters[j]!.name, Math.round(live.distances[i]! * 1e6) / 1e6];
      }
    }
    await writeCsv(options.out, ['customer_id', 'cluster_id', 'cluster_name', 'distance'], rows());
  }
  return { model, chooseK };
}
