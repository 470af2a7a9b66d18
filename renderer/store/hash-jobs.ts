// One card per hash job. Reducers only: the calls to main that drive them live in actions/hash.ts.
import type { StateCreator } from 'zustand';
import type { Envelope, JobProgress } from '../../main/common/ipc/contract.js';
import type { FileHashResult, HashFilesResult, HashProgress, SkipNote } from '../../main/common/hash-types.js';
import type { WorkbenchState } from './index.js';

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
}

export interface HashJobsSlice {
  /** Newest first: a new drop shows at the top, earlier cards stay below it. */
  jobs: HashJob[];
  addJob(jobId: string, paths: string[]): void;
  applyProgress(event: JobProgress): void;
  finishJob(jobId: string, result: Envelope<HashFilesResult>): void;
  requestCancel(jobId: string): void;
  cancelFailed(jobId: string, message: string): void;
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

export const createHashJobsSlice: StateCreator<WorkbenchState, [], [], HashJobsSlice> = (set) => {
  const update = (jobId: string, change: (job: HashJob) => HashJob) =>
    set((s) => ({ jobs: s.jobs.map((j) => (j.jobId === jobId ? change(j) : j)) }));

  return {
    jobs: [],
    addJob: (jobId, paths) =>
      set((s) => ({ jobs: [{ jobId, paths, status: 'running', files: [], skipped: [], cancelRequested: false }, ...s.jobs] })),
    applyProgress: (event) => {
      if (event.kind !== 'hash') return;
      // A late event must not move a bar that already shows the final state.
      update(event.jobId, (j) => (j.status === 'running' ? { ...j, progress: event.progress } : j));
    },
    finishJob: (jobId, result) => update(jobId, (j) => (j.status === 'running' ? finished(j, result) : j)),
    requestCancel: (jobId) => update(jobId, (j) => (j.status === 'running' ? { ...j, cancelRequested: true, error: undefined } : j)),
    cancelFailed: (jobId, message) => update(jobId, (j) => ({ ...j, cancelRequested: false, error: message })),
  };
};

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
