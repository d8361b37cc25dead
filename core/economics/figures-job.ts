// Worker job: each customer's figures before the date (one scan of the purchase, return and
// support events) and, when the data reaches past the date, who purchased in the outcome window.
// Millions of events take seconds: never on the thread that answers the UI.
import { CancelledError, type JobHandle } from '../api/jobs.ts';
import { readOutcomeRows, type OutcomeRows } from '../signals/outcome.ts';
import { openDatabase } from '../store/db.ts';
import { readCustomerFigures, type CustomerFigures } from './figures.ts';
import type { EconomicsSettings } from './types.ts';

export interface FiguresJobArgs {
  workspacePath: string;
  asOf: number;
  settings: Pick<EconomicsSettings, 'margin' | 'marginColumn'>;
  outcome: { from: number; to: number } | null;
}

export interface FiguresJobResult {
  figures: CustomerFigures;
  outcome: OutcomeRows | null;
}

export function figuresJob(args: FiguresJobArgs, job: JobHandle): FiguresJobResult & { transferList: ArrayBuffer[] } {
  const db = openDatabase(args.workspacePath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -131072');
    const total = args.outcome ? 2 : 1;
    job.progress({ phase: 'Reading orders, returns and support contacts', done: 0, total, unit: 'steps' });
    const figures = readCustomerFigures(db, args.asOf, args.settings);
    if (job.isCancelled()) throw new CancelledError();
    let outcome: OutcomeRows | null = null;
    if (args.outcome) {
      job.progress({ phase: 'Reading purchases after the date', done: 1, total, unit: 'steps' });
      outcome = readOutcomeRows(db, args.outcome.from, args.outcome.to);
    }
    const { ids: _ids, rowsWithMarginColumn: _n, ...columns } = figures;
    const transferList = [...Object.values(columns), ...(outcome ? [outcome.bought, outcome.revenue] : [])].map((a) => a.buffer as ArrayBuffer);
    return { figures, outcome, transferList };
  } finally {
    db.close();
  }
}
