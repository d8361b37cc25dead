// The customers and signals a rule is evaluated on, and the database leaves' answers, kept in the
// session: the computed signals when the date is theirs (computing them first if there are none),
// or one frame for another date (comparisons as of a past date). Leaf answers are cached per date
// and leaf, so editing one condition re-reads only that condition.
import { runJobInWorker } from '../api/jobs.ts';
import type { Ctx } from '../api/registry.ts';
import { defaultAsOf, formatDay, parseAsOf } from '../signals/as-of.ts';
import type { SignalFrame } from '../signals/frame.ts';
import { computeFrames, SIGNALS_STATE_KEY } from '../signals/handlers.ts';
import type { OutcomeRows } from '../signals/outcome.ts';
import { ScoringState } from '../signals/scoring-state.ts';
import { describeLeaf } from './describe.ts';
import { maskFromIds } from './evaluate.ts';
import { compileAttributeLeaf, compileEventLeaf, leafKey } from './leaf-sql.ts';
import type { LeavesJobArgs, LeavesJobResult } from './leaves-job.ts';
import type { AttributeCondition, EventCondition } from './types.ts';

const leavesModule = new URL('./leaves-job.ts', import.meta.url);
const CACHE_KEY = 'rules';
/** Leaf masks kept per session (1 byte per customer each). */
const MAX_CACHED_LEAVES = 64;

export type DatabaseLeaf = EventCondition | AttributeCondition;

export interface AsOfData {
  frame: SignalFrame;
  scoring: ScoringState;
  day: string;
}

interface RulesCache {
  leaves: Map<string, Uint8Array>;
  past: AsOfData | null;
  index: WeakMap<SignalFrame, Map<string, number>>;
}

function cacheOf(ctx: Ctx): RulesCache {
  let c = ctx.session.derived.get(CACHE_KEY) as RulesCache | undefined;
  if (!c) {
    c = { leaves: new Map(), past: null, index: new WeakMap() };
    ctx.session.derived.set(CACHE_KEY, c);
  }
  return c;
}

/** The data as of `day` when the session already holds it (the computed signals, or the one other date kept), else null. */
export function heldAsOfData(ctx: Ctx, day: string | undefined): AsOfData | null {
  const live = ctx.session.derived.get(SIGNALS_STATE_KEY) as ScoringState | undefined;
  if (live && (day === undefined || formatDay(live.frame.asOf) === day)) return { frame: live.frame, scoring: live, day: formatDay(live.frame.asOf) };
  const past = cacheOf(ctx).past;
  return day !== undefined && past?.day === day ? past : null;
}

/** The data as of `day` (default: the computed signals' date, or the day after the newest event). */
export async function asOfData(ctx: Ctx, day?: string): Promise<AsOfData> {
  const ws = ctx.session.requireWorkspace();
  const held = heldAsOfData(ctx, day);
  if (held) return held;
  const cache = cacheOf(ctx);
  const asOf = day === undefined ? defaultAsOf(ws.db) : parseAsOf(day);
  const [frame] = await computeFrames(ctx, [{ asOf }]);
  const data = { frame: frame!, scoring: new ScoringState(frame!), day: formatDay(asOf) };
  if (day === undefined) {
    // The rules' default date is the signals' date: computing them here computes them for the session.
    ctx.session.derived.set(SIGNALS_STATE_KEY, data.scoring);
  } else {
    cache.past = data;
  }
  return data;
}

function indexOf(ctx: Ctx, frame: SignalFrame): Map<string, number> {
  const cache = cacheOf(ctx);
  let index = cache.index.get(frame);
  if (!index) {
    index = new Map(frame.customerIds.map((id, i) => [id, i]));
    cache.index.set(frame, index);
  }
  return index;
}

const cacheKey = (data: AsOfData, leaf: DatabaseLeaf) => `${data.day}|${leafKey(leaf)}`;

/**
 * Runs the leaves whose answers are not cached (one worker job for all of them), and the outcome
 * window when asked. Afterwards `databaseLeafMask` answers for every one of `leaves`.
 */
export async function prepareLeaves(ctx: Ctx, data: AsOfData, leaves: readonly DatabaseLeaf[], outcome?: { from: number; to: number }): Promise<OutcomeRows | null> {
  const cache = cacheOf(ctx);
  const missing = new Map<string, DatabaseLeaf>();
  for (const leaf of leaves) {
    const key = cacheKey(data, leaf);
    if (!cache.leaves.has(key)) missing.set(key, leaf);
  }
  if (missing.size === 0 && !outcome) return null;
  const ws = ctx.session.requireWorkspace();
  const entries = [...missing.entries()];
  const args: LeavesJobArgs = {
    workspacePath: ws.path,
    leaves: entries.map(([, leaf]) => ({
      label: describeLeaf({ ...leaf, not: false }),
      compiled: leaf.kind === 'event' ? compileEventLeaf(leaf, data.frame.asOf) : compileAttributeLeaf(leaf),
    })),
    ...(outcome ? { outcome } : {}),
  };
  const result = await runJobInWorker<LeavesJobResult>(leavesModule, 'leavesJob', args, ctx);
  const index = indexOf(ctx, data.frame);
  const n = data.frame.customerIds.length;
  entries.forEach(([key], i) => {
    cache.leaves.set(key, maskFromIds(result.ids[i]!, index, n, args.leaves[i]!.compiled.complement));
  });
  // Oldest first, but never one this request needs.
  const needed = new Set(leaves.map((l) => cacheKey(data, l)));
  for (const key of [...cache.leaves.keys()]) {
    if (cache.leaves.size <= MAX_CACHED_LEAVES) break;
    if (!needed.has(key)) cache.leaves.delete(key);
  }
  return result.outcome;
}

/** A prepared leaf's customers (before its own `not`). */
export function databaseLeafMask(ctx: Ctx, data: AsOfData, leaf: DatabaseLeaf): Uint8Array {
  const mask = cacheOf(ctx).leaves.get(cacheKey(data, leaf));
  if (!mask) throw new Error(`leaf not prepared: ${leafKey(leaf)}`);
  return mask;
}

/** Customer id -> row of the frame (built once per frame). */
export function frameIndex(ctx: Ctx, frame: SignalFrame): ReadonlyMap<string, number> {
  return indexOf(ctx, frame);
}
