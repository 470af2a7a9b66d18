// The Electron wiring with `electron` replaced by a recorder: what the app asks of Electron is asserted,
// since the binary cannot run here.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const rec = vi.hoisted(() => {
  const listeners = (): Record<string, Array<(...a: unknown[]) => unknown>> => ({});
  const state = {
    appOn: listeners(),
    windows: [] as Array<Record<string, unknown>>,
    handles: new Map<string, (...a: unknown[]) => unknown>(),
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (req: { url: string }) => unknown>(),
    menu: undefined as unknown,
    permissionRequest: undefined as undefined | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: undefined as undefined | ((c: unknown, p: string) => boolean),
    singleInstance: true,
    quit: 0,
    readyResolve: undefined as undefined | (() => void),
    opened: [] as string[],
  };
  let nextId = 1;
  class FakeContents {
    id = nextId++;
    listeners: Record<string, Array<(...a: unknown[]) => unknown>> = {};
    mainFrame = { url: 'app://renderer/index.html' };
    openHandler?: (d: { url: string }) => { action: string };
    sent: Array<[string, unknown]> = [];
    on(e: string, f: (...a: unknown[]) => unknown) {
      (this.listeners[e] ??= []).push(f);
      return this;
    }
    setWindowOpenHandler(f: (d: { url: string }) => { action: string }) {
      this.openHandler = f;
    }
    isDestroyed() {
      return false;
    }
    isLoading() {
      return true;
    }
    send(e: string, p: unknown) {
      this.sent.push([e, p]);
    }
  }
  class FakeWindow {
    webContents: FakeContents;
    options: Record<string, unknown>;
    loaded?: string;
    events: Record<string, Array<(...a: unknown[]) => unknown>> = {};
    constructor(options: Record<string, unknown>) {
      this.options = options;
      this.webContents = new FakeContents();
      state.windows.push(this as unknown as Record<string, unknown>);
    }
    loadURL(u: string) {
      this.loaded = u;
      return Promise.resolve();
    }
    once(e: string, f: (...a: unknown[]) => unknown) {
      (this.events[e] ??= []).push(f);
    }
    on(e: string, f: (...a: unknown[]) => unknown) {
      (this.events[e] ??= []).push(f);
    }
    maximize() {}
    show() {}
    static getAllWindows() {
      return state.windows;
    }
  }
  return { state, FakeContents, FakeWindow };
});

vi.mock('electron', () => {
  const { state, FakeWindow } = rec;
  const ready = new Promise<void>((resolve) => {
    state.readyResolve = resolve;
  });
  return {
    app: {
      isPackaged: false,
      dock: undefined,
      getVersion: () => '0.0.0',
      getPath: () => mkdtempSync(join(tmpdir(), 'hw-userdata-')),
      requestSingleInstanceLock: () => state.singleInstance,
      quit: () => void state.quit++,
      exit: () => undefined,
      on: (e: string, f: Listener) => void (state.appOn[e] ??= []).push(f),
      whenReady: () => ready,
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (c: string, f: Listener) => void state.handles.set(c, f) },
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (m: unknown) => {
        state.menu = m;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => void state.schemes.push(s),
      handle: (scheme: string, f: (req: { url: string }) => unknown) => void state.protocolHandlers.set(scheme, f),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (f: typeof state.permissionRequest) => {
          state.permissionRequest = f;
        },
        setPermissionCheckHandler: (f: typeof state.permissionCheck) => {
          state.permissionCheck = f;
        },
        resolveProxy: async () => 'DIRECT',
      },
    },
    shell: { openExternal: async (u: string) => void state.opened.push(u) },
    dialog: {},
  };
});

const { state } = rec;

