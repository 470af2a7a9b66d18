// Check-a-file state that is not a hash job: what was pasted on each card, and the two-file
// comparison. Kept here (not in components) so it survives a visit to another screen.
import { create } from 'zustand';
import type { CompareResult } from '../../../main/common/hash-types.js';

export interface CompareState {
  a?: string;
  b?: string;
  /** Set while main compares; the id Cancel sends. */
  jobId?: string;
  cancelRequested: boolean;
  /** The last finished comparison, with the files it was for: kept while new files are picked. */
  result?: { a: string; b: string; value: CompareResult };
  /** Why the last pick or comparison failed, shown in the compare section. */
  error?: string;
  cancelled: boolean;
}

export interface CheckScreenState {
  /** Pasted text by job id. */
  pastes: Record<string, string>;
  compare: CompareState;
  setPaste(jobId: string, text: string): void;
  updateCompare(change: Partial<CompareState>): void;
}

const initialCompare: CompareState = { cancelRequested: false, cancelled: false };

export const useCheckScreen = create<CheckScreenState>()((set) => ({
  pastes: {},
  compare: initialCompare,
  setPaste: (jobId, text) => set((s) => ({ pastes: { ...s.pastes, [jobId]: text } })),
  updateCompare: (change) => set((s) => ({ compare: { ...s.compare, ...change } })),
}));

export function resetCheckScreen(): void {
  useCheckScreen.setState(useCheckScreen.getInitialState(), true);
}
