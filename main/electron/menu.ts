// The application menu: the app's own commands, and each platform's standard Edit, View and Window menus.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../common/ipc/contract.js';

export function menuTemplate(
  platform: NodeJS.Platform,
  send: (command: MenuCommand) => void,
  appName = 'Hash Workbench',
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => send('about') };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open File…', accelerator: 'CmdOrCtrl+O', click: () => send('open-file') },
      { label: 'Open Checksum File…', accelerator: 'CmdOrCtrl+Shift+O', click: () => send('open-checksum') },
      { label: 'New OTA Check', accelerator: 'CmdOrCtrl+N', click: () => send('new-ota') },
      { type: 'separator' },
      { label: 'Export Report…', accelerator: 'CmdOrCtrl+E', click: () => send('export-report') },
      { type: 'separator' },
      { label: 'Customer Mode', click: () => send('customer-mode') },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  const help: MenuItemConstructorOptions = { role: 'help', submenu: mac ? [] : [about] };
  return [
    ...(mac
      ? [
          {
            label: appName,
            submenu: [
              about,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } as MenuItemConstructorOptions,
        ]
      : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    help,
  ];
}