describe('the Electron wiring (electron replaced by a recorder)', () => {
  beforeAll(async () => {
    process.env.HASH_WORKBENCH_DIST ??= join(process.cwd(), 'dist');
    await import('./main.js');
    state.readyResolve!();
    await new Promise((r) => setTimeout(r, 50));
  });

  it('asks for the single-instance lock and registers app:// as a secure standard scheme before ready', () => {
    expect(state.schemes).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
    expect(state.appOn['second-instance']).toHaveLength(1);
    expect(state.appOn['open-file']).toHaveLength(1);
  });

  it('opens one window, sandboxed and isolated, loading the renderer through app://', () => {
    expect(state.windows).toHaveLength(1);
    const win = state.windows[0] as { options: { webPreferences: Record<string, unknown> }; loaded: string };
    const isolated = { contextIsolation: true, sandbox: true, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false };
    const noNode = { nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false };
    expect(win.options.webPreferences).toMatchObject({ ...isolated, ...noNode });
    expect(String(win.options.webPreferences.preload)).toMatch(/preload\.cjs$/);
    expect(win.loaded).toBe('app://renderer/index.html');
  });

  it('serves the renderer with the CSP and refuses paths outside it', async () => {
    const serve = state.protocolHandlers.get('app')!;
    const res = (await serve({ url: 'app://renderer/index.html' })) as Response;
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(((await serve({ url: 'app://renderer/../../package.json' })) as Response).status).toBe(404);
    expect(((await serve({ url: 'app://renderer/%2e%2e/%2e%2e/package.json' })) as Response).status).toBe(404);
    expect(((await serve({ url: 'app://evil/index.html' })) as Response).status).toBe(404);
  });

  it('registers every contract channel and drops IPC from unknown senders, subframes and other origins', async () => {
    const { CONTRACT } = await import('../common/ipc/contract.js');
    expect([...state.handles.keys()].sort()).toEqual(Object.keys(CONTRACT).sort());
    const handler = state.handles.get('app:info')!;
    const win = state.windows[0] as unknown as { webContents: { id: number; mainFrame: { url: string } } };
    const good = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    expect(await handler(good, {})).toMatchObject({ ok: true });
    const stranger = new rec.FakeContents();
    expect(await handler({ sender: stranger, senderFrame: stranger.mainFrame }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await handler({ sender: win.webContents, senderFrame: { url: 'app://renderer/index.html' } }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const remote = { url: 'https://evil.example/' };
    expect(await handler({ sender: { ...win.webContents, mainFrame: remote }, senderFrame: remote }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('denies navigation, redirects, new windows and webviews on every web contents; safe links go to the browser', () => {
    const contents = new rec.FakeContents();
    for (const f of state.appOn['web-contents-created']!) f({}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = { preventDefault: vi.fn() };
      for (const f of contents.listeners[event] ?? []) f(e, 'https://evil.example/');
      expect(e.preventDefault, event).toHaveBeenCalled();
    }
    expect(contents.openHandler!({ url: 'https://success.outsystems.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'http://evil.example/' })).toEqual({ action: 'deny' });
    expect(state.opened).toEqual(['https://success.outsystems.com/']);
  });

  it('denies every permission request except writing to the clipboard', () => {
    const answers: Record<string, boolean> = {};
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'clipboard-sanitized-write',
      'fullscreen',
    ]) {
      state.permissionRequest!({}, p, (ok) => {
        answers[p] = ok;
      });
    }
    expect(answers).toEqual({
      media: false,
      geolocation: false,
      notifications: false,
      openExternal: false,
      'clipboard-read': false,
      'clipboard-sanitized-write': true,
      fullscreen: false,
    });
    expect(state.permissionCheck!({}, 'media')).toBe(false);
  });

  it('has the app menu with the standard menus', () => {
    const labels = (state.menu as Array<{ label?: string; role?: string; submenu?: Array<{ label?: string }> }>).map(
      (m) => m.label ?? m.role,
    );
    expect(labels).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help']);
    const file = (state.menu as Array<{ submenu: Array<{ label?: string }> }>)[0]!.submenu.map((i) => i.label).filter(Boolean);
    expect(file).toEqual(['Open File…', 'Open Checksum File…', 'New OTA Check', 'Export Report…', 'Customer Mode']);
  });

  it('closing the window cancels its jobs', async () => {
    const win = state.windows[0] as unknown as { events: Record<string, Listener[]> };
    for (const f of win.events.closed ?? []) f();
    const handler = state.handles.get('app:info')!;
    const w = state.windows[0] as unknown as { webContents: { mainFrame: unknown } };
    expect(await handler({ sender: w.webContents, senderFrame: w.webContents.mainFrame }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('pieces of the wiring', () => {
  it('menu: macOS gets the app menu with About', async () => {
    const { menuTemplate } = await import('./menu.js');
    const mac = menuTemplate('darwin', () => undefined);
    expect(mac[0]!.label).toBe('Hash Workbench');
    expect((mac[0]!.submenu as Array<{ label?: string }>)[0]!.label).toBe('About Hash Workbench');
  });

  it('launch arguments: --cli runs the CLI; files, checksum files and reports open in the app', async () => {
    const { parseLaunch } = await import('./launch-args.js');
    expect(parseLaunch(['/opt/hw/hash-workbench', '--cli', 'diagnose', 'https://x/MyApp/'], true)).toEqual({
      mode: 'cli',
      args: ['diagnose', 'https://x/MyApp/'],
    });
    expect(parseLaunch(['electron', '.', '--inspect', 'a.iso', 'SHA256SUMS', 'b.sha256', 'case.json'], false)).toEqual({
      mode: 'app',
      paths: ['a.iso', 'SHA256SUMS', 'b.sha256', 'case.json'],
    });
    expect(parseLaunch(['/opt/hw/hash-workbench', 'B2SUMS', '', '--no-sandbox'], true)).toEqual({ mode: 'app', paths: ['B2SUMS'] });
  });

  it('window bounds: a sane size, and no position on a screen that is gone', async () => {
    const { restoreBounds, DEFAULT_BOUNDS } = await import('./window-state.js');
    const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(restoreBounds({ x: 100, y: 80, width: 1000, height: 700 }, screen)).toEqual({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
      maximized: false,
    });
    expect(restoreBounds({ x: 5000, y: 80, width: 1000, height: 700 }, screen)).toEqual({ width: 1000, height: 700, maximized: false });
    expect(restoreBounds({ width: 10, height: 10 }, screen)).toEqual({ width: 640, height: 480, maximized: false });
    expect(restoreBounds('garbage', screen)).toEqual(DEFAULT_BOUNDS);
  });

  it('the system proxy answer becomes the proxy for public samples', async () => {
    const { proxyFromPac } = await import('./platform.js');
    expect(proxyFromPac('PROXY proxy.corp:8080; DIRECT')?.display).toBe('http://proxy.corp:8080');
    expect(proxyFromPac('DIRECT')).toBeUndefined();
    expect(proxyFromPac('SOCKS5 s:1080; DIRECT')).toBeUndefined();
  });

  it('app:// file resolution stays inside the renderer folder', async () => {
    const { resolveAppFile } = await import('./app-protocol.js');
    const root = mkdtempSync(join(tmpdir(), 'hw-root-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    expect(resolveAppFile('app://renderer/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://renderer/assets/x.js', root)).toBe(join(root, 'assets', 'x.js'));
    // URL parsing resolves a literal ".." before we see it: it stays inside.
    expect(resolveAppFile('app://renderer/../secret', root)).toBe(join(root, 'secret'));
    for (const bad of [
      'app://renderer/%2E%2E%2Fsecret',
      'app://renderer/a%00b',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://renderer/%E0%A4%A',
    ]) {
      expect(resolveAppFile(bad, root), bad).toBeUndefined();
    }
  });
});
