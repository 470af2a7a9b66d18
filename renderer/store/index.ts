// The renderer's one store, made of slices. Components read it with selectors; actions/ write it.
import { create } from 'zustand';
import { createErrorsSlice, type ErrorsSlice } from './errors.js';
import { createHashJobsSlice, type HashJobsSlice } from './hash-jobs.js';
import { createNavigationSlice, type NavigationSlice } from './navigation.js';
import { createPreferencesSlice, type PreferencesSlice } from './preferences.js';

export type WorkbenchState = NavigationSlice & ErrorsSlice & HashJobsSlice & PreferencesSlice;

export const useWorkbench = create<WorkbenchState>()((...a) => ({
  ...createNavigationSlice(...a),
  ...createErrorsSlice(...a),
  ...createHashJobsSlice(...a),
  ...createPreferencesSlice(...a),
}));

/** Back to the first state (tests start each case from here). */
export function resetStore(): void {
  useWorkbench.setState(useWorkbench.getInitialState(), true);
}

export type { ScreenId } from './navigation.js';
export { SCREENS } from './navigation.js';
export type { HashJob, JobStatus } from './hash-jobs.js';
export type { ErrorMessage } from './errors.js';
