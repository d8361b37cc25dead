#!/usr/bin/env node
// Starts the CLI from its TypeScript sources: tsx compiles them on the fly, so no build step
// stands between `npm install` and `segwb`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli.ts');
const code = await main(process.argv.slice(2));
// `web` keeps running until interrupted; every other verb exits with its status.
if (process.argv[2] !== 'web' || code !== 0) process.exitCode = code;
