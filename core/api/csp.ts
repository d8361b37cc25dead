// The one Content-Security-Policy of the app, for every shell: the browser shell's HTTP header,
// the Electron window's header, and the <meta> tag built into index.html. Nothing but the app's
// own origin, ever: the workbench is offline by design.
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // React and ECharts set inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** frame-ancestors is ignored (and warned about) in a <meta> policy, so the tag leaves it out. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');
