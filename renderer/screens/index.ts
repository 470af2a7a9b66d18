// Every screen, once, in navigation order: its id, the component, and its button in the navigation
// (the label lives with the other words in strings/index.ts). Importing a screen's component loads
// its actions, which register what the screen takes from the frame (paths, menu commands).
import type { ComponentType } from 'react';
import { CheckFileScreen } from './check/CheckFileScreen.js';
import { ChecksumsScreen } from './checksums/ChecksumsScreen.js';
import { CustomerScreen } from './customer/CustomerScreen.js';
import { OtaScreen } from './ota/OtaScreen.js';
import { ReportsScreen } from './reports/ReportsScreen.js';

export const SCREENS = {
  check: CheckFileScreen,
  checksums: ChecksumsScreen,
  ota: OtaScreen,
  customer: CustomerScreen,
  reports: ReportsScreen,
} satisfies Record<string, ComponentType>;

export type ScreenId = keyof typeof SCREENS;

export const SCREEN_IDS = Object.keys(SCREENS) as ScreenId[];
