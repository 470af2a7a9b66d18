// Which screen is showing. Plain state: there is no router, the window has one page. The screens
// themselves are listed once, in screens/index.ts.
import type { StateCreator } from 'zustand';
import type { ScreenId } from '../screens/index.js';
import type { WorkbenchState } from './index.js';

export type { ScreenId };

export interface NavigationSlice {
  screen: ScreenId;
  navigate(screen: ScreenId): void;
}

export const createNavigationSlice: StateCreator<WorkbenchState, [], [], NavigationSlice> = (set) => ({
  screen: 'check',
  navigate: (screen) => set({ screen }),
});
