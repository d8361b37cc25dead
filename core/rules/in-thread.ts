// Rules evaluated without worker jobs: for the CLI (which has no UI thread to keep free) and for
// tests. Same evaluator and the same compiled condition SQL as the app's worker path.
import type { Db } from '../store/db.ts';
import { computeSignals } from '../signals/compute.ts';
import { ScoringState } from '../signals/scoring-state.ts';
import { defaultAsOf, formatDay, parseAsOf } from '../signals/as-of.ts';
import { terminalJob } from '../sample/cli-demo.ts';
import { signalCatalog } from '../signals/handlers.ts';
import type { JobHandle } from '../api/jobs.ts';
import type { AsOfData, DatabaseLeaf } from './as-of-data.ts';
import { maskFromIds } from './evaluate.ts';
import { compileAttributeLeaf, compileEventLeaf, leafKey } from './leaf-sql.ts';
import { Evaluator } from './segmentations.ts';

export function inThreadEvaluator(db: Db, asOf: number, job?: JobHandle): { evaluator: Evaluator; data: AsOfData } {
  const frame = computeSignals(db, { asOf }, job);
  const data: AsOfData = { frame, scoring: new ScoringState(frame), day: formatDay(asOf) };
  const index = new Map(frame.customerIds.map((id, i) => [id, i]));
  const answers = new Map<string, Uint8Array>();
  const databaseLeaf = (leaf: DatabaseLeaf): Uint8Array => {
    const key = leafKey(leaf);
    let mask = answers.get(key);
    if (!mask) {
      const compiled = leaf.kind === 'event' ? compileEventLeaf(leaf, asOf) : compileAttributeLeaf(leaf);
      const ids = db.all<{ customer_id: string }>(compiled.sql, compiled.params).map((r) => r.customer_id);
      mask = maskFromIds(ids, index, frame.customerIds.length, compiled.complement);
      answers.set(key, mask);
    }
    return mask;
  };
  return { evaluator: new Evaluator({ db, data, catalog: signalCatalog({ db }), databaseLeaf }), data };
}

/** For the CLI: the evaluator as of a YYYY-MM-DD day (default: the day after the newest event), with a progress line on the terminal. */
export function cliEvaluator(db: Db, day?: string): { evaluator: Evaluator; data: AsOfData } {
  const asOf = day ? parseAsOf(day) : defaultAsOf(db);
  const progress = terminalJob();
  try {
    return inThreadEvaluator(db, asOf, progress.job);
  } finally {
    progress.done();
  }
}
