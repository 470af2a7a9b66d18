// @vitest-environment jsdom
// Start-up wiring: main's events reach the right actions, settings load, encoding choices are saved.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPaths } from '../screens/check/actions.js';
import { useCheckScreen } from '../screens/check/store.js';
import { strings } from '../strings/index.js';
import { useWorkbench } from '../store/index.js';
import { flush, freshWorkbench, type FakeWorkbench } from '../test-support/fake-workbench.js';
import { chooseEncoding, loadSettings } from './settings.js';
import { startWorkbench } from './start.js';

let fake: FakeWorkbench;
let stop: (() => void) | undefined;
const state = () => ({ ...useWorkbench.getState(), ...useCheckScreen.getState() });

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
    expect(fake.api.onJobProgress).toHaveBeenCalledTimes(1);
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

  it('answers every menu command through its one handler', async () => {
    stop = startWorkbench();
    fake.emitMenu('open-file');
    await flush();
    expect(fake.api.dialogOpen).toHaveBeenCalledWith({ kind: 'files', multiple: true });
    fake.emitMenu('new-ota');
    expect(state().screen).toBe('ota');
    fake.emitMenu('open-checksum');
    expect(state().screen).toBe('checksums');
    fake.emitMenu('customer-mode');
    expect(state().screen).toBe('customer');
    // Nothing shown to export: said, and the screen stays.
    fake.emitMenu('export-report');
    expect(state().screen).toBe('customer');
    expect(state().errors.map((e) => e.message)).toEqual([strings.ota.menu.nothingToExport]);
  });

  it("routes a running job's progress events to it, and no one else's", () => {
    stop = startWorkbench();
    void hashPaths(['/a']);
    const jobId = fake.hashRequest().jobId;
    const progress = { bytesDone: 5, totalBytes: 10, bytesPerSecond: 1, filesDone: 0, filesTotal: 1 };
    fake.emitProgress({ jobId: 'not-running', kind: 'hash', progress: { ...progress, bytesDone: 7 } });
    expect(state().jobs[0]?.progress).toBeUndefined();
    fake.emitProgress({ jobId, kind: 'hash', progress });
    expect(state().jobs[0]?.progress?.bytesDone).toBe(5);
  });
});

describe('settings', () => {
  it('takes the saved encoding and theme', async () => {
    fake.api.settingsGet.mockResolvedValueOnce({
      ok: true,
      value: { algorithms: ['md5'], encoding: 'outsystems', frontends: {}, theme: 'dark' },
    });
    await loadSettings();
    expect(state()).toMatchObject({ encoding: 'outsystems', theme: 'dark' });
  });

  it('keeps the defaults and says so when settings cannot be read', async () => {
    fake.api.settingsGet.mockResolvedValueOnce({ ok: false, error: { code: 'FAILED', message: 'disk full' } });
    await loadSettings();
    expect(state()).toMatchObject({ encoding: 'hex', theme: 'system' });
    expect(state().errors[0]?.message).toContain('disk full');
  });

  it('switches the encoding at once and saves it', async () => {
    fake.api.settingsSet.mockResolvedValueOnce({
      ok: true,
      value: { algorithms: ['md5'], encoding: 'base64', frontends: {}, theme: 'system' },
    });
    const saved = chooseEncoding('base64');
    expect(state().encoding).toBe('base64');
    await saved;
    expect(fake.api.settingsSet).toHaveBeenCalledWith({ encoding: 'base64' });
    expect(state().errors).toEqual([]);
  });

  it('reports an encoding that could not be saved, but keeps showing it', async () => {
    await chooseEncoding('HEX');
    expect(state().encoding).toBe('HEX');
    expect(state().errors[0]?.message).toContain('not used in this test');
  });
});
