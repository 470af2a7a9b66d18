// Electron entry. For now a placeholder window over the built renderer page; the hardened
// shell (app:// protocol, IPC contract, menus) is the desktop-shell issue.
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1100,
    height: 760,
    title: 'Hash Workbench',
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  void win.loadFile(join(__dirname, 'renderer', 'index.html'));
}

void app.whenReady().then(createWindow);
app.on('window-all-closed', () => app.quit());
