import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  type ClusterInfo,
  type ClusterModel,
  type ClusterProjection,
  type ClusterSettings,
  type KRecommendation,
  type SignalInfo,
  type SignalSnapshot,
} from '../../core/api/contract.ts';
import { answer as answerByName, calls, flush, send, sliceStore, testWorkspace } from './slices.test-support.ts';

vi.mock('../api/client.ts', () => import('./slices.test-support.ts').then((m) => m.fakeApiClient));

const { createClustersSlice, largestClusterKey, PROJECTION_POINTS } = await import('./clustersSlice.ts');

const info = (id: string): SignalInfo => ({ id, label: id, description: '', group: 'value', unit: 'count', direction: 1, missing: 'worst', windowDays: null, builtIn: true, defaultWeight: 0 });
const CATALOG = [info('orders'), info('revenue'), info('sessions_30d')];
const SNAPSHOT: SignalSnapshot = { asOf: '2026-01-01', customers: 100, computedMs: 5, signals: [] };
const SETTINGS: ClusterSettings = { signals: ['orders', 'revenue'], weights: {}, scaling: 'robust', missing: 'signal-policy', k: 2, seed: 1, maxIterations: 100, outcomeDays: 30 };

function cluster(key: number, size: number, name = `Cluster ${key}`): ClusterInfo {
  return { key, name, generatedName: name, renamed: false, colour: '#000', size, share: size / 100, profile: [0, 0], means: [1, 1], distinguishing: [], outcome: null, clvPerCustomer: null, continues: null };
}

function model(modelId: number, live = true, settings: ClusterSettings = SETTINGS): ClusterModel {
  return {
    modelId,
    createdAt: 0,
    asOf: '2026-01-01',
    settings,
    signals: settings.signals.map((id) => ({ id, label: id, unit: 'count' })),
    customers: 100,
    clustered: 100,
    dropped: 0,
    iterations: 5,
    converged: true,
    inertia: 1,
    fitMs: 10,
    outcome: null,
    clusters: [cluster(0, 30), cluster(1, 70)],
    previousModelId: null,
    live,
    evaluation: null,
  };
}

const listItem = (m: ClusterModel) => ({ modelId: m.modelId, createdAt: 0, asOf: m.asOf, k: m.clusters.length, signals: m.signals.length, names: m.clusters.map((c) => c.name) });
const PROJECTION: ClusterProjection = { modelId: 1, x: [0, 1], y: [0, 1], key: [0, 1], row: [0, 1], sampled: false, total: 2, explained: [0.5, 0.3], axes: [[], []] };

const workspace = () => testWorkspace({ schemaVersion: 3, lastEventAt: 0, hasGroundTruth: true });

const makeStore = () =>
  sliceStore(
    createClustersSlice,
    {
      setView: vi.fn(),
      setDataTab: vi.fn(),
      openCustomer: vi.fn(),
      enterSignals: vi.fn(async () => {}),
      setAsOfInput: vi.fn(),
      computeSignals: vi.fn(async () => {}),
    },
    workspace(),
  );

const answer = (table: Record<string, unknown>) => answerByName(table, { progress: { phase: 'Working', done: 1, total: 2, unit: 'steps', etaMs: null } });

beforeEach(() => {
  send.mockReset();
});

