// Runs the signals statement and reads its rows straight into typed columns. Also the worker-job
// entry, so computing 10^6 customers never blocks the thread that answers the UI.
import { CancelledError, type JobHandle } from '../api/jobs.ts';
import { openDatabase, type Db } from '../store/db.ts';
import { formatDay, newestEventAt } from './as-of.ts';
import { DAY_MS } from './catalog.ts';
import { loadCustomSignals } from './custom.ts';
import type { SignalFrame } from './frame.ts';
import { buildSignalQuery } from './sql.ts';
import type { CustomSignal } from './types.ts';
import { loadPrediction, predictionColumns, predictionSignals } from '../predict/stored.ts';

export interface ComputeOptions {
  asOf: number;
  utcOffsetMs?: number;
  custom?: readonly CustomSignal[];
  /** Add a fitted prediction's scores as signals (default true). */
  withPrediction?: boolean;
}

const NO_PROGRESS: JobHandle = { isCancelled: () => false, progress: () => {} };

export function computeSignals(db: Db, options: ComputeOptions, job: JobHandle = NO_PROGRESS): SignalFrame {
  const started = performance.now();
  const custom = options.custom ?? loadCustomSignals(db);
  const query = buildSignalQuery({ asOf: options.asOf, utcOffsetMs: options.utcOffsetMs ?? 0 }, custom);
  // Upper bound of the rows to come, for the typed arrays and the progress bar.
  const capacity = db.get<{ n: number }>('SELECT count(*) AS n FROM customers')?.n ?? 0;
  const width = query.signals.length;
  // Shared memory: a later job (a cluster fit) reads the columns in its worker without a copy.
  const values = query.signals.map(() => new Float64Array(new SharedArrayBuffer(capacity * 8)));
  const customerIds: string[] = [];
  job.progress({ phase: `Reading events before ${formatDay(options.asOf)}`, done: 0, total: null, unit: 'customers' });
  let n = 0;
  for (const row of db.iterateArrays(query.sql, query.params)) {
    customerIds.push(row[0] as string);
    for (let j = 0; j < width; j++) {
      const v = row[j + 1];
      values[j]![n] = v === null ? NaN : (v as number);
    }
    n++;
    if ((n & 0x3fff) === 0) {
      if (job.isCancelled()) throw new CancelledError();
      job.progress({ phase: 'Collecting signals', done: n, total: capacity, unit: 'customers' });
    }
  }
  const signals = [...query.signals];
  const columns: Float64Array[] = n === capacity ? values : values.map((v) => v.subarray(0, n));
  // A fitted prediction adds its scores (P(alive), expected purchases, CLV) as signals.
  const prediction = options.withPrediction === false ? null : loadPrediction(db);
  if (prediction) {
    job.progress({ phase: 'Scoring purchase predictions', done: 0, total: null, unit: 'steps' });
    signals.push(...predictionSignals(prediction));
    columns.push(...predictionColumns(db, prediction, { asOf: options.asOf, customerIds }));
  }
  return { asOf: options.asOf, customerIds, signals, values: columns, computedMs: Math.round(performance.now() - started) };
}

/** 1 for each customer of the frame who purchased in [from, to): the outcome a phase should predict. */
export function purchasedBetween(db: Db, frame: SignalFrame, from: number, to: number): Uint8Array {
  const buyers = new Set(
    db.all<{ customer_id: string }>("SELECT DISTINCT customer_id FROM events WHERE type = 'purchase' AND ts >= ? AND ts < ?", [from, to]).map((r) => r.customer_id),
  );
  const out = new Uint8Array(frame.customerIds.length);
  frame.customerIds.forEach((id, i) => {
    if (buyers.has(id)) out[i] = 1;
  });
  return out;
}

export interface FramePoint {
  asOf: number;
  /** When set: who purchased within this many days after asOf. */
  outcomeDays?: number;
}

export interface FramesJobArgs {
  workspacePath: string;
  utcOffsetMs: number;
  points: FramePoint[];
}

export interface FrameWithOutcome extends SignalFrame {
  converted: Uint8Array | null;
  /** Newest event in the workspace (epoch ms): tells whether an outcome window is complete. */
  newestEvent: number | null;
}

/**
 * Worker entry: signals as of one or more dates (and outcomes after them). The columns go back
 * to the caller's thread without being copied.
 */
export function framesJob(args: FramesJobArgs, job: JobHandle): { frames: FrameWithOutcome[]; transferList: ArrayBuffer[] } {
  const db = openDatabase(args.workspacePath, { readonly: true, fileMustExist: true });
  try {
    // Grouping millions of rows sorts in temporary storage; memory keeps it off the disk.
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -131072');
    const newestEvent = newestEventAt(db);
    const custom = loadCustomSignals(db);
    const frames = args.points.map((p): FrameWithOutcome => {
      const frame = computeSignals(db, { asOf: p.asOf, utcOffsetMs: args.utcOffsetMs, custom }, job);
      const converted = p.outcomeDays === undefined ? null : purchasedBetween(db, frame, p.asOf, p.asOf + p.outcomeDays * DAY_MS);
      return { ...frame, converted, newestEvent };
    });
    // The signal columns are shared memory (they travel without a copy anyway); the outcomes are moved.
    const transferList = frames.flatMap((f) => (f.converted ? [f.converted.buffer as ArrayBuffer] : []));
    return { frames, transferList };
  } finally {
    db.close();
  }
}
