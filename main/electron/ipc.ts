// Registers the handler table on ipcMain, one handler per contract channel. A message is served only
// when it comes from the main frame of one of the app's own windows showing the app's own page.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CONTRACT, type ChannelName } from '../common/ipc/contract.js';
import { dispatch, type Caller, type Services } from '../node/app/handlers.js';
import { PathGrants } from '../node/app/path-grants.js';
import { APP_ORIGIN } from './security.js';

/** The app's windows by WebContents id, each with what it was granted. */
export class TrustedWindows {
  private readonly callers = new Map<number, Caller>();

  add(contents: WebContents): Caller {
    const caller: Caller = {
      id: contents.id,
      grants: new PathGrants(),
      emit: (event, payload) => {
        if (!contents.isDestroyed()) contents.send(event, payload);
      },
    };
    this.callers.set(contents.id, caller);
    return caller;
  }

  remove(id: number): void {
    this.callers.delete(id);
  }

  get(id: number): Caller | undefined {
    return this.callers.get(id);
  }

  all(): Caller[] {
    return [...this.callers.values()];
  }

  /** The caller behind an IPC event, or undefined when it must be dropped. */
  trusted(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): Caller | undefined {
    const caller = this.callers.get(event.sender.id);
    const frame = event.senderFrame;
    if (!caller || !frame || frame !== event.sender.mainFrame) return undefined;
    let url: URL;
    try {
      url = new URL(frame.url);
    } catch {
      return undefined;
    }
    // Node's URL gives custom schemes an opaque origin, so compare scheme and host.
    return `${url.protocol}//${url.host}` === APP_ORIGIN ? caller : undefined;
  }
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  windows: TrustedWindows,
  services: Services,
  log: (message: string) => void = () => undefined,
): ChannelName[] {
  const channels = Object.keys(CONTRACT) as ChannelName[];
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      const caller = windows.trusted(event);
      if (!caller) {
        log(`dropped ${channel} from an unknown sender (${event.senderFrame?.url ?? 'no frame'})`);
        return { ok: false, error: { code: 'FORBIDDEN', message: "not one of the app's windows" } };
      }
      return dispatch(channel, payload, caller, services);
    });
  }
  return channels;
}
