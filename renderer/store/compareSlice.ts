// The Compare tab of the Rules view: which two segmentations, as of which date and with which
// outcome window; the comparison itself (a long job with progress and Cancel); what the heatmap
// shows; the selected cell, which can be saved as a segment through the rule builder.
//
// The job keeps running while the analyst switches tabs or views; its AbortController lives in
// this module. Answers for another workspace (epoch) are dropped, and new data drops the result.
import type { Comparison, SegmentationOption, SegmentationRef } from '../../core/api/contract.ts';
import { api } from '../api/client.ts';
import { errorMessage, isCancelled, isConnectionError } from '../lib/errors.ts';
import { ApiError } from '../../core/api/contract.ts';
import { refKey, stillAvailable } from '../lib/segmentationOptions.ts';
import type { ContingencyMeasure } from '../charts/compare-contingency/buildContingencyOption.ts';
import {
  cellDescription,
  cellName,
  cellRule,
  compareProblem,
  defaultCompareAsOf,
  defaultPair,
  nextSort,
  OUTCOME_DAYS_DEFAULT,
  type OutcomeColumn,
  type OutcomeSort,
} from '../views/rules/compare/compareText.ts';
import { jobFailure, type JobFailure, type LongJob } from './signalsSlice.ts';
import type { SliceCreator } from './types.ts';

export interface CompareDraft {
  a: SegmentationRef | null;
  b: SegmentationRef | null;
  asOf: string;
  /** False while the as-of date follows the default (outcome window ending on the newest data). */
  asOfEdited: boolean;
  outcomeDays: number;
}

/** A failed comparison; issues carry the fields core refused ("a", "asOf", "outcomeDays"...). */
export interface CompareFailure extends JobFailure {
  issues: Array<{ field: string; message: string }>;
}

/** A cell of the contingency table, by segment keys (stable across re-runs of the same pair). */
export interface CompareCell {
  a: string;
  b: string;
}

export type CompareSide = 'a' | 'b';

export interface CompareSlice {
  /** The workspace this state belongs to; another one resets it. */
  comparePath: string | null;
  compareOptions: SegmentationOption[] | null;
  compareOptionsLoading: boolean;
  compareOptionsError: string | null;
  compareDraft: CompareDraft;

  compareJob: LongJob | null;
  compareError: CompareFailure | null;
  compareResult: Comparison | null;

  compareMeasure: ContingencyMeasure;
  compareCell: CompareCell | null;
  compareSorts: Record<CompareSide, OutcomeSort>;

  /** Loads the segmentations on offer (again: models and saved segments come and go). */
  enterCompare(): Promise<void>;
  setCompareSide(side: CompareSide, ref: SegmentationRef): void;
  swapCompareSides(): void;
  setCompareAsOf(day: string): void;
  /** Back to the as-of date that leaves a complete outcome window. */
  resetCompareAsOf(): void;
  setCompareOutcomeDays(days: number): void;
  runCompare(): Promise<void>;
  cancelCompare(): void;
  setCompareMeasure(measure: ContingencyMeasure): void;
  selectCompareCell(cell: CompareCell | null): void;
  sortCompareOutcomes(side: CompareSide, column: OutcomeColumn): void;
  /** Opens the rule builder with the selected cell as an unsaved draft; false when it cannot. */
  saveCompareCellAsSegment(): boolean;
}

const emptyDraft = (): CompareDraft => ({ a: null, b: null, asOf: '', asOfEdited: false, outcomeDays: OUTCOME_DAYS_DEFAULT });

function freshState() {
  return {
    compareOptions: null,
    compareOptionsLoading: false,
    compareOptionsError: null,
    compareDraft: emptyDraft(),
    compareJob: null,
    compareError: null,
    compareResult: null,
    compareMeasure: 'counts' as ContingencyMeasure,
    compareCell: null,
    compareSorts: { a: { column: 'segment', desc: false }, b: { column: 'segment', desc: false } } as Record<CompareSide, OutcomeSort>,
  } satisfies Partial<CompareSlice>;
}

export function compareFailure(err: unknown): CompareFailure {
  const issues = err instanceof ApiError && err.issues ? err.issues.map((i) => ({ field: i.path.split('.')[0] ?? '', message: i.message })) : [];
  return { ...jobFailure(err), issues };
}

/** The arguments a draft sends; the key says whether a result matches the draft on screen. */
export function compareArgs(d: CompareDraft) {
  return { a: d.a!, b: d.b!, asOf: d.asOf, outcomeDays: d.outcomeDays };
}

