export type WorkspaceErrorCode =
  | 'workspace-not-found'
  | 'workspace-exists'
  | 'not-a-workspace'
  | 'workspace-corrupt'
  | 'workspace-too-new'
  | 'workspace-read-only'
  | 'no-workspace-open';

/** An error the user can act on; `message` is written for them and names the file. */
export class WorkspaceError extends Error {
  constructor(
    readonly code: WorkspaceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkspaceError';
  }
}
