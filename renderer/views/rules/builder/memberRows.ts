// Rows of the members preview (see lib/blockRowSource.ts for the paging): a query is one rule as
// of one date, the one whose counts are on screen.
import type { RuleGroup, RuleMember, RuleMemberPage } from '../../../../core/api/contract.ts';
import { BlockRowSource, type BlockRowEvents } from '../../../lib/blockRowSource.ts';

export const MEMBER_BLOCK = 200;

export interface MemberQuery {
  rule: RuleGroup;
  /** null: the signals' date. */
  asOf: string | null;
  /** The matched count of the evaluation, known before any page arrives. */
  matched: number;
}

export type FetchMembers = (args: { rule: RuleGroup; asOf?: string; offset: number; limit: number }) => Promise<RuleMemberPage>;

export function memberRequest(query: MemberQuery, offset: number, limit: number) {
  return { rule: query.rule, ...(query.asOf ? { asOf: query.asOf } : {}), offset, limit };
}

export class RuleMemberRows extends BlockRowSource<RuleMember, MemberQuery> {
  constructor(fetch: FetchMembers, events: BlockRowEvents) {
    super((query, offset, limit) => fetch(memberRequest(query, offset, limit)), events, { blockSize: MEMBER_BLOCK, knownTotal: (q) => q.matched });
  }
}
