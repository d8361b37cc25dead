// The customers table's filter as the toolbar holds it, and as the API wants it.
import type { CustomerFilter } from '../../core/api/contract.ts';

export interface FilterState {
  text: string;
  country: string;
  minPurchases: number | null;
}

export const EMPTY_FILTER: FilterState = { text: '', country: '', minPurchases: null };

/** The API's filter: only what is set, so an empty filter is `{}`. */
export function toApiFilter(f: FilterState): CustomerFilter {
  const out: CustomerFilter = {};
  const text = f.text.trim();
  if (text) out.text = text.slice(0, 200);
  if (f.country) out.country = f.country;
  if (f.minPurchases !== null && f.minPurchases > 0) out.minPurchases = Math.floor(f.minPurchases);
  return out;
}

export function isFiltered(f: FilterState): boolean {
  return Object.keys(toApiFilter(f)).length > 0;
}
