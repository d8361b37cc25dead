import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobInWorker, type JobHandle } from '../api/jobs.ts';
import type { Ctx, ProgressUpdate } from '../api/registry.ts';
import { openDatabase, type Db } from '../store/db.ts';
import { indexes as INDEX_SQL } from '../store/migrations/001-initial.ts';
import { generateSample, generateSampleJob, removeSampleLeftovers, type SampleSummary } from './generate.ts';
import { customersByFirstType, summariseByType, type TypeSummary } from './inspect.ts';
import { BEHAVIOUR_TYPES, TYPE_SHARE } from './model.ts';

const quietJob: JobHandle = { isCancelled: () => false, progress: () => {} };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segwb-sample-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function withDb<T>(path: string, fn: (db: Db) => T): T {
  const db = openDatabase(path, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function digest(db: Db, sql: string): string {
  const h = createHash('sha256');
  for (const row of db.prepare(sql).iterate()) h.update(JSON.stringify(row)).update('\n');
  return h.digest('hex');
}

const TABLE_QUERIES = {
  customers: 'SELECT * FROM customers ORDER BY customer_id',
  events: 'SELECT * FROM events ORDER BY id',
  ground_truth: 'SELECT * FROM ground_truth ORDER BY customer_id, month',
  customer_stats: 'SELECT * FROM customer_stats ORDER BY customer_id',
  meta: "SELECT * FROM workspace_meta WHERE key LIKE 'sample_%' ORDER BY key",
};

function digests(path: string): Record<string, string> {
  return withDb(path, (db) => Object.fromEntries(Object.entries(TABLE_QUERIES).map(([k, sql]) => [k, digest(db, sql)])));
}

/** Files of the directory that belong to `name` (the workspace or its temporary files). */
const leftovers = (name: string) => readdirSync(dir).filter((f) => f.startsWith(name));

describe('determinism', () => {
  it('gives identical tables for the same options and different data for another seed', async () => {
    const opts = { customers: 2000, months: 12, endDate: '2025-06-30' };
    const a = join(dir, 'det-a.segwb');
    const b = join(dir, 'det-b.segwb');
    const c = join(dir, 'det-c.segwb');
    await generateSample({ path: a, seed: 7, ...opts }, quietJob);
    await generateSample({ path: b, seed: 7, ...opts }, quietJob);
    await generateSample({ path: c, seed: 8, ...opts }, quietJob);
    const da = digests(a);
    expect(digests(b)).toEqual(da);
    const dc = digests(c);
    expect(dc.events).not.toBe(da.events);
    expect(dc.customers).not.toBe(da.customers);
    expect(dc.ground_truth).not.toBe(da.ground_truth);
  });
});

describe('a 5,000-customer sample', () => {
  const path = () => join(dir, 'sample-5k.segwb');
  let summary: SampleSummary;
  const phases: string[] = [];
  let byType: Map<string, TypeSummary>;

  beforeAll(async () => {
    summary = await generateSample(
      { path: path(), customers: 5000, seed: 42, months: 18 },
      { isCancelled: () => false, progress: (u: ProgressUpdate) => void (phases.at(-1) !== u.phase && phases.push(u.phase)) },
    );
    byType = new Map(withDb(path(), (db) => summariseByType(db)).map((s) => [s.behaviourType, s]));
  });

  it('reports the phases in order and leaves only the finished file', () => {
    expect(phases).toEqual(['Generating customers', 'Building indexes', 'Computing customer figures']);
    expect(leftovers('sample-5k.segwb')).toEqual(['sample-5k.segwb']);
    expect(readFileSync(path()).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  });

  it('has consistent counts and a summary that matches the file', () => {
    withDb(path(), (db) => {
      const n = (sql: string) => db.get<{ n: number }>(sql)!.n;
      expect(summary).toMatchObject({ path: path(), customers: 5000, months: 18 });
      expect(summary.startMs).toBe(Date.UTC(2024, 6, 1));
      expect(summary.endMs).toBe(Date.UTC(2025, 11, 31, 23, 59, 59, 999));
      expect(n('SELECT count(*) AS n FROM customers')).toBe(5000);
      expect(n('SELECT count(*) AS n FROM customer_stats')).toBe(5000);
      expect(n('SELECT count(*) AS n FROM events')).toBe(summary.events);
      expect(n('SELECT count(*) AS n FROM ground_truth')).toBe(summary.groundTruthRows);
      // Every event's customer exists; timestamps inside the window and never before first_seen.
      expect(n('SELECT count(*) AS n FROM events e WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = e.customer_id)')).toBe(0);
      expect(n(`SELECT count(*) AS n FROM events WHERE ts < ${summary.startMs} OR ts > ${summary.endMs}`)).toBe(0);
      expect(n('SELECT count(*) AS n FROM events e JOIN customers c USING (customer_id) WHERE e.ts < c.first_seen')).toBe(0);
      // first_seen is the first event (the sign-up visit) and every customer has events.
      expect(n('SELECT count(*) AS n FROM customers c JOIN customer_stats s USING (customer_id) WHERE s.first_seen IS NOT c.first_seen OR s.events = 0')).toBe(0);
      expect(n("SELECT count(*) AS n FROM customers WHERE customer_id NOT GLOB 'C[0-9][0-9][0-9][0-9][0-9][0-9]'")).toBe(0);
      // Average volume per customer in the intended range.
      expect(summary.events / 5000).toBeGreaterThan(25);
      expect(summary.events / 5000).toBeLessThan(38);
      // Lineage: one sample import, every row points at it.
      const imp = db.all<{ import_id: number; kind: string; status: string; rows_imported: number; message: string }>('SELECT * FROM imports');
      expect(imp).toHaveLength(1);
      expect(imp[0]).toMatchObject({ kind: 'sample', status: 'done', rows_imported: 5000 + summary.events });
      expect(imp[0]!.message).toContain('seed 42');
      const id = imp[0]!.import_id;
      expect(n(`SELECT count(*) AS n FROM events WHERE import_id IS NOT ${id}`)).toBe(0);
      expect(n(`SELECT count(*) AS n FROM customers WHERE import_id IS NOT ${id}`)).toBe(0);
      const meta = Object.fromEntries(db.all<{ key: string; value: string }>("SELECT key, value FROM workspace_meta WHERE key LIKE 'sample_%'").map((r) => [r.key, r.value]));
      expect(meta).toMatchObject({ sample_seed: '42', sample_customers: '5000', sample_months: '18', sample_end: '2025-12-31' });
      expect(readMetaName(db)).toBe('sample-5k');
    });
  });

  it('has every index of the schema and a rollback journal (no WAL files left)', () => {
    withDb(path(), (db) => {
      const names = db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index'").map((r) => r.name);
      for (const m of INDEX_SQL.matchAll(/CREATE INDEX IF NOT EXISTS (\w+)/g)) expect(names).toContain(m[1]);
      expect(db.pragma('journal_mode')).toEqual([{ journal_mode: 'delete' }]);
    });
    expect(existsSync(`${path()}-wal`)).toBe(false);
    expect(existsSync(`${path()}-shm`)).toBe(false);
  });

  it('writes fake contact details only', () => {
    withDb(path(), (db) => {
      const n = (sql: string) => db.get<{ n: number }>(sql)!.n;
      expect(n("SELECT count(*) AS n FROM customers WHERE email NOT LIKE '%@example.com' AND email NOT LIKE '%@example.org'")).toBe(0);
      expect(n('SELECT count(DISTINCT email) AS n FROM customers')).toBe(5000);
      expect(
        n("SELECT count(*) AS n FROM customers WHERE phone IS NOT NULL AND phone NOT GLOB '+44 7700 900[0-9][0-9][0-9]' AND phone NOT GLOB '+1 [0-9][0-9][0-9] 555 01[0-9][0-9]'"),
      ).toBe(0);
      const attrs = JSON.parse(db.get<{ a: string }>('SELECT attributes AS a FROM customers LIMIT 1')!.a);
      expect(Object.keys(attrs)).toEqual(expect.arrayContaining(['acquisition_channel', 'age_band']));
      const countries = db.all<{ country: string }>('SELECT country FROM customers GROUP BY country ORDER BY count(*) DESC').map((r) => r.country);
      expect(countries[0]).toBe('UK');
      expect(countries).toEqual(expect.arrayContaining(['DE', 'FR', 'NL', 'US']));
    });
  });

  it('writes a ground-truth type for every month from sign-up to the end', () => {
    withDb(path(), (db) => {
      const bad = db.get<{ n: number }>(`
        SELECT count(*) AS n FROM (
          SELECT c.customer_id, count(g.month) AS months,
                 (2025 * 12 + 12) - (CAST(strftime('%Y', c.first_seen / 1000, 'unixepoch') AS INT) * 12
                   + CAST(strftime('%m', c.first_seen / 1000, 'unixepoch') AS INT)) + 1 AS expected,
                 min(g.month) AS first, strftime('%Y-%m', c.first_seen / 1000, 'unixepoch') AS signup
          FROM customers c LEFT JOIN ground_truth g USING (customer_id) GROUP BY c.customer_id)
        WHERE months != expected OR first != signup`)!.n;
      expect(bad).toBe(0);
      const stored = db.all<{ t: string }>('SELECT DISTINCT behaviour_type AS t FROM ground_truth').map((r) => r.t);
      expect([...stored].sort()).toEqual([...BEHAVIOUR_TYPES].sort());
    });
  });

  it('mixes the types as intended (first-month type within 5 points of the target share)', () => {
    const customers = withDb(path(), (db) => customersByFirstType(db));
    expect(customers).toHaveLength(5000);
    for (const t of BEHAVIOUR_TYPES) {
      const share = customers.filter((c) => c.firstType === t).length / customers.length;
      expect(Math.abs(share - TYPE_SHARE[t]), t).toBeLessThan(0.05);
    }
    // Over all customer-months the mix stays recognisable too (drift moves a few points).
    const months = [...byType.values()].reduce((s, x) => s + x.customerMonths, 0);
    for (const t of BEHAVIOUR_TYPES) {
      expect(Math.abs(byType.get(t)!.customerMonths / months - TYPE_SHARE[t]), t).toBeLessThan(0.06);
    }
  });

  it('drifts: researchers become buyers, buyers cool off, nobody comes back from cooling off', () => {
    const transitions = withDb(path(), (db) =>
      db.all<{ from_type: string; to_type: string; n: number }>(`
        SELECT a.behaviour_type AS from_type, b.behaviour_type AS to_type, count(*) AS n
        FROM ground_truth a JOIN ground_truth b ON b.customer_id = a.customer_id
          AND b.month = strftime('%Y-%m', date(a.month || '-01', '+1 month'))
        WHERE a.behaviour_type != b.behaviour_type GROUP BY 1, 2`),
    );
    const allowed = new Set([
      'proof_seeker>convenience_first', 'proof_seeker>loyal_repeater',
      'comparison_shopper>convenience_first', 'comparison_shopper>loyal_repeater',
      'window_browser>convenience_first', 'window_browser>loyal_repeater',
      'loyal_repeater>cooling_off', 'convenience_first>cooling_off',
    ]);
    const seen = new Set(transitions.map((t) => `${t.from_type}>${t.to_type}`));
    for (const s of seen) expect(allowed.has(s), s).toBe(true);
    expect(seen.has('window_browser>convenience_first') || seen.has('window_browser>loyal_repeater')).toBe(true);
    expect(seen.has('loyal_repeater>cooling_off')).toBe(true);
    const customers = withDb(path(), (db) => customersByFirstType(db));
    const drifted = customers.filter((c) => c.types > 1).length / customers.length;
    expect(drifted).toBeGreaterThan(0.05);
    expect(drifted).toBeLessThan(0.3);
  });

  it('shows each type in the data', () => {
    const t = (name: string) => byType.get(name)!;
    // Window browsers never buy; loyal repeaters buy regularly.
    expect(t('window_browser').ordersPerMonth).toBe(0);
    expect(t('window_browser').pageViewsPerSession).toBeGreaterThan(t('convenience_first').pageViewsPerSession);
    const loyal = withDb(path(), (db) => customersByFirstType(db)).filter((c) => c.firstType === 'loyal_repeater' && c.types === 1 && c.months >= 12);
    const purchases = loyal.map((c) => c.purchases).sort((a, b) => a - b);
    expect(purchases.length).toBeGreaterThan(50);
    expect(purchases[Math.floor(purchases.length / 2)]).toBeGreaterThanOrEqual(3);
    expect(t('loyal_repeater').ordersPerMonth).toBeGreaterThan(1.5 * t('convenience_first').ordersPerMonth);
    // Deal waiters buy with a discount; loyal repeaters mostly pay full price.
    expect(t('deal_waiter').discountShare).toBeGreaterThan(0.8);
    expect(t('loyal_repeater').discountShare).toBeLessThan(0.2);
    expect(t('deal_waiter').pricingPerMonth).toBeGreaterThan(3 * t('loyal_repeater').pricingPerMonth);
    // Proof seekers read reviews, FAQ and returns pages, and send more back.
    expect(t('proof_seeker').reviewsPerMonth).toBeGreaterThan(3 * t('convenience_first').reviewsPerMonth);
    expect(t('proof_seeker').faqPerMonth).toBeGreaterThan(3 * t('convenience_first').faqPerMonth);
    expect(t('proof_seeker').returnShare).toBeGreaterThan(2 * t('loyal_repeater').returnShare);
    // Comparison shoppers compare; convenience-first customers are on their phones and check delivery.
    for (const other of BEHAVIOUR_TYPES.filter((x) => x !== 'comparison_shopper')) {
      expect(t('comparison_shopper').comparisonPerMonth, other).toBeGreaterThan(2 * t(other).comparisonPerMonth);
    }
    expect(t('convenience_first').mobileShare).toBeGreaterThan(t('proof_seeker').mobileShare + 0.2);
    expect(t('convenience_first').shippingPerMonth / t('convenience_first').sessionsPerMonth).toBeGreaterThan(
      t('window_browser').shippingPerMonth / t('window_browser').sessionsPerMonth,
    );
    // Loyal repeaters open most e-mails.
    for (const other of BEHAVIOUR_TYPES.filter((x) => x !== 'loyal_repeater')) {
      expect(t('loyal_repeater').openRate, other).toBeGreaterThan(t(other).openRate);
    }
  });

  it('lets cooling-off customers fade away', () => {
    const rows = withDb(path(), (db) =>
      db.all<{ k: number; sessions: number; n: number }>(`
        WITH f AS (SELECT customer_id, min(month) AS m0 FROM ground_truth WHERE behaviour_type = 'cooling_off' GROUP BY customer_id),
        gm AS (SELECT g.customer_id, g.month,
                 (CAST(substr(g.month, 1, 4) AS INT) * 12 + CAST(substr(g.month, 6, 2) AS INT))
                 - (CAST(substr(f.m0, 1, 4) AS INT) * 12 + CAST(substr(f.m0, 6, 2) AS INT)) AS k
               FROM ground_truth g JOIN f USING (customer_id)),
        cm AS (SELECT customer_id, strftime('%Y-%m', ts / 1000, 'unixepoch') AS month, sum(type = 'session_start') AS s
               FROM events GROUP BY 1, 2)
        SELECT k, count(*) AS n, avg(coalesce(s, 0)) AS sessions FROM gm LEFT JOIN cm USING (customer_id, month)
        WHERE k IN (1, 3, 6, 9) GROUP BY k ORDER BY k`),
    );
    expect(rows.map((r) => r.k)).toEqual([1, 3, 6, 9]);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.sessions).toBeLessThan(rows[i - 1]!.sessions);
    expect(rows[3]!.sessions).toBeLessThan(rows[0]!.sessions / 4);
  });

  it('has BG/NBD-like purchase counts: many one-time buyers, a few heavy repeaters', () => {
    const dist = withDb(path(), (db) => db.all<{ purchases: number; n: number }>('SELECT purchases, count(*) AS n FROM customer_stats GROUP BY purchases'));
    const count = (k: number) => dist.find((d) => d.purchases === k)?.n ?? 0;
    expect(count(0) / 5000).toBeGreaterThan(0.2);
    expect(count(0) / 5000).toBeLessThan(0.6);
    expect(count(1)).toBeGreaterThan(count(2));
    expect(count(2)).toBeGreaterThan(count(3));
    expect(count(3)).toBeGreaterThan(count(5));
    expect(Math.max(...dist.map((d) => d.purchases))).toBeGreaterThanOrEqual(10);
  });

  it('makes orders, discounts and returns consistent', () => {
    withDb(path(), (db) => {
      const n = (sql: string) => db.get<{ n: number }>(sql)!.n;
      expect(n("SELECT count(*) AS n FROM events WHERE type = 'purchase' AND (order_id IS NULL OR amount <= 0 OR discount < 0 OR quantity < 1 OR product IS NULL)")).toBe(0);
      expect(n("SELECT count(*) AS n FROM events WHERE type = 'purchase' AND order_id NOT GLOB 'O[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'")).toBe(0);
      // An order belongs to one customer.
      expect(n("SELECT count(*) AS n FROM (SELECT order_id FROM events WHERE type = 'purchase' GROUP BY order_id HAVING count(DISTINCT customer_id) > 1)")).toBe(0);
      // A return refers to an earlier purchase of the same product by the same customer, for the amount paid.
      expect(
        n(`SELECT count(*) AS n FROM events r WHERE r.type = 'return' AND NOT EXISTS (
             SELECT 1 FROM events p WHERE p.type = 'purchase' AND p.order_id = r.order_id AND p.customer_id = r.customer_id
               AND p.product = r.product AND p.ts < r.ts AND abs(p.amount + r.amount) < 0.005)`),
      ).toBe(0);
      expect(n("SELECT count(*) AS n FROM events WHERE type = 'return'")).toBeGreaterThan(0);
      // Campaign-attributed purchases name a campaign that was sent to that customer before.
      expect(
        n(`SELECT count(*) AS n FROM events p WHERE p.type = 'purchase' AND p.campaign IS NOT NULL AND NOT EXISTS (
             SELECT 1 FROM events s WHERE s.customer_id = p.customer_id AND s.type IN ('email_sent', 'sms_sent')
               AND s.campaign = p.campaign AND s.ts < p.ts)`),
      ).toBe(0);
      // Opens and clicks follow a send of the same campaign.
      expect(
        n(`SELECT count(*) AS n FROM events o WHERE o.type IN ('email_open', 'email_click') AND NOT EXISTS (
             SELECT 1 FROM events s WHERE s.customer_id = o.customer_id AND s.type = 'email_sent' AND s.campaign = o.campaign AND s.ts < o.ts)`),
      ).toBe(0);
    });
  });

  it('sets page_category as the default page taxonomy classifies each URL', () => {
    withDb(path(), (db) => {
      const rules = db.all<{ pattern: string; match: string; category: string }>('SELECT pattern, match, category FROM page_taxonomy ORDER BY priority, rule_id');
      const classify = (url: string) =>
        rules.find((r) => (r.match === 'contains' ? url.includes(r.pattern) : r.match === 'prefix' ? url.startsWith(r.pattern) : new RegExp(r.pattern).test(url)))?.category ?? null;
      const pages = db.all<{ url: string; page_category: string }>("SELECT DISTINCT url, page_category FROM events WHERE type = 'page_view'");
      expect(pages.length).toBeGreaterThan(100);
      for (const p of pages) expect(classify(p.url), p.url).toBe(p.page_category);
      const kinds = new Set(pages.map((p) => p.page_category));
      for (const k of ['pricing', 'faq', 'returns', 'shipping', 'reviews', 'comparison', 'cart', 'product', 'category', 'content', 'home', 'account']) {
        expect(kinds.has(k), k).toBe(true);
      }
    });
  });
});

function readMetaName(db: Db): string | undefined {
  return db.get<{ value: string }>("SELECT value FROM workspace_meta WHERE key = 'name'")?.value;
}

describe('safety', () => {
  it('is exported under the name the worker runner imports', () => {
    expect(generateSampleJob).toBe(generateSample);
  });

  it('runs in a worker thread through the job runner, and cancels there too', async () => {
    const moduleUrl = new URL('./generate.ts', import.meta.url);
    const ctx = (signal: AbortSignal, progress: (u: ProgressUpdate) => void): Ctx =>
      ({ jobId: 'test', signal, progress, session: undefined as never }) as Ctx;
    const path = join(dir, 'worker.segwb');
    const updates: ProgressUpdate[] = [];
    const result = await runJobInWorker<SampleSummary>(moduleUrl, 'generateSampleJob', { path, customers: 300, seed: 9, months: 6 }, ctx(new AbortController().signal, (u) => updates.push(u)));
    expect(result).toMatchObject({ path, customers: 300, months: 6 });
    expect(updates.some((u) => u.phase === 'Generating customers')).toBe(true);
    expect(existsSync(path)).toBe(true);

    const cancelled = join(dir, 'worker-cancel.segwb');
    const abort = new AbortController();
    const err = await runJobInWorker(moduleUrl, 'generateSampleJob', { path: cancelled, customers: 200_000, seed: 9, months: 18 }, ctx(abort.signal, (u) => {
      if (u.phase === 'Generating customers' && u.done > 0) abort.abort();
    })).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('cancelled');
    expect(leftovers('worker-cancel.segwb')).toEqual([]);
  });

  it('refuses a path that exists, before doing any work', async () => {
    const path = join(dir, 'existing.segwb');
    writeFileSync(path, 'not mine');
    let progressCalls = 0;
    await expect(
      generateSample({ path, customers: 100, seed: 1, months: 6 }, { isCancelled: () => false, progress: () => void progressCalls++ }),
    ).rejects.toThrow(`${path} already exists; choose another name or open it.`);
    expect(readFileSync(path, 'utf8')).toBe('not mine');
    expect(progressCalls).toBe(0);
    expect(leftovers('existing.segwb')).toEqual(['existing.segwb']);
  });

  it('leaves nothing behind when cancelled at the start', async () => {
    const path = join(dir, 'cancel-early.segwb');
    let progressed = false;
    const job: JobHandle = { isCancelled: () => progressed, progress: () => void (progressed = true) };
    const err = await generateSample({ path, customers: 5000, seed: 3, months: 18 }, job).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as { code?: string }).code).toBe('cancelled');
    expect(existsSync(path)).toBe(false);
    expect(leftovers('cancel-early.segwb')).toEqual([]);
  });

  it('leaves nothing behind when cancelled while building indexes', async () => {
    const path = join(dir, 'cancel-late.segwb');
    let phase = '';
    const job: JobHandle = { isCancelled: () => phase === 'Building indexes', progress: (u) => void (phase = u.phase) };
    const err = await generateSample({ path, customers: 1500, seed: 3, months: 6 }, job).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('cancelled');
    expect(leftovers('cancel-late.segwb')).toEqual([]);
  });

  it('cleans up when the work fails', async () => {
    const path = join(dir, 'failing.segwb');
    const job: JobHandle = {
      isCancelled: () => false,
      progress: (u) => {
        if (u.phase === 'Computing customer figures') throw new Error('disk full (simulated)');
      },
    };
    await expect(generateSample({ path, customers: 500, seed: 3, months: 6 }, job)).rejects.toThrow('disk full (simulated)');
    expect(leftovers('failing.segwb')).toEqual([]);
  });

  it('removes the leftovers of a generation that was killed', () => {
    const path = join(dir, 'killed.segwb');
    for (const f of ['killed.segwb.partial-0a1b2c', 'killed.segwb.partial-0a1b2c-wal', 'killed.segwb.partial-0a1b2c-shm', 'killed.segwb.other']) {
      writeFileSync(join(dir, f), '');
    }
    expect(removeSampleLeftovers(path).sort()).toEqual(['killed.segwb.partial-0a1b2c', 'killed.segwb.partial-0a1b2c-shm', 'killed.segwb.partial-0a1b2c-wal']);
    expect(leftovers('killed.segwb')).toEqual(['killed.segwb.other']);
    expect(removeSampleLeftovers(join(dir, 'no-such-folder', 'x.segwb'))).toEqual([]);
  });

  it('rejects bad options', async () => {
    const path = join(dir, 'bad.segwb');
    await expect(generateSample({ path, customers: 0, seed: 1, months: 6 }, quietJob)).rejects.toThrow(/customers/);
    await expect(generateSample({ path, customers: 10, seed: 1.5, months: 6 }, quietJob)).rejects.toThrow(/seed/);
    await expect(generateSample({ path, customers: 10, seed: 1, months: 0 }, quietJob)).rejects.toThrow(/months/);
    await expect(generateSample({ path, customers: 10, seed: 1, months: 6, endDate: '2025-02-30' }, quietJob)).rejects.toThrow(/endDate/);
    expect(leftovers('bad.segwb')).toEqual([]);
  });

  it('honours endDate and months', async () => {
    const path = join(dir, 'short.segwb');
    const s = await generateSample({ path, customers: 300, seed: 5, months: 3, endDate: '2024-03-15' }, quietJob);
    expect(s.startMs).toBe(Date.UTC(2024, 0, 1));
    expect(s.endMs).toBe(Date.UTC(2024, 2, 15, 23, 59, 59, 999));
    withDb(path, (db) => {
      const r = db.get<{ lo: number; hi: number; months: string }>(
        'SELECT min(ts) AS lo, max(ts) AS hi, (SELECT group_concat(DISTINCT month) FROM (SELECT month FROM ground_truth ORDER BY month)) AS months FROM events',
      )!;
      expect(r.lo).toBeGreaterThanOrEqual(s.startMs);
      expect(r.hi).toBeLessThanOrEqual(s.endMs);
      expect(r.months).toBe('2024-01,2024-02,2024-03');
    });
  });
});
