import { resolve } from 'node:path';
import type { HandlerGroup } from '../api/registry.ts';
import { createWorkspace, openWorkspace } from '../store/workspace.ts';
import { workspaceInfo } from './info.ts';
import { forgetRecent, listRecent, rememberRecent } from './recent.ts';
import type { Session } from '../api/session.ts';
import type { Workspace } from '../store/workspace.ts';

/** Makes `ws` the session's workspace (closing the previous one) and records it as recent. */
export function adoptWorkspace(session: Session, ws: Workspace) {
  session.closeWorkspace();
  session.workspace = ws;
  const info = workspaceInfo(ws);
  rememberRecent(session.options.homeDir, ws.path, info.name);
  return info;
}

export const workspaceHandlers: HandlerGroup = {
  'workspace-create': ({ path, name }, { session }) =>
    adoptWorkspace(
      session,
      createWorkspace(resolve(path), { ...(name ? { name } : {}), appVersion: session.options.appVersion }),
    ),

  'workspace-open': ({ path }, { session }) => {
    const full = resolve(path);
    if (session.workspace?.path === full) return workspaceInfo(session.workspace);
    // Open the new one before closing the old, so a failed open leaves the session as it was.
    return adoptWorkspace(session, openWorkspace(full));
  },

  'workspace-close': (_args, { session }) => {
    session.closeWorkspace();
    return null;
  },

  'workspace-info': (_args, { session }) => (session.workspace ? workspaceInfo(session.workspace) : null),

  'workspace-recent': (_args, { session }) => listRecent(session.options.homeDir),

  'workspace-recent-forget': ({ path }, { session }) => forgetRecent(session.options.homeDir, path),
};
