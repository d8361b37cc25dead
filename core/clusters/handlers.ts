// Cluster workbench operations. Fits and the choice of k run as worker jobs on coordinates shared
// with the worker; the fitted model's assignments stay in the session for drill-down.
import { ApiError } from '../api/contract.ts';
import { runJobInWorker } from '../api/jobs.ts';
import type { HandlerGroup } from '../api/registry.ts';
import type { Session } from '../api/session.ts';
import { scoringState } from '../signals/handlers.ts';
import { requireWritable } from '../workspace/writable.ts';
import { explainCustomer, members, projection } from './drill-down.ts';
import { assembleModel, prepareMatrix, type LiveClusters } from './fit.ts';
import { fitJobArgs } from './fit-request.ts';
import type { ChooseKJobArgs, FitJobResult } from './jobs.ts';
import { listModels, loadModel, requireModel, updateSummary } from './models.ts';
import type { ClusterModel, KRecommendation } from './types.ts';

const jobsModule = new URL('./jobs.ts', import.meta.url);
const LIVE_KEY = 'clusters';

function liveModel(session: Session): LiveClusters | null {
  return (session.derived.get(LIVE_KEY) as LiveClusters | undefined) ?? null;
}

function requireLive(session: Session, modelId: number): LiveClusters {
  const live = liveModel(session);
  if (live?.modelId !== modelId) {
    requireModel(session.requireWorkspace().db, modelId);
    throw new ApiError({
      code: 'cluster-not-live',
      message: `Model ${modelId} was fitted in an earlier session, or the data changed since: fit it again to explore its customers.`,
    });
  }
  return live;
}

function withLive(session: Session, summary: Omit<ClusterModel, 'live'>): ClusterModel {
  return { ...summary, live: liveModel(session)?.modelId === summary.modelId };
}

function tooFew(n: number, k: number, dropped: number): ApiError {
  return new ApiError({
    code: 'too-few-customers',
    message: `${n.toLocaleString('en-US')} customers can be clustered${dropped ? ` (${dropped.toLocaleString('en-US')} left out for missing values)` : ''}, fewer than the ${k} clusters asked for.`,
  });
}

export const clusterHandlers: HandlerGroup = {
  'cluster-fit': async ({ settings }, ctx) => {
    const ws = ctx.session.requireWorkspace();
    requireWritable(ws, 'cluster models cannot be saved');
    const frame = scoringState(ctx.session).frame;
    const args = fitJobArgs(ws.db, frame, settings, ws.path);
    const { description, outcome } = await runJobInWorker<FitJobResult>(jobsModule, 'fitJob', args, ctx);
    const { model, live } = assembleModel(ws.db, frame, settings, description, outcome, args.previous?.summary.modelId ?? null);
    ctx.session.derived.set(LIVE_KEY, live);
    return model;
  },

  'cluster-choose-k': async ({ settings }, ctx) => {
    const frame = scoringState(ctx.session).frame;
    const { matrix } = prepareMatrix(frame, settings);
    if (settings.kMax < settings.kMin) throw new ApiError({ code: 'invalid-args', message: `kMax (${settings.kMax}) is below kMin (${settings.kMin}).` });
    if (matrix.n <= settings.kMin) throw tooFew(matrix.n, settings.kMin + 1, matrix.dropped);
    const args: ChooseKJobArgs = { data: matrix.data, n: matrix.n, d: matrix.d, kMin: settings.kMin, kMax: settings.kMax, seed: settings.seed };
    return runJobInWorker<KRecommendation>(jobsModule, 'chooseKJob', args, ctx);
  },

  'cluster-models': (_args, { session }) => listModels(session.requireWorkspace().db),

  'cluster-model': ({ modelId }, { session }) => {
    const stored = loadModel(session.requireWorkspace().db, modelId);
    if (!stored && modelId !== undefined) requireModel(session.requireWorkspace().db, modelId);
    return stored ? withLive(session, stored.summary) : null;
  },

  'cluster-rename': ({ modelId, key, name }, { session }) => {
    const ws = session.requireWorkspace();
    requireWritable(ws, 'cluster names cannot be saved');
    const { summary } = requireModel(ws.db, modelId);
    const cluster = summary.clusters.find((c) => c.key === key);
    if (!cluster) throw new ApiError({ code: 'cluster-not-found', message: `Model ${modelId} has no cluster with key ${key}.` });
    cluster.renamed = name !== '';
    cluster.name = name === '' ? cluster.generatedName : name;
    updateSummary(ws.db, modelId, summary);
    return withLive(session, summary);
  },

  'cluster-projection': ({ modelId, maxPoints }, { session }) => projection(requireLive(session, modelId), maxPoints),

  'cluster-members': ({ modelId, key, rows, offset, limit }, { session }) => members(requireLive(session, modelId), { key, rows, offset, limit }),

  'cluster-customer': ({ modelId, customerId }, { session }) => {
    const live = requireLive(session, modelId);
    const { summary } = requireModel(session.requireWorkspace().db, modelId);
    return explainCustomer(live, withLive(session, summary), customerId);
  },
};
