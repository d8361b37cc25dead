import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAppUrl, isPermissionAllowed, withCsp } from './security.ts';
import { safeFileName, saveDialogOptions, withWorkspaceExtension } from './workspace-dialog.ts';

const appUrl = 'file:///opt/Segment%20Workbench/resources/app.asar/dist/renderer/index.html';

describe('security policy', () => {
  it('CSP allows only the bundled files, inline styles, and data/blob images', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('withCsp replaces a CSP whatever its header case, keeping other headers', () => {
    expect(withCsp({ 'Content-Security-Policy': 'x', 'content-type': 'text/html' })).toEqual({
      'content-type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('isAppUrl accepts the app page with any hash or query, nothing else', () => {
    expect(isAppUrl(appUrl, appUrl)).toBe(true);
    expect(isAppUrl(`${appUrl}#/clusters?id=3`, appUrl)).toBe(true);
    expect(isAppUrl(`${appUrl}?x=1`, appUrl)).toBe(true);
    expect(isAppUrl('file:///opt/Segment%20Workbench/resources/app.asar/dist/renderer/other.html', appUrl)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', appUrl)).toBe(false);
    expect(isAppUrl('https://example.com/dist/renderer/index.html', appUrl)).toBe(false);
    expect(isAppUrl('not a url', appUrl)).toBe(false);
  });

  it('grants no permission except clipboard writing to the app page', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', appUrl, appUrl)).toBe(true);
    expect(isPermissionAllowed('clipboard-read', appUrl, appUrl)).toBe(false);
    expect(isPermissionAllowed('media', appUrl, appUrl)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://x.example/', appUrl)).toBe(false);
  });
});

describe('workspace dialogs', () => {
  it('turns a suggested name into a safe file name', () => {
    expect(safeFileName('Q3/customers: "EU"')).toBe('Q3 customers EU');
    expect(safeFileName('../../etc/passwd')).toBe('etc passwd');
    expect(safeFileName('   ')).toBe('Workspace');
    expect(safeFileName(undefined)).toBe('Workspace');
    expect(safeFileName('x'.repeat(500))).toHaveLength(120);
  });

  it('adds the .segwb extension when the user left it out', () => {
    expect(withWorkspaceExtension('/a/b')).toBe('/a/b.segwb');
    expect(withWorkspaceExtension('/a/b.SEGWB')).toBe('/a/b.SEGWB');
  });

  it('proposes the new workspace inside the default folder', () => {
    expect(saveDialogOptions('/home/a/Documents/Segment Workbench', 'Spring')).toMatchObject({
      defaultPath: '/home/a/Documents/Segment Workbench/Spring.segwb',
      filters: [{ name: 'Segment Workbench workspace', extensions: ['segwb'] }],
    });
  });
});
