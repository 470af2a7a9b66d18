// Wiring done once when the window starts: main's events into actions, and the saved settings.
import type { MenuCommand } from '../../main/common/ipc/contract.js';
import { useWorkbench, type ScreenId } from '../store/index.js';
import { hashPaths, openFiles, reportUnexpected } from './hash.js';
import { loadSettings } from './settings.js';

/** The screen each menu command leads to; 'about' has no screen yet. */
const MENU_SCREENS: Partial<Record<MenuCommand, ScreenId>> = {
  'open-checksum': 'checksums',
  'new-ota': 'ota',
  'export-report': 'reports',
  'customer-mode': 'customer',
};

const OPEN_SCREENS = { files: 'check', checksum: 'checksums', report: 'reports' } as const satisfies Record<string, ScreenId>;

let stop: (() => void) | undefined;

/** Subscribes to main's events (once, however often it is called) and loads settings. Returns the unsubscribe. */
export function startWorkbench(): () => void {
  if (stop) return stop;
  const w = window.workbench;
  const offs = [
    w.onProgress((event) => useWorkbench.getState().applyProgress(event)),
    w.onOpenPaths(({ paths, kind }) => {
      // Files opened with the app (Finder, Explorer, the command line) hash like dropped ones.
      if (kind === 'files') hashPaths(paths).catch(reportUnexpected);
      else useWorkbench.getState().navigate(OPEN_SCREENS[kind]);
    }),
    w.onMenuCommand(({ command }) => {
      if (command === 'open-file') return void openFiles().catch(reportUnexpected);
      const screen = MENU_SCREENS[command];
      if (screen) useWorkbench.getState().navigate(screen);
    }),
  ];
  loadSettings().catch(reportUnexpected);
  stop = () => {
    for (const off of offs) off();
    stop = undefined;
  };
  return stop;
}