describe('clusters slice', () => {
  it('starts from the default set-up when there is no model, and says whether signals are computed', async () => {
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': null, 'cluster-models': [] });
    const { store } = makeStore();
    await store.getState().enterClusters();
    const s = store.getState();
    expect(s.clusterSignalsState).toBe('none');
    expect(s.clusterModel).toBeNull();
    expect(s.clusterDraft?.signals).toEqual(['orders', 'revenue', 'sessions_30d']);
    expect(s.clusterDraft?.k).toBe(6);
    expect(calls('cluster-model')).toHaveLength(0);
  });

  it('shows the newest model: its settings in the set-up, its projection, the largest cluster listed', async () => {
    const m = model(1);
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': SNAPSHOT, 'cluster-models': [listItem(m)], 'cluster-model': m, 'cluster-projection': PROJECTION, 'cluster-members': { total: 70, offset: 0, rows: [] } });
    const { store } = makeStore();
    await store.getState().enterClusters();
    await flush();
    const s = store.getState();
    expect(s.clusterSignalsState).toBe('ready');
    expect(s.clusterDraft).toEqual(SETTINGS);
    expect(s.projection).toEqual(PROJECTION);
    expect(calls('cluster-projection')[0]![1]).toEqual({ modelId: 1, maxPoints: PROJECTION_POINTS });
    expect(s.selectedClusterKey).toBe(1);
    expect(calls('cluster-members')[0]![1]).toEqual({ modelId: 1, key: 1, offset: 0, limit: 200 });
    expect(s.membersTotal).toBe(70);
  });

  it('fits with the set-up, shows the new model and refreshes the history', async () => {
    const fitted = model(2, true, { ...SETTINGS, k: 3 });
    answer({
      'signals-catalog': CATALOG,
      'signals-snapshot': SNAPSHOT,
      'cluster-models': [],
      'cluster-fit': fitted,
      'cluster-projection': { ...PROJECTION, modelId: 2 },
      'cluster-members': { total: 70, offset: 0, rows: [] },
    });
    const { store, toast } = makeStore();
    await store.getState().enterClusters();
    store.getState().editClusterDraft((s) => ({ ...s, signals: ['orders', 'revenue'], k: 3 }));
    const running = store.getState().fitClusters();
    expect(store.getState().clusterFitJob).not.toBeNull();
    await running;
    await flush();
    const s = store.getState();
    expect(calls('cluster-fit')[0]![1]).toEqual({ settings: expect.objectContaining({ signals: ['orders', 'revenue'], k: 3 }) });
    expect(s.clusterFitJob).toBeNull();
    expect(s.clusterModel?.modelId).toBe(2);
    expect(s.clusterDraftEdited).toBe(false);
    expect(calls('cluster-models').length).toBeGreaterThanOrEqual(2);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ kind: 'success' }));
  });

  it('refuses to fit without signals, and says when core has no signals computed', async () => {
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': SNAPSHOT, 'cluster-models': [], 'cluster-fit': new ApiError({ code: 'signals-not-computed', message: 'compute them first' }) });
    const { store } = makeStore();
    await store.getState().enterClusters();
    store.getState().editClusterDraft((s) => ({ ...s, signals: [] }));
    await store.getState().fitClusters();
    expect(store.getState().clusterFitError?.code).toBe('invalid-args');
    expect(calls('cluster-fit')).toHaveLength(0);
    store.getState().resetClusterDraft();
    await store.getState().fitClusters();
    expect(store.getState().clusterFitError).toEqual({ code: 'signals-not-computed', message: 'compute them first' });
    expect(store.getState().clusterSignalsState).toBe('none');
  });

  it('runs choose-k without k and notices when the set-up moves on', async () => {
    const rec: KRecommendation = { sampleSize: 100, silhouetteSampleSize: 100, seeds: [1, 2], candidates: [{ k: 2, inertiaPerCustomer: 1, silhouette: 0.4, stability: 1 }], recommended: 2, reason: 'Clear elbow.' };
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': SNAPSHOT, 'cluster-models': [], 'cluster-choose-k': rec });
    const { store } = makeStore();
    await store.getState().enterClusters();
    await store.getState().runChooseK();
    const s = store.getState();
    expect(s.chooseKOpen).toBe(true);
    expect(s.kRecommendation).toEqual(rec);
    expect(calls('cluster-choose-k')[0]![1]).toEqual({ settings: { signals: ['orders', 'revenue', 'sessions_30d'], weights: {}, scaling: 'robust', missing: 'signal-policy', seed: 1, kMin: 2, kMax: 15 } });
    const key = s.kRecommendationKey;
    store.getState().setClusterK(2);
    expect(store.getState().clusterDraft?.k).toBe(2);
    store.getState().editClusterDraft((d) => ({ ...d, scaling: 'z-score' }));
    expect(store.getState().kRecommendationKey).toBe(key);
  });

  it('shows a model from an earlier session without asking for what needs its assignments', async () => {
    const m = model(1, false);
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': SNAPSHOT, 'cluster-models': [listItem(m)], 'cluster-model': m });
    const { store } = makeStore();
    await store.getState().enterClusters();
    await flush();
    expect(store.getState().clusterModel?.live).toBe(false);
    expect(calls('cluster-projection')).toHaveLength(0);
    expect(calls('cluster-members')).toHaveLength(0);
  });

  it('marks the model not live when core says so', async () => {
    const m = model(1);
    answer({
      'signals-catalog': CATALOG,
      'signals-snapshot': SNAPSHOT,
      'cluster-models': [listItem(m)],
      'cluster-model': m,
      'cluster-projection': PROJECTION,
      'cluster-members': { total: 70, offset: 0, rows: [] },
      'cluster-customer': new ApiError({ code: 'cluster-not-live', message: 'Re-fit the model' }),
    });
    const { store } = makeStore();
    await store.getState().enterClusters();
    await flush();
    await store.getState().explainCustomer('c1');
    const s = store.getState();
    expect(s.clusterModel?.live).toBe(false);
    expect(s.projection).toBeNull();
    expect(s.explainError).toBeNull();
  });

  it('lists brushed points instead of the cluster, and goes back when cleared', async () => {
    const m = model(1);
    answer({
      'signals-catalog': CATALOG,
      'signals-snapshot': SNAPSHOT,
      'cluster-models': [listItem(m)],
      'cluster-model': m,
      'cluster-projection': PROJECTION,
      'cluster-members': (a: { rows?: number[] }) => ({ total: a.rows ? a.rows.length : 70, offset: 0, rows: [] }),
    });
    const { store } = makeStore();
    await store.getState().enterClusters();
    await flush();
    send.mockClear();
    const area = { brushType: 'rect' as const, range: { x: [0, 1] as [number, number], y: [0, 1] as [number, number] } };
    store.getState().setBrushSelection({ areas: [area], rows: [4, 9, 12], counts: [{ key: 1, count: 3 }] });
    await flush();
    expect(store.getState().membersTotal).toBe(3);
    expect(calls('cluster-members')[0]![1]).toEqual({ modelId: 1, rows: [4, 9, 12], offset: 0, limit: 3 });
    store.getState().setBrushSelection(null);
    await flush();
    expect(store.getState().brushSelection).toBeNull();
    expect(calls('cluster-members')[1]![1]).toEqual({ modelId: 1, key: 1, offset: 0, limit: 200 });
  });

  it('leaves hidden clusters out of the brushed selection, and keeps an area with nothing visible in it', async () => {
    const m = model(1);
    answer({
      'signals-catalog': CATALOG,
      'signals-snapshot': SNAPSHOT,
      'cluster-models': [listItem(m)],
      'cluster-model': m,
      'cluster-projection': PROJECTION,
      'cluster-members': (a: { rows?: number[] }) => ({ total: a.rows ? a.rows.length : 70, offset: 0, rows: [] }),
    });
    const { store } = makeStore();
    await store.getState().enterClusters();
    await flush();
    const area = { brushType: 'rect' as const, range: { x: [-1, 2] as [number, number], y: [-1, 2] as [number, number] } };
    store.getState().setBrushSelection({ areas: [area], rows: [0, 1], counts: [] });
    store.getState().toggleScatterCluster(0);
    expect(store.getState().scatterHidden).toEqual([0]);
    expect(store.getState().brushSelection?.rows).toEqual([1]);
    store.getState().toggleScatterCluster(1);
    expect(store.getState().brushSelection?.rows).toEqual([]);
    expect(store.getState().membersTotal).toBe(0);
    store.getState().toggleScatterCluster(0);
    expect(store.getState().brushSelection?.rows).toEqual([0]);
  });

  it('renames in place, keeping the scatter, and shows core’s objection next to the name', async () => {
    const m = model(1);
    const renamed = { ...m, clusters: [{ ...m.clusters[0]!, name: 'Big spenders', renamed: true }, m.clusters[1]!] };
    let fail = false;
    answer({
      'signals-catalog': CATALOG,
      'signals-snapshot': SNAPSHOT,
      'cluster-models': [listItem(m)],
      'cluster-model': m,
      'cluster-projection': PROJECTION,
      'cluster-members': { total: 70, offset: 0, rows: [] },
      'cluster-rename': () => {
        if (fail) throw new ApiError({ code: 'invalid-args', message: 'too long' });
        return renamed;
      },
    });
    const { store } = makeStore();
    await store.getState().enterClusters();
    await flush();
    expect(await store.getState().renameCluster(0, '  Big spenders ')).toBe(true);
    expect(calls('cluster-rename')[0]![1]).toEqual({ modelId: 1, key: 0, name: 'Big spenders' });
    expect(store.getState().clusterModel?.clusters[0]!.name).toBe('Big spenders');
    expect(store.getState().projection).toEqual(PROJECTION);
    fail = true;
    expect(await store.getState().renameCluster(0, 'x')).toBe(false);
    expect(store.getState().renameError).toEqual({ key: 0, message: 'too long' });
  });

  it('explains a clicked point by looking its customer up by row', async () => {
    const m = model(1);
    answer({
      'signals-catalog': CATALOG,
      'signals-snapshot': SNAPSHOT,
      'cluster-models': [listItem(m)],
      'cluster-model': m,
      'cluster-projection': PROJECTION,
      'cluster-members': (a: { rows?: number[] }) => ({ total: 1, offset: 0, rows: a.rows ? [{ row: 7, customerId: 'c7', key: 1, distance: 1, values: [] }] : [] }),
      'cluster-customer': (a: { customerId: string }) => ({ customerId: a.customerId, key: 1, distance: 1, distances: [], reasons: [], text: 'Closest to Cluster 1.' }),
    });
    const { store } = makeStore();
    await store.getState().enterClusters();
    await flush();
    await store.getState().explainRow(7);
    expect(store.getState().explainId).toBe('c7');
    expect(store.getState().explanation?.text).toBe('Closest to Cluster 1.');
  });

  it('opens the recommendation it has for the same set-up instead of running again', async () => {
    const rec: KRecommendation = { sampleSize: 100, silhouetteSampleSize: 100, seeds: [1], candidates: [], recommended: 3, reason: 'r' };
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': SNAPSHOT, 'cluster-models': [], 'cluster-choose-k': rec });
    const { store } = makeStore();
    await store.getState().enterClusters();
    await store.getState().runChooseK();
    store.getState().setChooseKOpen(false);
    await store.getState().runChooseK();
    expect(store.getState().chooseKOpen).toBe(true);
    expect(calls('cluster-choose-k')).toHaveLength(1);
    await store.getState().runChooseK(true);
    expect(calls('cluster-choose-k')).toHaveLength(2);
  });

  it('forgets everything when the workspace closes, even to open the same file again', async () => {
    const m = model(1);
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': SNAPSHOT, 'cluster-models': [listItem(m)], 'cluster-model': m, 'cluster-projection': PROJECTION, 'cluster-members': { total: 70, offset: 0, rows: [] } });
    const { store } = makeStore();
    await store.getState().enterClusters();
    await flush();
    expect(store.getState().clusterModel).not.toBeNull();
    store.setState({ workspace: null });
    expect(store.getState().clusterModel).toBeNull();
    expect(store.getState().clustersPath).toBeNull();
    store.setState({ workspace: workspace() });
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': null, 'cluster-models': [listItem(m)], 'cluster-model': { ...m, live: false } });
    await store.getState().enterClusters();
    expect(store.getState().clusterModel?.live).toBe(false);
    expect(store.getState().clusterSignalsState).toBe('none');
  });

  it('picks the largest cluster', () => {
    expect(largestClusterKey(model(1))).toBe(1);
    expect(largestClusterKey(null)).toBeNull();
  });
});
