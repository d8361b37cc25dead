// Bundles the Electron shell: main-entry.ts -> dist-electron/main.cjs and preload.ts ->
// dist-electron/preload.cjs. Both are CommonJS: Electron's app entry here is .cjs (package.json has
// "type": "module"), and sandboxed preloads cannot be ES modules. `electron` stays external (Electron
// provides it). The core host is not bundled: electron/core-host.mjs loads core's TypeScript through
// tsx at run time, so core's worker threads (core/api/job-worker.mjs) keep working unchanged.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist-electron');

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  // Electron 45 runs Node 22 in main and Chromium 140 in the preload.
  build({ ...common, entryPoints: ['electron/main-entry.ts'], outfile: join(out, 'main.cjs'), target: 'node22' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: join(out, 'preload.cjs'), target: 'chrome140' }),
]);

console.log(`electron shell built into ${out}`);
