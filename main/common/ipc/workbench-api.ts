// window.workbench: the renderer's whole surface, built over a transport. The preload gives it
// Electron's ipcRenderer and webUtils; the e2e harness gives it a Playwright binding to the same
// handler table. No generic invoke(channel) reaches the renderer: one method per channel, whose name
// is derived from the channel's string (`hash:files` → hashFiles, `job:progress` → onJobProgress), so
// the contract alone decides the surface: a new channel gets its method with no edit here.
import {
  CONTRACT,
  PushEvent,
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

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
/** `file:read-text` → `fileReadText`. */
export type MethodName<C extends string> = C extends `${infer Area}:${infer Action}` ? `${Camel<Area>}${Capitalize<Camel<Action>>}` : never;
/** `job:progress` → `onJobProgress`. */
export type ListenerName<E extends string> = `on${Capitalize<MethodName<E>>}`;

export function methodName<C extends string>(channel: C): MethodName<C> {
  return channel.replace(/[:-]([a-z])/g, (_m, c: string) => c.toUpperCase()) as MethodName<C>;
}

export function listenerName<E extends string>(event: E): ListenerName<E> {
  const m = methodName(event);
  return `on${m.charAt(0).toUpperCase()}${m.slice(1)}` as ListenerName<E>;
}

/** Granting paths is the preload's alone: the renderer hands it File objects (addDroppedFiles), never paths. */
const PRELOAD_ONLY = 'paths:dropped' satisfies ChannelName;
type RendererChannel = Exclude<ChannelName, typeof PRELOAD_ONLY>;

/** A request with no fields at all may be left out: appInfo(), reportRecent(), settingsGet(). */
type Call<C extends ChannelName> = [keyof RequestOf<C>] extends [never]
  ? (request?: RequestOf<C>) => Promise<Envelope<ResponseOf<C>>>
  : (request: RequestOf<C>) => Promise<Envelope<ResponseOf<C>>>;
type Listen<E extends EventName> = (listener: (payload: EventPayloads[E]) => void) => () => void;

export type WorkbenchApi = { [C in RendererChannel as MethodName<C>]: Call<C> } & { [E in EventName as ListenerName<E>]: Listen<E> } & {
  /** Registers dropped files with main (which will then read them) and returns their paths. */
  addDroppedFiles(files: File[]): Promise<Envelope<{ paths: string[] }>>;
};

export function createWorkbenchApi(t: Transport): WorkbenchApi {
  // Results come back as envelopes, not thrown errors: an Error crossing contextBridge keeps only its message.
  const api: Record<string, unknown> = {};
  for (const channel of Object.keys(CONTRACT) as ChannelName[])
    if (channel !== PRELOAD_ONLY) api[methodName(channel)] = (request: unknown = {}) => t.invoke(channel, request);
  for (const event of Object.values(PushEvent)) api[listenerName(event)] = (listener: (payload: unknown) => void) => t.on(event, listener);
  api.addDroppedFiles = async (files: File[]): Promise<Envelope<{ paths: string[] }>> => {
    const paths = files.map((f) => t.pathForFile(f)).filter((p) => typeof p === 'string' && p.length > 0);
    if (!paths.length)
      return {
        ok: false,
        error: { code: 'NO_PATH', message: 'Nothing dropped is a file on this computer (text or a web image cannot be hashed here).' },
      };
    return t.invoke(PRELOAD_ONLY, { paths }) as Promise<Envelope<{ paths: string[] }>>;
  };
  return api as WorkbenchApi;
}
