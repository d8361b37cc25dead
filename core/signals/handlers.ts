// Signals and scoring operations. Computing signals reads every event, so it runs as a worker
// job; the frame it returns stays in the session, where re-scoring after a slider move is fast.
import { ApiError } from '../api/contract.ts';
import { runJobInWorker } from '../api/jobs.ts';
import type { Ctx, HandlerGroup } from '../api/registry.ts';
import type { Session } from '../api/session.ts';
import type { Workspace } from '../store/workspace.ts';
import { requireWritable as requireWritableFor } from '../workspace/writable.ts';
import { columnStats, histogram } from '../scoring/normalise.ts';
import { addDays, defaultAsOf, formatDay, parseAsOf } from './as-of.ts';
import { builtInInfos, DAY_MS } from './catalog.ts';
import type { FramePoint, FramesJobArgs, FrameWithOutcome } from './compute.ts';
import { customInfo, deleteCustomSignal, loadCustomSignals, saveCustomSignal } from './custom.ts';
import { indexOfCustomer, type SignalFrame } from './frame.ts';
import { ScoringState } from './scoring-state.ts';
import { loadSettings, saveSettings } from './settings.ts';
import { buildSignalQuery } from './sql.ts';
import { loadPrediction, predictionSignals } from '../predict/stored.ts';
import type { ScoringSettings, SignalInfo, SignalSnapshot } from './types.ts';
import { backtestPhases, suggestWeights } from './validation.ts';

const computeModule = new URL('./compute.ts', import.meta.url);
/** Where the session keeps the computed signals. */
export const SIGNALS_STATE_KEY = 'signals';
const STATE_KEY = SIGNALS_STATE_KEY;
const HISTOGRAM_BINS = 24;

export function signalCatalog(ws: Pick<Workspace, 'db'>): SignalInfo[] {
  // In the order computeSignals produces them: built-in, the analyst's, then a prediction's scores.
  return [...builtInInfos(), ...loadCustomSignals(ws.db).map(customInfo), ...predictionSignals(loadPrediction(ws.db))];
}

const requireWritable = (ws: Workspace) => requireWritableFor(ws, 'signal definitions and settings cannot be saved');

/** Signals (and outcomes) as of each point, computed in a worker job. */
export async function computeFrames(ctx: Ctx, points: FramePoint[]): Promise<FrameWithOutcome[]> {
  const ws = ctx.session.requireWorkspace();
  const args: FramesJobArgs = { workspacePath: ws.path, utcOffsetMs: 0, points };
  const { frames } = await runJobInWorker<{ frames: FrameWithOutcome[] }>(computeModule, 'framesJob', args, ctx);
  return frames;
}

function snapshotOf(frame: SignalFrame): SignalSnapshot {
  return {
    asOf: formatDay(frame.asOf),
    customers: frame.customerIds.length,
    computedMs: frame.computedMs,
    signals: frame.signals.map((s, j) => {
      const values = frame.values[j]!;
      return { id: s.id, ...columnStats(values), histogram: histogram(values, HISTOGRAM_BINS) };
    }),
  };
}

/** The computed signals of this session, or a clear error when there are none. */
export function scoringState(session: Session): ScoringState {
  const s = session.derived.get(STATE_KEY) as ScoringState | undefined;
  if (!s) {
    throw new ApiError({ code: 'signals-not-computed', message: 'Signals have not been computed for this workspace yet (or its data changed since): compute them first.' });
  }
  return s;
}

function asOfFor(ws: Workspace, day: string | undefined | null): number {
  return day ? parseAsOf(day) : defaultAsOf(ws.db);
}

