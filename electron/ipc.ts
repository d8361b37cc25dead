// The main process's IPC surface: exactly the DesktopBridge's channels. Every handler first checks
// that the message comes from the app's own page in the app's own window, then checks argument
// types; only then does anything reach core or the OS.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import type { WireResult } from '../core/api/contract.ts';
import { CHANNELS } from './channels.ts';
import type { CoreConnection } from './core-supervisor.ts';
import { isAppUrl } from './security.ts';

export type PickMode = 'open' | 'create';

export interface IpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'on'>;
  /** The window whose page may talk to core; null while there is none. */
  trustedContents(): WebContents | null;
  appUrl: string;
  core: Pick<CoreConnection, 'call' | 'cancel'>;
  pickWorkspace(mode: PickMode, suggestedName: string | undefined): Promise<string | null>;
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
}
