// Purchase-prediction operations: the fit runs as a worker job; its scores stay in the session
// for the customer table.
import { ApiError } from '../api/contract.ts';
import { runJobInWorker } from '../api/jobs.ts';
import type { HandlerGroup } from '../api/registry.ts';
import type { Session } from '../api/session.ts';
import type { PredictJobArgs } from './jobs.ts';
import { savePrediction } from './stored.ts';
import { SIGNALS_STATE_KEY } from '../signals/handlers.ts';
import type { PredictionScores } from './predict.ts';
import type { CustomerPrediction, PredictionSummary } from './types.ts';

const jobsModule = new URL('./jobs.ts', import.meta.url);
const KEY = 'predictions';

interface Held {
  summary: PredictionSummary;
  scores: PredictionScores;
  /** Customer order per sort key, computed once: the table asks for a page at a time while scrolling. */
  orders?: Map<string, Uint32Array>;
}

type PredictSort = 'expected' | 'p-alive' | 'clv' | 'customer';

function orderBy(h: Held, sort: PredictSort): Uint32Array {
  h.orders ??= new Map();
  let order = h.orders.get(sort);
  if (!order) {
    const { scores } = h;
    order = Uint32Array.from({ length: scores.customerIds.length }, (_, i) => i);
    const column = sort === 'p-alive' ? scores.pAlive : sort === 'clv' ? scores.clv : sort === 'expected' ? scores.expected : null;
    if (column) order.sort((a, b) => value(column[b]!) - value(column[a]!) || a - b);
    h.orders.set(sort, order);
  }
  return order;
}

function held(session: Session): Held {
  const h = session.derived.get(KEY) as Held | undefined;
  if (!h) throw new ApiError({ code: 'predictions-not-fitted', message: 'No prediction has been fitted in this session (or the data changed since): fit one first.' });
  return h;
}

const value = (v: number) => (Number.isNaN(v) ? 0 : v);

export const predictHandlers: HandlerGroup = {
  'predict-fit': async ({ settings }, ctx) => {
    const ws = ctx.session.requireWorkspace();
    const args: PredictJobArgs = { workspacePath: ws.path, settings };
    const result = await runJobInWorker<Held>(jobsModule, 'predictJob', args, ctx);
    ctx.session.derived.set(KEY, { summary: result.summary, scores: result.scores });
    // A usable fit becomes the workspace's prediction signals; computed signals lack them until recomputed.
    if (!ws.readonly && savePrediction(ws.db, result.summary, settings)) ctx.session.derived.delete(SIGNALS_STATE_KEY);
    return result.summary;
  },

  'predict-result': (_args, { session }) => (session.derived.get(KEY) as Held | undefined)?.summary ?? null,

  'predict-customers': ({ sort, offset, limit, customerId }, { session }) => {
    const h = held(session);
    const { scores } = h;
    const order: ArrayLike<number> = customerId ? scores.customerIds.flatMap((id, i) => (id === customerId ? [i] : [])) : orderBy(h, sort);
    const rows: CustomerPrediction[] = Array.from({ length: Math.max(0, Math.min(order.length, offset + limit) - offset) }, (_, k) => order[offset + k]!).map((i) => ({
      customerId: scores.customerIds[i]!,
      x: scores.x[i]!,
      tx: scores.tx[i]!,
      T: scores.T[i]!,
      pAlive: scores.pAlive[i]!,
      expectedPurchases: scores.expected[i]!,
      clv: scores.clv ? scores.clv[i]! : null,
      actual: scores.actual ? scores.actual[i]! : null,
    }));
    return { total: order.length, offset, rows };
  },
};
