// The preload's transport (the piece the e2e harness swaps for a Playwright binding), with electron
// replaced by a recorder as in the wiring tests: what reaches ipcRenderer, and what never does.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTRACT, PushEvent, type ChannelName } from '../main/common/ipc/contract.js';
import { methodName } from '../main/common/ipc/workbench-api.js';
import { bridgeTransport } from './transport.js';

type Listener = (...args: unknown[]) => void;

const rec = vi.hoisted(() => {
  const state = {
    invoked: [] as Array<[string, unknown]>,
    answer: { ok: true, value: { answered: true } } as unknown,
    listeners: new Map<string, Set<Listener>>(),
    exposed: new Map<string, unknown>(),
    paths: new Map<unknown, string>(),
  };
  const ipcRenderer = {
    invoke: async (channel: string, payload: unknown) => {
      state.invoked.push([channel, payload]);
      return state.answer;
    },
    on: (event: string, l: Listener) => {
      if (!state.listeners.has(event)) state.listeners.set(event, new Set());
      state.listeners.get(event)!.add(l);
    },
    removeListener: (event: string, l: Listener) => void state.listeners.get(event)?.delete(l),
  };
  const webUtils = {
    getPathForFile: (file: unknown) => {
      const p = state.paths.get(file);
      if (p === undefined) throw new TypeError('not a File');
      return p;
    },
  };
  /** What main's webContents.send does: every listener gets Electron's event object, then the payload. */
  const send = (event: string, payload: unknown) =>
    state.listeners.get(event)?.forEach((l) => l({ sender: 'ipc-renderer-internals' }, payload));
  return { state, ipcRenderer, webUtils, send };
});

vi.mock('electron', () => ({
  ipcRenderer: rec.ipcRenderer,
  webUtils: rec.webUtils,
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void rec.state.exposed.set(key, api) },
}));

const { state, send } = rec;
const transport = () => bridgeTransport(rec.ipcRenderer as never, rec.webUtils as never);
const file = (name: string, path?: string) => {
  const f = { name };
  if (path !== undefined) state.paths.set(f, path);
  return f as unknown as File;
};

beforeEach(() => {
  state.invoked = [];
  state.answer = { ok: true, value: { answered: true } };
  state.listeners.clear();
  state.paths.clear();
});

describe('bridgeTransport', () => {
  it('sends each contract channel to ipcRenderer.invoke as it is, and hands back its envelope', async () => {
    const t = transport();
    for (const channel of Object.keys(CONTRACT) as ChannelName[]) {
      expect(await t.invoke(channel, { probe: channel })).toEqual({ ok: true, value: { answered: true } });
    }
    expect(state.invoked).toEqual(Object.keys(CONTRACT).map((c) => [c, { probe: c }]));
    state.answer = { ok: false, error: { code: 'REFUSED_PATH', message: 'no' } };
    expect(await t.invoke('hash:files', {})).toEqual({ ok: false, error: { code: 'REFUSED_PATH', message: 'no' } });
  });

  it('never sends a channel outside the contract: it answers INVALID itself', async () => {
    const t = transport();
    for (const channel of ['fs:read', '__proto__', 'constructor', 'toString', '', 'HASH:FILES']) {
      expect(await t.invoke(channel as ChannelName, {})).toEqual({ ok: false, error: { code: 'INVALID', message: 'unknown channel' } });
    }
    expect(state.invoked).toEqual([]);
  });

  it("passes an event's payload only, never Electron's event object, and unsubscribes the same listener", () => {
    const t = transport();
    const got: unknown[] = [];
    const off = t.on(PushEvent.Progress, (p) => got.push(p));
    send('job:progress', { jobId: 'j', kind: 'ota', phase: 'resources', done: 1, total: 2 });
    expect(got).toEqual([{ jobId: 'j', kind: 'ota', phase: 'resources', done: 1, total: 2 }]);
    expect(state.listeners.get('job:progress')?.size).toBe(1);
    off();
    expect(state.listeners.get('job:progress')?.size).toBe(0);
    send('job:progress', { jobId: 'late' });
    expect(got).toHaveLength(1);
  });

  it('listens to the contract events only', () => {
    const t = transport();
    for (const event of Object.values(PushEvent)) t.on(event, () => undefined);
    const off = t.on('ipc:internal' as never, () => undefined);
    expect([...state.listeners.keys()].sort()).toEqual(Object.values(PushEvent).sort());
    expect(() => off()).not.toThrow();
  });

  it("gives a dropped File's path, and '' for anything else", () => {
    const t = transport();
    expect(t.pathForFile(file('a.iso', '/home/u/a.iso'))).toBe('/home/u/a.iso');
    expect(t.pathForFile(file('pasted.png'))).toBe('');
  });
});

describe('the preload', () => {
  it('exposes window.workbench and nothing else, one method per channel, over this transport', async () => {
    await import('./preload.js');
    expect([...state.exposed.keys()]).toEqual(['workbench']);
    const api = state.exposed.get('workbench') as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const methods = (Object.keys(CONTRACT) as ChannelName[]).filter((c) => c !== 'paths:dropped').map((c) => methodName(c));
    expect(Object.keys(api).sort()).toEqual([...methods, 'onJobProgress', 'onAppOpenPaths', 'onMenuCommand', 'addDroppedFiles'].sort());
    await api.hashFiles!({ jobId: 'j1', paths: ['/a'], algorithms: ['md5'] });
    await api.settingsGet!();
    expect(state.invoked).toEqual([
      ['hash:files', { jobId: 'j1', paths: ['/a'], algorithms: ['md5'] }],
      ['settings:get', {}],
    ]);
  });

  it('grants dropped files by the paths the preload reads from them, and sends nothing when none has a path', async () => {
    await import('./preload.js');
    const api = state.exposed.get('workbench') as { addDroppedFiles(files: File[]): Promise<unknown> };
    state.answer = { ok: true, value: { paths: ['/d/a.iso'] } };
    expect(await api.addDroppedFiles([file('a.iso', '/d/a.iso'), file('web.png')])).toEqual({ ok: true, value: { paths: ['/d/a.iso'] } });
    expect(state.invoked).toEqual([['paths:dropped', { paths: ['/d/a.iso'] }]]);
    expect(await api.addDroppedFiles([file('web.png')])).toMatchObject({ ok: false, error: { code: 'NO_PATH' } });
    expect(state.invoked).toHaveLength(1);
  });
});
