// The numbers on top of a card, pure: files done, failed and skipped, bytes, speed and time left.
// Speed and time left are measured here, from when the job started to the latest event, over bytes
// and over files both: thousands of small files are slow per file, not per byte.
import type { HashJob } from './store.js';

export interface JobTotals {
  filesTotal: number;
  filesDone: number;
  failed: number;
  cancelled: number;
  skipped: number;
  bytesDone: number;
  bytesTotal: number;
  /** 0..100, from bytes, or from files when there are no bytes to count. */
  percent: number;
  /** Undefined until there is something to go by. */
  bytesPerSecond?: number;
  filesPerSecond?: number;
  secondsLeft?: number;
  /** How long the job ran, once it ended. */
  seconds?: number;
}

const rate = (amount: number, ms: number) => (ms > 0 ? (amount * 1000) / ms : undefined);

/** The time still needed if the rest goes as fast as what was done: elapsed × (left / done). */
function remaining(elapsedMs: number, done: number, total: number): number | undefined {
  if (total <= 0 || done <= 0 || elapsedMs <= 0) return undefined;
  return ((elapsedMs / 1000) * Math.max(0, total - done)) / done;
}

export function jobTotals(job: HashJob): JobTotals {
  const skipped = job.skipped.length;
  if (job.status !== 'running') {
    const failed = job.files.filter((f) => f.error && f.error.code !== 'CANCELLED').length;
    const cancelled = job.files.filter((f) => f.error?.code === 'CANCELLED').length;
    const bytes = job.files.reduce((sum, f) => sum + (f.digests ? (f.size ?? 0) : 0), 0);
    const ms = job.endedAt !== undefined ? job.endedAt - job.startedAt : 0;
    const filesDone = job.files.length - failed - cancelled;
    return {
      filesTotal: job.files.length,
      filesDone,
      failed,
      cancelled,
      skipped,
      bytesDone: bytes,
      bytesTotal: bytes,
      percent: 100,
      bytesPerSecond: bytes > 0 ? rate(bytes, ms) : undefined,
      filesPerSecond: filesDone > 0 ? rate(filesDone, ms) : undefined,
      seconds: ms / 1000,
    };
  }
  const p = job.progress;
  if (!p) return { filesTotal: job.paths.length, filesDone: 0, failed: 0, cancelled: 0, skipped, bytesDone: 0, bytesTotal: 0, percent: 0 };
  const elapsed = (job.progressAt ?? job.startedAt) - job.startedAt;
  const ratio = p.totalBytes > 0 ? p.bytesDone / p.totalBytes : p.filesTotal > 0 ? p.filesDone / p.filesTotal : 0;
  // The slower of the two estimates: bytes may all be read while hundreds of files still wait their turn.
  const estimates = [remaining(elapsed, p.bytesDone, p.totalBytes), remaining(elapsed, p.filesDone, p.filesTotal)].filter(
    (n): n is number => n !== undefined,
  );
  return {
    filesTotal: p.filesTotal,
    filesDone: p.filesDone,
    failed: 0,
    cancelled: 0,
    skipped,
    bytesDone: p.bytesDone,
    bytesTotal: p.totalBytes,
    percent: Math.max(0, Math.min(100, Math.floor(ratio * 100))),
    bytesPerSecond: p.bytesDone > 0 ? rate(p.bytesDone, elapsed) : undefined,
    filesPerSecond: p.filesDone > 0 ? rate(p.filesDone, elapsed) : undefined,
    secondsLeft: estimates.length > 0 ? Math.max(...estimates) : undefined,
  };
}
