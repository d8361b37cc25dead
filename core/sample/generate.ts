// Creates the sample workspace: a seeded, realistic customer population of a home & living shop
// with drifting behaviour types (ground truth per month) and their events.
//
// The file is written under a temporary name next to the target and renamed only when complete,
// so a failed or cancelled run never leaves a half-written workspace behind. Customers are
// generated one at a time (bounded memory); rows go in through multi-row prepared inserts in
// transactions of ~50k rows with the secondary indexes dropped, which are rebuilt at the end.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CancelledError, type JobHandle } from '../api/jobs.ts';
import { rebuildCustomerStats } from '../customers/stats.ts';
import type { Db, SqlValue, Statement } from '../store/db.ts';
import { WorkspaceError } from '../store/errors.ts';
import { indexes as INDEX_SQL } from '../store/migrations/001-initial.ts';
import { INDEX_DEFINITIONS } from '../store/indexes.ts';
import { createWorkspace } from '../store/workspace.ts';
import { makeCalendar, makePeriod } from './calendar.ts';
import { BEHAVIOUR_TYPES } from './model.ts';
import { CustomerSimulator } from './simulate.ts';

export interface SampleOptions {
  path: string;
  customers: number;
  seed: number;
  months: number;
  /** Last day of the data, YYYY-MM-DD (UTC). Default 2025-12-31. */
  endDate?: string;
}

export interface SampleSummary {
  path: string;
  customers: number;
  events: number;
  months: number;
  /** First millisecond of the first month and last millisecond of the end date (UTC). */
  startMs: number;
  endMs: number;
  seconds: number;
  groundTruthRows: number;
}

export const DEFAULT_END_DATE = '2025-12-31';
/** Bumped whenever the model changes what a given seed produces. */
export const SAMPLE_GENERATOR_VERSION = '1';

const EVENT_COLUMNS = [
  'customer_id', 'ts', 'type', 'channel', 'device', 'session_id', 'url', 'page_category', 'product',
  'category', 'campaign', 'order_id', 'amount', 'discount', 'quantity', 'props',
] as const;
const CUSTOMER_COLUMNS = ['customer_id', 'first_seen', 'name', 'email', 'phone', 'country', 'city', 'attributes'] as const;
const GT_COLUMNS = ['customer_id', 'month', 'behaviour_type'] as const;

/** Customers per transaction (~40-50k rows with their events and ground truth). */
const CUSTOMERS_PER_TX = 1000;
const PROGRESS_EVERY_MS = 200;

/**
 * Buffers rows and writes them `batch` at a time with one multi-row INSERT (far fewer statement
 * executions than one row per call); `flush()` writes the rest one by one. Row order is kept.
 * `constants` are integer columns with the same value in every row, written as SQL literals.
 */
class BatchInsert {
  private readonly multi: Statement<unknown>;
  private readonly single: Statement<unknown>;
  private readonly buffer: SqlValue[];
  private readonly width: number;
  private rows = 0;
  total = 0;

  constructor(db: Db, table: string, columns: readonly string[], private readonly batch: number, constants: Record<string, number> = {}) {
    this.width = columns.length;
    const fixed = Object.entries(constants);
    for (const [name, value] of fixed) if (!Number.isInteger(value)) throw new Error(`constant ${name} must be an integer`);
    const one = `(${[...columns.map(() => '?'), ...fixed.map(([, v]) => String(v))].join(', ')})`;
    const head = `INSERT INTO ${table} (${[...columns, ...fixed.map(([k]) => k)].join(', ')}) VALUES `;
    this.multi = db.prepare(head + Array.from({ length: batch }, () => one).join(', '));
    this.single = db.prepare(head + one);
    this.buffer = new Array<SqlValue>(this.width * batch).fill(null);
  }

  /** The slot of the next row; write `width` values from there, then call `commitRow()`. */
  get offset(): number {
    return this.rows * this.width;
  }

  get values(): SqlValue[] {
    return this.buffer;
  }

  commitRow(): void {
    this.total++;
    if (++this.rows === this.batch) {
      this.multi.run(this.buffer);
      this.rows = 0;
    }
  }

  flush(): void {
    const w = this.width;
    for (let r = 0; r < this.rows; r++) this.single.run(this.buffer.slice(r * w, r * w + w));
    this.rows = 0;
  }
}

