// Classifying failures for the UI: which ones mean "the page cannot talk to the workbench at all"
// (shown as a full-screen state, not a toast), and a readable message for everything else.
import { ApiError, CANCELLED } from '../../core/api/contract.ts';

const CONNECTION_CODES = new Set(['transport', 'unauthorized', 'unauthorised', 'not-authorized', 'forbidden', 'auth', 'bad-token']);

export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  if (CONNECTION_CODES.has(err.code)) return true;
  return /\bHTTP 40[13]\b/.test(err.message);
}

export function isCancelled(err: unknown): boolean {
  return (err instanceof ApiError && err.code === CANCELLED) || (err instanceof Error && err.name === 'AbortError');
}

export function errorCode(err: unknown): string {
  return err instanceof ApiError ? err.code : 'internal';
}

/** A fact core attached to an error (ApiError.details), e.g. the path of a rejected-rows report. */
export function errorDetail(err: unknown, key: string): string | number | null {
  return err instanceof ApiError ? (err.details?.[key] ?? null) : null;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === 'string' && err) return err;
  return 'Something went wrong.';
}

/** A short title for a workspace error code; the message from core carries the details. */
export function errorTitle(code: string): string {
  switch (code) {
    case 'not-a-workspace':
      return 'Not a workspace file';
    case 'workspace-corrupt':
      return 'The workspace is damaged';
    case 'workspace-too-new':
      return 'Made by a newer version';
    case 'workspace-not-found':
      return 'Workspace not found';
    case 'workspace-read-only':
      return 'The workspace is read-only';
    case 'workspace-exists':
      return 'A file with that name exists';
    case 'no-workspace-open':
      return 'No workspace open';
    case 'invalid-args':
      return 'Invalid input';
    default:
      return 'Something went wrong';
  }
}
