// The settings the renderer shows: digest encoding and theme. Saved by actions/settings.ts.
import type { StateCreator } from 'zustand';
import type { Encoding } from '../../main/common/encodings.js';
import type { Settings } from '../../main/common/ipc/contract.js';
import type { WorkbenchState } from './index.js';

export interface PreferencesSlice {
  /** Applies to display and to every copy. */
  encoding: Encoding;
  theme: Settings['theme'];
  setEncoding(encoding: Encoding): void;
  setTheme(theme: Settings['theme']): void;
}

export const createPreferencesSlice: StateCreator<WorkbenchState, [], [], PreferencesSlice> = (set) => ({
  encoding: 'hex',
  theme: 'system',
  setEncoding: (encoding) => set({ encoding }),
  setTheme: (theme) => set({ theme }),
});
