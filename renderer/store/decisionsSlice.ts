// The current decision of every segment (compete / maintain / don't compete), for every view that
// shows segments: loaded when a workspace opens, and again when a view that shows them is entered
// after that load failed; a decision saved is shown at once. Decisions are found
// through the contract's identity (decisionIdentity + decisionKey), never by the view's own key:
// a cluster keeps its decision across re-fits, a saved segment is one segment on its own and in
// the priority list.
import { decisionIdentity, decisionKey, type SegmentationRef, type SegmentDecision } from '../../core/api/contract.ts';
import { api } from '../api/client.ts';
import { errorMessage, isConnectionError } from '../lib/errors.ts';
import type { AppState, SliceCreator } from './types.ts';

export interface DecisionsSlice {
  /** Current decisions by decisionKey(identity); null until loaded for the open workspace. */
  decisions: Map<string, SegmentDecision> | null;
  /** The workspace the decisions belong to. */
  decisionsPath: string | null;
  decisionsError: string | null;
  loadDecisions(): Promise<void>;
  /** Loads them unless they are loaded for the open workspace or on their way (a view entered). */
  ensureDecisions(): void;
  /** A decision just saved, shown at once (a withdrawal removes the segment's entry). */
  applySavedDecision(d: SegmentDecision): void;
}

/** Selector: the current decision of a segment of a segmentation, or null. */
export const decisionFor =
  (ref: SegmentationRef, segmentKey: string) =>
  (s: Pick<AppState, 'decisions'>): SegmentDecision | null =>
    s.decisions?.get(decisionKey(decisionIdentity(ref, segmentKey))) ?? null;

/** Segments decided "don't compete": what the exclusion list is made of. */
export const dontCompeteCount = (s: Pick<AppState, 'decisions'>): number => {
  let n = 0;
  for (const d of s.decisions?.values() ?? []) if (d.decision === 'dont-compete') n++;
  return n;
};

/** Bumped by every load and workspace change: only the newest answer is kept. */
let generation = 0;
/** The generation of the load in flight; 0 when none is. */
let loading = 0;

export const createDecisionsSlice: SliceCreator<DecisionsSlice> = (set, get, store) => {
  store.subscribe((s, prev) => {
    if (s.workspace?.path === prev.workspace?.path) return;
    generation++;
    set({ decisions: null, decisionsPath: null, decisionsError: null });
    if (s.workspace) void get().loadDecisions();
  });

  return {
    decisions: null,
    decisionsPath: null,
    decisionsError: null,

    async loadDecisions() {
      const ws = get().workspace;
      if (!ws) return;
      const mine = ++generation;
      loading = mine;
      try {
        const list = await api.send('decisions-list', {});
        if (mine !== generation || get().workspace?.path !== ws.path) return;
        set({ decisions: new Map(list.map((d) => [decisionKey(d), d])), decisionsPath: ws.path, decisionsError: null });
      } catch (err) {
        if (mine !== generation) return;
        set({ decisionsError: errorMessage(err) });
        if (isConnectionError(err)) get().reportError(err);
      } finally {
        if (loading === mine) loading = 0;
      }
    },

    ensureDecisions() {
      const s = get();
      if (!s.workspace || loading !== 0 || (s.decisions !== null && s.decisionsPath === s.workspace.path)) return;
      void get().loadDecisions();
    },

    applySavedDecision(d) {
      const current = get().decisions;
      const next = new Map(current ?? []);
      const key = decisionKey(d);
      if (d.decision === null) next.delete(key);
      else next.set(key, d);
      // A load in flight may predate this save: its answer must not put the old decision back.
      generation++;
      set({ decisions: next });
    },
  };
};
