// Checksum files screen state: one run per checksum file verified (newest first), and the
// "Create a checksum file" form. Reducers only; actions.ts talks to main.
import { create } from 'zustand';
import type { AlgorithmId } from '../../../main/common/algorithms.js';
import type { ChecksumFormat, ChecksumProblem } from '../../../main/common/checksum-file.js';
import type { Envelope } from '../../../main/common/ipc/contract.js';
import type { VerifyEntryResult, VerifyResult, VerifyStatus } from '../../../main/common/hash-types.js';

export type RunStatus = 'running' | 'done' | 'cancelled' | 'failed';

export interface VerifyRun {
  jobId: string;
  /** The checksum file. */
  path: string;
  status: RunStatus;
  /** Streamed one by one while running, then main's final list. */
  entries: VerifyEntryResult[];
  /** How many entries the file lists; known from the first progress event. */
  total?: number;
  problems: ChecksumProblem[];
  summary?: Record<VerifyStatus, number>;
  cancelRequested: boolean;
  error?: string;
}

export interface CreateForm {
  format: ChecksumFormat;
  /** Unset: the first algorithm the hashed files have. */
  algorithm?: AlgorithmId;
  saving: boolean;
  savedPath?: string;
  error?: string;
}

interface ChecksumsState {
  runs: VerifyRun[];
  create: CreateForm;
  addRun(jobId: string, path: string): void;
  addEntry(jobId: string, entry: VerifyEntryResult, index: number, total: number): void;
  finishRun(jobId: string, result: Envelope<VerifyResult>): void;
  requestCancel(jobId: string): void;
  cancelFailed(jobId: string, message: string): void;
  updateCreate(change: Partial<CreateForm>): void;
}

function finished(run: VerifyRun, result: Envelope<VerifyResult>): VerifyRun {
  const done = { ...run, cancelRequested: false };
  if (!result.ok) {
    // Cancelled: keep the lines that were checked, they are still true.
    if (result.error.code === 'CANCELLED') return { ...done, status: 'cancelled' };
    return { ...done, status: 'failed', error: result.error.message };
  }
  const { entries, problems, summary } = result.value;
  return { ...done, status: 'done', entries, problems, summary, total: entries.length };
}

export const useChecksums = create<ChecksumsState>()((set) => {
  const update = (jobId: string, change: (run: VerifyRun) => VerifyRun) =>
    set((s) => ({ runs: s.runs.map((r) => (r.jobId === jobId ? change(r) : r)) }));
  return {
    runs: [],
    create: { format: 'gnu', saving: false },
    addRun: (jobId, path) =>
      set((s) => ({ runs: [{ jobId, path, status: 'running', entries: [], problems: [], cancelRequested: false }, ...s.runs] })),
    addEntry: (jobId, entry, index, total) =>
      update(jobId, (r) => {
        // A late event must not change a finished run; the index places an entry however events arrive.
        if (r.status !== 'running') return r;
        const entries = [...r.entries];
        entries[index] = entry;
        return { ...r, entries, total };
      }),
    finishRun: (jobId, result) => update(jobId, (r) => (r.status === 'running' ? finished(r, result) : r)),
    requestCancel: (jobId) => update(jobId, (r) => (r.status === 'running' ? { ...r, cancelRequested: true, error: undefined } : r)),
    cancelFailed: (jobId, message) => update(jobId, (r) => ({ ...r, cancelRequested: false, error: message })),
    updateCreate: (change) => set((s) => ({ create: { ...s.create, ...change } })),
  };
});

/** The entries received so far, in file order (an index not yet filled is skipped). */
export function receivedEntries(run: VerifyRun): VerifyEntryResult[] {
  return run.entries.filter((e): e is VerifyEntryResult => e !== undefined);
}

/** Counts by status: main's summary when it answered, else counted from what arrived. */
export function runSummary(run: VerifyRun): Record<VerifyStatus, number> {
  if (run.summary) return run.summary;
  const counts: Record<VerifyStatus, number> = { ok: 0, mismatch: 0, missing: 0, error: 0 };
  for (const e of receivedEntries(run)) counts[e.status]++;
  return counts;
}

export function resetChecksums(): void {
  useChecksums.setState(useChecksums.getInitialState(), true);
}
