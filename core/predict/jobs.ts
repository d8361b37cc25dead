// Worker-job entry: a prediction run reads every purchase and fits three models, so it never runs
// on the thread that answers the UI. The score columns come back without a copy.
import type { JobHandle } from '../api/jobs.ts';
import { openDatabase } from '../store/db.ts';
import { runPrediction, type PredictionScores } from './predict.ts';
import type { PredictionSummary, PredictSettings } from './types.ts';

export interface PredictJobArgs {
  workspacePath: string;
  settings: PredictSettings;
}

export function predictJob(args: PredictJobArgs, job: JobHandle): { summary: PredictionSummary; scores: PredictionScores; transferList: ArrayBuffer[] } {
  const db = openDatabase(args.workspacePath, { readonly: true, fileMustExist: true });
  try {
    const { summary, scores } = runPrediction(db, args.settings, job);
    const arrays = [scores.x, scores.tx, scores.T, scores.pAlive, scores.expected, scores.clv, scores.actual].filter((a): a is Float64Array => a !== null);
    return { summary, scores, transferList: arrays.map((a) => a.buffer as ArrayBuffer) };
  } finally {
    db.close();
  }
}
