// What only Electron can do for the handlers: dialogs, the system browser, the system proxy and
// certificate store.
import { BrowserWindow, dialog, session, shell, type OpenDialogOptions } from 'electron';
import tls from 'node:tls';
import type { DialogKind, Platform } from '../node/app/handlers.js';
import { parseProxy, type ProxyChoice } from '../node/ota/proxy.js';

const FILTERS: Partial<Record<DialogKind, OpenDialogOptions['filters']>> = {
  checksum: [
    { name: 'Checksum files', extensions: ['sha256', 'sha1', 'md5', 'sha512', 'sfv', 'b3', 'txt', 'sum'] },
    { name: 'All files', extensions: ['*'] },
  ],
  report: [{ name: 'Hash Workbench reports', extensions: ['json'] }],
  har: [{ name: 'HAR captures', extensions: ['har', 'json'] }],
  pem: [{ name: 'Certificates', extensions: ['pem', 'crt', 'cer'] }],
  text: [
    { name: 'Text', extensions: ['txt', 'log', 'json'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

/** Chromium's proxy answer ("PROXY host:port; DIRECT") as the first HTTP proxy, if any. */
export function proxyFromPac(answer: string): ProxyChoice | undefined {
  for (const part of answer.split(';').map((x) => x.trim())) {
    const m = /^(PROXY|HTTPS)\s+(\S+)$/i.exec(part);
    if (m?.[1]?.toUpperCase() === 'PROXY') return parseProxy(`http://${m[2]}`);
    if (/^DIRECT$/i.test(part)) return undefined;
  }
  return undefined;
}

export function electronPlatform(version: string): Platform {
  const owner = (id: number) => BrowserWindow.getAllWindows().find((w) => w.webContents.id === id);
  return {
    version,
    platform: process.platform,
    arch: process.arch,
    async openDialog(kind, multiple, id) {
      const properties: OpenDialogOptions['properties'] = [kind === 'folder' ? 'openDirectory' : 'openFile'];
      if (multiple) properties.push('multiSelections');
      const win = owner(id);
      const options: OpenDialogOptions = { properties, filters: FILTERS[kind] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? [] : r.filePaths;
    },
    async saveDialog(defaultName, id) {
      const win = owner(id);
      const r = win
        ? await dialog.showSaveDialog(win, { defaultPath: defaultName })
        : await dialog.showSaveDialog({ defaultPath: defaultName });
      return r.canceled ? undefined : r.filePath;
    },
    showInFolder(path) {
      shell.showItemInFolder(path);
    },
    async openExternal(url) {
      await shell.openExternal(url);
    },
    async proxyFor(url) {
      return proxyFromPac(await session.defaultSession.resolveProxy(url));
    },
    systemCa() {
      // Node 22.15+ (Electron 45's runtime) can read the operating system's store.
      const get = (tls as unknown as { getCACertificates?: (kind: string) => string[] }).getCACertificates;
      try {
        const certs = get?.('system');
        return certs?.length ? certs.join('\n') : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