export const signalHandlers: HandlerGroup = {
  'signals-catalog': (_args, { session }) => signalCatalog(session.requireWorkspace()),

  'signal-save': ({ signal }, { session }) => {
    const ws = session.requireWorkspace();
    requireWritable(ws);
    saveCustomSignal(ws.db, signal, (all) => {
      // Let SQLite check the whole statement with the new definition before it is stored.
      const q = buildSignalQuery({ asOf: 0, utcOffsetMs: 0 }, all);
      try {
        ws.db.prepare(`EXPLAIN ${q.sql}`);
      } catch (err) {
        throw new ApiError({ code: 'invalid-signal', message: `The signal "${signal.label}" cannot be computed: ${(err as Error).message}` });
      }
    });
    session.invalidateDerived();
    return signalCatalog(ws);
  },

  'signal-delete': ({ id }, { session }) => {
    const ws = session.requireWorkspace();
    requireWritable(ws);
    deleteCustomSignal(ws.db, id);
    session.invalidateDerived();
    return signalCatalog(ws);
  },

  'signals-compute': async ({ asOf }, ctx) => {
    const ws = ctx.session.requireWorkspace();
    const [frame] = await computeFrames(ctx, [{ asOf: asOfFor(ws, asOf) }]);
    ctx.session.derived.set(STATE_KEY, new ScoringState(frame!));
    return snapshotOf(frame!);
  },

  'signals-snapshot': (_args, { session }) => {
    const s = session.derived.get(STATE_KEY) as ScoringState | undefined;
    return s ? snapshotOf(s.frame) : null;
  },

  'scoring-settings-get': (_args, { session }) => {
    const ws = session.requireWorkspace();
    return loadSettings(ws.db, signalCatalog(ws));
  },

  'scoring-settings-save': ({ settings }, { session }) => {
    const ws = session.requireWorkspace();
    requireWritable(ws);
    return saveSettings(ws.db, settings as ScoringSettings, signalCatalog(ws));
  },

  'scores-summary': ({ settings }, { session }) => scoringState(session).summary(settings as ScoringSettings),

  'phase-customers': ({ settings, phase, offset, limit }, { session }) => {
    const s = scoringState(session);
    const ranked = s.rankedInPhase(settings as ScoringSettings, phase);
    const rows = [];
    for (let k = offset; k < Math.min(ranked.length, offset + limit); k++) rows.push(s.explain(settings as ScoringSettings, ranked[k]!));
    return { phase, total: ranked.length, offset, rows };
  },

  'customer-score': ({ settings, customerId }, { session }) => {
    const s = scoringState(session);
    const i = indexOfCustomer(s.frame, customerId);
    if (i < 0) {
      throw new ApiError({ code: 'customer-not-found', message: `There is no customer "${customerId}" as of ${formatDay(s.frame.asOf)} (customers appear with their first event).` });
    }
    return s.explain(settings as ScoringSettings, i, 8);
  },

  'phases-backtest': async ({ settings, asOf }, ctx) => {
    const [frame] = await computeFrames(ctx, [{ asOf: parseAsOf(asOf), outcomeDays: settings.outcomeDays }]);
    return backtestPhases(frame!, settings as ScoringSettings);
  },

  'weights-suggest': async ({ settings, trainAsOf }, ctx) => {
    const train = parseAsOf(trainAsOf);
    const holdout = addDays(train, settings.outcomeDays);
    const ws = ctx.session.requireWorkspace();
    const newest = defaultAsOf(ws.db);
    if (addDays(holdout, settings.outcomeDays) > newest + DAY_MS) {
      throw new ApiError({
        code: 'not-enough-history',
        message: `Fitting as of ${trainAsOf} needs purchases until ${formatDay(addDays(holdout, settings.outcomeDays))} for the holdout, but the data ends ${formatDay(newest - DAY_MS)}. Choose a date at least ${2 * settings.outcomeDays} days before that.`,
      });
    }
    const [trainFrame, holdoutFrame] = await computeFrames(ctx, [
      { asOf: train, outcomeDays: settings.outcomeDays },
      { asOf: holdout, outcomeDays: settings.outcomeDays },
    ]);
    return suggestWeights(trainFrame!, holdoutFrame!, settings as ScoringSettings);
  },
};
