// The preload's transport: one ipcRenderer.invoke per named channel of the contract, events filtered to
// the contract's own, and a dropped File's path from webUtils (the renderer never sees ipcRenderer).
import type { IpcRenderer, IpcRendererEvent, WebUtils } from 'electron';
import { PushEvent, isChannel, type Envelope } from '../main/common/ipc/contract.js';
import type { Transport } from '../main/common/ipc/workbench-api.js';

const EVENTS = new Set<string>(Object.values(PushEvent));

export function bridgeTransport(
  ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
  web: Pick<WebUtils, 'getPathForFile'>,
): Transport {
  return {
    invoke(channel, payload) {
      if (!isChannel(channel)) return Promise.resolve({ ok: false, error: { code: 'INVALID', message: 'unknown channel' } });
      return ipc.invoke(channel, payload) as Promise<Envelope<unknown>>;
    },
    on(event, listener) {
      if (!EVENTS.has(event)) return () => undefined;
      // The IPC event object (with its sender) never reaches the page: only the payload does.
      const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
      ipc.on(event, wrapped);
      return () => void ipc.removeListener(event, wrapped);
    },
    pathForFile(file) {
      try {
        return web.getPathForFile(file);
      } catch {
        return ''; // not a File from a drop or a file input
      }
    },
  };
}
