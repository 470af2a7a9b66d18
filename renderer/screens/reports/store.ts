// The reports screen's state: the recent list and which action is busy or failed. The report shown
// itself lives in the OTA screen's store: this screen opens reports into that view.
import { create } from 'zustand';

export interface RecentReport {
  path: string;
  openedAt: string;
  headline?: string;
}

export interface ReportsState {
  recent?: RecentReport[];
  recentError?: string;
  loading: boolean;
  busy?: 'open' | 'merge';
  /** Each next to its button: the open (or a recent entry) and the merge. */
  openError?: string;
  mergeError?: string;
}

export const useReports = create<ReportsState>()(() => ({ loading: false }));

export function resetReports(): void {
  useReports.setState(useReports.getInitialState(), true);
}
