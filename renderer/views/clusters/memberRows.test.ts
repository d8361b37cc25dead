import { describe, expect, it, vi } from 'vitest';
import type { ClusterMember, ClusterMemberPage } from '../../../core/api/contract.ts';
import { MEMBER_BLOCK, memberRequest, MemberRowSource, type MemberQuery } from './memberRows.ts';

const member = (row: number): ClusterMember => ({ row, customerId: `c${row}`, key: 0, distance: row / 10, values: [] });

function page(offset: number, limit: number, total: number): ClusterMemberPage {
  const rows = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push(member(i));
  return { total, offset, rows };
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('member rows', () => {
  it('asks for a cluster by offset, and for a selection by its rows only', () => {
    expect(memberRequest({ modelId: 2, kind: 'cluster', key: 3 }, 200, 200)).toEqual({ modelId: 2, key: 3, offset: 200, limit: 200 });
    const rows = Array.from({ length: 450 }, (_, i) => i * 2);
    const req = memberRequest({ modelId: 2, kind: 'rows', rows }, 400, 200);
    expect(req).toEqual({ modelId: 2, rows: rows.slice(400, 450), offset: 0, limit: 50 });
  });

  it('fetches the visible block, learns the total, and fetches further blocks on scroll', async () => {
    const fetch = vi.fn(async (_q: MemberQuery, offset: number, limit: number) => page(offset, limit, 1000));
    const onRows = vi.fn();
    const source = new MemberRowSource(fetch, { onRows, onError: vi.fn() });
    source.setQuery({ modelId: 1, kind: 'cluster', key: 0 });
    await flush();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(onRows).toHaveBeenLastCalledWith(1000);
    expect(source.row(5)?.customerId).toBe('c5');
    source.request(600, 630);
    await flush();
    expect(fetch.mock.calls.map((c) => c[1])).toContain(3 * MEMBER_BLOCK);
    expect(source.row(610)?.customerId).toBe('c610');
  });

  it('drops answers for a query that was replaced', async () => {
    let release: (p: ClusterMemberPage) => void = () => {};
    const fetch = vi.fn((q: MemberQuery, offset: number, limit: number) =>
      q.kind === 'cluster' && q.key === 0 ? new Promise<ClusterMemberPage>((r) => (release = r)) : Promise.resolve(page(offset, limit, 3)),
    );
    const source = new MemberRowSource(fetch, { onRows: vi.fn(), onError: vi.fn() });
    source.setQuery({ modelId: 1, kind: 'cluster', key: 0 });
    source.setQuery({ modelId: 1, kind: 'rows', rows: [7, 8, 9] });
    await flush();
    release(page(0, 200, 1000));
    await flush();
    expect(source.row(0)?.customerId).toBe('c0');
    expect(source.row(5)).toBeUndefined();
  });

  it('reports a failed block once and fetches it again on retry', async () => {
    let fail = true;
    const fetch = vi.fn(async (_q: MemberQuery, offset: number, limit: number) => {
      if (fail) throw new Error('boom');
      return page(offset, limit, 10);
    });
    const onError = vi.fn();
    const source = new MemberRowSource(fetch, { onRows: vi.fn(), onError });
    source.setQuery({ modelId: 1, kind: 'cluster', key: 0 });
    await flush();
    source.request(0, 5);
    await flush();
    expect(onError).toHaveBeenCalledTimes(1);
    fail = false;
    source.retry();
    await flush();
    expect(source.row(0)?.customerId).toBe('c0');
  });
});
