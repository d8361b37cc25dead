// What the store slices' tests share: a fake API client whose send() answers by operation name, a
// store of one slice with just enough of the rest of the app around it, an open workspace, and
// ways to see what was sent and to let pending promises settle.
//
// A test replaces the real client before it imports its slice (vi.mock is hoisted above imports):
//   vi.mock('../api/client.ts', () => import('./slices.test-support.ts').then((m) => m.fakeApiClient));
//   const { createXSlice } = await import('./xSlice.ts');
import { vi } from 'vitest';
import { create, type StoreApi } from 'zustand';
import type { WorkspaceInfo } from '../../core/api/contract.ts';
import type { AppState, SliceCreator } from './types.ts';

/** The fake api.send every slice test drives; reset it before each test. */
export const send = vi.fn();

/** What renderer/api/client.ts is replaced by: the browser transport, with send() faked. */
export const fakeApiClient = { api: { send: (...a: unknown[]) => send(...a) }, desktopBridge: null, isDesktop: false };

export function testWorkspace(over: Partial<WorkspaceInfo> = {}): WorkspaceInfo {
  return {
    path: '/w.segwb',
    name: 'w',
    readonly: false,
    schemaVersion: 5,
    createdAt: null,
    customers: 100,
    events: 1000,
    firstEventAt: 0,
    lastEventAt: 1,
    hasGroundTruth: false,
    imports: 1,
    ...over,
  };
}

/** Stand-ins for the other slices a slice calls; a function gets the store's set and get. */
export type AroundSlice = Record<string, unknown> | ((set: StoreApi<AppState>['setState'], get: () => AppState) => Record<string, unknown>);

/** A store made of one slice, an open workspace, spies for toast and reportError, and `around`. */
export function sliceStore<T>(createSlice: SliceCreator<T>, around: AroundSlice = {}, workspace: WorkspaceInfo = testWorkspace()) {
  const toast = vi.fn();
  const reportError = vi.fn();
  const store = create<AppState>()(
    (set, get, api) =>
      ({
        workspace,
        toast,
        reportError,
        ...(typeof around === 'function' ? around(set, get) : around),
        ...createSlice(set, get, api),
      }) as unknown as AppState,
  );
  return { store, toast, reportError };
}

export interface AnswerOptions {
  /** Reported through the call's onProgress before each answer, as a long job would. */
  progress?: Record<string, unknown>;
}

/**
 * Answers send() by operation name: a value, an Error to throw, or a function of the call's
 * arguments and options. An operation not in the table fails the test with "unexpected <name>".
 */
export function answer(table: Record<string, unknown>, options: AnswerOptions = {}): void {
  send.mockImplementation(async (name: string, args: unknown, opts?: { onProgress?: (p: unknown) => void }) => {
    if (!(name in table)) throw new Error(`unexpected ${name}`);
    const a = table[name];
    if (a instanceof Error) throw a;
    if (options.progress) opts?.onProgress?.(options.progress);
    return typeof a === 'function' ? (a as (x: unknown, o: unknown) => unknown)(args, opts) : a;
  });
}

/** The send() calls of one operation. */
export const calls = (name: string) => send.mock.calls.filter((c) => c[0] === name);

/** Lets chains of already-resolved promises run to their end. */
export async function flush(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}
