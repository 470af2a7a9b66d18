// A card's totals: speed and time left measured from the job's own clock, over bytes and files.
import { describe, expect, it } from 'vitest';
import type { HashJob } from './store.js';
import { jobTotals } from './totals.js';

const running = (progress: HashJob['progress'], progressAt: number): HashJob => ({
  jobId: 'j',
  paths: ['/a'],
  status: 'running',
  files: [],
  skipped: [],
  cancelRequested: false,
  startedAt: 1000,
  progress,
  progressAt,
});

describe('jobTotals', () => {
  it('measures MB/s itself, whatever main said, and takes the slower estimate of bytes and files', () => {
    // 2,000 small files: after 4 s every byte of the first 1,500 is read, but 500 files still wait.
    const n = jobTotals(
      running({ bytesDone: 9_000_000, totalBytes: 10_000_000, bytesPerSecond: 0, filesDone: 1000, filesTotal: 2000 }, 5000),
    );
    expect(n.bytesPerSecond).toBe(2_250_000);
    // Bytes alone would say 0.44 s; files say 4 s more.
    expect(n.secondsLeft).toBe(4);
    expect(n.percent).toBe(90);
    expect([n.filesDone, n.filesTotal]).toEqual([1000, 2000]);
  });

  it('has nothing to estimate before the first event or before anything is done', () => {
    expect(jobTotals(running(undefined, 1000)).secondsLeft).toBeUndefined();
    const n = jobTotals(running({ bytesDone: 0, totalBytes: 10, bytesPerSecond: 5, filesDone: 0, filesTotal: 3 }, 3000));
    expect([n.bytesPerSecond, n.secondsLeft]).toEqual([undefined, undefined]);
  });

  it('counts a finished job: done, failed, cancelled, skipped, bytes and how long it took', () => {
    const job: HashJob = {
      ...running(undefined, 0),
      status: 'cancelled',
      endedAt: 3000,
      skipped: [{ path: '/a/sock', reason: 'a socket' }],
      files: [
        { path: '/a/1', size: 1_000_000, digests: { md5: '00' } },
        { path: '/a/2', size: 3_000_000, digests: { md5: '00' } },
        { path: '/a/3', error: { code: 'ENOENT', message: 'gone' } },
        { path: '/a/4', error: { code: 'CANCELLED', message: 'cancelled' } },
      ],
    };
    expect(jobTotals(job)).toEqual({
      filesTotal: 4,
      filesDone: 2,
      failed: 1,
      cancelled: 1,
      skipped: 1,
      bytesDone: 4_000_000,
      bytesTotal: 4_000_000,
      percent: 100,
      bytesPerSecond: 2_000_000,
      filesPerSecond: 1,
      seconds: 2,
    });
  });
});
