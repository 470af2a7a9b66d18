// Reports: the recent list, opening one into the OTA result view, and adding a customer's report to it.
import { api, settle, wholeReport } from '../../actions/api.js';
import { strings } from '../../strings/index.js';
import { nextTask, openReport, openReportAt, showReport } from '../ota/actions.js';
import { useOta } from '../ota/store.js';
import { useReports } from './store.js';

const s = strings.reports;

export async function loadRecent(): Promise<void> {
  useReports.setState({ loading: true });
  const result = await settle(() => api().reportRecent());
  useReports.setState(
    result.ok
      ? { loading: false, recent: result.value, recentError: undefined }
      : { loading: false, recentError: s.recentFailed(result.error.message) },
  );
}

/** "Open report…": main's dialog, then the OTA screen shows it. */
export async function openReportDialog(): Promise<void> {
  useReports.setState({ busy: 'open', openError: undefined });
  const result = await openReport();
  await nextTask();
  useReports.setState({ busy: undefined });
  if (!result.ok) return void useReports.setState({ openError: s.openFailed(result.error.message) });
  // No path: the dialog was closed without a choice.
  if (result.value.path === undefined) return;
  showReport(result.value.report, 'opened', result.value.path);
}

export async function openRecent(path: string): Promise<void> {
  useReports.setState({ busy: 'open', openError: undefined });
  const result = await openReportAt(path);
  useReports.setState({ busy: undefined });
  if (!result.ok && result.error) useReports.setState({ openError: s.openFailed(result.error.message) });
}

/** Picks the customer's report and has main join it with the one shown and judge both again. */
export async function mergeCustomerReport(): Promise<void> {
  const current = useOta.getState().report;
  if (!current) return;
  useReports.setState({ busy: 'merge', mergeError: undefined });
  const picked = await openReport();
  if (!picked.ok) return void useReports.setState({ busy: undefined, mergeError: s.openFailed(picked.error.message) });
  const other = picked.value;
  // No path: the dialog was closed without a choice.
  if (other.path === undefined) return void useReports.setState({ busy: undefined });
  const merged = await wholeReport(await settle(() => api().reportMerge({ reports: [current, other.report], sliced: true })));
  await nextTask();
  useReports.setState({ busy: undefined });
  if (!merged.ok) return void useReports.setState({ mergeError: s.mergeFailed(merged.error.message) });
  showReport(merged.value, 'merged', other.path);
}
