// @vitest-environment jsdom
// Start-up wiring: main's events reach the right actions, settings load, encoding choices are saved.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useWorkbench } from '../store/index.js';
import { flush, freshWorkbench, type FakeWorkbench } from '../test-support/fake-workbench.js';
import { chooseEncoding, loadSettings } from './settings.js';
import { startWorkbench } from './start.js';

let fake: FakeWorkbench;
let stop: (() => void) | undefined;
const state = () => useWorkbench.getState();

beforeEach(() => {
  fake = freshWorkbench();
});
afterEach(() => {
  stop?.();
  stop = undefined;
});

describe('startWorkbench', () => {
  it('subscribes once, however often it is called, and unsubscribes', () => {
    stop = startWorkbench();
    startWorkbench();
    expect(fake.api.onProgress).toHaveBeenCalledTimes(1);
    expect(fake.listenerCount()).toBe(3);
    stop();
    stop = undefined;
    expect(fake.listenerCount()).toBe(0);
  });

  it('hashes files opened with the app', () => {
    stop = startWorkbench();
    state().navigate('reports');
    fake.emitOpenPaths({ kind: 'files', paths: ['/from/finder.zip'] });
    expect(state().jobs.map((j) => j.paths)).toEqual([['/from/finder.zip']]);
    expect(state().screen).toBe('check');
  });

  it('opens the file dialog for File > Open and navigates for the other menu commands', async () => {
    stop = startWorkbench();
    fake.emitMenu('open-file');
    await flush();
    expect(fake.api.openDialog).toHaveBeenCalledWith({ kind: 'files', multiple: true });
    fake.emitMenu('new-ota');
    expect(state().screen).toBe('ota');
    fake.emitMenu('open-checksum');
    expect(state().screen).toBe('checksums');
    fake.emitMenu('customer-mode');
    expect(state().screen).toBe('customer');
    fake.emitMenu('export-report');
    expect(state().screen).toBe('reports');
  });

  it('routes progress events to the store', () => {
    stop = startWorkbench();
    state().addJob('job-1', ['/a']);
    fake.emitProgress({
      jobId: 'job-1',
      kind: 'hash',
      progress: { bytesDone: 5, totalBytes: 10, bytesPerSecond: 1, filesDone: 0, filesTotal: 1 },
    });
    expect(state().jobs[0]?.progress?.bytesDone).toBe(5);
  });
});

describe('settings', () => {
  it('takes the saved encoding and theme', async () => {
    fake.api.getSettings.mockResolvedValueOnce({
      ok: true,
      value: { algorithms: ['md5'], encoding: 'outsystems', frontends: {}, theme: 'dark' },
    });
    await loadSettings();
    expect(state()).toMatchObject({ encoding: 'outsystems', theme: 'dark' });
  });

  it('keeps the defaults and says so when settings cannot be read', async () => {
    fake.api.getSettings.mockResolvedValueOnce({ ok: false, error: { code: 'FAILED', message: 'disk full' } });
    await loadSettings();
    expect(state()).toMatchObject({ encoding: 'hex', theme: 'system' });
    expect(state().errors[0]?.message).toContain('disk full');
  });

  it('switches the encoding at once and saves it', async () => {
    fake.api.setSettings.mockResolvedValueOnce({
      ok: true,
      value: { algorithms: ['md5'], encoding: 'base64', frontends: {}, theme: 'system' },
    });
    const saved = chooseEncoding('base64');
    expect(state().encoding).toBe('base64');
    await saved;
    expect(fake.api.setSettings).toHaveBeenCalledWith({ encoding: 'base64' });
    expect(state().errors).toEqual([]);
  });

  it('reports an encoding that could not be saved, but keeps showing it', async () => {
    await chooseEncoding('HEX');
    expect(state().encoding).toBe('HEX');
    expect(state().errors[0]?.message).toContain('not used in this test');
  });
});
