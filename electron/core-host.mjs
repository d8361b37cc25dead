// What utilityProcess.fork starts: plain JavaScript so it runs without a TypeScript loader.
// It registers tsx, then loads the TypeScript host (and through it, core) — as core/api/job-worker.mjs does.
import { register } from 'tsx/esm/api';

register();
await import('./core-host.ts');
