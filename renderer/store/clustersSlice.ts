// The Clusters view: the set-up being edited, choose-k, fitting, the stored models (history), and
// what the current model shows — projection, the members of a cluster or of a brushed selection,
// one customer's explanation.
//
// Long jobs (fit, choose-k) keep running when the analyst switches views; their state lives here
// and their AbortControllers in this module. Answers for another workspace (epoch) or for a model
// no longer shown (modelToken) are dropped. A model from an earlier session is shown from what is
// stored (profile, sizes, outcomes), and everything that needs its assignments waits for a re-fit.
import type {
  ClusterExplanation,
  ClusterModel,
  ClusterModelListItem,
  ClusterProjection,
  ClusterSettings,
  KRecommendation,
  SignalInfo,
} from '../../core/api/contract.ts';
import { api } from '../api/client.ts';
import { errorCode, errorMessage, isCancelled, isConnectionError } from '../lib/errors.ts';
import { chooseKKey, chooseKSettingsOf, defaultClusterSettings, fitKey, knownSettings, settingsProblem } from '../views/clusters/clusterSettings.ts';
import { memberRequest, MemberRowSource } from '../views/clusters/memberRows.ts';
import { selectInAreas, type BrushSelection } from '../views/clusters/selection.ts';
import { jobFailure, type JobFailure, type LongJob } from './signalsSlice.ts';
import type { SliceCreator } from './types.ts';

/** Points asked of cluster-projection: responsive in ECharts' large mode, a seeded sample beyond. */
export const PROJECTION_POINTS = 100_000;

/** unknown: not asked yet; none: not computed in this session; ready: clusters can be fitted. */
export type ClusterSignalsState = 'unknown' | 'none' | 'ready';

export interface ClustersSlice {
  /** The workspace this state belongs to; another one resets it. */
  clustersPath: string | null;
  clustersLoading: boolean;
  clustersLoadError: string | null;
  clusterCatalog: SignalInfo[] | null;
  clusterSignalsState: ClusterSignalsState;
  /** The as-of date of the signals computed in this session. */
  clusterSignalsAsOf: string | null;

  clusterDraft: ClusterSettings | null;
  /** Changed by the analyst since it was taken from a model (or the defaults). */
  clusterDraftEdited: boolean;

  clusterModels: ClusterModelListItem[];
  clusterModel: ClusterModel | null;
  clusterModelLoading: boolean;
  clusterFitJob: LongJob | null;
  clusterFitError: JobFailure | null;

  chooseKOpen: boolean;
  kRecommendation: KRecommendation | null;
  /** chooseKKey of the settings the recommendation was computed for. */
  kRecommendationKey: string | null;
  chooseKJob: LongJob | null;
  chooseKError: JobFailure | null;

  projection: ClusterProjection | null;
  projectionLoading: boolean;
  projectionError: string | null;

  /** The cluster whose members are listed (when nothing is brushed). */
  selectedClusterKey: number | null;
  /** Points brushed in the scatter; takes over the members table while set (even with no rows). */
  brushSelection: BrushSelection | null;
  /** Clusters switched off in the scatter's legend: not drawn, not selected. */
  scatterHidden: number[];
  memberRows: MemberRowSource;
  membersTotal: number | null;
  /** Bumped when rows arrive or the query changes, so the table re-renders. */
  membersVersion: number;
  /** Bumped when the query changes (another cluster or selection): the table starts at the top. */
  membersQueryVersion: number;
  membersError: string | null;

  explainId: string | null;
  explanation: ClusterExplanation | null;
  explainLoading: boolean;
  explainError: string | null;

  renamingKey: number | null;
  renameError: { key: number; message: string } | null;

