// At most one request in flight; while it runs, newer requests replace each other and only the
// latest one is sent when it returns. For re-scoring on every slider move: the analyst sees each
// answer as it arrives, and the last position is always the one scored in the end.

export interface LatestRequest<A> {
  /** Send now, or remember as the next one to send when the request in flight returns. */
  request(args: A): void;
  /** Forget the queued request and ignore the answer of the one in flight. */
  reset(): void;
  /** True while a request is in flight or queued. */
  busy(): boolean;
}

export interface LatestRequestHandlers<A, R> {
  send(args: A): Promise<R>;
  onResult(result: R, args: A, more: boolean): void;
  onError(err: unknown, args: A, more: boolean): void;
  /** Called when nothing is in flight or queued any more. */
  onIdle?(): void;
}

export function latestRequest<A, R>({ send, onResult, onError, onIdle }: LatestRequestHandlers<A, R>): LatestRequest<A> {
  let inFlight = false;
  let queued: { args: A } | null = null;
  let generation = 0;

  function start(args: A) {
    inFlight = true;
    const gen = generation;
    let outcome: { ok: true; value: R } | { ok: false; err: unknown };
    send(args)
      .then(
        (value) => (outcome = { ok: true, value }),
        (err: unknown) => (outcome = { ok: false, err }),
      )
      .then(() => {
        if (gen !== generation) return;
        inFlight = false;
        const next = queued;
        queued = null;
        // Report first (the answer is worth showing even when a newer one is coming), then go on.
        if (outcome.ok) onResult(outcome.value, args, next !== null);
        else onError(outcome.err, args, next !== null);
        if (next) start(next.args);
        else onIdle?.();
      });
  }

  return {
    request(args) {
      if (inFlight) queued = { args };
      else start(args);
    },
    reset() {
      generation++;
      inFlight = false;
      queued = null;
    },
    busy: () => inFlight || queued !== null,
  };
}
