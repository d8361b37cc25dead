// Rows of a long, server-paged table, fetched a block at a time as they scroll into view (LRU
// block cache, prefetch, at most two requests in flight). A new query bumps the generation so
// answers for the previous one are dropped, never painted. Failed blocks wait for retry().
import { LruBlockCache, planBlockFetches } from './blockCache.ts';

const MAX_IN_FLIGHT = 2;
const PREFETCH_ROWS = 120;

export interface BlockRowEvents {
  onRows(total: number): void;
  onError(err: unknown): void;
}

export interface BlockRowOptions<Q> {
  blockSize: number;
  /** A total known before any answer (a selection's size); null to take it from the answers. */
  knownTotal?: (query: Q) => number | null;
}

export class BlockRowSource<Row, Q> {
  private cache = new LruBlockCache<Row>();
  private inFlight = new Set<number>();
  private failed = new Set<number>();
  private generation = 0;
  private query: Q | null = null;
  private window = { start: 0, end: 30 };
  private total: number | null = null;
  private readonly blockSize: number;

  constructor(
    private readonly fetch: (query: Q, offset: number, limit: number) => Promise<{ rows: Row[]; total: number }>,
    private readonly events: BlockRowEvents,
    private readonly options: BlockRowOptions<Q>,
  ) {
    this.blockSize = options.blockSize;
  }

  setQuery(query: Q | null): void {
    this.query = query;
    this.generation++;
    this.cache.clear();
    this.inFlight.clear();
    this.failed.clear();
    this.total = query && this.options.knownTotal ? this.options.knownTotal(query) : null;
    this.window = { start: 0, end: this.window.end - this.window.start };
    if (query) this.pump();
  }

  row(index: number): Row | undefined {
    return this.cache.peek(Math.floor(index / this.blockSize))?.[index % this.blockSize];
  }

  request(start: number, end: number): void {
    this.window = { start, end };
    for (let b = Math.floor(start / this.blockSize); b <= Math.floor(end / this.blockSize); b++) this.cache.get(b);
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
      blockSize: this.blockSize,
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
      const page = await this.fetch(query, block * this.blockSize, this.blockSize);
      if (generation !== this.generation) return;
      this.inFlight.delete(block);
      this.cache.set(block, page.rows);
      const known = this.options.knownTotal?.(query) ?? null;
      this.total = known ?? page.total;
      this.events.onRows(this.total);
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