  enterClusters(): Promise<void>;
  /** Computes signals (through the Signals view's action, so both views agree), then reloads. */
  computeSignalsForClusters(asOf?: string): Promise<void>;
  editClusterDraft(change: (s: ClusterSettings) => ClusterSettings): void;
  /** Back to the shown model's settings (or the defaults without a model). */
  resetClusterDraft(): void;
  fitClusters(settings?: ClusterSettings): Promise<void>;
  /** Fits again with the shown model's own settings (after a restart, or new data). */
  refitClusterModel(): Promise<void>;
  cancelClusterFit(): void;
  /** Opens choose-k; runs it unless a recommendation for this set-up is there already (or `force`). */
  runChooseK(force?: boolean): Promise<void>;
  cancelChooseK(): void;
  setChooseKOpen(open: boolean): void;
  setClusterK(k: number): void;
  selectClusterModel(modelId: number): Promise<void>;
  renameCluster(key: number, name: string): Promise<boolean>;
  loadProjection(): Promise<void>;
  selectCluster(key: number): void;
  setBrushSelection(selection: BrushSelection | null): void;
  toggleScatterCluster(key: number): void;
  requestMembers(start: number, end: number): void;
  retryMembers(): void;
  explainCustomer(customerId: string): Promise<void>;
  /** A point clicked in the scatter: its customer is looked up by model row, then explained. */
  explainRow(row: number): Promise<void>;
  closeExplanation(): void;
  openClusterCustomerTimeline(customerId: string): void;
}

const JOB_TITLES: Record<string, string> = {
  'signals-not-computed': 'Signals are not computed',
  'cluster-not-live': 'This model needs a re-fit',
  'too-few-customers': 'Too few customers for that many clusters',
  'invalid-args': 'Invalid set-up',
  'workspace-read-only': 'The workspace is read-only',
};

export function clusterFailureTitle(f: JobFailure, fallback: string): string {
  return JOB_TITLES[f.code] ?? fallback;
}

/** The largest cluster: what the members table starts with. */
export function largestClusterKey(model: Pick<ClusterModel, 'clusters'> | null): number | null {
  if (!model || model.clusters.length === 0) return null;
  return model.clusters.reduce((a, b) => (b.size > a.size ? b : a)).key;
}

function freshState() {
  return {
    clustersLoading: false,
    clustersLoadError: null,
    clusterCatalog: null,
    clusterSignalsState: 'unknown' as ClusterSignalsState,
    clusterSignalsAsOf: null,
    clusterDraft: null,
    clusterDraftEdited: false,
    clusterModels: [],
    clusterModel: null,
    clusterModelLoading: false,
    clusterFitJob: null,
    clusterFitError: null,
    chooseKOpen: false,
    kRecommendation: null,
    kRecommendationKey: null,
    chooseKJob: null,
    chooseKError: null,
    projection: null,
    projectionLoading: false,
    projectionError: null,
    selectedClusterKey: null,
    brushSelection: null,
    scatterHidden: [],
    membersTotal: null,
    membersVersion: 0,
    membersQueryVersion: 0,
    membersError: null,
    explainId: null,
    explanation: null,
    explainLoading: false,
    explainError: null,
    renamingKey: null,
    renameError: null,
  } satisfies Partial<ClustersSlice>;
}

// Not state: controllers and tokens are neither serialisable nor something a component renders.
let fitAbort: AbortController | null = null;
let chooseKAbort: AbortController | null = null;
/** Bumped when the workspace changes: answers for the previous one are dropped. */
let epoch = 0;
/** Bumped when another model is shown: its projection and explanations are dropped. */
let modelToken = 0;
let explainToken = 0;

function startJob(): LongJob {
  return { progress: null, startedAt: Date.now(), cancelling: false };
}