function validate(o: SampleOptions): Required<SampleOptions> {
  if (typeof o.path !== 'string' || o.path.trim() === '') throw new Error('path is required');
  if (!Number.isInteger(o.customers) || o.customers < 1 || o.customers > 10_000_000) {
    throw new Error(`customers must be an integer between 1 and 10,000,000, got ${o.customers}`);
  }
  if (!Number.isInteger(o.seed)) throw new Error(`seed must be an integer, got ${o.seed}`);
  if (!Number.isInteger(o.months) || o.months < 1 || o.months > 120) {
    throw new Error(`months must be an integer between 1 and 120, got ${o.months}`);
  }
  return { path: o.path, customers: o.customers, seed: o.seed, months: o.months, endDate: o.endDate ?? DEFAULT_END_DATE };
}

function removeTemp(tmp: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(tmp + suffix, { force: true });
}

/**
 * Deletes the temporary files of a generation for `path` that could not clean up after itself
 * (its worker thread was terminated while SQLite was busy in one long statement, or the process
 * died). Call it only when no generation for `path` is running. Returns the names removed.
 */
export function removeSampleLeftovers(path: string): string[] {
  const folder = dirname(path);
  const prefix = `${basename(path)}.partial-`;
  let names: string[];
  try {
    names = readdirSync(folder).filter((f) => f.startsWith(prefix));
  } catch {
    return [];
  }
  for (const f of names) rmSync(join(folder, f), { force: true });
  return names;
}

