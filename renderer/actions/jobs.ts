// A long job's life in one place, for every screen: start it with a fresh id, hand it main's progress
// events for that id while it runs (none before, none after), settle it with main's answer (an
// envelope, even when the bridge broke), and cancel it. Screens keep only their reducers.
import type { Envelope, JobProgress } from '../../main/common/ipc/contract.js';
import { api, settle } from './api.js';

export interface JobHooks<T> {
  /** Chosen by the caller when the request must carry it before the job starts; else a fresh UUID. */
  jobId?: string;
  /** The job is about to be sent: show it running. */
  started?(jobId: string): void;
  /** Main's progress events for this job, until it settles. */
  progress?(event: JobProgress): void;
  /**
   * Only for events that replace each other (a bar, not a stream of entries): at most one every this
   * many ms reaches `progress`, the first at once and the latest of the rest at the end of the interval.
   */
  progressEveryMs?: number;
  /** Main's answer: done, CANCELLED (often with the part that was done) or failed. */
  settled(result: Envelope<T>, jobId: string): void;
}

const running = new Map<string, (event: JobProgress) => void>();

/** Called once per progress event from main (actions/start.ts): only a running job's own events go anywhere. */
export function deliverProgress(event: JobProgress): void {
  running.get(event.jobId)?.(event);
}

/** Runs one job through main; resolves with its id once it settled. */
export async function runJob<T>(call: (jobId: string) => Promise<Envelope<T>>, hooks: JobHooks<T>): Promise<string> {
  const jobId = hooks.jobId ?? crypto.randomUUID();
  hooks.started?.(jobId);
  const throttled = hooks.progress && hooks.progressEveryMs ? throttle(hooks.progress, hooks.progressEveryMs) : undefined;
  const progress = throttled?.push ?? hooks.progress;
  if (progress) running.set(jobId, progress);
  try {
    const result = await settle(() => call(jobId));
    throttled?.stop();
    hooks.settled(result, jobId);
  } finally {
    throttled?.stop();
    running.delete(jobId);
  }
  return jobId;
}

/** Main can send hundreds of progress events a second for small files; a bar needs a few. */
function throttle(apply: (event: JobProgress) => void, everyMs: number): { push(event: JobProgress): void; stop(): void } {
  let last = -Infinity;
  let pending: JobProgress | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    last = Date.now();
    const event = pending;
    pending = undefined;
    if (event) apply(event);
  };
  return {
    push(event) {
      const since = Date.now() - last;
      if (since >= everyMs && timer === undefined) {
        last = Date.now();
        return apply(event);
      }
      pending = event;
      timer ??= setTimeout(flush, Math.max(0, everyMs - since));
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}

/**
 * Asks main to cancel a job. The job's own answer (what was done, or CANCELLED) settles it; only a
 * failure to cancel is the caller's to show.
 */
export async function cancelJob(jobId: string, hooks: { requested?(): void; failed(message: string): void }): Promise<void> {
  hooks.requested?.();
  const result = await settle(() => api().jobCancel({ jobId }));
  if (!result.ok) hooks.failed(result.error.message);
}
