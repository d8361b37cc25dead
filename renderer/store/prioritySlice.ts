// The Priority tab of the Rules view: the order of the saved segments (who claims a customer
// first), the analysis of that order (primary members, members claimed above, who takes from whom)
// and the export of every customer's primary segment.
//
// A reorder shows at once and is saved right away (after a short pause, so a few quick keyboard
// moves are one save); the analysis is asked for again once the order is saved. The saved
// segments themselves live in the rules slice (rulesSegments); this slice keeps the order being
// shown while a save is on its way.
import type { PriorityAnalysis, SavedSegment } from '../../core/api/contract.ts';
import { api } from '../api/client.ts';
import { errorCode, errorMessage, isCancelled, isConnectionError } from '../lib/errors.ts';
import { defaultExportPath, inOrder, moveItem, orderOf, positionText, sameOrder } from '../views/rules/priority/priorityOrder.ts';
import { jobFailure, type JobFailure, type LongJob } from './signalsSlice.ts';
import { createExportWriter, idleExport, type SaveFileExport } from './saveFileExport.ts';
import type { SliceCreator } from './types.ts';

export type PrioritySaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface PriorityExportResult {
  path: string;
  rows: number;
  bytes: number;
}

export interface PrioritySlice {
  priorityPath: string | null;
  /** True once the saved segments have been asked for on entering. */
  priorityLoaded: boolean;
  priorityLoadError: string | null;
  /** Segment ids in the order shown (saved, or being saved). */
  priorityOrder: number[];
  prioritySaveState: PrioritySaveState;
  prioritySaveError: string | null;
  /** The order before the last change (Undo); null when there is nothing to undo. */
  priorityUndo: number[] | null;
  /** For screen readers: what the last move did. */
  priorityAnnouncement: string;

  priorityAnalysis: PriorityAnalysis | null;
  /** Key of the segments (ids, versions, order) the analysis was computed for. */
  priorityAnalysisKey: string | null;
  priorityJob: LongJob | null;
  priorityError: JobFailure | null;

  priorityExportPath: string;
  priorityExport: SaveFileExport<PriorityExportResult>;

  enterPriority(): Promise<void>;
  /** Moves a segment to a position of the list and saves the new order. */
  movePriority(segmentId: number, toIndex: number): void;
  undoPriorityMove(): void;
  runPriorityAnalysis(force?: boolean): Promise<void>;
  cancelPriorityAnalysis(): void;
  setPriorityExportPath(path: string): void;
  exportPrimary(overwrite?: boolean): Promise<void>;
  cancelPriorityExport(): void;
  dismissPriorityReplace(): void;
}

export const PRIORITY_SAVE_DELAY_MS = 400;

function freshState() {
  return {
    priorityLoaded: false,
    priorityLoadError: null,
    priorityOrder: [],
    prioritySaveState: 'idle' as PrioritySaveState,
    prioritySaveError: null,
    priorityUndo: null,
    priorityAnnouncement: '',
    priorityAnalysis: null,
    priorityAnalysisKey: null,
    priorityJob: null,
    priorityError: null,
    priorityExportPath: '',
    priorityExport: idleExport<PriorityExportResult>(),
  } satisfies Partial<PrioritySlice>;
}

/** What the analysis depends on: which segments, which version of their rules, in which order. */
export function segmentsKey(segments: readonly SavedSegment[], order: readonly number[]): string {
  return JSON.stringify(inOrder(segments, order).map((s) => [s.segmentId, s.version]));
}

let saveTimer: ReturnType<typeof setTimeout> | null = null;
let saving: Promise<void> | null = null;
let analysisAbort: AbortController | null = null;
/** Key of the analysis in flight: asking again for the same one does not restart it. */
let runningKey: string | null = null;
let epoch = 0;

