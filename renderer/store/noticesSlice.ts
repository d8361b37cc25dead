// How failures reach the user: a banner for errors that need reading (a workspace that will not
// open), toasts for passing ones, and a full-screen state when the page cannot reach core at all.
import { errorCode, errorMessage, errorTitle, isCancelled, isConnectionError } from '../lib/errors.ts';
import type { SliceCreator } from './types.ts';

export interface Banner {
  title: string;
  message: string;
  code: string;
}

export interface Toast {
  id: number;
  kind: 'error' | 'info' | 'success';
  title: string;
  message?: string;
}

export interface NoticesSlice {
  banner: Banner | null;
  toasts: Toast[];
  /** Set when api.send fails at the transport or authorisation level. */
  connectionError: string | null;
  showBanner(err: unknown, title?: string): void;
  dismissBanner(): void;
  toast(t: Omit<Toast, 'id'>): void;
  dismissToast(id: number): void;
  /** The one place actions send unexpected failures to. Cancellation is not a failure. */
  reportError(err: unknown, title?: string): void;
  setConnectionError(message: string | null): void;
}

let nextToastId = 1;
const TOAST_MS = { error: 10_000, info: 5_000, success: 4_000 } as const;

export const createNoticesSlice: SliceCreator<NoticesSlice> = (set, get) => ({
  banner: null,
  toasts: [],
  connectionError: null,
  showBanner(err, title) {
    if (isConnectionError(err)) return get().setConnectionError(errorMessage(err));
    const code = errorCode(err);
    set({ banner: { title: title ?? errorTitle(code), message: errorMessage(err), code } });
  },
  dismissBanner: () => set({ banner: null }),
  toast(t) {
    const id = nextToastId++;
    set((s) => ({ toasts: [...s.toasts.slice(-4), { ...t, id }] }));
    setTimeout(() => get().dismissToast(id), TOAST_MS[t.kind]);
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  reportError(err, title) {
    if (isCancelled(err)) return;
    if (isConnectionError(err)) return get().setConnectionError(errorMessage(err));
    if (errorCode(err) === 'no-workspace-open') return get().workspaceGone(errorMessage(err));
    get().toast({ kind: 'error', title: title ?? errorTitle(errorCode(err)), message: errorMessage(err) });
  },
  setConnectionError: (connectionError) => set({ connectionError }),
});
