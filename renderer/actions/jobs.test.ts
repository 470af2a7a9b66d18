// @vitest-environment jsdom
// The one job helper every screen uses: its id, its own progress events only while it runs, one
// settle even when the bridge breaks, and cancel.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope, JobProgress } from '../../main/common/ipc/contract.js';
import { deferred, freshWorkbench, type FakeWorkbench } from '../test-support/fake-workbench.js';
import { cancelJob, deliverProgress, runJob } from './jobs.js';

let fake: FakeWorkbench;
beforeEach(() => {
  fake = freshWorkbench();
});

const event = (jobId: string, done: number): JobProgress => ({ jobId, kind: 'ota', phase: 'resources', done, total: 3 });

describe('runJob', () => {
  it('starts with a fresh id, takes only its own progress while running, and settles once', async () => {
    const answer = deferred<Envelope<number>>();
    const seen: number[] = [];
    const settled = vi.fn();
    const started = vi.fn();
    const call = vi.fn((_jobId: string) => answer.promise);
    deliverProgress(event('early', 0));
    const job = runJob(call, { started, progress: (e) => seen.push(e.kind === 'ota' ? e.done : -1), settled });
    const jobId = call.mock.calls[0]![0];
    expect(jobId).toMatch(/^[\w-]{36}$/);
    expect(started).toHaveBeenCalledWith(jobId);
    deliverProgress(event(jobId, 1));
    deliverProgress(event('another-job', 2));
    answer.resolve({ ok: true, value: 42 });
    await expect(job).resolves.toBe(jobId);
    deliverProgress(event(jobId, 3));
    expect(seen).toEqual([1]);
    expect(settled).toHaveBeenCalledTimes(1);
    expect(settled).toHaveBeenCalledWith({ ok: true, value: 42 }, jobId);
  });

  it('keeps an id the caller chose, and settles with an envelope when the bridge throws', async () => {
    const settled = vi.fn();
    const id = await runJob(() => Promise.reject(new Error('bridge gone')), { jobId: 'mine', settled });
    expect(id).toBe('mine');
    expect(settled).toHaveBeenCalledWith({ ok: false, error: { code: 'BRIDGE', message: 'bridge gone' } }, 'mine');
  });
});

describe('cancelJob', () => {
  it('marks the request, asks main, and reports only a failed cancel', async () => {
    const requested = vi.fn();
    const failed = vi.fn();
    await cancelJob('job-1', { requested, failed });
    expect(fake.api.jobCancel).toHaveBeenCalledWith({ jobId: 'job-1' });
    expect(requested).toHaveBeenCalledTimes(1);
    expect(failed).not.toHaveBeenCalled();
    fake.api.jobCancel.mockResolvedValueOnce({ ok: false, error: { code: 'FAILED', message: 'no such job' } });
    await cancelJob('job-2', { requested, failed });
    expect(failed).toHaveBeenCalledWith('no such job');
  });
});
