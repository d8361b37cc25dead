// Rows of the movers table (see lib/blockRowSource.ts for the paging): a query is one segmentation,
// two dates and an optional flow. The first page makes core compute both dates' signals (slow);
// later pages of the same pair are fast.
import type { Mover, MoverPage, SegmentationRef } from '../../../core/api/contract.ts';
import { BlockRowSource, type BlockRowEvents } from '../../lib/blockRowSource.ts';
import { refKey } from '../../lib/segmentationOptions.ts';
import type { FlowFilter } from './migrationText.ts';

export const MOVER_BLOCK = 200;

export interface MoverQuery extends FlowFilter {
  ref: SegmentationRef;
  from: string;
  to: string;
}

export interface MoverArgs {
  ref: SegmentationRef;
  from: string;
  to: string;
  fromKey?: string;
  toKey?: string;
}

export function moverArgs(q: MoverQuery): MoverArgs {
  return { ref: q.ref, from: q.from, to: q.to, ...(q.fromKey !== null ? { fromKey: q.fromKey } : {}), ...(q.toKey !== null ? { toKey: q.toKey } : {}) };
}

export function moverQueryKey(q: MoverQuery | null): string | null {
  return q ? [refKey(q.ref), q.from, q.to, q.fromKey ?? '*', q.toKey ?? '*'].join('|') : null;
}

export type FetchMovers = (args: MoverArgs & { offset: number; limit: number }) => Promise<MoverPage>;

export class MigrationMoverRows extends BlockRowSource<Mover, MoverQuery> {
  constructor(fetch: FetchMovers, events: BlockRowEvents) {
    super((query, offset, limit) => fetch({ ...moverArgs(query), offset, limit }), events, { blockSize: MOVER_BLOCK });
  }
}
