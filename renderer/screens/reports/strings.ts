// The reports screen's user-visible strings (gathered in renderer/strings/index.ts: one place for translations).
export const reportsStrings = {
  title: 'Reports',
  open: 'Open report…',
  empty:
    'No report yet. Open a saved OTA report (.json) with “Open report…” or drop one on this window, or run an OTA upgrade check. ' +
    'Reports you open or export are listed here, and a customer’s report can be added to yours to compare both networks.',
  shownHeading: 'Report shown',
  view: 'View in OTA upgrade check',
  merge: 'Add a customer’s report…',
  mergeHint: 'Joins the customer’s observations with these (their public URL gets its own column) and judges both again.',
  merging: 'Adding…',
  export: 'Export HTML and JSON…',
  exporting: 'Exporting…',
  exported: (paths: string[]) => `Saved: ${paths.join(', ')}`,
  exportCancelled: 'Not saved.',
  exportFailed: (message: string) => `The report could not be exported: ${message}`,
  openFailed: (message: string) => `The report could not be opened: ${message}`,
  mergeFailed: (message: string) => `The reports could not be joined: ${message}`,
  recentHeading: 'Recent reports',
  recentLoading: 'Reading the list…',
  recentNone: 'None yet.',
  recentFailed: (message: string) => `The list of recent reports could not be read: ${message}`,
  recentOpenLabel: (name: string, when: string) => `Open ${name}, ${when}`,
  noHeadline: 'No verdict recorded',
  when: (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  },
};
