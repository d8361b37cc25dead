import { describe, expect, it } from 'vitest';
import { latestRequest } from './latestRequest.ts';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('latestRequest', () => {
  it('keeps one request in flight and sends only the latest queued one', async () => {
    const sent: number[] = [];
    const pending: Array<ReturnType<typeof deferred<string>>> = [];
    const results: Array<[string, number, boolean]> = [];
    let idle = 0;
    const r = latestRequest<number, string>({
      send: (n) => {
        sent.push(n);
        const d = deferred<string>();
        pending.push(d);
        return d.promise;
      },
      onResult: (res, n, more) => results.push([res, n, more]),
      onError: () => {},
      onIdle: () => idle++,
    });
    r.request(1);
    r.request(2);
    r.request(3);
    r.request(4);
    expect(sent).toEqual([1]);
    expect(r.busy()).toBe(true);
    pending[0]!.resolve('one');
    await tick();
    expect(results).toEqual([['one', 1, true]]);
    expect(sent).toEqual([1, 4]);
    pending[1]!.resolve('four');
    await tick();
    expect(results.at(-1)).toEqual(['four', 4, false]);
    expect(r.busy()).toBe(false);
    expect(idle).toBe(1);
  });

  it('reports errors and carries on with the queued request', async () => {
    const errors: unknown[] = [];
    const pending: Array<ReturnType<typeof deferred<number>>> = [];
    const r = latestRequest<number, number>({
      send: () => {
        const d = deferred<number>();
        pending.push(d);
        return d.promise;
      },
      onResult: () => {},
      onError: (e) => errors.push(e),
    });
    r.request(1);
    r.request(2);
    pending[0]!.reject(new Error('boom'));
    await tick();
    expect(errors).toHaveLength(1);
    expect(pending).toHaveLength(2);
  });

  it('ignores answers after a reset', async () => {
    const results: string[] = [];
    const d = deferred<string>();
    const r = latestRequest<number, string>({ send: () => d.promise, onResult: (s) => results.push(s), onError: () => {} });
    r.request(1);
    r.reset();
    expect(r.busy()).toBe(false);
    d.resolve('late');
    await tick();
    expect(results).toEqual([]);
  });
});