const INDEX_STATEMENTS = INDEX_DEFINITIONS.map((d) => d.sql);
const INDEX_NAMES = INDEX_DEFINITIONS.map((d) => d.name);
const isStatsIndex = (s: string) => /\bON customer_stats\b/i.test(s);

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function generateSample(options: SampleOptions, job: JobHandle): Promise<SampleSummary> {
  const o = validate(options);
  const { path } = o;
  if (existsSync(path)) {
    throw new WorkspaceError('workspace-exists', `${path} already exists; choose another name or open it.`);
  }
  const period = makePeriod(o.endDate, o.months);
  const calendar = makeCalendar(period);
  const began = performance.now();
  const tmp = `${path}.partial-${randomBytes(6).toString('hex')}`;
  let db: Db | undefined;
  try {
    db = createWorkspace(tmp, { name: basename(path).replace(/\.segwb$/i, '') }).db;
    // Bulk-load settings: the temporary file is thrown away on any failure, so the journal can live
    // in memory (journal_mode=OFF is refused by the driver's defensive mode; WAL would write twice).
    db.pragma('journal_mode = DELETE');
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -65536');
    for (const name of INDEX_NAMES) db.exec(`DROP INDEX IF EXISTS ${name}`);

    const importId = Number(
      db.run(
        `INSERT INTO imports (kind, file, status, started_at, message) VALUES ('sample', NULL, 'running', ?, ?)`,
        [Date.now(), `Generating sample: seed ${o.seed}, ${o.customers} customers, ${o.months} months ending ${o.endDate}`],
      ).lastInsertRowid,
    );
    const setMeta = db.prepare('INSERT OR REPLACE INTO workspace_meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      setMeta.run(['sample_seed', String(o.seed)]);
      setMeta.run(['sample_customers', String(o.customers)]);
      setMeta.run(['sample_months', String(o.months)]);
      setMeta.run(['sample_end', o.endDate]);
      setMeta.run(['sample_generator_version', SAMPLE_GENERATOR_VERSION]);
    });

    const customers = new BatchInsert(db, 'customers', CUSTOMER_COLUMNS, 32, { import_id: importId });
    const events = new BatchInsert(db, 'events', EVENT_COLUMNS, 64, { import_id: importId });
    const truth = new BatchInsert(db, 'ground_truth', GT_COLUMNS, 64);
    const sim = new CustomerSimulator(o.seed, period, calendar);
    const out = sim.out;
    const N = o.customers;

    let lastProgress = 0;
    const progress = (done: number, force = false) => {
      const now = performance.now();
      if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      job.progress({ phase: 'Generating customers', done, total: N, unit: 'customers' });
    };
    progress(0, true);

    const writeCustomer = (index: number) => {
      const c = sim.simulate(index);
      let v = customers.values;
      let k = customers.offset;
      v[k] = c.id;
      v[k + 1] = c.firstSeen;
      v[k + 2] = c.name;
      v[k + 3] = c.email;
      v[k + 4] = c.phone;
      v[k + 5] = c.country;
      v[k + 6] = c.city;
      v[k + 7] = c.attributes;
      customers.commitRow();

      const order = out.sortedOrder();
      v = events.values;
      for (let j = 0; j < order.length; j++) {
        const i = order[j]!;
        k = events.offset;
        v[k] = c.id;
        v[k + 1] = out.ts[i]!;
        v[k + 2] = out.type[i]!;
        v[k + 3] = out.channel[i]!;
        v[k + 4] = out.device[i]!;
        v[k + 5] = out.session[i]!;
        v[k + 6] = out.url[i]!;
        v[k + 7] = out.pageCategory[i]!;
        v[k + 8] = out.product[i]!;
        v[k + 9] = out.category[i]!;
        v[k + 10] = out.campaign[i]!;
        v[k + 11] = out.orderId[i]!;
        v[k + 12] = out.amount[i]!;
        v[k + 13] = out.discount[i]!;
        v[k + 14] = out.quantity[i]!;
        v[k + 15] = out.props[i]!;
        events.commitRow();
      }

      v = truth.values;
      for (let m = c.firstMonth; m < period.months; m++) {
        k = truth.offset;
        v[k] = c.id;
        v[k + 1] = period.monthKey[m]!;
        v[k + 2] = BEHAVIOUR_TYPES[c.types[m]!]!;
        truth.commitRow();
      }
    };

    for (let start = 0; start < N; start += CUSTOMERS_PER_TX) {
      if (job.isCancelled()) throw new CancelledError();
      const end = Math.min(N, start + CUSTOMERS_PER_TX);
      db.transaction(() => {
        for (let i = start; i < end; i++) writeCustomer(i);
        customers.flush();
        events.flush();
        truth.flush();
      });
      progress(end, end === N);
      await yieldToEventLoop();
    }
    if (job.isCancelled()) throw new CancelledError();

    // Indexes: events and customers first (stats are computed with them), then those of customer_stats.
    const firstIndexes = INDEX_STATEMENTS.filter((x) => !isStatsIndex(x));
    const indexTotal = firstIndexes.length;
    let built = 0;
    job.progress({ phase: 'Building indexes', done: 0, total: indexTotal, unit: 'indexes' });
    for (const s of firstIndexes) {
      db.exec(s);
      built++;
      job.progress({ phase: 'Building indexes', done: built, total: indexTotal, unit: 'indexes' });
      if (job.isCancelled()) throw new CancelledError();
    }
    await yieldToEventLoop();

    job.progress({ phase: 'Computing customer figures', done: 0, total: N, unit: 'customers' });
    rebuildCustomerStats(db);
    for (const s of INDEX_STATEMENTS.filter(isStatsIndex)) db.exec(s);
    db.exec(INDEX_SQL); // everything from 001-initial.ts is there (no-op when it is)
    db.exec('PRAGMA analysis_limit = 1000; ANALYZE;');
    job.progress({ phase: 'Computing customer figures', done: N, total: N, unit: 'customers' });
    if (job.isCancelled()) throw new CancelledError();

    const rows = customers.total + events.total;
    db.run(
      `UPDATE imports SET status = 'done', finished_at = ?, rows_read = ?, rows_imported = ?, rows_rejected = 0, message = ?,
         customers_added = ?, events_added = ?, duration_ms = ?
       WHERE import_id = ?`,
      [
        Date.now(),
        rows,
        rows,
        `Sample: seed ${o.seed}, ${N} customers, ${o.months} months ending ${o.endDate}; ` +
          `${events.total} events, ${sim.orders} orders`,
        customers.total,
        events.total,
        Math.round(performance.now() - began),
        importId,
      ],
    );

    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    db = undefined;
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(tmp + suffix, { force: true });
    if (existsSync(path)) {
      throw new WorkspaceError('workspace-exists', `${path} already exists; choose another name or open it.`);
    }
    renameSync(tmp, path);
    return {
      path,
      customers: N,
      events: events.total,
      months: o.months,
      startMs: period.startMs,
      endMs: period.endMs,
      seconds: Math.round((performance.now() - began) / 10) / 100,
      groundTruthRows: truth.total,
    };
  } catch (err) {
    try {
      if (db?.isOpen) db.close();
    } catch {
      // closing is best effort; the file is deleted below
    }
    removeTemp(tmp);
    throw err;
  }
}

/** The same function under the name the worker-thread runner imports. */
export const generateSampleJob: (args: SampleOptions, job: JobHandle) => Promise<SampleSummary> = generateSample;
