// Computed signals held for interactive work: one Float64Array per signal over all customers
// (NaN = missing, never silently 0), in customer_id order.
import type { SignalInfo } from './types.ts';

export interface SignalFrame {
  /** Epoch ms of the as-of instant. */
  asOf: number;
  customerIds: string[];
  signals: SignalInfo[];
  values: Float64Array[];
  computedMs: number;
}

export function columnOf(frame: SignalFrame, signalId: string): Float64Array | null {
  const i = frame.signals.findIndex((s) => s.id === signalId);
  return i < 0 ? null : frame.values[i]!;
}

/**
 * Binary search in the ids (sorted by SQLite's byte order, which matches JavaScript's order
 * except around characters outside the Basic Multilingual Plane: then a linear scan decides).
 */
export function indexOfCustomer(frame: SignalFrame, customerId: string): number {
  const ids = frame.customerIds;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid]!;
    if (v === customerId) return mid;
    if (v < customerId) lo = mid + 1;
    else hi = mid - 1;
  }
  return ids.indexOf(customerId);
}
