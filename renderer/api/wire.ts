// Shared by the transports: turning a wire result back into a value or an ApiError.
import { ApiError, type WireResult } from '../../core/api/contract.ts';

export function unwrap(wire: WireResult): unknown {
  if (wire.ok) return wire.result;
  throw new ApiError(wire.error);
}

export function newJobId(): string {
  return `job-${crypto.randomUUID()}`;
}
