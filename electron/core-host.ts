// Entry of the core host: runs inside Electron's utility process (started through core-host.mjs,
// which registers tsx first). Core lives here so a long job never blocks the window's main process.
import type { ParentPort } from 'electron';
import { createCore } from '../core/api/core.ts';
import { createCoreHostHandler } from './core-host-handler.ts';
import { parseHostConfig } from './host-messages.ts';

const port = (process as { parentPort?: ParentPort }).parentPort;
if (!port) throw new Error('core-host must run in an Electron utility process (process.parentPort is missing)');

const core = createCore(parseHostConfig(process.argv));
const handle = createCoreHostHandler(core, (reply) => port.postMessage(reply), {
  onShutdown: () => process.exit(0),
});
port.on('message', (event) => void handle(event.data));
// A kill from main (crash recovery, forced quit) still closes the workspace file cleanly.
process.on('SIGTERM', () => {
  core.close();
  process.exit(0);
});
