// A stand-in for window.workbench in tests: every call is recorded, hashFiles answers when the
// test says so, and main's events can be emitted by hand.
import { vi, type Mock } from 'vitest';
import type { Envelope, EventPayloads, JobProgress, MenuCommand, Settings } from '../../main/common/ipc/contract.js';
import type { HashFilesResult } from '../../main/common/hash-types.js';
import { createWorkbenchApi, type WorkbenchApi } from '../../main/common/ipc/workbench-api.js';
import { resetCheckScreen } from '../screens/check/store.js';
import { resetStore } from '../store/index.js';

type Listener<T> = (payload: T) => void;

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(err: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const notUsed = async (): Promise<Envelope<never>> => ({ ok: false, error: { code: 'FAILED', message: 'not used in this test' } });

export function fakeWorkbench() {
  const listeners = {
    progress: new Set<Listener<JobProgress>>(),
    openPaths: new Set<Listener<EventPayloads['app:open-paths']>>(),
    menu: new Set<Listener<{ command: MenuCommand }>>(),
  };
  const on =
    <T>(set: Set<Listener<T>>) =>
    (l: Listener<T>) => {
      set.add(l);
      return () => void set.delete(l);
    };
  /** One pending answer per hashFiles call, in call order. */
  const hashCalls: Array<Deferred<Envelope<HashFilesResult>>> = [];

  type Api = WorkbenchApi;
  const settings: Settings = { algorithms: ['md5'], encoding: 'hex', frontends: {}, theme: 'system' };
  // Every method of the real surface, answering "not used": a new channel needs no line here.
  const real = createWorkbenchApi({ invoke: notUsed, on: () => () => undefined, pathForFile: () => '' });
  const unused = Object.fromEntries(Object.entries(real).map(([name, f]) => [name, vi.fn(f)])) as unknown as {
    [K in keyof Api]: Mock<Api[K]>;
  };
  const api = {
    ...unused,
    dialogOpen: vi.fn<Api['dialogOpen']>(async () => ({ ok: true, value: { paths: [] } })),
    addDroppedFiles: vi.fn<Api['addDroppedFiles']>(async (files) => ({
      ok: true,
      value: { paths: files.map((f) => `/dropped/${f.name}`) },
    })),
    hashFiles: vi.fn<Api['hashFiles']>(() => {
      const d = deferred<Envelope<HashFilesResult>>();
      hashCalls.push(d);
      return d.promise;
    }),
    jobCancel: vi.fn<Api['jobCancel']>(async () => ({ ok: true, value: { cancelled: true } })),
    settingsGet: vi.fn<Api['settingsGet']>(async () => ({ ok: true, value: settings })),
    onJobProgress: vi.fn<Api['onJobProgress']>(on(listeners.progress)),
    onAppOpenPaths: vi.fn<Api['onAppOpenPaths']>(on(listeners.openPaths)),
    onMenuCommand: vi.fn<Api['onMenuCommand']>(on(listeners.menu)),
    shellShowInFolder: vi.fn<Api['shellShowInFolder']>(async () => ({ ok: true, value: { shown: true } })),
  } satisfies WorkbenchApi;

  return {
    api,
    hashCalls,
    /** The request of the n-th hashFiles call. */
    hashRequest: (n = 0) => {
      const call = api.hashFiles.mock.calls[n];
      if (!call) throw new Error(`hashFiles was called ${api.hashFiles.mock.calls.length} time(s), not ${n + 1}`);
      return call[0];
    },
    emitProgress: (event: JobProgress) => listeners.progress.forEach((l) => l(event)),
    emitOpenPaths: (payload: EventPayloads['app:open-paths']) => listeners.openPaths.forEach((l) => l(payload)),
    emitMenu: (command: MenuCommand) => listeners.menu.forEach((l) => l({ command })),
    listenerCount: () => listeners.progress.size + listeners.openPaths.size + listeners.menu.size,
  };
}

export type FakeWorkbench = ReturnType<typeof fakeWorkbench>;

/** Installs a fresh fake as window.workbench. */
export function installFakeWorkbench(): FakeWorkbench {
  const fake = fakeWorkbench();
  window.workbench = fake.api;
  return fake;
}

/** Where each test starts: the frame's store and Check a file's at their initial state and a fresh fake as window.workbench. */
export function freshWorkbench(): FakeWorkbench {
  resetStore();
  resetCheckScreen();
  return installFakeWorkbench();
}

/** Lets every pending promise callback (an awaited envelope, a store update) run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export const HELLO_MD5 = '5eb63bbbe01eeed093cb22bb8f5acdc3';
export const HELLO_SHA256 = 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9';
