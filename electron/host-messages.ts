// The protocol between Electron main and the core host (utility process). Type-only imports of
// the contract keep zod and the core out of the main-process bundle.
import type { Progress, WireResult } from '../core/api/contract.ts';

/** main -> host */
export type HostRequest =
  | { type: 'call'; name: string; args: unknown; jobId: string }
  | { type: 'cancel'; jobId: string }
  /** Close the workspace cleanly and exit (sent when the app quits). */
  | { type: 'shutdown' };

/** host -> main */
export type HostReply = { type: 'result'; jobId: string; wire: WireResult } | { type: 'progress'; progress: Progress };

/** What the host needs to create the core; passed on its command line so it exists before any message. */
export interface HostConfig {
  homeDir: string;
  defaultDir: string;
  appVersion: string;
}

const CONFIG_FLAG = '--segwb-host-config=';

export function encodeHostConfig(config: HostConfig): string {
  return CONFIG_FLAG + JSON.stringify(config);
}

export function parseHostConfig(argv: readonly string[]): HostConfig {
  const arg = argv.find((a) => a.startsWith(CONFIG_FLAG));
  if (!arg) throw new Error(`core host started without ${CONFIG_FLAG}{...}`);
  const value = JSON.parse(arg.slice(CONFIG_FLAG.length)) as Partial<HostConfig>;
  for (const key of ['homeDir', 'defaultDir', 'appVersion'] as const) {
    if (typeof value[key] !== 'string' || value[key] === '') throw new Error(`core host config lacks ${key}`);
  }
  return value as HostConfig;
}
