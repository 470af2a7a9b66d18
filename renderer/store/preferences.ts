// The settings the renderer shows: digest encoding, theme and the algorithms to compute. Saved by actions/.
import type { StateCreator } from 'zustand';
import { ALGORITHMS, DEFAULT_ALGORITHMS, type AlgorithmId } from '../../main/common/algorithms.js';
import type { Encoding } from '../../main/common/encodings.js';
import type { Settings } from '../../main/common/ipc/contract.js';
import type { WorkbenchState } from './index.js';

export interface PreferencesSlice {
  /** Applies to display and to every copy. */
  encoding: Encoding;
  theme: Settings['theme'];
  /** What Check a file computes, in table order; the six common ones until a saved choice loads. */
  algorithms: AlgorithmId[];
  setEncoding(encoding: Encoding): void;
  setTheme(theme: Settings['theme']): void;
  /** Ignores an empty or unknown-only list: a hash job needs at least one algorithm. */
  setAlgorithms(algorithms: readonly string[]): void;
}

export const ALL_ALGORITHMS: readonly AlgorithmId[] = ALGORITHMS.map((a) => a.id);

/** Known ids only, in the table's order, each once. */
export function orderedAlgorithms(list: readonly string[]): AlgorithmId[] {
  return ALL_ALGORITHMS.filter((id) => list.includes(id));
}

export const createPreferencesSlice: StateCreator<WorkbenchState, [], [], PreferencesSlice> = (set) => ({
  encoding: 'hex',
  theme: 'system',
  algorithms: [...DEFAULT_ALGORITHMS],
  setEncoding: (encoding) => set({ encoding }),
  setTheme: (theme) => set({ theme }),
  setAlgorithms: (list) => {
    const algorithms = orderedAlgorithms(list);
    if (algorithms.length > 0) set({ algorithms });
  },
});
