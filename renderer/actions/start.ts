// Wiring done once when the window starts: main's events into actions, and the saved settings.
import type { MenuCommand } from '../../main/common/ipc/contract.js';
import { useWorkbench, type ScreenId } from '../store/index.js';
import { hashPaths, openFiles, reportUnexpected } from './hash.js';
import { emitJobProgress, routePaths, runMenu } from './routes.js';
import { loadSettings } from './settings.js';

/** The screen each menu command leads to; 'about' has no screen yet. */
const MENU_SCREENS: Partial<Record<MenuCommand, ScreenId>> = {
  'open-checksum': 'checksums',
  'new-ota': 'ota',
  'export-report': 'reports',
  'customer-mode': 'customer',
};

let stop: (() => void) | undefined;

/** Subscribes to main's events (once, however often it is called) and loads settings. Returns the unsubscribe. */
export function startWorkbench(): () => void {
  if (stop) return stop;
  const w = window.workbench;
  const offs = [
    w.onProgress((event) => {
      if (event.kind === 'hash') useWorkbench.getState().applyProgress(event);
      emitJobProgress(event);
    }),
    w.onOpenPaths(({ paths, kind }) => {
      // Files opened with the app (Finder, Explorer, the command line) go where a drop would.
      hashPaths(routePaths(paths, kind)).catch(reportUnexpected);
    }),
    w.onMenuCommand(({ command }) => {
      if (command === 'open-file') return void openFiles().catch(reportUnexpected);
      if (runMenu(command)) return;
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
