// Entry of a worker thread that runs one long job. Plain JavaScript so it can start without a
// TypeScript loader; it registers tsx before importing the job module, which is TypeScript.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();

const { moduleUrl, exportName, args, cancelFlag } = workerData;
const flag = new Int32Array(cancelFlag);

const job = {
  isCancelled: () => Atomics.load(flag, 0) === 1,
  progress: (update) => parentPort.postMessage({ type: 'progress', update }),
};

try {
  const mod = await import(moduleUrl);
  const fn = mod[exportName];
  if (typeof fn !== 'function') throw new Error(`${moduleUrl} has no exported function ${exportName}`);
  const result = await fn(args, job);
  // A job may hand over big typed arrays without copying them: it lists their buffers in
  // result.transferList (computed signals of 10^6 customers are hundreds of MB).
  const transfer = Array.isArray(result?.transferList) ? result.transferList : [];
  if (transfer.length) delete result.transferList;
  parentPort.postMessage({ type: 'done', result }, transfer);
} catch (err) {
  parentPort.postMessage({
    type: 'error',
    error: { name: err?.name ?? 'Error', message: err?.message ?? String(err), code: err?.code, details: err?.details },
  });
}
