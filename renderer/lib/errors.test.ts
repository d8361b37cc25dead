import { describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/contract.ts';
import { errorMessage, isCancelled, isConnectionError } from './errors.ts';

describe('errors', () => {
  it('recognises a lost connection or a missing token', () => {
    expect(isConnectionError(new ApiError({ code: 'transport', message: 'Cannot reach the workbench server' }))).toBe(true);
    expect(isConnectionError(new ApiError({ code: 'unauthorized', message: 'Missing token' }))).toBe(true);
    expect(isConnectionError(new ApiError({ code: 'x', message: 'Unexpected answer (HTTP 401): no' }))).toBe(true);
    expect(isConnectionError(new ApiError({ code: 'not-a-workspace', message: '/a.txt is not a workspace' }))).toBe(false);
    expect(isConnectionError(new Error('boom'))).toBe(false);
  });

  it('recognises cancellation', () => {
    expect(isCancelled(new ApiError({ code: 'cancelled', message: 'Cancelled.' }))).toBe(true);
    expect(isCancelled(new ApiError({ code: 'internal', message: 'x' }))).toBe(false);
  });

  it('extracts messages', () => {
    expect(errorMessage(new Error('bad'))).toBe('bad');
    expect(errorMessage(null)).toBe('Something went wrong.');
  });
});