export const createPrioritySlice: SliceCreator<PrioritySlice> = (set, get, store) => {
  const segments = (): SavedSegment[] => get().rulesSegments ?? [];
  const exporter = createExportWriter<PriorityExportResult>({
    read: () => get().priorityExport,
    write: (patch) => set((s) => ({ priorityExport: { ...s.priorityExport, ...patch } })),
    reportError: (err) => get().reportError(err),
  });

  function reset(path: string | null) {
    epoch++;
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    analysisAbort?.abort();
    exporter.reset();
    set({ priorityPath: path, ...freshState() });
  }

  store.subscribe((s, prev) => {
    if (s.workspace?.path !== prev.workspace?.path && get().priorityPath !== null) reset(null);
    // Segments saved, deleted or reordered elsewhere: follow, unless an order of ours is on its way.
    if (s.rulesSegments !== prev.rulesSegments && get().priorityPath !== null) {
      const state = get().prioritySaveState;
      const list = s.rulesSegments ?? [];
      const order = state === 'pending' || state === 'saving' ? inOrder(list, get().priorityOrder).map((x) => x.segmentId) : orderOf(list);
      if (!sameOrder(order, get().priorityOrder)) set({ priorityOrder: order });
    }
  });

  async function saveOrder() {
    saveTimer = null;
    if (saving) {
      // One save at a time; the newest order goes out when the one in flight is back.
      await saving;
      if (saveTimer || get().prioritySaveState !== 'pending') return;
    }
    const order = get().priorityOrder;
    const e = epoch;
    set({ prioritySaveState: 'saving', prioritySaveError: null });
    const run = (async () => {
      try {
        const answer = await api.send('segments-priority-save', { order });
        if (e !== epoch) return;
        const newer = !sameOrder(order, get().priorityOrder);
        get().applySavedSegments(answer);
        if (newer) {
          // Moved again while saving: keep the newer order on screen and save it next.
          set({ prioritySaveState: 'pending' });
          if (!saveTimer) saveTimer = setTimeout(() => void saveOrder(), 0);
          return;
        }
        set({ prioritySaveState: 'saved', priorityOrder: orderOf(answer) });
        void get().runPriorityAnalysis();
      } catch (err) {
        if (e !== epoch) return;
        // The list goes back to what is stored; the message says why.
        set({ prioritySaveState: 'error', prioritySaveError: errorMessage(err), priorityOrder: orderOf(segments()), priorityUndo: null });
        if (isConnectionError(err) || errorCode(err) === 'no-workspace-open') get().reportError(err);
      }
    })();
    saving = run;
    await run;
    if (saving === run) saving = null;
  }

  function showOrder(order: number[], undo: number[] | null, announcement: string) {
    set({ priorityOrder: order, priorityUndo: undo, priorityAnnouncement: announcement, prioritySaveState: 'pending', prioritySaveError: null });
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void saveOrder(), PRIORITY_SAVE_DELAY_MS);
  }

  return {
    priorityPath: null,
    ...freshState(),

    async enterPriority() {
      const ws = get().workspace;
      if (!ws) return;
      if (get().priorityPath !== ws.path) reset(ws.path);
      const e = epoch;
      if (!get().priorityExportPath) set({ priorityExportPath: defaultExportPath(ws.path, ws.name) });
      set({ priorityLoadError: null });
      try {
        await get().loadRuleSegments();
      } catch (err) {
        if (e !== epoch) return;
        set({ priorityLoadError: errorMessage(err), priorityLoaded: true });
        return;
      }
      if (e !== epoch) return;
      const loadError = get().rulesSegmentsError;
      if (loadError) {
        set({ priorityLoadError: loadError, priorityLoaded: true });
        return;
      }
      const state = get().prioritySaveState;
      if (state !== 'pending' && state !== 'saving') set({ priorityOrder: orderOf(segments()) });
      set({ priorityLoaded: true });
      if (segments().length > 0 && state !== 'pending' && state !== 'saving') void get().runPriorityAnalysis();
    },

    movePriority(segmentId, toIndex) {
      const order = get().priorityOrder;
      const from = order.indexOf(segmentId);
      const next = moveItem(order, from, toIndex);
      if (next === order) return;
      const name = segments().find((s) => s.segmentId === segmentId)?.name ?? `Segment ${segmentId}`;
      // Undo goes back to the order before this run of moves, not one step.
      const unsaved = get().prioritySaveState === 'pending' || get().prioritySaveState === 'saving';
      const undo = unsaved && get().priorityUndo ? get().priorityUndo : order;
      showOrder(next, undo, `Moved ${positionText(name, next.indexOf(segmentId), next.length)}.`);
    },

    undoPriorityMove() {
      const undo = get().priorityUndo;
      if (!undo) return;
      const order = inOrder(segments(), undo).map((s) => s.segmentId);
      showOrder(order, null, 'The previous order is back.');
    },

    async runPriorityAnalysis(force = false) {
      const list = segments();
      if (list.length === 0) {
        analysisAbort?.abort();
        set({ priorityAnalysis: null, priorityAnalysisKey: null, priorityJob: null, priorityError: null });
        return;
      }
      // New data or signals computed for another date change every count.
      const key = `${segmentsKey(list, orderOf(list))}|${get().workspace?.imports ?? 0}|${get().workspace?.events ?? 0}|${get().snapshot?.asOf ?? ''}`;
      if (!force && key === get().priorityAnalysisKey && !get().priorityError && get().priorityAnalysis) return;
      if (!force && key === runningKey && analysisAbort) return;
      analysisAbort?.abort();
      runningKey = key;
      const abort = new AbortController();
      analysisAbort = abort;
      const e = epoch;
      set({ priorityJob: { progress: null, startedAt: Date.now(), cancelling: false }, priorityError: null });
      try {
        const analysis = await api.send('segments-priority', {}, {
          signal: abort.signal,
          onProgress: (progress) => {
            const job = get().priorityJob;
            if (job && analysisAbort === abort) set({ priorityJob: { ...job, progress } });
          },
        });
        if (abort.signal.aborted || e !== epoch) return;
        set({ priorityAnalysis: analysis, priorityAnalysisKey: key, priorityJob: null });
      } catch (err) {
        if (e !== epoch || analysisAbort !== abort) return;
        if (abort.signal.aborted || isCancelled(err)) set({ priorityJob: null });
        else if (isConnectionError(err)) {
          set({ priorityJob: null });
          get().reportError(err);
        } else set({ priorityJob: null, priorityError: jobFailure(err) });
      } finally {
        if (analysisAbort === abort) {
          analysisAbort = null;
          runningKey = null;
        }
      }
    },

    cancelPriorityAnalysis() {
      const job = get().priorityJob;
      if (!job || job.cancelling) return;
      set({ priorityJob: { ...job, cancelling: true } });
      analysisAbort?.abort();
    },

    setPriorityExportPath(path) {
      set((s) => ({ priorityExportPath: path, priorityExport: { ...s.priorityExport, error: null } }));
    },

    async exportPrimary(overwrite = false) {
      const result = await exporter.write(get().priorityExportPath, overwrite, (args, options) => api.send('segments-primary-export', args, options));
      if (result) get().toast({ kind: 'success', title: 'Primary segments exported', message: `${result.rows.toLocaleString('en-US')} customers written to ${result.path}.` });
    },

    cancelPriorityExport: () => exporter.cancel(),
    dismissPriorityReplace: () => exporter.dismissReplace(),
  };
};
