// The frame's store, made of slices: which screen shows, the error area and the preferences every
// screen reads. Each screen keeps its own state in its folder (screens/<id>/store.ts).
import { create } from 'zustand';
import { createErrorsSlice, type ErrorsSlice } from './errors.js';
import { createNavigationSlice, type NavigationSlice } from './navigation.js';
import { createPreferencesSlice, type PreferencesSlice } from './preferences.js';

export type WorkbenchState = NavigationSlice & ErrorsSlice & PreferencesSlice;

export const useWorkbench = create<WorkbenchState>()((...a) => ({
  ...createNavigationSlice(...a),
  ...createErrorsSlice(...a),
  ...createPreferencesSlice(...a),
}));

/** Back to the first state (tests start each case from here). */
export function resetStore(): void {
  useWorkbench.setState(useWorkbench.getInitialState(), true);
}

export type { ScreenId } from './navigation.js';
export type { ErrorMessage } from './errors.js';
