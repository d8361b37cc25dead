// Rows of the members table (see lib/blockRowSource.ts for the paging). A query is a cluster or
// a brushed selection.
import type { ClusterMember, ClusterMemberPage } from '../../../core/api/contract.ts';
import { BlockRowSource, type BlockRowEvents } from '../../lib/blockRowSource.ts';

export const MEMBER_BLOCK = 200;

export type MemberQuery = { modelId: number; kind: 'cluster'; key: number } | { modelId: number; kind: 'rows'; rows: readonly number[] };

export type FetchMembers = (query: MemberQuery, offset: number, limit: number) => Promise<ClusterMemberPage>;

export type MemberSourceEvents = BlockRowEvents;

/**
 * The request for one block. A selection sends only the rows of that block (offset 0 in the
 * request), so paging through 100k brushed points never ships the whole list each time.
 */
export function memberRequest(query: MemberQuery, offset: number, limit: number) {
  if (query.kind === 'cluster') return { modelId: query.modelId, key: query.key, offset, limit };
  const rows = query.rows.slice(offset, offset + limit);
  return { modelId: query.modelId, rows, offset: 0, limit: Math.max(1, rows.length) };
}

export class MemberRowSource extends BlockRowSource<ClusterMember, MemberQuery> {
  constructor(fetch: FetchMembers, events: MemberSourceEvents) {
    // A selection's size is known at once; a cluster's arrives with its first block.
    super(fetch, events, { blockSize: MEMBER_BLOCK, knownTotal: (query) => (query.kind === 'rows' ? query.rows.length : null) });
  }
}
