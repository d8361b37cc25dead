// Rows of the members table, fetched a block at a time as they scroll into view (the same block
// cache and fetch plan as the customers grid). A query is a cluster or a brushed selection; a new
// query bumps the generation so answers for the previous one are dropped, never painted.
import type { ClusterMember, ClusterMemberPage } from '../../../core/api/contract.ts';
import { LruBlockCache, planBlockFetches } from '../../lib/blockCache.ts';

export const MEMBER_BLOCK = 200;
const MAX_IN_FLIGHT = 2;
const PREFETCH_ROWS = 120;

export type MemberQuery = { modelId: number; kind: 'cluster'; key: number } | { modelId: number; kind: 'rows'; rows: readonly number[] };

export type FetchMembers = (query: MemberQuery, offset: number, limit: number) => Promise<ClusterMemberPage>;

export interface MemberSourceEvents {
  onRows(total: number): void;
  onError(err: unknown): void;
}

/**
 * The request for one block. A selection sends only the rows of that block (offset 0 in the
 * request), so paging through 100k brushed points never ships the whole list each time.
 */
export function memberRequest(query: MemberQuery, offset: number, limit: number) {
  if (query.kind === 'cluster') return { modelId: query.modelId, key: query.key, offset, limit };
  const rows = query.rows.slice(offset, offset + limit);
  return { modelId: query.modelId, rows, offset: 0, limit: Math.max(1, rows.length) };
}

export class MemberRowSource {
  private cache = new LruBlockCache<ClusterMember>();
  private inFlight = new Set<number>();
  private failed = new Set<number>();
  private generation = 0;
  private query: MemberQuery | null = null;
  private window = { start: 0, end: 30 };
  private total: number | null = null;

  constructor(
    private readonly fetch: FetchMembers,
    private readonly events: MemberSourceEvents,
  ) {}

  setQuery(query: MemberQuery | null): void {
    this.query = query;
    this.generation++;
    this.cache.clear();
    this.inFlight.clear();
    this.failed.clear();
    // A selection's size is known at once; a cluster's arrives with its first block.
    this.total = query?.kind === 'rows' ? query.rows.length : null;
    this.window = { start: 0, end: this.window.end - this.window.start };
    if (query) this.pump();
  }

  row(index: number): ClusterMember | undefined {
    return this.cache.peek(Math.floor(index / MEMBER_BLOCK))?.[index % MEMBER_BLOCK];
  }

  request(start: number, end: number): void {
    this.window = { start, end };
    for (let b = Math.floor(start / MEMBER_BLOCK); b <= Math.floor(end / MEMBER_BLOCK); b++) this.cache.get(b);
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
      blockSize: MEMBER_BLOCK,
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
      const page = await this.fetch(query, block * MEMBER_BLOCK, MEMBER_BLOCK);
      if (generation !== this.generation) return;
      this.inFlight.delete(block);
      this.cache.set(block, page.rows);
      if (query.kind === 'cluster') this.total = page.total;
      this.events.onRows(this.total ?? page.total);
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
