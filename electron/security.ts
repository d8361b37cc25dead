// The desktop shell's security policy in one place: how the window is configured, which
// Content-Security-Policy every response carries, which URLs count as "the app", which requests
// may leave the machine (none) and which permissions a page may get.
import type { WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/api/csp.ts';

/** One policy for every shell (core/api/csp.ts); 'self' covers the bundled files loaded over file://. */
export { CONTENT_SECURITY_POLICY };

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Response headers with our CSP, replacing any the response brought (header names are case-insensitive). */
export function withCsp(headers: Record<string, string | string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/** True when `url` is the app's own page (any hash or query), i.e. the file loaded with loadFile. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const u = new URL(url);
    const app = new URL(appUrl);
    return u.protocol === 'file:' && u.protocol === app.protocol && u.host === app.host && u.pathname === app.pathname;
  } catch {
    return false;
  }
}

/** Requests that would reach the network; the shell cancels them all ("no remote content"). */
export const REMOTE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

/**
 * Writing to the clipboard (copying an exported definition) is the one permission the app's own
 * page gets; everything else (camera, notifications, geolocation, …) is refused.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string, appUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl, appUrl);
}
