// Electron entry: the only place that starts the app. It wires the window, the app:// protocol, the
// menu and the IPC handler table over the plain-Node services; no logic of its own.
import { app, BrowserWindow, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { AppStore } from '../node/app/app-store.js';
import { Jobs } from '../node/app/jobs.js';
import { HashPool } from '../node/hash-pool.js';
import { distDir } from '../node/worker-path.js';
import { PushEvent } from '../common/ipc/contract.js';
import { groupByKind } from '../common/path-kind.js';
import { serveAppRequest } from './app-protocol.js';
import { TrustedWindows, registerIpc } from './ipc.js';
import { launchBurst, parseLaunch, type AppLaunch } from './launch-args.js';
import { menuTemplate } from './menu.js';
import { electronPlatform } from './platform.js';
import { APP_ORIGIN, hardenContents, hardenSession, webPreferences } from './security.js';
import { loadBounds, saveBounds } from './window-state.js';

declare const __APP_VERSION__: string | undefined;
const version = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : app.getVersion();

const launch = parseLaunch(process.argv, app.isPackaged);
if (launch.mode === 'cli') runCli(launch.args);
else startApp(launch);

/** `Hash Workbench --cli diagnose …`: the installed app serves the command-line tool, no window. */
function runCli(args: string[]): void {
  app.dock?.hide();
  const { run } = createRequire(__filename)(join(distDir(), 'cli.cjs')) as { run: (argv: string[]) => Promise<number> };
  void run(args).then(
    (code) => app.exit(code),
    () => app.exit(2),
  );
}

function startApp(first: AppLaunch): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit(); // the first instance receives our argv in 'second-instance'
    return;
  }
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  const windows = new TrustedWindows();
  const jobs = new Jobs();
  // The main process never hashes on its own thread (no inlineBelow); calibration is cached in Chromium's session folder.
  const pool = new HashPool({ calibration: { cacheDir: app.getPath('sessionData'), appVersion: version } });
  const services = { pool, jobs, store: new AppStore(app.getPath('userData')), platform: electronPlatform(version) };
  const pending: AppLaunch[] = [];
  let main: BrowserWindow | undefined;

  const deliver = async (l: AppLaunch) => {
    const caller = main && windows.get(main.webContents.id);
    if (!caller || main!.webContents.isLoading()) {
      pending.push(l); // delivered once the page has loaded
      return;
    }
    for (const g of l.as ? [{ kind: l.as, paths: l.paths }] : groupByKind(l.paths)) {
      // Paths from the command line or "Open with" are chosen by the user: grant them to the window.
      await caller.grants.grantAll(g.paths);
      caller.emit(PushEvent.OpenPaths, g);
    }
  };

  // Explorer's burst of one process per selected file arrives here one by one: joined into one job.
  const burst = launchBurst((l) => void deliver(l));
  app.on('second-instance', (_event, argv, cwd) => {
    const l = parseLaunch(argv, app.isPackaged);
    if (l.mode === 'app') burst({ ...l, paths: l.paths.map((f) => resolve(cwd, f)) });
    if (main) {
      if (main.isMinimized()) main.restore();
      main.focus();
    }
  });
  // macOS: files dropped on the dock icon or opened with the app.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void deliver({ mode: 'app', paths: [path] });
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, (url) => void shell.openExternal(url)));

  const createWindow = () => {
    const stateFile = join(app.getPath('userData'), 'window-state.json');
    const bounds = loadBounds(
      stateFile,
      screen.getAllDisplays().map((d) => d.workArea),
    );
    const win = new BrowserWindow({
      ...bounds,
      minWidth: 640,
      minHeight: 480,
      title: 'Hash Workbench',
      show: false,
      backgroundColor: '#1e1f22',
      webPreferences: webPreferences(join(distDir(), 'preload.cjs')),
    });
    if (bounds.maximized) win.maximize();
    const id = win.webContents.id;
    windows.add(win.webContents);
    win.once('ready-to-show', () => win.show());
    win.webContents.on('did-finish-load', () => {
      for (const l of pending.splice(0)) void deliver(l);
    });
    win.on('close', () => saveBounds(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() }));
    // Closing a window cancels its jobs.
    win.on('closed', () => {
      jobs.cancelAllOf(id);
      windows.remove(id);
      if (main === win) main = undefined;
    });
    void win.loadURL(`${APP_ORIGIN}/index.html`);
    return win;
  };

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    protocol.handle('app', (request) => serveAppRequest(request.url, join(distDir(), 'renderer')));
    registerIpc(ipcMain, windows, services, (m) => console.warn(`[ipc] ${m}`));
    const send = (command: Parameters<Parameters<typeof menuTemplate>[1]>[0]) => {
      for (const c of windows.all()) c.emit(PushEvent.MenuCommand, { command });
    };
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, send)));
    main = createWindow();
    void deliver(first);
    app.on('activate', () => {
      if (!BrowserWindow.getAllWindows().length) main = createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void pool.destroy());
}
