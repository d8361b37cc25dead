// The in-process transport: same contract, no wire. Results and errors are passed through a
// structured clone so callers see exactly what a real transport would deliver.
import { ApiError, type ApiClient, type ArgsIn, type OpName, type Result, type SendOptions } from './contract.ts';
import { toApiError, type Core } from './core.ts';

let counter = 0;

export function createInProcessClient(core: Core): ApiClient {
  return {
    async send<K extends OpName>(name: K, args: ArgsIn<K>, opts: SendOptions = {}): Promise<Result<K>> {
      const jobId = `local-${++counter}`;
      try {
        const result = await core.call(name, structuredClone(args), {
          jobId,
          ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
          ...(opts.signal ? { signal: opts.signal } : {}),
        });
        return structuredClone(result ?? null) as Result<K>;
      } catch (err) {
        throw new ApiError(toApiError(err).toJSON());
      }
    },
  };
}
