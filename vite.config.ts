// Builds the renderer (root: renderer/) into dist/renderer, and configures vitest for the
// unit and contract tests (end-to-end tests run under Playwright, see test/e2e).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { META_CONTENT_SECURITY_POLICY } from './core/api/csp.ts';

/**
 * The built index.html carries the app's CSP as a <meta> tag too: Electron's header hook may not
 * apply to file:// pages. Build only, because the dev server injects inline scripts.
 */
const cspMeta = {
  name: 'segwb-csp-meta',
  apply: 'build' as const,
  transformIndexHtml: (html: string) =>
    html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`),
};

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The app is offline by design: everything it needs is bundled, nothing is fetched at run time.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  test: {
    root: '.',
    include: ['core/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'renderer/**/*.test.tsx', 'test/contract/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
