// What one running core remembers between requests: the open workspace and where its settings live.
import type { Workspace } from '../store/workspace.ts';
import { ApiError } from './contract.ts';

export interface SessionOptions {
  /** Folder for app settings (recent workspaces). */
  homeDir: string;
  /** Folder proposed for new workspaces. */
  defaultDir: string;
  appVersion: string;
}

export class Session {
  workspace: Workspace | null = null;
  constructor(readonly options: SessionOptions) {}

  /** The open workspace, or a clear error when there is none. */
  requireWorkspace(): Workspace {
    if (!this.workspace) {
      throw new ApiError({ code: 'no-workspace-open', message: 'No workspace is open. Open or create one first.' });
    }
    return this.workspace;
  }

  closeWorkspace(): void {
    this.workspace?.db.close();
    this.workspace = null;
  }
}
