// Which screen is showing. Plain state: there is no router, the window has one page.
import type { StateCreator } from 'zustand';
import type { WorkbenchState } from './index.js';

export const SCREENS = ['check', 'checksums', 'ota', 'customer', 'reports'] as const;
export type ScreenId = (typeof SCREENS)[number];

export interface NavigationSlice {
  screen: ScreenId;
  navigate(screen: ScreenId): void;
}

export const createNavigationSlice: StateCreator<WorkbenchState, [], [], NavigationSlice> = (set) => ({
  screen: 'check',
  navigate: (screen) => set({ screen }),
});
