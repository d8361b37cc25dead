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
  /**
   * Results derived from the open workspace's data and kept in memory for interactive work (the
   * computed signals). Cleared when the workspace closes or its data changes (import, erasure,
   * taxonomy or signal definitions), so nothing stale is ever scored.
   */
  readonly derived = new Map<string, unknown>();
  constructor(readonly options: SessionOptions) {}

  invalidateDerived(): void {
    this.derived.clear();
  }

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
    this.derived.clear();
  }
}
