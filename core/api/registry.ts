// Handlers are registered per domain folder and merged here into one map that must cover the
// contract exactly: a duplicate, unknown or missing operation is a programming error caught at start.
import { contract, OP_NAMES, type Args, type OpName, type Progress, type Result } from './contract.ts';
import type { Session } from './session.ts';

export type ProgressUpdate = Omit<Progress, 'jobId' | 'etaMs'> & { etaMs?: number | null };

export interface Ctx {
  jobId: string;
  signal: AbortSignal;
  progress(update: ProgressUpdate): void;
  session: Session;
}

export type Handler<K extends OpName> = (args: Args<K>, ctx: Ctx) => Result<K> | Promise<Result<K>>;
export type Handlers = { [K in OpName]: Handler<K> };
export type HandlerGroup = Partial<Handlers>;

export function createRegistry(groups: ReadonlyArray<readonly [domain: string, group: HandlerGroup]>): Handlers {
  const merged: Partial<Record<OpName, unknown>> = {};
  const owner: Partial<Record<OpName, string>> = {};
  for (const [domain, group] of groups) {
    for (const name of Object.keys(group) as OpName[]) {
      if (!(name in contract)) {
        throw new Error(`Handler "${name}" in ${domain} is not declared in core/api/contract.ts`);
      }
      if (merged[name]) {
        throw new Error(`Operation "${name}" is registered twice (by ${owner[name]} and ${domain}); names must be unique`);
      }
      merged[name] = group[name];
      owner[name] = domain;
    }
  }
  const missing = OP_NAMES.filter((n) => !merged[n]);
  if (missing.length > 0) throw new Error(`No handler registered for: ${missing.join(', ')}`);
  return merged as Handlers;
}
