// The main process's IPC surface: exactly the DesktopBridge's channels. Every handler first checks
// that the message comes from the app's own page in the app's own window, then checks argument
// types; only then does anything reach core or the OS.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import type { DesktopBridge, WireResult } from '../core/api/contract.ts';
import { CHANNELS } from './channels.ts';
import type { CoreConnection } from './core-supervisor.ts';
import { isAppUrl } from './security.ts';

export type PickMode = 'open' | 'create';
export type SavePathOptions = Parameters<DesktopBridge['pickSavePath']>[0];

export interface IpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'on'>;
  /** The window whose page may talk to core; null while there is none. */
  trustedContents(): WebContents | null;
  appUrl: string;
  core: Pick<CoreConnection, 'call' | 'cancel'>;
  pickWorkspace(mode: PickMode, suggestedName: string | undefined): Promise<string | null>;
  /** Called with options already checked (extension without its dot). */
  pickSavePath(options: SavePathOptions): Promise<string | null>;
  log?(message: string): void;
}

type SenderEvent = Pick<IpcMainEvent | IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/** The top frame of the trusted window, showing the app's page — not an iframe, not a page navigated elsewhere. */
export function isTrustedSender(event: SenderEvent, trusted: WebContents | null, appUrl: string): boolean {
  const frame = event.senderFrame;
  return trusted !== null && event.sender === trusted && frame !== null && frame.parent === null && isAppUrl(frame.url, appUrl);
}

const OP_NAME = /^[a-z][a-z0-9-]{0,99}$/;
const isJobId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

function invalid(message: string): WireResult {
  return { ok: false, error: { code: 'invalid-request', message } };
}

const isShortText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const EXTENSION = /^\.?([A-Za-z0-9]{1,16})$/;

/** The save dialog's options from the page, checked field by field; throws on anything else. */
export function parseSavePathOptions(value: unknown): SavePathOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('pickSavePath: options must be an object.');
  const { title, suggestedName, extension, dir, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length) throw new Error(`pickSavePath: unexpected option ${Object.keys(rest)[0]}.`);
  if (!isShortText(title, 200)) throw new Error('pickSavePath: title must be a short string.');
  if (!isShortText(suggestedName, 255)) throw new Error('pickSavePath: suggestedName must be a short string.');
  const ext = typeof extension === 'string' ? EXTENSION.exec(extension)?.[1] : undefined;
  if (!ext) throw new Error('pickSavePath: extension must be letters and digits, like "csv".');
  if (dir !== undefined && !isShortText(dir, 4096)) throw new Error('pickSavePath: dir must be a path.');
  return { title, suggestedName, extension: ext, ...(dir ? { dir } : {}) };
}

export function registerIpc(options: IpcOptions): void {
  const log = options.log ?? ((m: string) => console.warn(m));
  const trusted = (event: SenderEvent, channel: string): boolean => {
    if (isTrustedSender(event, options.trustedContents(), options.appUrl)) return true;
    log(`refused ${channel} from an unexpected sender (${event.senderFrame?.url ?? 'no frame'})`);
    return false;
  };

  options.ipcMain.handle(CHANNELS.send, async (event, name: unknown, args: unknown, jobId: unknown): Promise<WireResult> => {
    if (!trusted(event, CHANNELS.send)) throw new Error('Refused: unexpected sender.');
    if (typeof name !== 'string' || !OP_NAME.test(name)) return invalid('The operation name is not valid.');
    if (!isJobId(jobId)) return invalid('The job id is not valid.');
    return options.core.call(name, args, jobId);
  });

  options.ipcMain.on(CHANNELS.cancel, (event, jobId: unknown) => {
    if (trusted(event, CHANNELS.cancel) && isJobId(jobId)) options.core.cancel(jobId);
  });

  options.ipcMain.handle(CHANNELS.pickWorkspace, async (event, mode: unknown, suggestedName: unknown) => {
    if (!trusted(event, CHANNELS.pickWorkspace)) throw new Error('Refused: unexpected sender.');
    if (mode !== 'open' && mode !== 'create') throw new Error('pickWorkspace: mode must be "open" or "create".');
    if (suggestedName !== undefined && (typeof suggestedName !== 'string' || suggestedName.length > 200)) {
      throw new Error('pickWorkspace: suggestedName must be a short string.');
    }
    return options.pickWorkspace(mode, suggestedName);
  });

  options.ipcMain.handle(CHANNELS.pickSavePath, async (event, value: unknown) => {
    if (!trusted(event, CHANNELS.pickSavePath)) throw new Error('Refused: unexpected sender.');
    return options.pickSavePath(parseSavePathOptions(value));
  });
}
