// Getting a file the user picked or dropped to core, in the browser shell. A page cannot know a
// file's path, so the bytes go to the local server (POST /api/upload), which keeps a copy in the
// app's uploads folder and answers with its path; imports then read that path. Transport-level,
// not a contract operation: the desktop shell never needs it (the preload gives real paths).
//
// XMLHttpRequest rather than fetch: only it reports upload progress, which matters for files of
// tens of megabytes.
import { ApiError, type WireResult } from '../../core/api/contract.ts';

export interface UploadResult {
  path: string;
  bytes: number;
}

export interface UploadOptions {
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
  /** '' for the page's own origin. */
  baseUrl?: string;
}

/** Where a file of this name is posted; the server sanitises the name again. */
export function uploadUrl(name: string, baseUrl = ''): string {
  return `${baseUrl}/api/upload?name=${encodeURIComponent(name || 'upload')}`;
}

/** Turns the server's answer into a result, or an ApiError that says what went wrong. */
export function parseUploadAnswer(status: number, text: string): UploadResult {
  let wire: WireResult;
  try {
    wire = JSON.parse(text) as WireResult;
  } catch {
    throw new ApiError({ code: 'transport', message: `Unexpected answer to the upload (HTTP ${status}): ${text.slice(0, 200)}` });
  }
  if (!wire || typeof wire !== 'object' || !('ok' in wire)) {
    throw new ApiError({ code: 'transport', message: `Unexpected answer to the upload (HTTP ${status}).` });
  }
  if (!wire.ok) throw new ApiError(wire.error);
  const r = wire.result as Partial<UploadResult> | null;
  if (!r || typeof r.path !== 'string' || r.path === '') {
    throw new ApiError({ code: 'upload-failed', message: 'The server did not say where it saved the file.' });
  }
  return { path: r.path, bytes: typeof r.bytes === 'number' ? r.bytes : 0 };
}

export function uploadFile(file: File, options: UploadOptions = {}): Promise<UploadResult> {
  return new Promise<UploadResult>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    const done = () => options.signal?.removeEventListener('abort', abort);
    xhr.open('POST', uploadUrl(file.name, options.baseUrl ?? ''));
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => options.onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      done();
      try {
        resolve(parseUploadAnswer(xhr.status, xhr.responseText));
      } catch (err) {
        reject(err);
      }
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError({ code: 'transport', message: `Cannot reach the workbench server to upload ${file.name}.` }));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('Upload cancelled', 'AbortError'));
    };
    if (options.signal?.aborted) {
      reject(new DOMException('Upload cancelled', 'AbortError'));
      return;
    }
    options.signal?.addEventListener('abort', abort, { once: true });
    xhr.send(file);
  });
}
