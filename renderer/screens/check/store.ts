// Check a file's state: one card per hash job (newest first), what was pasted on each card, and the
// two-file comparison. Reducers only: the calls to main are in actions.ts and compare.ts. Kept here
// (not in components) so it survives a visit to another screen.
import { create } from 'zustand';
import type { AlgorithmId } from '../../../main/common/algorithms.js';
import type { Envelope, JobProgress } from '../../../main/common/ipc/contract.js';
import type { CompareResult, FileHashResult, HashFilesResult, HashProgress, SkipNote } from '../../../main/common/hash-types.js';

export type JobStatus = 'running' | 'done' | 'cancelled' | 'failed';

export interface HashJob {
  jobId: string;
  paths: string[];
  status: JobStatus;
  /** The latest progress event; kept after the end so a cancelled card shows how far it got. */
  progress?: HashProgress;
  files: FileHashResult[];
  skipped: SkipNote[];
  /** Cancel was clicked and main has not answered yet (the button stays disabled). */
  cancelRequested: boolean;
  /** A failure of the whole job (or of its cancel), shown on the card. */
  error?: string;
  /** Milliseconds (Date.now) when it started, when the latest progress event came and when it ended: speed and time left. */
  startedAt: number;
  progressAt?: number;
  endedAt?: number;
}

/** How one card is looked at: its filter, the file opened, the algorithm in its rows, its save. */
export interface CardView {
  failuresOnly: boolean;
  /** The file whose digests are open under the list. */
  open?: string;
  /** The algorithm each row shows (and a saved checksum file uses); unset: SHA-256, else the first computed. */
  shown?: AlgorithmId;
  saving: boolean;
  savedPath?: string;
  saveError?: string;
}

export const NEW_VIEW: CardView = { failuresOnly: false, saving: false };

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
  /** Newest first: a new drop shows at the top, earlier cards stay below it. */
  jobs: HashJob[];
  /** Pasted text by job id. */
  pastes: Record<string, string>;
  views: Record<string, CardView>;
  compare: CompareState;
  addJob(jobId: string, paths: string[], now?: number): void;
  applyProgress(event: JobProgress, now?: number): void;
  finishJob(jobId: string, result: Envelope<HashFilesResult>, now?: number): void;
  /** Takes one file off a finished card; a card left with nothing goes too. */
  removeFile(jobId: string, path: string): void;
  /** Every finished card goes; running ones stay. */
  clearFinished(): void;
  updateView(jobId: string, change: Partial<CardView>): void;
  requestCancel(jobId: string): void;
  cancelFailed(jobId: string, message: string): void;
  setPaste(jobId: string, text: string): void;
  updateCompare(change: Partial<CompareState>): void;
}

const CANCELLED = 'CANCELLED';

function finished(job: HashJob, result: Envelope<HashFilesResult>): HashJob {
  if (!result.ok) {
    const cancelled = result.error.code === CANCELLED;
    return {
      ...job,
      status: cancelled ? 'cancelled' : 'failed',
      error: cancelled ? undefined : result.error.message,
      cancelRequested: false,
    };
  }
  const { files, skipped } = result.value;
  // Main answers a cancel with the files it finished plus CANCELLED errors for the rest.
  const cancelled = job.cancelRequested || files.some((f) => f.error?.code === CANCELLED);
  // Every file failing is a failed job: the card must not say "Done" over nothing but errors.
  const allFailed = files.length > 0 && files.every((f) => f.error);
  return { ...job, files, skipped, status: cancelled ? 'cancelled' : allFailed ? 'failed' : 'done', cancelRequested: false };
}

const initialCompare: CompareState = { cancelRequested: false, cancelled: false };

export const useCheckScreen = create<CheckScreenState>()((set) => {
  const update = (jobId: string, change: (job: HashJob) => HashJob) =>
    set((s) => ({ jobs: s.jobs.map((j) => (j.jobId === jobId ? change(j) : j)) }));
  const forget = <T>(record: Record<string, T>, keep: ReadonlySet<string>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).filter(([id]) => keep.has(id)));
  return {
    jobs: [],
    pastes: {},
    views: {},
    compare: initialCompare,
    addJob: (jobId, paths, now = Date.now()) =>
      set((s) => ({
        jobs: [{ jobId, paths, status: 'running', files: [], skipped: [], cancelRequested: false, startedAt: now }, ...s.jobs],
      })),
    applyProgress: (event, now = Date.now()) => {
      if (event.kind !== 'hash') return;
      // A late event must not move a bar that already shows the final state.
      update(event.jobId, (j) => (j.status === 'running' ? { ...j, progress: event.progress, progressAt: now } : j));
    },
    finishJob: (jobId, result, now = Date.now()) =>
      update(jobId, (j) => (j.status === 'running' ? { ...finished(j, result), endedAt: now } : j)),
    removeFile: (jobId, path) =>
      set((s) => {
        const jobs = s.jobs
          .map((j) => (j.jobId === jobId && j.status !== 'running' ? { ...j, files: j.files.filter((f) => f.path !== path) } : j))
          .filter((j) => j.status === 'running' || j.files.length > 0 || j.skipped.length > 0 || j.error);
        const view = s.views[jobId];
        const views = view?.open === path ? { ...s.views, [jobId]: { ...view, open: undefined } } : s.views;
        return { jobs, views };
      }),
    clearFinished: () =>
      set((s) => {
        const jobs = s.jobs.filter((j) => j.status === 'running');
        const keep = new Set(jobs.map((j) => j.jobId));
        return { jobs, pastes: forget(s.pastes, keep), views: forget(s.views, keep) };
      }),
    updateView: (jobId, change) => set((s) => ({ views: { ...s.views, [jobId]: { ...(s.views[jobId] ?? NEW_VIEW), ...change } } })),
    requestCancel: (jobId) => update(jobId, (j) => (j.status === 'running' ? { ...j, cancelRequested: true, error: undefined } : j)),
    cancelFailed: (jobId, message) => update(jobId, (j) => ({ ...j, cancelRequested: false, error: message })),
    setPaste: (jobId, text) => set((s) => ({ pastes: { ...s.pastes, [jobId]: text } })),
    updateCompare: (change) => set((s) => ({ compare: { ...s.compare, ...change } })),
  };
});

/**
 * Every file with digests on the Check-a-file cards, oldest card first, each path once (the newest
 * card's digests win): what a checksum file can be written for.
 */
export function hashedFiles(jobs: readonly HashJob[]): Array<FileHashResult & { digests: NonNullable<FileHashResult['digests']> }> {
  const byPath = new Map<string, FileHashResult & { digests: NonNullable<FileHashResult['digests']> }>();
  for (const job of [...jobs].reverse()) {
    for (const f of job.files) {
      if (!f.digests || Object.keys(f.digests).length === 0) continue;
      byPath.delete(f.path);
      byPath.set(f.path, { ...f, digests: f.digests });
    }
  }
  return [...byPath.values()];
}

export function resetCheckScreen(): void {
  useCheckScreen.setState(useCheckScreen.getInitialState(), true);
}
