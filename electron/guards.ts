// Applies the security policy (security.ts) to Electron objects: the session (CSP header, no network,
// no permissions) and every web contents (no navigation away from the app, no new windows, no webviews).
import type { Session, WebContents } from 'electron';
import { isAppUrl, isPermissionAllowed, REMOTE_URL_PATTERNS, withCsp } from './security.ts';

export type PolicySession = Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
type Log = (message: string) => void;

export function installSessionPolicy(session: PolicySession, appUrl: string, log: Log): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
  session.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (details, callback) => {
    log(`blocked a network request to ${details.url}`);
    callback({ cancel: true });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, appUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? '', appUrl),
  );
}

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Navigation is allowed only to the app's own page; everything else (a dropped file, a link, a
 * redirect) is stopped. There are no external links worth the risk of opening, so none are opened.
 */
export function guardWebContents(contents: GuardedContents, appUrl: string, log: Log): void {
  const stayInApp = (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url, appUrl)) return;
    event.preventDefault();
    log(`denied navigation to ${event.url}`);
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    log(`denied a new window for ${url}`);
    return { action: 'deny' };
  });
}
