// Explorer's verbs and its burst of one process per selected file.
import { describe, expect, it } from 'vitest';
import { launchBurst, mergeLaunches, parseLaunch, type AppLaunch } from './launch-args.js';

describe('launch verbs', () => {
  it('--hash hashes even a checksum file; --verify verifies; neither lets the name decide', () => {
    expect(parseLaunch(['C:\\HW\\Hash Workbench.exe', '--hash', 'C:\\d\\SHA256SUMS'], true)).toEqual({
      mode: 'app',
      paths: ['C:\\d\\SHA256SUMS'],
      as: 'files',
    });
    expect(parseLaunch(['C:\\HW\\Hash Workbench.exe', '--verify', 'C:\\d\\a.sha256'], true)).toEqual({
      mode: 'app',
      paths: ['C:\\d\\a.sha256'],
      as: 'checksum',
    });
    expect(parseLaunch(['C:\\HW\\Hash Workbench.exe', 'C:\\d\\a.sha256'], true)).toEqual({ mode: 'app', paths: ['C:\\d\\a.sha256'] });
    expect(parseLaunch(['hw', '--cli', 'hash', '--hash'], true)).toEqual({ mode: 'cli', args: ['hash', '--hash'] });
  });

  it('joins a burst of launches into one per verb, in arrival order, each path once', () => {
    const l = (as: AppLaunch['as'], ...paths: string[]): AppLaunch => (as ? { mode: 'app', paths, as } : { mode: 'app', paths });
    expect(
      mergeLaunches([l('files', 'a'), l('files', 'b'), l('checksum', 's.sha256'), l('files', 'a', 'c'), l(undefined, 'r.json')]),
    ).toEqual([l('files', 'a', 'b', 'c'), l('checksum', 's.sha256'), l(undefined, 'r.json')]);
  });

  it('hands the burst on once no launch has come for a while', () => {
    const pending: (() => void)[] = [];
    const cleared: unknown[] = [];
    const delivered: AppLaunch[] = [];
    const push = launchBurst((x) => delivered.push(x), 300, {
      set: (f) => pending.push(f) - 1,
      clear: (t) => cleared.push(t),
    });
    for (const p of ['a', 'b', 'c']) push({ mode: 'app', paths: [p], as: 'files' });
    expect(delivered).toEqual([]);
    expect(cleared).toEqual([0, 1]); // each new launch restarts the wait
    pending[2]!();
    expect(delivered).toEqual([{ mode: 'app', paths: ['a', 'b', 'c'], as: 'files' }]);
  });
});
