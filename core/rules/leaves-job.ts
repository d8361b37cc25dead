// Worker job: runs the database leaves of rules (event and attribute conditions, each one compiled
// SELECT) and, for comparisons, reads what customers did after the date. Scanning millions of
// events takes seconds, so it never runs on the thread that answers the UI.
import { CancelledError, type JobHandle } from '../api/jobs.ts';
import { readOutcomeRows, type OutcomeRows } from '../signals/outcome.ts';
import { openDatabase } from '../store/db.ts';
import type { CompiledLeaf } from './leaf-sql.ts';

export interface LeavesJobArgs {
  workspacePath: string;
  leaves: Array<{ label: string; compiled: CompiledLeaf }>;
  outcome?: { from: number; to: number };
}

export interface LeavesJobResult {
  /** Customer ids each leaf's SELECT returned, in leaf order. */
  ids: string[][];
  outcome: OutcomeRows | null;
}

export function leavesJob(args: LeavesJobArgs, job: JobHandle): LeavesJobResult & { transferList: ArrayBuffer[] } {
  const db = openDatabase(args.workspacePath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -131072');
    const total = args.leaves.length + (args.outcome ? 1 : 0);
    const ids = args.leaves.map(({ label, compiled }, i) => {
      if (job.isCancelled()) throw new CancelledError();
      job.progress({ phase: `Finding customers who ${label}`, done: i, total, unit: 'conditions' });
      const out: string[] = [];
      for (const row of db.iterateArrays(compiled.sql, compiled.params)) {
        out.push(row[0] as string);
        if ((out.length & 0xffff) === 0 && job.isCancelled()) throw new CancelledError();
      }
      return out;
    });
    let outcome: OutcomeRows | null = null;
    if (args.outcome) {
      if (job.isCancelled()) throw new CancelledError();
      job.progress({ phase: 'Reading purchases after the date', done: args.leaves.length, total, unit: 'conditions' });
      outcome = readOutcomeRows(db, args.outcome.from, args.outcome.to);
    }
    const transferList = outcome ? [outcome.bought.buffer as ArrayBuffer, outcome.revenue.buffer as ArrayBuffer] : [];
    return { ids, outcome, transferList };
  } finally {
    db.close();
  }
}
