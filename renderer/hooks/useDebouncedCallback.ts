// Calls `fn` once input has paused for `ms`. The latest `fn` is always used, and a pending call
// is dropped on unmount.
import { useEffect, useMemo, useRef } from 'react';

export function useDebouncedCallback<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { flush(): void; cancel(): void } {
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<A | null>(null);

  const debounced = useMemo(() => {
    const call = (...args: A) => {
      pending.current = args;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        const a = pending.current;
        pending.current = null;
        if (a) fnRef.current(...a);
      }, ms);
    };
    return Object.assign(call, {
      flush() {
        if (timer.current) clearTimeout(timer.current);
        timer.current = null;
        const a = pending.current;
        pending.current = null;
        if (a) fnRef.current(...a);
      },
      cancel() {
        if (timer.current) clearTimeout(timer.current);
        timer.current = null;
        pending.current = null;
      },
    });
  }, [ms]);

  useEffect(() => () => debounced.cancel(), [debounced]);
  return debounced;
}
