// Writes into a workspace opened read-only are refused up front with one message shape, instead
// of a raw SQLITE_READONLY half-way through.
import { ApiError } from '../api/contract.ts';

/** Throws `workspace-read-only` saying what cannot be done, e.g. "nothing can be imported into it". */
export function requireWritable(ws: { readonly: boolean; path: string }, consequence: string): void {
  if (ws.readonly) throw new ApiError({ code: 'workspace-read-only', message: `${ws.path} is read-only: ${consequence}.` });
}