export const createClustersSlice: SliceCreator<ClustersSlice> = (set, get, store) => {
  const memberRows = new MemberRowSource((query, offset, limit) => api.send('cluster-members', memberRequest(query, offset, limit)), {
    onRows: (total) => set((s) => ({ membersTotal: total, membersVersion: s.membersVersion + 1, membersError: null })),
    onError: (err) => {
      if (isCancelled(err)) return;
      if (notLive(err)) return modelNotLive();
      if (isConnectionError(err)) return get().reportError(err);
      set({ membersError: errorMessage(err) });
    },
  });

  const notLive = (err: unknown) => errorCode(err) === 'cluster-not-live';
  const notComputed = (err: unknown) => errorCode(err) === 'signals-not-computed';

  /** Core no longer holds the model's assignments: keep what is stored, drop what needs them. */
  function modelNotLive() {
    const model = get().clusterModel;
    memberRows.setQuery(null);
    set({
      clusterModel: model ? { ...model, live: false } : model,
      projection: null,
      projectionLoading: false,
      projectionError: null,
      brushSelection: null,
      membersTotal: null,
      membersError: null,
      explainLoading: false,
    });
  }

  /** The members table shows the brushed points, or else the selected cluster. */
  function queryMembers() {
    const { clusterModel: model, brushSelection, selectedClusterKey } = get();
    if (!model?.live) memberRows.setQuery(null);
    else if (brushSelection) memberRows.setQuery({ modelId: model.modelId, kind: 'rows', rows: brushSelection.rows });
    else if (selectedClusterKey !== null) memberRows.setQuery({ modelId: model.modelId, kind: 'cluster', key: selectedClusterKey });
    else memberRows.setQuery(null);
    set((s) => ({
      membersTotal: brushSelection ? brushSelection.rows.length : null,
      membersVersion: s.membersVersion + 1,
      membersQueryVersion: s.membersQueryVersion + 1,
      membersError: null,
    }));
  }

  /** A model to show: a new fit, another one from the history, or the newest on entering. */
  function showModel(model: ClusterModel | null, opts: { keepSelection?: boolean } = {}) {
    const prev = get().clusterModel;
    const sameModel = prev !== null && model !== null && prev.modelId === model.modelId;
    if (!sameModel) modelToken++;
    const catalog = get().clusterCatalog ?? [];
    const patch: Partial<ClustersSlice> = { clusterModel: model };
    if (!get().clusterDraftEdited || !get().clusterDraft) {
      patch.clusterDraft = model ? knownSettings(model.settings, catalog) : defaultClusterSettings(catalog);
      patch.clusterDraftEdited = false;
    }
    const keep = sameModel && opts.keepSelection !== false && model.live && prev.live;
    if (!keep) {
      const selected = get().selectedClusterKey;
      // Keys survive re-fits, so the same cluster stays selected when it still exists.
      const stillThere = model?.clusters.some((c) => c.key === selected) ?? false;
      Object.assign(patch, {
        projection: null,
        projectionError: null,
        projectionLoading: false,
        brushSelection: null,
        scatterHidden: [],
        selectedClusterKey: stillThere ? selected : largestClusterKey(model),
      });
      explainToken++;
      Object.assign(patch, { explainId: null, explanation: null, explainLoading: false, explainError: null });
    }
    set(patch);
    if (!keep) {
      queryMembers();
      if (model?.live) void get().loadProjection();
    }
  }

  async function refreshModels() {
    const e = epoch;
    try {
      const models = await api.send('cluster-models', {});
      if (e === epoch) set({ clusterModels: models });
    } catch (err) {
      if (e === epoch && isConnectionError(err)) get().reportError(err);
    }
  }

  /** Everything of the previous workspace goes: jobs, answers on their way, the state. */
  function reset(path: string | null) {
    epoch++;
    modelToken++;
    explainToken++;
    fitAbort?.abort();
    chooseKAbort?.abort();
    memberRows.setQuery(null);
    set({ clustersPath: path, ...freshState() });
  }

  // Closing a workspace (even to open the same file again) ends its session in core: models are
  // no longer live and the signals are gone, so nothing shown for it may survive.
  store.subscribe((s, prev) => {
    if (s.workspace?.path !== prev.workspace?.path && get().clustersPath !== null) reset(null);
  });

  function jobProgress(which: 'clusterFitJob' | 'chooseKJob', e: number) {
    return (progress: LongJob['progress']) => {
      const job = get()[which];
      if (job && e === epoch) set({ [which]: { ...job, progress } } as Pick<ClustersSlice, typeof which>);
    };
  }

  return {
    clustersPath: null,
    ...freshState(),
    memberRows,

    async enterClusters() {
      const ws = get().workspace;
      if (!ws) return;
      if (get().clustersPath !== ws.path) reset(ws.path);
      const e = epoch;
      set({ clustersLoading: get().clusterCatalog === null, clustersLoadError: null });
      try {
        const shown = get().clusterModel?.modelId;
        const [catalog, snapshot, models] = await Promise.all([api.send('signals-catalog', {}), api.send('signals-snapshot', {}), api.send('cluster-models', {})]);
        if (e !== epoch) return;
        // The model on screen stays on screen when it still exists; otherwise the newest one.
        const wanted = shown !== undefined && models.some((m) => m.modelId === shown) ? shown : undefined;
        const model = models.length === 0 ? null : await api.send('cluster-model', wanted === undefined ? {} : { modelId: wanted });
        if (e !== epoch) return;
        set({
          clusterCatalog: catalog,
          clusterSignalsState: snapshot ? 'ready' : 'none',
          clusterSignalsAsOf: snapshot?.asOf ?? null,
          clusterModels: models,
          clustersLoading: false,
        });
        const prev = get().clusterModel;
        // Re-entering with the same live model keeps the scatter, the selection and the explanation.
        showModel(model, { keepSelection: prev !== null && model !== null && prev.live === model.live });
      } catch (err) {
        if (e !== epoch) return;
        set({ clustersLoading: false, clustersLoadError: errorMessage(err) });
        if (isConnectionError(err)) get().reportError(err);
      }
    },

    async computeSignalsForClusters(asOf) {
      await get().enterSignals();
      if (asOf) get().setAsOfInput(asOf);
      await get().computeSignals();
      // The view reloads when the signals' snapshot changes (see ClustersView).
    },

    editClusterDraft(change) {
      const draft = get().clusterDraft;
      if (!draft) return;
      const next = change(draft);
      if (next === draft) return;
      set({ clusterDraft: next, clusterDraftEdited: true, clusterFitError: null });
    },

    resetClusterDraft() {
      const model = get().clusterModel;
      const catalog = get().clusterCatalog ?? [];
      set({ clusterDraft: model ? knownSettings(model.settings, catalog) : defaultClusterSettings(catalog), clusterDraftEdited: false, clusterFitError: null });
    },

    async fitClusters(settingsArg) {
      if (get().clusterFitJob) return;
      const settings = settingsArg ?? get().clusterDraft;
      if (!settings) return;
      const problem = settingsProblem(settings);
      if (problem) {
        set({ clusterFitError: { code: 'invalid-args', message: problem } });
        return;
      }
      fitAbort?.abort();
      const abort = new AbortController();
      fitAbort = abort;
      const e = epoch;
      set({ clusterFitJob: startJob(), clusterFitError: null });
      try {
        const model = await api.send('cluster-fit', { settings }, { signal: abort.signal, onProgress: jobProgress('clusterFitJob', e) });
        if (abort.signal.aborted) throw new DOMException('Cancelled', 'AbortError');
        if (e !== epoch) return;
        // The set-up now describes this model, unless the analyst changed it while it ran.
        const draft = get().clusterDraft;
        const untouched = !draft || fitKey(draft) === fitKey(settings) || settingsArg !== undefined;
        // The results take the room choose-k had; "Choose k…" opens the same recommendation again.
        set({ clusterFitJob: null, clusterSignalsState: 'ready', chooseKOpen: false, ...(untouched ? { clusterDraftEdited: false, clusterDraft: null } : {}) });
        showModel(model, { keepSelection: false });
        void refreshModels();
        get().toast({ kind: 'success', title: `${model.clusters.length} clusters fitted`, message: `${model.clustered.toLocaleString('en-US')} customers as of ${model.asOf}.` });
      } catch (err) {
        if (e !== epoch) return;
        if (abort.signal.aborted || isCancelled(err)) set({ clusterFitJob: null });
        else if (isConnectionError(err)) {
          set({ clusterFitJob: null });
          get().reportError(err);
        } else {
          set({ clusterFitJob: null, clusterFitError: jobFailure(err), ...(notComputed(err) ? { clusterSignalsState: 'none' as const, clusterSignalsAsOf: null } : {}) });
        }
      } finally {
        if (fitAbort === abort) fitAbort = null;
      }
    },

    async refitClusterModel() {
      const model = get().clusterModel;
      if (!model) return;
      await get().fitClusters(knownSettings(model.settings, get().clusterCatalog ?? []));
    },

    cancelClusterFit() {
      const job = get().clusterFitJob;
      if (!job || job.cancelling) return;
      set({ clusterFitJob: { ...job, cancelling: true } });
      fitAbort?.abort();
    },

    async runChooseK(force = false) {
      const draft = get().clusterDraft;
      if (!draft || get().chooseKJob) return;
      set({ chooseKOpen: true });
      if (!force && get().kRecommendation && get().kRecommendationKey === chooseKKey(draft)) return;
      const problem = draft.signals.length === 0 ? 'Choose at least one signal to cluster on.' : null;
      if (problem) {
        set({ chooseKError: { code: 'invalid-args', message: problem } });
        return;
      }
      chooseKAbort?.abort();
      const abort = new AbortController();
      chooseKAbort = abort;
      const e = epoch;
      const key = chooseKKey(draft);
      set({ chooseKJob: startJob(), chooseKError: null });
      try {
        const rec = await api.send('cluster-choose-k', { settings: chooseKSettingsOf(draft) }, { signal: abort.signal, onProgress: jobProgress('chooseKJob', e) });
        if (abort.signal.aborted) throw new DOMException('Cancelled', 'AbortError');
        if (e !== epoch) return;
        set({ chooseKJob: null, kRecommendation: rec, kRecommendationKey: key });
      } catch (err) {
        if (e !== epoch) return;
        if (abort.signal.aborted || isCancelled(err)) set({ chooseKJob: null });
        else if (isConnectionError(err)) {
          set({ chooseKJob: null });
          get().reportError(err);
        } else set({ chooseKJob: null, chooseKError: jobFailure(err), ...(notComputed(err) ? { clusterSignalsState: 'none' as const, clusterSignalsAsOf: null } : {}) });
      } finally {
        if (chooseKAbort === abort) chooseKAbort = null;
      }
    },

    cancelChooseK() {
      const job = get().chooseKJob;
      if (!job || job.cancelling) return;
      set({ chooseKJob: { ...job, cancelling: true } });
      chooseKAbort?.abort();
    },

    setChooseKOpen: (chooseKOpen) => set({ chooseKOpen }),

    setClusterK(k) {
      get().editClusterDraft((s) => (s.k === k ? s : { ...s, k }));
    },

    async selectClusterModel(modelId) {
      if (get().clusterModel?.modelId === modelId) return;
      const e = epoch;
      const token = ++modelToken;
      set({ clusterModelLoading: true });
      try {
        const model = await api.send('cluster-model', { modelId });
        if (e !== epoch || token !== modelToken) return;
        set({ clusterModelLoading: false, clusterDraftEdited: false });
        showModel(model, { keepSelection: false });
      } catch (err) {
        if (e !== epoch || token !== modelToken) return;
        set({ clusterModelLoading: false });
        get().reportError(err, 'Could not open that model');
      }
    },

    async renameCluster(key, name) {
      const model = get().clusterModel;
      if (!model || get().renamingKey !== null) return false;
      const e = epoch;
      set({ renamingKey: key, renameError: null });
      try {
        const updated = await api.send('cluster-rename', { modelId: model.modelId, key, name: name.trim() });
        if (e !== epoch) return false;
        set({ renamingKey: null });
        // Only names changed: the scatter, selection and explanation stay.
        if (get().clusterModel?.modelId === updated.modelId) set({ clusterModel: { ...updated, live: get().clusterModel?.live ?? updated.live } });
        void refreshModels();
        return true;
      } catch (err) {
        if (e !== epoch) return false;
        set({ renamingKey: null });
        if (isConnectionError(err)) get().reportError(err);
        else set({ renameError: { key, message: errorMessage(err) } });
        return false;
      }
    },

    async loadProjection() {
      const model = get().clusterModel;
      if (!model?.live) return;
      const token = modelToken;
      set({ projectionLoading: true, projectionError: null });
      try {
        const projection = await api.send('cluster-projection', { modelId: model.modelId, maxPoints: PROJECTION_POINTS });
        if (token !== modelToken) return;
        set({ projection, projectionLoading: false });
      } catch (err) {
        if (token !== modelToken) return;
        set({ projectionLoading: false });
        if (notLive(err)) return modelNotLive();
        if (isConnectionError(err)) return get().reportError(err);
        set({ projectionError: errorMessage(err) });
      }
    },

    selectCluster(key) {
      if (get().selectedClusterKey === key && !get().brushSelection) return;
      set({ selectedClusterKey: key, brushSelection: null });
      queryMembers();
    },

    setBrushSelection(selection) {
      // A drawn area stays a selection when no visible point is inside: the table says 0.
      const none = !selection || selection.areas.length === 0;
      if (none && !get().brushSelection) return;
      set({ brushSelection: none ? null : selection });
      queryMembers();
    },

    toggleScatterCluster(key) {
      const hidden = new Set(get().scatterHidden);
      if (hidden.has(key)) hidden.delete(key);
      else hidden.add(key);
      set({ scatterHidden: [...hidden] });
      const { brushSelection, projection } = get();
      if (brushSelection && projection) get().setBrushSelection(selectInAreas(projection, brushSelection.areas, hidden));
    },

    requestMembers: (start, end) => memberRows.request(start, end),
    retryMembers() {
      set({ membersError: null });
      memberRows.retry();
    },

    async explainCustomer(customerId) {
      const model = get().clusterModel;
      if (!model) return;
      const token = ++explainToken;
      set({ explainId: customerId, explainLoading: true, explainError: null });
      try {
        const explanation = await api.send('cluster-customer', { modelId: model.modelId, customerId });
        if (token !== explainToken) return;
        set({ explanation, explainLoading: false });
      } catch (err) {
        if (token !== explainToken) return;
        set({ explainLoading: false, explanation: null });
        if (notLive(err)) return modelNotLive();
        if (isConnectionError(err)) return get().reportError(err);
        set({ explainError: errorMessage(err) });
      }
    },

    async explainRow(row) {
      const model = get().clusterModel;
      if (!model?.live) return;
      const token = ++explainToken;
      set({ explainLoading: true, explainError: null });
      try {
        const page = await api.send('cluster-members', { modelId: model.modelId, rows: [row], offset: 0, limit: 1 });
        if (token !== explainToken) return;
        const member = page.rows[0];
        if (!member) {
          set({ explainLoading: false, explainError: 'That point has no customer in the model any more.' });
          return;
        }
        await get().explainCustomer(member.customerId);
      } catch (err) {
        if (token !== explainToken) return;
        set({ explainLoading: false });
        if (notLive(err)) return modelNotLive();
        if (isConnectionError(err)) return get().reportError(err);
        set({ explainError: errorMessage(err) });
      }
    },

    closeExplanation() {
      explainToken++;
      set({ explainId: null, explanation: null, explainLoading: false, explainError: null });
    },

    openClusterCustomerTimeline(customerId) {
      get().setDataTab('customers');
      get().setView('data');
      void get().openCustomer(customerId);
    },
  };
};
