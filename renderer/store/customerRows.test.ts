import { describe, expect, it } from 'vitest';
import type { CustomerPage, CustomerRow } from '../../core/api/contract.ts';
import { CustomerRowSource, MAX_IN_FLIGHT, type RowQuery } from './customerRows.ts';

function row(i: number, tag = ''): CustomerRow {
  return {
    customer_id: `C${i}${tag}`,
    name: null,
    email: null,
    country: null,
    city: null,
    first_seen: null,
    last_seen: null,
    events: 0,
    sessions: 0,
    purchases: 0,
    revenue: 0,
    last_purchase: null,
  };
}

/** A fake server whose answers are released by hand, to test ordering. */
function fakeServer(total: number) {
  const calls: Array<{ offset: number; query: RowQuery; resolve: () => void }> = [];
  const fetchPage = (offset: number, limit: number, query: RowQuery) =>
    new Promise<CustomerPage>((resolve) => {
      const tag = query.sort ? `-${query.sort.column}` : '';
      const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => row(offset + i, tag));
      calls.push({ offset, query, resolve: () => resolve({ total, offset, rows }) });
    });
  return { calls, fetchPage };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('CustomerRowSource', () => {
  it('fetches the visible blocks, at most a few at a time', async () => {
    const server = fakeServer(100_000);
    const totals: number[] = [];
    const src = new CustomerRowSource(server.fetchPage, { onRows: (t) => totals.push(t), onError: () => {} });
    src.request(0, 30);
    expect(server.calls.map((c) => c.offset)).toEqual([0]);
    server.calls[0]!.resolve();
    await flush();
    expect(totals).toEqual([100_000]);
    expect(src.row(5)?.customer_id).toBe('C5');
    src.request(5000, 5030);
    expect(server.calls.length - 1).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    expect(server.calls[1]!.offset).toBe(5000);
  });

  it('drops answers for an earlier query', async () => {
    const server = fakeServer(1000);
    const src = new CustomerRowSource(server.fetchPage, { onRows: () => {}, onError: () => {} });
    src.request(0, 30);
    src.setQuery({ sort: { column: 'revenue', direction: 'desc' }, filter: {} });
    const [stale, fresh] = server.calls;
    fresh!.resolve();
    stale!.resolve();
    await flush();
    expect(src.row(0)?.customer_id).toBe('C0-revenue');
  });

  it('does not retry a failed block until asked', async () => {
    let fail = true;
    let calls = 0;
    const errors: unknown[] = [];
    const src = new CustomerRowSource(
      async (offset) => {
        calls++;
        if (fail) throw new Error('down');
        return { total: 10, offset, rows: [row(0)] };
      },
      { onRows: () => {}, onError: (e) => errors.push(e) },
    );
    src.request(0, 5);
    await flush();
    src.request(0, 6);
    await flush();
    expect(calls).toBe(1);
    expect(errors).toHaveLength(1);
    fail = false;
    src.retry();
    await flush();
    expect(calls).toBe(2);
    expect(src.row(0)?.customer_id).toBe('C0');
  });
});