export function compareKey(p: { a: SegmentationRef | null; b: SegmentationRef | null; asOf: string; outcomeDays: number }): string {
  return [p.a ? refKey(p.a) : '-', p.b ? refKey(p.b) : '-', p.asOf, p.outcomeDays].join('|');
}

export function resultKey(r: Comparison): string {
  return compareKey({ a: r.a.ref, b: r.b.ref, asOf: r.asOf, outcomeDays: r.outcomeDays });
}

/** The same two segmentations (a re-fitted cluster model is another one, even under the same ref). */
function samePair(x: Comparison, y: Comparison): boolean {
  return refKey(x.a.ref) === refKey(y.a.ref) && x.a.label === y.a.label && refKey(x.b.ref) === refKey(y.b.ref) && x.b.label === y.b.label;
}

/** The cell kept when the new result compares the same pair and still has both segments. */
function keepCell(cell: CompareCell | null, prev: Comparison | null, r: Comparison): CompareCell | null {
  if (!cell || !prev || !samePair(prev, r)) return null;
  return r.a.segments.some((s) => s.key === cell.a) && r.b.segments.some((s) => s.key === cell.b) ? cell : null;
}

let abort: AbortController | null = null;
/** Bumped when the workspace changes: answers for the previous one are dropped. */
let epoch = 0;

