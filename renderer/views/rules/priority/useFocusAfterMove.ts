// Keeps the keyboard where the analyst is after moving an item of a list: the list re-renders in
// its new order (which may move the focused node and drop focus), then the first enabled element
// of the given selectors gets focus (e.g. the moved row's "up" button, else its "down" button).
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useFocusAfterMove(container: RefObject<HTMLElement | null>): (selectors: string[]) => void {
  const pending = useRef<string[] | null>(null);
  useLayoutEffect(() => {
    const selectors = pending.current;
    if (!selectors) return;
    pending.current = null;
    for (const sel of selectors) {
      const el = container.current?.querySelector<HTMLElement>(sel);
      if (el && !(el as HTMLButtonElement).disabled) {
        el.focus();
        return;
      }
    }
  });
  return (selectors) => {
    pending.current = selectors;
  };
}
