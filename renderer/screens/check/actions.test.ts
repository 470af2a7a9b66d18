// @vitest-environment jsdom
// Hash jobs end to end through the store, with a fake window.workbench standing in for main.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ALGORITHMS } from '../../../main/common/algorithms.js';
import type { HashProgress } from '../../../main/common/hash-types.js';
import { strings } from '../../strings/index.js';
import { resetStore, useWorkbench } from '../../store/index.js';
import { flush, freshWorkbench, HELLO_MD5, HELLO_SHA256, type FakeWorkbench } from '../../test-support/fake-workbench.js';
import { useCheckScreen, type HashJob } from './store.js';
import { cancelHash, chooseAlgorithms, dropFiles, hashPaths, openFiles } from './actions.js';
import { startWorkbench } from '../../actions/start.js';

let fake: FakeWorkbench;
let stop: () => void;

beforeEach(async () => {
  fake = freshWorkbench();
  // The real wiring carries progress events to the store, as in the app.
  stop = startWorkbench();
  await flush();
});
afterEach(() => stop());

// The frame's store (screen, errors, algorithms) and this screen's (the cards), read as one.
const state = () => ({ ...useWorkbench.getState(), ...useCheckScreen.getState() });
const onlyJob = (): HashJob => {
  expect(state().jobs).toHaveLength(1);
  return state().jobs[0]!;
};
const progress = (bytesDone: number, totalBytes = 1000): HashProgress => ({
  bytesDone,
  totalBytes,
  bytesPerSecond: 500,
  filesDone: 0,
  filesTotal: 2,
});

describe('hashPaths', () => {
  it('opens a running card and asks main for the saved algorithm choice', async () => {
    state().navigate('reports');
    const done = hashPaths(['/a/one.bin', '/a/two.bin']);
    const job = onlyJob();
    expect(job).toMatchObject({ paths: ['/a/one.bin', '/a/two.bin'], status: 'running', files: [] });
    expect(state().screen).toBe('check');
    const request = fake.hashRequest();
    expect(request.jobId).toBe(job.jobId);
    expect(request.jobId).toMatch(/^[\w-]+$/);
    // The fake's saved settings hold ['md5'], loaded by startWorkbench.
    expect(request.algorithms).toEqual(['md5']);
    fake.hashCalls[0]!.resolve({ ok: true, value: { files: [], skipped: [] } });
    await expect(done).resolves.toBe(job.jobId);
  });

  it('asks for the six common algorithms when no choice could be loaded', async () => {
    resetStore();
    void hashPaths(['/a/one.bin']);
    expect(fake.hashRequest().algorithms).toEqual([...DEFAULT_ALGORITHMS]);
  });

  it('moves the bar with its own hash progress events only', async () => {
    void hashPaths(['/a/one.bin']);
    const { jobId } = onlyJob();
    fake.emitProgress({ jobId, kind: 'hash', progress: progress(250) });
    expect(onlyJob().progress?.bytesDone).toBe(250);
    // Another job's event, and a non-hash event for this job, leave the card alone.
    fake.emitProgress({ jobId: 'someone-else', kind: 'hash', progress: progress(900) });
    fake.emitProgress({ jobId, kind: 'ota', phase: 'fetch', done: 1, total: 2 });
    expect(onlyJob().progress?.bytesDone).toBe(250);
  });

  it('fills the card with the digests when main answers', async () => {
    const done = hashPaths(['/a/hello.txt']);
    fake.hashCalls[0]!.resolve({
      ok: true,
      value: { files: [{ path: '/a/hello.txt', size: 11, digests: { md5: HELLO_MD5, sha256: HELLO_SHA256 } }], skipped: [] },
    });
    await done;
    const job = onlyJob();
    expect(job.status).toBe('done');
    expect(job.files[0]?.digests?.md5).toBe(HELLO_MD5);
    // A progress event arriving after the answer must not bring the bar back.
    fake.emitProgress({ jobId: job.jobId, kind: 'hash', progress: progress(10) });
    expect(onlyJob().progress).toBeUndefined();
  });

  it('keeps per-file errors on the card, not in the error area', async () => {
    const done = hashPaths(['/a/gone.bin']);
    fake.hashCalls[0]!.resolve({
      ok: true,
      value: { files: [{ path: '/a/gone.bin', error: { code: 'ENOENT', message: '/a/gone.bin: no such file' } }], skipped: [] },
    });
    await done;
    expect(onlyJob()).toMatchObject({ status: 'failed', files: [{ error: { code: 'ENOENT' } }] });
    expect(state().errors).toEqual([]);
  });

  it('is done, not failed, when at least one file has digests', async () => {
    const done = hashPaths(['/a/gone.bin', '/a/here.bin']);
    fake.hashCalls[0]!.resolve({
      ok: true,
      value: {
        files: [
          { path: '/a/gone.bin', error: { code: 'ENOENT', message: 'no such file' } },
          { path: '/a/here.bin', size: 3, digests: { md5: '900150983cd24fb0d6963f7d28e17f72' } },
        ],
        skipped: [],
      },
    });
    await done;
    expect(onlyJob().status).toBe('done');
  });

  it('puts a failed job’s error envelope on its card', async () => {
    const done = hashPaths(['/a/x']);
    fake.hashCalls[0]!.resolve({ ok: false, error: { code: 'REFUSED_PATH', message: 'That path was not granted.' } });
    await done;
    expect(onlyJob()).toMatchObject({ status: 'failed', error: 'That path was not granted.' });
    expect(state().errors).toEqual([]);
  });

  it('fails the card instead of spinning when the bridge itself rejects', async () => {
    const done = hashPaths(['/a/x']);
    fake.hashCalls[0]!.reject(new Error('bridge gone'));
    await done;
    expect(onlyJob()).toMatchObject({ status: 'failed', error: 'bridge gone' });
  });

  it('keeps earlier cards, newest first', async () => {
    const first = hashPaths(['/a/first']);
    const second = hashPaths(['/a/second']);
    fake.hashCalls[0]!.resolve({ ok: true, value: { files: [], skipped: [] } });
    fake.hashCalls[1]!.resolve({ ok: true, value: { files: [], skipped: [] } });
    await Promise.all([first, second]);
    expect(state().jobs.map((j) => j.paths[0])).toEqual(['/a/second', '/a/first']);
  });
});