export const createCompareSlice: SliceCreator<CompareSlice> = (set, get, store) => {
  function reset(path: string | null) {
    epoch++;
    abort?.abort();
    abort = null;
    set({ comparePath: path, ...freshState() });
  }

  /** Keeps the chosen pair while it is still on offer; fills a missing side with the default pair. */
  function withDefaults(draft: CompareDraft, options: SegmentationOption[]): CompareDraft {
    let a = stillAvailable(draft.a, options);
    let b = stillAvailable(draft.b, options);
    if (a && b && refKey(a) === refKey(b)) b = null;
    const available = options.filter((o) => o.available).map((o) => o.ref);
    const pair = defaultPair(options);
    const pick = (taken: SegmentationRef | null, preferred: SegmentationRef | null) =>
      preferred && !(taken && refKey(preferred) === refKey(taken)) ? preferred : (available.find((r) => !taken || refKey(r) !== refKey(taken)) ?? null);
    a ??= pick(b, pair.a);
    b ??= pick(a, pair.b);
    const asOf = draft.asOfEdited ? draft.asOf : (defaultCompareAsOf(get().workspace?.lastEventAt, draft.outcomeDays) ?? draft.asOf);
    return { ...draft, a, b, asOf };
  }

  function editDraft(change: (d: CompareDraft) => CompareDraft) {
    const d = get().compareDraft;
    const next = change(d);
    if (next === d) return;
    set({ compareDraft: next, compareError: null });
  }

  store.subscribe((s, prev) => {
    if (s.workspace?.path !== prev.workspace?.path && get().comparePath !== null) reset(null);
    else if (s.workspace && prev.workspace && (s.workspace.events !== prev.workspace.events || s.workspace.imports !== prev.workspace.imports) && get().comparePath !== null) {
      // New data: the figures on screen no longer describe the workspace; the default date moves.
      abort?.abort();
      set((st) => ({ compareResult: null, compareCell: null, compareDraft: withDefaults(st.compareDraft, st.compareOptions ?? []) }));
      void get().enterCompare();
    }
    // A segment saved or deleted in the Segments tab changes what can be compared.
    if (s.rulesSegments !== prev.rulesSegments && get().compareOptions !== null) void get().enterCompare();
  });

  return {
    comparePath: null,
    ...freshState(),

    async enterCompare() {
      const ws = get().workspace;
      if (!ws) return;
      if (get().comparePath !== ws.path) reset(ws.path);
      const e = epoch;
      set({ compareOptionsLoading: get().compareOptions === null, compareOptionsError: null });
      try {
        const options = await api.send('segmentations-list', {});
        if (e !== epoch) return;
        set((s) => ({ compareOptions: options, compareOptionsLoading: false, compareDraft: withDefaults(s.compareDraft, options) }));
      } catch (err) {
        if (e !== epoch) return;
        set({ compareOptionsLoading: false, compareOptionsError: errorMessage(err) });
        if (isConnectionError(err)) get().reportError(err);
      }
    },

    setCompareSide(side, ref) {
      editDraft((d) => {
        if (d[side] && refKey(d[side]) === refKey(ref)) return d;
        const other = side === 'a' ? 'b' : 'a';
        // Choosing the other side's segmentation swaps them rather than comparing a thing with itself.
        if (d[other] && refKey(d[other]) === refKey(ref)) return { ...d, [side]: ref, [other]: d[side] };
        return { ...d, [side]: ref };
      });
    },

    swapCompareSides() {
      const before = get().compareDraft;
      editDraft((d) => ({ ...d, a: d.b, b: d.a }));
      // The pair on screen, swapped: compare again so the heatmap and tables follow.
      const r = get().compareResult;
      if (r && !get().compareJob && resultKey(r) === compareKey(before)) void get().runCompare();
    },

    setCompareAsOf(day) {
      editDraft((d) => (d.asOf === day && d.asOfEdited ? d : { ...d, asOf: day, asOfEdited: true }));
    },

    resetCompareAsOf() {
      editDraft((d) => ({ ...d, asOfEdited: false, asOf: defaultCompareAsOf(get().workspace?.lastEventAt, d.outcomeDays) ?? d.asOf }));
    },

    setCompareOutcomeDays(days) {
      editDraft((d) => {
        if (d.outcomeDays === days) return d;
        const asOf = d.asOfEdited ? d.asOf : (defaultCompareAsOf(get().workspace?.lastEventAt, days) ?? d.asOf);
        return { ...d, outcomeDays: days, asOf };
      });
    },

    async runCompare() {
      if (get().compareJob) return;
      const draft = get().compareDraft;
      const problem = compareProblem(draft, get().workspace?.firstEventAt);
      if (problem) {
        set({ compareError: { code: 'invalid-args', message: problem, issues: [] } });
        return;
      }
      abort?.abort();
      const controller = new AbortController();
      abort = controller;
      const e = epoch;
      set({ compareJob: { progress: null, startedAt: Date.now(), cancelling: false }, compareError: null });
      try {
        const result = await api.send('segments-compare', compareArgs(draft), {
          signal: controller.signal,
          onProgress: (progress) => {
            const job = get().compareJob;
            if (job && e === epoch) set({ compareJob: { ...job, progress } });
          },
        });
        if (controller.signal.aborted) throw new DOMException('Cancelled', 'AbortError');
        if (e !== epoch) return;
        set((s) => ({ compareJob: null, compareResult: result, compareCell: keepCell(s.compareCell, s.compareResult, result) }));
      } catch (err) {
        if (e !== epoch) return;
        if (controller.signal.aborted || isCancelled(err)) set({ compareJob: null });
        else if (isConnectionError(err)) {
          set({ compareJob: null });
          get().reportError(err);
        } else set({ compareJob: null, compareError: compareFailure(err) });
      } finally {
        if (abort === controller) abort = null;
      }
    },

    cancelCompare() {
      const job = get().compareJob;
      if (!job || job.cancelling) return;
      set({ compareJob: { ...job, cancelling: true } });
      abort?.abort();
    },

    setCompareMeasure: (measure) => set({ compareMeasure: measure }),

    selectCompareCell(cell) {
      const cur = get().compareCell;
      if (cur === cell || (cur && cell && cur.a === cell.a && cur.b === cell.b)) return;
      set({ compareCell: cell });
    },

    sortCompareOutcomes(side, column) {
      set((s) => ({ compareSorts: { ...s.compareSorts, [side]: nextSort(s.compareSorts[side], column) } }));
    },

    saveCompareCellAsSegment() {
      const r = get().compareResult;
      const cell = get().compareCell;
      if (!r || !cell) return false;
      const a = r.a.segments.findIndex((s) => s.key === cell.a);
      const b = r.b.segments.findIndex((s) => s.key === cell.b);
      if (a < 0 || b < 0) return false;
      const aName = r.a.segments[a]!.name;
      const bName = r.b.segments[b]!.name;
      get().openRuleDraft({
        name: cellName(aName, bName),
        description: cellDescription({ aLabel: r.a.label, aName, bLabel: r.b.label, bName, asOf: r.asOf, customers: r.contingency[a]?.[b] ?? 0 }),
        rule: cellRule(r.a.ref, cell.a, r.b.ref, cell.b),
        // Counted as of the comparison's date, the draft shows the cell's customers.
        asOf: r.asOf,
      });
      return true;
    },
  };
};
