// A fingerprint of a workspace's data: the same customers and events (by type and page category,
// with their times and amounts) give the same SHA-256 whatever order they were imported in.
// Integer sums only (seconds and milliseconds apart, amounts in cents), so no float summation
// order can change it. A bundle carries the fingerprint of the data it was built on.
import { createHash } from 'node:crypto';
import type { JobHandle } from '../../api/jobs.ts';
import { openDatabase, type Db } from '../../store/db.ts';
import type { DataFingerprint } from './schema.ts';
import { canonicalJson } from './integrity.ts';

export function dataFingerprint(db: Db): DataFingerprint {
  const hash = createHash('sha256');
  let customers = 0;
  for (const row of db.iterateArrays('SELECT customer_id FROM customers ORDER BY customer_id')) {
    hash.update(`${row[0] as string}\n`);
    customers++;
  }
  const groups = db.all<{ type: string; category: string; n: number; first: number; last: number; seconds: number; millis: number; cents: number }>(
    `SELECT type, coalesce(page_category, '') AS category, count(*) AS n, min(ts) AS first, max(ts) AS last,
            sum(ts / 1000) AS seconds, sum(ts % 1000) AS millis, coalesce(sum(CAST(round(amount * 100) AS INTEGER)), 0) AS cents
     FROM events GROUP BY type, category ORDER BY type, category`,
  );
  hash.update(canonicalJson(groups));
  const events = groups.reduce((s, g) => s + g.n, 0);
  return {
    sha256: hash.digest('hex'),
    customers,
    events,
    firstEventAt: groups.length ? Math.min(...groups.map((g) => g.first)) : null,
    lastEventAt: groups.length ? Math.max(...groups.map((g) => g.last)) : null,
  };
}

/** Worker job: reading every event takes seconds on large workspaces. */
export function fingerprintJob(args: { workspacePath: string }, job: JobHandle): DataFingerprint {
  const db = openDatabase(args.workspacePath, { readonly: true, fileMustExist: true });
  try {
    job.progress({ phase: 'Fingerprinting the data', done: 0, total: null, unit: 'steps' });
    return dataFingerprint(db);
  } finally {
    db.close();
  }
}
