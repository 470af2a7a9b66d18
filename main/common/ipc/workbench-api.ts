// window.workbench: the renderer's whole surface, built over a transport. The preload gives it
// Electron's ipcRenderer and webUtils; the e2e harness gives it a Playwright binding to the same
// handler table. No generic invoke(channel) reaches the renderer: one named method per channel.
import type { AlgorithmId } from '../algorithms.js';
import {
  Channel,
  Event,
  type ChannelName,
  type Envelope,
  type EventName,
  type EventPayloads,
  type RequestOf,
  type ResponseOf,
} from './contract.js';

export interface Transport {
  invoke(channel: ChannelName, payload: unknown): Promise<Envelope<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  /** The path of a dropped File (Electron's webUtils.getPathForFile); '' when it has none. */
  pathForFile(file: File): string;
}

type Call<C extends ChannelName> = (request: RequestOf<C>) => Promise<Envelope<ResponseOf<C>>>;

export function createWorkbenchApi(t: Transport) {
  // Results come back as envelopes, not thrown errors: an Error crossing contextBridge keeps only its message.
  const call =
    <C extends ChannelName>(c: C): Call<C> =>
    (request) =>
      t.invoke(c, request) as Promise<Envelope<ResponseOf<C>>>;
  const listen =
    <E extends EventName>(e: E) =>
    (listener: (payload: EventPayloads[E]) => void) =>
      t.on(e, (p) => listener(p as EventPayloads[E]));
  return {
    appInfo: () => call(Channel.AppInfo)({}),
    openDialog: call(Channel.OpenDialog),
    /** Registers dropped files with main (which will then read them) and returns their paths. */
    addDroppedFiles: async (files: File[]): Promise<Envelope<{ paths: string[] }>> => {
      const paths = files.map((f) => t.pathForFile(f)).filter((p) => typeof p === 'string' && p.length > 0);
      if (!paths.length)
        return {
          ok: false,
          error: { code: 'NO_PATH', message: 'Nothing dropped is a file on this computer (text or a web image cannot be hashed here).' },
        };
      return call(Channel.GrantDropped)({ paths });
    },
    hashFiles: (request: { jobId: string; paths: string[]; algorithms: AlgorithmId[] }) => call(Channel.HashFiles)(request),
    cancelJob: (jobId: string) => call(Channel.CancelJob)({ jobId }),
    checkPaste: call(Channel.CheckPaste),
    compareFiles: call(Channel.CompareFiles),
    verifyChecksumFile: call(Channel.VerifyChecksumFile),
    saveChecksumFile: call(Channel.SaveChecksumFile),
    diagnose: call(Channel.Diagnose),
    exportReport: call(Channel.ExportReport),
    openReport: call(Channel.OpenReport),
    recentReports: () => call(Channel.RecentReports)({}),
    mergeReports: call(Channel.MergeReports),
    getSettings: () => call(Channel.GetSettings)({}),
    setSettings: call(Channel.SetSettings),
    openExternal: (url: string) => call(Channel.OpenExternal)({ url }),
    readText: call(Channel.ReadText),
    saveCase: call(Channel.SaveCase),
    openCase: call(Channel.OpenCase),
    onProgress: listen(Event.Progress),
    onOpenPaths: listen(Event.OpenPaths),
    onMenuCommand: listen(Event.MenuCommand),
  };
}

export type WorkbenchApi = ReturnType<typeof createWorkbenchApi>;
