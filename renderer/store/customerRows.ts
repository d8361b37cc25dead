// Rows of the customers table, fetched block by block as they scroll into view.
//
// Each query (sort + filter) gets a generation number. Changing the query bumps it and empties
// the cache; answers that arrive for an older generation are dropped, so a slow response for
// "sorted by name" can never paint rows into "sorted by revenue". Only the latest visible window
// is planned, with a small number of requests in flight, so dragging the scrollbar across a
// million rows fetches what is on screen when it stops, not everything it passed.
import type { CustomerFilter, CustomerPage, CustomerRow, CustomerSort } from '../../core/api/contract.ts';
import { BLOCK_SIZE, LruBlockCache, planBlockFetches } from '../lib/blockCache.ts';

export const MAX_IN_FLIGHT = 3;
/** Rows beyond the visible window fetched ahead, so ordinary scrolling rarely shows placeholders. */
export const PREFETCH_ROWS = 150;

export interface RowQuery {
  sort: CustomerSort | null;
  filter: CustomerFilter;
}

export type FetchPage = (offset: number, limit: number, query: RowQuery) => Promise<CustomerPage>;

export interface RowSourceEvents {
  /** A block arrived for the current query (total is the matching row count). */
  onRows(total: number): void;
  onError(err: unknown): void;
}

export class CustomerRowSource {
  private cache = new LruBlockCache<CustomerRow>();
  private inFlight = new Set<number>();
  private failed = new Set<number>();
  private generation = 0;
  private query: RowQuery = { sort: null, filter: {} };
  private window = { start: 0, end: 40 };
  private total: number | null = null;

  constructor(
    private readonly fetchPage: FetchPage,
    private readonly events: RowSourceEvents,
  ) {}

  /** Starts a new query: forgets cached rows and ignores answers still on their way. */
  setQuery(query: RowQuery): void {
    this.query = query;
    this.generation++;
    this.cache.clear();
    this.inFlight.clear();
    this.failed.clear();
    this.total = null;
    this.window = { start: 0, end: this.window.end - this.window.start };
    this.pump();
  }

  /** Empties everything without fetching (no workspace open). */
  clear(): void {
    this.query = { sort: null, filter: {} };
    this.generation++;
    this.cache.clear();
    this.inFlight.clear();
    this.failed.clear();
    this.total = null;
  }

  row(index: number): CustomerRow | undefined {
    return this.cache.peek(Math.floor(index / BLOCK_SIZE))?.[index % BLOCK_SIZE];
  }

  /** The grid reports what is on screen; missing blocks are fetched. */
  request(start: number, end: number): void {
    this.window = { start, end };
    // Touch what is on screen so the LRU evicts blocks scrolled away from, not these.
    for (let b = Math.floor(start / BLOCK_SIZE); b <= Math.floor(end / BLOCK_SIZE); b++) this.cache.get(b);
    this.pump();
  }

  /** Tries failed blocks again (after the user pressed Retry). */
  retry(): void {
    this.failed.clear();
    this.pump();
  }

  private pump(): void {
    const plan = planBlockFetches({
      start: this.window.start,
      end: this.window.end,
      total: this.total,
      blockSize: BLOCK_SIZE,
      prefetchRows: PREFETCH_ROWS,
      isAvailable: (b) => this.cache.has(b) || this.inFlight.has(b) || this.failed.has(b),
      freeSlots: MAX_IN_FLIGHT - this.inFlight.size,
    });
    for (const block of plan) void this.load(block);
  }

  private async load(block: number): Promise<void> {
    const generation = this.generation;
    this.inFlight.add(block);
    try {
      const page = await this.fetchPage(block * BLOCK_SIZE, BLOCK_SIZE, this.query);
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
