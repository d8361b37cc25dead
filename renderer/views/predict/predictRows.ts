// Rows of the scored-customers table, fetched a block at a time as they scroll into view (the
// same block cache and fetch plan as the members table). A query is a sort order or one customer
// id; a new query bumps the generation so answers for the previous one are dropped, never painted.
import type { CustomerPrediction, CustomerPredictionPage } from '../../../core/api/contract.ts';
import { LruBlockCache, planBlockFetches } from '../../lib/blockCache.ts';

export const PREDICT_BLOCK = 200;
const MAX_IN_FLIGHT = 2;
const PREFETCH_ROWS = 120;

export type PredictSort = 'expected' | 'p-alive' | 'clv' | 'customer';

export interface PredictQuery {
  sort: PredictSort;
  /** Only this customer (the search); null for everyone. */
  customerId: string | null;
}

export type FetchPredictions = (query: PredictQuery, offset: number, limit: number) => Promise<CustomerPredictionPage>;

/** The predict-customers arguments for one block. */
export function predictRequest(query: PredictQuery, offset: number, limit: number) {
  return query.customerId ? { customerId: query.customerId, offset, limit } : { sort: query.sort, offset, limit };
}

export class PredictRowSource {
  private cache = new LruBlockCache<CustomerPrediction>();
  private inFlight = new Set<number>();
  private failed = new Set<number>();
  private generation = 0;
  private query: PredictQuery | null = null;
  private window = { start: 0, end: 30 };
  private total: number | null = null;

  constructor(
    private readonly fetch: FetchPredictions,
    private readonly events: { onRows(total: number): void; onError(err: unknown): void },
  ) {}

  setQuery(query: PredictQuery | null): void {
    this.query = query;
    this.generation++;
    this.cache.clear();
    this.inFlight.clear();
    this.failed.clear();
    this.total = null;
    this.window = { start: 0, end: this.window.end - this.window.start };
    if (query) this.pump();
  }

  row(index: number): CustomerPrediction | undefined {
    return this.cache.peek(Math.floor(index / PREDICT_BLOCK))?.[index % PREDICT_BLOCK];
  }

  request(start: number, end: number): void {
    this.window = { start, end };
    for (let b = Math.floor(start / PREDICT_BLOCK); b <= Math.floor(end / PREDICT_BLOCK); b++) this.cache.get(b);
    this.pump();
  }

  retry(): void {
    this.failed.clear();
    this.pump();
  }

  private pump(): void {
    if (!this.query) return;
    const plan = planBlockFetches({
      start: this.window.start,
      end: this.window.end,
      total: this.total,
      blockSize: PREDICT_BLOCK,
      prefetchRows: PREFETCH_ROWS,
      isAvailable: (b) => this.cache.has(b) || this.inFlight.has(b) || this.failed.has(b),
      freeSlots: MAX_IN_FLIGHT - this.inFlight.size,
    });
    for (const block of plan) void this.load(block);
  }

  private async load(block: number): Promise<void> {
    const query = this.query;
    if (!query) return;
    const generation = this.generation;
    this.inFlight.add(block);
    try {
      const page = await this.fetch(query, block * PREDICT_BLOCK, PREDICT_BLOCK);
      if (generation !== this.generation) return;
      this.inFlight.delete(block);
      this.cache.set(block, page.rows);
      this.total = page.total;
      this.events.onRows(page.total);
    } catch (err) {
      if (generation !== this.generation) return;
      this.inFlight.delete(block);
      this.failed.add(block);
      this.events.onError(err);
      return;
    }
    this.pump();
  }
}
