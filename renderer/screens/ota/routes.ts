// What the OTA screen takes from the frame: dropped or opened HAR captures and reports (registered once,
// when this loads), and the File menu's New OTA check and Export report (app/menu.ts).
import { reportUnexpected } from '../../actions/unexpected.js';
import { hashPaths } from '../check/actions.js';
import { onPaths } from '../../actions/routes.js';
import { strings } from '../../strings/index.js';
import { useWorkbench } from '../../store/index.js';
import { openReportAt } from './actions.js';
import { exportReport, shownReport } from './export.js';
import { useOta } from './store.js';

async function openDroppedReports(paths: string[]): Promise<void> {
  for (const path of paths) {
    const result = await openReportAt(path);
    if (result.ok || !result.error) continue;
    // A .json that is not a report at all is a file to hash.
    if (result.error.details?.kind === 'not-a-report') await hashPaths([path]);
    else useWorkbench.getState().pushError(result.error.message);
  }
}

onPaths('har', (paths) => {
  // One capture per check: the last one dropped wins, as a second pick in the dialog would.
  const path = paths[paths.length - 1];
  if (path) useOta.getState().setField('harPath', path);
  useWorkbench.getState().navigate('ota');
});

onPaths('report', (paths) => {
  void openDroppedReports(paths).catch(reportUnexpected);
});

/** File > New OTA check. */
export function newOtaCheck(): void {
  // A running check keeps its form: the result it brings back must match what is shown.
  if (!useOta.getState().job) useOta.getState().freshForm();
  useWorkbench.getState().navigate('ota');
}

/** File > Export report: the report on screen (the OTA result or customer mode's). */
export function exportShownReport(): void {
  const report = shownReport() ?? useOta.getState().report;
  if (!report) return useWorkbench.getState().pushError(strings.ota.menu.nothingToExport);
  void exportReport(report).catch(reportUnexpected);
}
