// The customers grid fetches rows in fixed-size blocks and keeps the most recently used ones.
// A plain Map keeps insertion order, which makes it a small, allocation-free LRU.

export const BLOCK_SIZE = 200;
/** 60 blocks × 200 rows ≈ 12,000 rows ≈ a few MB: plenty for scrolling back and forth. */
export const MAX_BLOCKS = 60;

export class LruBlockCache<T> {
  private readonly blocks = new Map<number, T[]>();
  constructor(private readonly capacity: number = MAX_BLOCKS) {}

  get size(): number {
    return this.blocks.size;
  }

  has(block: number): boolean {
    return this.blocks.has(block);
  }

  /** Reading a block marks it as recently used. */
  get(block: number): T[] | undefined {
    const rows = this.blocks.get(block);
    if (rows) {
      this.blocks.delete(block);
      this.blocks.set(block, rows);
    }
    return rows;
  }

  /** Looks without touching recency (for render-time reads of many rows). */
  peek(block: number): T[] | undefined {
    return this.blocks.get(block);
  }

  set(block: number, rows: T[]): void {
    this.blocks.delete(block);
    this.blocks.set(block, rows);
    while (this.blocks.size > this.capacity) {
      const oldest = this.blocks.keys().next().value;
      if (oldest === undefined) break;
      this.blocks.delete(oldest);
    }
  }

  clear(): void {
    this.blocks.clear();
  }
}

export function blockOf(index: number, blockSize: number = BLOCK_SIZE): number {
  return Math.floor(index / blockSize);
}

export interface FetchPlanInput {
  /** Visible rows, inclusive; end < start means nothing visible. */
  start: number;
  end: number;
  /** Rows matching the query, or null while unknown (then only block 0 is planned). */
  total: number | null;
  blockSize?: number;
  /** Extra rows ahead/behind the visible window to fetch, so normal scrolling never waits. */
  prefetchRows?: number;
  /** Blocks cached or already being fetched. */
  isAvailable: (block: number) => boolean;
  /** How many fetches may be in flight; the plan only fills the free slots. */
  freeSlots: number;
}

/**
 * Which blocks to fetch now, most urgent first: the visible ones (top to bottom), then the
 * prefetch margin, nearest first. Fast scrolling through a million rows must not queue up
 * requests for rows long gone, so only the latest window is ever planned and only as many
 * blocks as there are free slots.
 */
export function planBlockFetches(input: FetchPlanInput): number[] {
  const blockSize = input.blockSize ?? 200;
  const prefetch = input.prefetchRows ?? 0;
  if (input.freeSlots <= 0) return [];
  if (input.total === 0) return [];
  const lastBlock = input.total === null ? 0 : blockOf(input.total - 1, blockSize);
  const start = Math.max(0, input.start);
  const end = input.end < input.start ? start : input.end;

  const wanted: number[] = [];
  const add = (b: number) => {
    if (b < 0 || b > lastBlock || wanted.includes(b) || input.isAvailable(b)) return;
    wanted.push(b);
  };
  const first = blockOf(start, blockSize);
  const last = Math.min(blockOf(end, blockSize), lastBlock);
  for (let b = first; b <= last; b++) add(b);
  if (prefetch > 0) {
    const after = Math.min(blockOf(end + prefetch, blockSize), lastBlock);
    const before = blockOf(Math.max(0, start - prefetch), blockSize);
    for (let d = 1; last + d <= after || first - d >= before; d++) {
      if (last + d <= after) add(last + d);
      if (first - d >= before) add(first - d);
    }
  }
  return wanted.slice(0, input.freeSlots);
}