describe('cancelHash', () => {
  it('asks main to cancel and keeps the files that were done', async () => {
    const done = hashPaths(['/a/one', '/a/two']);
    const { jobId } = onlyJob();
    fake.emitProgress({ jobId, kind: 'hash', progress: progress(500) });
    await cancelHash(jobId);
    expect(fake.api.jobCancel).toHaveBeenCalledWith({ jobId });
    expect(onlyJob().cancelRequested).toBe(true);
    fake.hashCalls[0]!.resolve({
      ok: true,
      value: {
        files: [
          { path: '/a/one', size: 11, digests: { md5: HELLO_MD5 } },
          { path: '/a/two', size: 99, error: { code: 'CANCELLED', message: '/a/two: cancelled' } },
        ],
        skipped: [],
      },
    });
    await done;
    const job = onlyJob();
    expect(job.status).toBe('cancelled');
    expect(job.cancelRequested).toBe(false);
    expect(job.files[0]?.digests?.md5).toBe(HELLO_MD5);
    expect(job.progress?.bytesDone).toBe(500);
  });

  it('marks the card cancelled when main answers with a CANCELLED envelope', async () => {
    const done = hashPaths(['/a/one']);
    fake.hashCalls[0]!.resolve({ ok: false, error: { code: 'CANCELLED', message: 'cancelled' } });
    await done;
    expect(onlyJob()).toMatchObject({ status: 'cancelled', error: undefined });
  });

  it('shows a failed cancel on the card and lets the user try again', async () => {
    void hashPaths(['/a/one']);
    const { jobId } = onlyJob();
    fake.api.jobCancel.mockResolvedValueOnce({ ok: false, error: { code: 'FAILED', message: 'No such job.' } });
    await cancelHash(jobId);
    expect(onlyJob()).toMatchObject({ status: 'running', cancelRequested: false, error: 'No such job.' });
    expect(state().errors).toEqual([]);
  });
});

describe('openFiles and dropFiles', () => {
  it('hashes what the dialog returns', async () => {
    fake.api.dialogOpen.mockResolvedValueOnce({ ok: true, value: { paths: ['/picked/a.apk'] } });
    void openFiles();
    await flush();
    expect(fake.api.dialogOpen).toHaveBeenCalledWith({ kind: 'files', multiple: true });
    expect(onlyJob().paths).toEqual(['/picked/a.apk']);
  });

  it('does nothing when the dialog is closed without a choice', async () => {
    await openFiles();
    expect(state().jobs).toEqual([]);
    expect(fake.api.hashFiles).not.toHaveBeenCalled();
  });

  it('sends a dialog failure to the error area', async () => {
    fake.api.dialogOpen.mockResolvedValueOnce({ ok: false, error: { code: 'FAILED', message: 'The dialog could not open.' } });
    await openFiles();
    expect(state().errors.map((e) => e.message)).toEqual(['The dialog could not open.']);
  });

  it('registers dropped files with main, then hashes the granted paths', async () => {
    const files = [new File(['hello world'], 'hello.txt')];
    state().navigate('ota');
    void dropFiles(files);
    await flush();
    expect(fake.api.addDroppedFiles).toHaveBeenCalledWith(files);
    expect(onlyJob().paths).toEqual(['/dropped/hello.txt']);
    expect(state().screen).toBe('check');
  });

  it('sends a refused drop to the error area', async () => {
    fake.api.addDroppedFiles.mockResolvedValueOnce({
      ok: false,
      error: { code: 'NO_PATH', message: 'Nothing dropped is a file on this computer.' },
    });
    await dropFiles([new File(['x'], 'x.txt')]);
    expect(state().errors.map((e) => e.message)).toEqual(['Nothing dropped is a file on this computer.']);
    expect(state().jobs).toEqual([]);
  });
});

describe('chooseAlgorithms', () => {
  it('applies the choice in table order, saves it, and the next job uses it', async () => {
    fake.api.settingsSet.mockResolvedValueOnce({
      ok: true,
      value: { algorithms: ['md5', 'sha256'], encoding: 'hex', frontends: {}, theme: 'system' },
    });
    await expect(chooseAlgorithms(['sha256', 'md5'])).resolves.toBeUndefined();
    expect(state().algorithms).toEqual(['md5', 'sha256']);
    expect(fake.api.settingsSet).toHaveBeenCalledWith({ algorithms: ['md5', 'sha256'] });
    void hashPaths(['/a/x']);
    expect(fake.hashRequest().algorithms).toEqual(['md5', 'sha256']);
  });

  it('refuses an empty choice without saving it', async () => {
    await expect(chooseAlgorithms([])).resolves.toBe(strings.check.algorithms.keepOne);
    expect(state().algorithms).toEqual(['md5']);
    expect(fake.api.settingsSet).not.toHaveBeenCalled();
  });

  it('keeps the choice but says why it could not be saved', async () => {
    const message = await chooseAlgorithms(['blake3']);
    expect(state().algorithms).toEqual(['blake3']);
    expect(message).toBe(strings.check.algorithms.saveFailed('not used in this test'));
  });
});
