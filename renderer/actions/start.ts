// Wiring done once when the window starts: main's events into actions, and the saved settings.
import { runMenu } from '../app/menu.js';
import { hashPaths } from '../screens/check/actions.js';
import { deliverProgress } from './jobs.js';
import { routePaths } from './routes.js';
import { loadSettings } from './settings.js';
import { reportUnexpected } from './unexpected.js';

let stop: (() => void) | undefined;

/** Subscribes to main's events (once, however often it is called) and loads settings. Returns the unsubscribe. */
export function startWorkbench(): () => void {
  if (stop) return stop;
  const w = window.workbench;
  const offs = [
    // Each running job gets its own events (actions/jobs.ts).
    w.onJobProgress(deliverProgress),
    w.onAppOpenPaths(({ paths, kind }) => {
      // Files opened with the app (Finder, Explorer, the command line) go where a drop would.
      hashPaths(routePaths(paths, kind)).catch(reportUnexpected);
    }),
    w.onMenuCommand(({ command }) => runMenu(command)),
  ];
  loadSettings().catch(reportUnexpected);
  stop = () => {
    for (const off of offs) off();
    stop = undefined;
  };
  return stop;
}
