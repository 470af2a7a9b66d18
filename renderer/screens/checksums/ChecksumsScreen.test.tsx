// @vitest-environment jsdom
// Checksum files: verifying (rows streamed from progress events, then main's final answer),
// cancelling, routing by drop/open-with and menu, and creating a checksum file.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../main/common/ipc/contract.js';
import type { VerifyEntryResult, VerifyResult } from '../../../main/common/hash-types.js';
import { dropFiles } from '../check/actions.js';
import { startWorkbench } from '../../actions/start.js';
import { strings } from '../../strings/index.js';
import { useWorkbench } from '../../store/index.js';
import { useDom } from '../../test-support/dom.js';
import {
  deferred,
  flush,
  freshWorkbench,
  HELLO_MD5,
  HELLO_SHA256,
  type Deferred,
  type FakeWorkbench,
} from '../../test-support/fake-workbench.js';
import { ChecksumsScreen } from './ChecksumsScreen.js';
import { useCheckScreen } from '../check/store.js';
import { resetChecksums } from './store.js';

const dom = useDom();
const { $, $$, text } = dom;
let fake: FakeWorkbench;
let stop: () => void;
/** One pending answer per verifyChecksumFile call, in call order. */
let verifyCalls: Array<Deferred<Envelope<VerifyResult>>>;

beforeEach(async () => {
  fake = freshWorkbench();
  resetChecksums();
  verifyCalls = [];
  fake.api.checksumVerify.mockImplementation(() => {
    const d = deferred<Envelope<VerifyResult>>();
    verifyCalls.push(d);
    return d.promise;
  });
  stop = startWorkbench();
  // The screen alone: its module registers the routes, as it does when App imports it.
  dom.render(<ChecksumsScreen />);
  await act(flush);
});
afterEach(() => {
  stop();
});

const click = (testId: string) => act(async () => dom.byTestId(testId)!.click());
const rows = (within?: ParentNode) =>
  $$('[data-testid="checksum-row"]', within).map((r) => [r.dataset.status, text('[data-testid="checksum-mark"]', r)]);

function entry(line: number, path: string, status: VerifyEntryResult['status'], extra: Partial<VerifyEntryResult> = {}): VerifyEntryResult {
  return {
    line,
    path,
    resolvedPath: `/sums/${path}`,
    format: 'gnu',
    status,
    expected: HELLO_SHA256,
    algorithm: 'sha256',
    tried: ['sha256'],
    algorithmSource: 'file-name',
    ...extra,
  };
}
const ok = entry(1, 'a.txt', 'ok', { actual: { sha256: HELLO_SHA256 } });
const bad = entry(2, 'b.txt', 'mismatch', { actual: { sha256: 'f'.repeat(64) } });
const gone = entry(3, 'c.txt', 'missing', { error: { code: 'ENOENT', message: 'c.txt: no such file' } });
const denied = entry(4, 'd.txt', 'error', { error: { code: 'EACCES', message: 'd.txt: permission denied' } });

async function openOne(path = '/sums/SHA256SUMS'): Promise<string> {
  fake.api.dialogOpen.mockResolvedValueOnce({ ok: true, value: { paths: [path] } });
  act(() => useWorkbench.getState().navigate('checksums'));
  await click('checksums-open');
  return fake.api.checksumVerify.mock.calls.at(-1)![0].jobId;
}

describe('verify a checksum file', () => {
  it('says what to do before anything is opened', () => {
    expect($('h1')?.textContent).toBe(strings.checksums.title);
    expect(text('[data-testid="empty-state"]')).toBe(strings.checksums.empty);
    expect(text('[data-testid="create-empty"]')).toBe(strings.checksums.create.empty);
  });

  it('shows each line as main checks it, then the final answer with its summary and problems', async () => {
    const jobId = await openOne();
    expect(fake.api.dialogOpen).toHaveBeenCalledWith({ kind: 'checksum', multiple: true });
    expect(fake.api.checksumVerify).toHaveBeenCalledWith({ jobId, path: '/sums/SHA256SUMS' });
    const card = $('[data-testid="checksum-card"]')!;
    expect(card.dataset.status).toBe('running');
    expect(text('[data-testid="checksum-progress"]', card)).toBe(strings.checksums.starting);

    act(() => fake.emitProgress({ jobId, kind: 'verify', entry: ok, index: 0, total: 4 }));
    expect(rows(card)).toEqual([['ok', '✓ OK']]);
    expect(text('[data-testid="checksum-progress"]', card)).toBe('1 of 4');
    // Another run's lines stay off this card.
    act(() => fake.emitProgress({ jobId: 'other', kind: 'verify', entry: bad, index: 1, total: 4 }));
    act(() => fake.emitProgress({ jobId, kind: 'verify', entry: bad, index: 1, total: 4 }));
    expect(rows(card)).toEqual([
      ['ok', '✓ OK'],
      ['mismatch', '✗ FAILED'],
    ]);
    expect(text('[data-testid="checksum-progress"]', card)).toBe('2 of 4');
    expect($('[data-testid="checksum-summary"]', card)).toBeNull();

    await act(async () => {
      verifyCalls[0]!.resolve({
        ok: true,
        value: {
          checksumFile: '/sums/SHA256SUMS',
          entries: [ok, bad, gone, denied],
          problems: [{ line: 7, text: 'not a checksum line', reason: 'expected a digest and a name' }],
          summary: { ok: 1, mismatch: 1, missing: 1, error: 1 },
        },
      });
      await flush();
    });
    expect(card.dataset.status).toBe('done');
    expect($('[data-testid="checksum-progress"]', card)).toBeNull();
    expect(rows(card)).toEqual([
      ['ok', '✓ OK'],
      ['mismatch', '✗ FAILED'],
      ['missing', '? MISSING'],
      ['error', '! ERROR: d.txt: permission denied'],
    ]);
    expect(text('[data-testid="checksum-summary"]', card)).toBe('1 OK, 1 failed, 1 missing, 1 error');
    expect($$('[data-testid="checksum-problem"]', card).map((p) => p.textContent)).toEqual(['Line 7: expected a digest and a name']);
    const failed = $$('[data-testid="checksum-row"]', card)[1]!;
    expect(failed.textContent).toContain('b.txt');
    expect(failed.textContent).toContain('f'.repeat(64));
  });

  it('lists the counts problems first, each going to its first entry; filters, copies and saves the problems', async () => {
    await openOne('/sums/SHA256SUMS');
    const denied2 = entry(5, 'e.txt', 'error', { error: { code: 'EACCES', message: 'e.txt: permission denied' } });
    const problems = [{ line: 7, text: 'not a checksum line', reason: 'expected a digest and a name' }];
    await act(async () => {
      verifyCalls[0]!.resolve({
        ok: true,
        value: {
          checksumFile: '/sums/SHA256SUMS',
          entries: [ok, bad, gone, denied, denied2],
          problems,
          summary: { ok: 1, mismatch: 1, missing: 1, error: 2 },
        },
      });
      await flush();
    });
    const card = $('[data-testid="checksum-card"]')!;
    expect($$('.checksum-jump', card).map((b) => [b.dataset.testid, b.textContent])).toEqual([
      ['checksum-jump-mismatch', '1 failed'],
      ['checksum-jump-missing', '1 missing'],
      ['checksum-jump-error', '2 errors'],
      ['checksum-jump-ok', '1 OK'],
    ]);
    await click('checksum-jump-error');
    expect(document.activeElement?.textContent).toContain('d.txt');

    await click('checksum-only-problems');
    expect(rows(card).map(([status]) => status)).toEqual(['mismatch', 'missing', 'error', 'error']);
    // Going to the OK line shows everything again.
    await click('checksum-jump-ok');
    expect(rows(card)).toHaveLength(5);
    expect(document.activeElement?.textContent).toContain('a.txt');
    expect((dom.byTestId('checksum-only-problems') as HTMLInputElement).checked).toBe(false);

    const expected = [
      'Problems found checking /sums/SHA256SUMS',
      `✗ FAILED  line 2  b.txt  expected ${HELLO_SHA256}, got sha256 ${'f'.repeat(64)}`,
      '? MISSING  line 3  c.txt',
      '! ERROR  line 4  d.txt  d.txt: permission denied',
      '! ERROR  line 5  e.txt  e.txt: permission denied',
      'Line 7: expected a digest and a name: not a checksum line',
      '',
    ].join('\n');
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await click('checksum-copy-problems');
    expect(writeText).toHaveBeenCalledWith(expected);
    expect(text('[data-testid="checksum-copy-problems"]')).toBe(strings.checksums.copied);

    fake.api.checksumSaveProblems.mockResolvedValueOnce({ ok: true, value: { path: '/sums/SHA256SUMS-problems.txt' } });
    await click('checksum-save-problems');
    expect(fake.api.checksumSaveProblems).toHaveBeenCalledWith({ name: 'SHA256SUMS', text: expected });
    expect(text('[data-testid="checksum-problems-saved"]')).toBe(strings.checksums.savedProblems('/sums/SHA256SUMS-problems.txt'));
    // The dialog closed without a choice: what was saved stays said.
    fake.api.checksumSaveProblems.mockResolvedValueOnce({ ok: true, value: {} });
    await click('checksum-save-problems');
    expect($('[data-testid="checksum-problems-saved"]')).not.toBeNull();
    fake.api.checksumSaveProblems.mockResolvedValueOnce({ ok: false, error: { code: 'EACCES', message: 'read-only folder' } });
    await click('checksum-save-problems');
    expect(text('[data-testid="checksum-problems-error"]')).toBe(strings.checksums.saveProblemsFailed('read-only folder'));
  });

  it('offers no problem tools for an all-good file, only its count', async () => {
    await openOne();
    await act(async () => {
      verifyCalls[0]!.resolve({
        ok: true,
        value: { checksumFile: '/sums/SHA256SUMS', entries: [ok], problems: [], summary: { ok: 1, mismatch: 0, missing: 0, error: 0 } },
      });
      await flush();
    });
    expect($$('.checksum-jump').map((b) => b.textContent)).toEqual(['1 OK']);
    expect($('[data-testid="checksum-only-problems"]')).toBeNull();
    expect($('[data-testid="checksum-copy-problems"]')).toBeNull();
  });

  it('names the algorithm, and says when it was found by digest length', async () => {
    const jobId = await openOne('/sums/list.txt');
    const guessed = entry(1, 'a.bin', 'ok', {
      algorithmSource: 'digest-length',
      algorithm: 'md5',
      tried: ['md5', 'md4', 'xxh3-128'],
      expected: HELLO_MD5,
    });
    const unsure = entry(2, 'b.bin', 'mismatch', {
      algorithmSource: 'digest-length',
      algorithm: undefined,
      tried: ['md5', 'md4'],
      expected: HELLO_MD5,
    });
    act(() => fake.emitProgress({ jobId, kind: 'verify', entry: guessed, index: 0, total: 2 }));
    act(() => fake.emitProgress({ jobId, kind: 'verify', entry: unsure, index: 1, total: 2 }));
    expect($$('[data-testid="checksum-algorithm"]').map((a) => a.textContent)).toEqual([
      'MD5 (found by digest length)',
      'MD5 or MD4 (found by digest length)',
    ]);
  });

  it('sums up an all-good file without errors', async () => {
    await openOne();
    await act(async () => {
      verifyCalls[0]!.resolve({
        ok: true,
        value: { checksumFile: '/sums/SHA256SUMS', entries: [ok], problems: [], summary: { ok: 1, mismatch: 0, missing: 0, error: 0 } },
      });
      await flush();
    });
    expect(text('[data-testid="checksum-summary"]')).toBe('1 OK, 0 failed, 0 missing');
    expect($('[data-testid="checksum-problem"]')).toBeNull();
  });

  it('cancels, keeping the lines already checked', async () => {
    const jobId = await openOne();
    act(() => fake.emitProgress({ jobId, kind: 'verify', entry: ok, index: 0, total: 40 }));
    await click('checksum-cancel');
    expect(fake.api.jobCancel).toHaveBeenCalledWith({ jobId });
    expect($<HTMLButtonElement>('[data-testid="checksum-cancel"]')!.disabled).toBe(true);
    await act(async () => {
      verifyCalls[0]!.resolve({ ok: false, error: { code: 'CANCELLED', message: 'cancelled' } });
      await flush();
    });
    const card = $('[data-testid="checksum-card"]')!;
    expect(card.dataset.status).toBe('cancelled');
    expect(rows(card)).toEqual([['ok', '✓ OK']]);
    expect(card.textContent).toContain(strings.checksums.stoppedAfter(1, 40));
    expect($('[data-testid="checksum-cancel"]')).toBeNull();
  });

  it('shows a file that cannot be read on its own card, earlier cards kept', async () => {
    await openOne('/sums/first.sha256');
    await act(async () => {
      verifyCalls[0]!.resolve({
        ok: true,
        value: { checksumFile: '/sums/first.sha256', entries: [ok], problems: [], summary: { ok: 1, mismatch: 0, missing: 0, error: 0 } },
      });
      await flush();
    });
    await openOne('/sums/broken.md5');
    await act(async () => {
      verifyCalls[1]!.resolve({ ok: false, error: { code: 'PARSE', message: '/sums/broken.md5: line 1: expected a checksum line' } });
      await flush();
    });
    const cards = $$('[data-testid="checksum-card"]');
    expect(cards.map((c) => c.dataset.status)).toEqual(['failed', 'done']);
    expect(text('[data-testid="checksum-error"]', cards[0])).toBe('/sums/broken.md5: line 1: expected a checksum line');
    expect($('[data-testid="checksum-summary"]', cards[0])).toBeNull();
    expect(useWorkbench.getState().errors).toEqual([]);
  });
});

describe('routes into the screen', () => {
  it('verifies checksum files opened with the app, one card each, newest first', () => {
    act(() => useWorkbench.getState().navigate('ota'));
    act(() => fake.emitOpenPaths({ kind: 'checksum', paths: ['/x/one.md5', '/x/two.sfv'] }));
    expect(useWorkbench.getState().screen).toBe('checksums');
    expect(fake.api.checksumVerify.mock.calls.map((c) => c[0].path)).toEqual(['/x/one.md5', '/x/two.sfv']);
    expect(fake.api.hashFiles).not.toHaveBeenCalled();
    expect($$('[data-testid="checksum-card"] h2').map((h) => h.textContent)).toEqual(['two.sfv', 'one.md5']);
  });

  it('sends dropped checksum files here and other files to be hashed', async () => {
    const files = [new File(['x'], 'SHA256SUMS'), new File(['y'], 'photo.jpg')];
    await act(async () => {
      void dropFiles(files);
      await flush();
    });
    expect(fake.api.checksumVerify.mock.calls.map((c) => c[0].path)).toEqual(['/dropped/SHA256SUMS']);
    expect(fake.hashRequest().paths).toEqual(['/dropped/photo.jpg']);
  });

  it('opens the checksum dialog from File > Open Checksum File…', async () => {
    act(() => useWorkbench.getState().navigate('reports'));
    await act(async () => {
      fake.emitMenu('open-checksum');
      await flush();
    });
    expect(useWorkbench.getState().screen).toBe('checksums');
    expect(fake.api.dialogOpen).toHaveBeenCalledWith({ kind: 'checksum', multiple: true });
    expect(fake.api.checksumVerify).not.toHaveBeenCalled();
  });
});

describe('create a checksum file', () => {
  function hashed(): void {
    act(() => {
      const s = useCheckScreen.getState();
      s.addJob('job-1', ['/a/hello.txt', '/a/abc.txt']);
      s.finishJob('job-1', {
        ok: true,
        value: {
          files: [
            { path: '/a/hello.txt', size: 11, digests: { md5: HELLO_MD5, sha256: HELLO_SHA256, crc32: '0d4a1185' } },
            { path: '/a/abc.txt', size: 3, digests: { md5: '900150983cd24fb0d6963f7d28e17f72' } },
          ],
          skipped: [],
        },
      });
      useWorkbench.getState().navigate('checksums');
    });
  }
  const select = (testId: string) => $<HTMLSelectElement>(`[data-testid="${testId}"]`)!;
  const choose = (testId: string, value: string) =>
    act(() => {
      select(testId).value = value;
      select(testId).dispatchEvent(new Event('change', { bubbles: true }));
    });

  it('offers only the algorithms the hashed files have, and saves the chosen format', async () => {
    hashed();
    expect([...select('create-algorithm').options].map((o) => o.value)).toEqual(['md5', 'sha256', 'crc32']);
    expect(select('create-algorithm').value).toBe('sha256');
    expect(text('[data-testid="create-left-out"]')).toContain('1 file was not hashed with SHA-256');
    choose('create-format', 'bsd');
    choose('create-algorithm', 'md5');
    fake.api.checksumSave.mockResolvedValueOnce({ ok: true, value: { path: '/a/checksums.md5' } });
    await click('create-save');
    expect(fake.api.checksumSave).toHaveBeenCalledWith({
      format: 'bsd',
      entries: [
        { path: '/a/hello.txt', algorithm: 'md5', digestHex: HELLO_MD5 },
        { path: '/a/abc.txt', algorithm: 'md5', digestHex: '900150983cd24fb0d6963f7d28e17f72' },
      ],
    });
    expect(text('[data-testid="create-result"]')).toBe('Saved to /a/checksums.md5');
  });

  it('forces CRC32 for SFV', async () => {
    hashed();
    choose('create-format', 'sfv');
    expect(select('create-algorithm').value).toBe('crc32');
    expect(select('create-algorithm').disabled).toBe(true);
    fake.api.checksumSave.mockResolvedValueOnce({ ok: true, value: {} });
    await click('create-save');
    expect(fake.api.checksumSave).toHaveBeenCalledWith({
      format: 'sfv',
      entries: [{ path: '/a/hello.txt', algorithm: 'crc32', digestHex: '0d4a1185' }],
    });
    // The save dialog was closed: nothing saved, nothing to say.
    expect($('[data-testid="create-result"]')).toBeNull();
  });

  it('shows a failed save next to the form', async () => {
    hashed();
    fake.api.checksumSave.mockResolvedValueOnce({ ok: false, error: { code: 'EACCES', message: 'permission denied' } });
    await click('create-save');
    expect(text('[data-testid="create-error"]')).toBe(strings.checksums.create.failed('permission denied'));
    expect($<HTMLButtonElement>('[data-testid="create-save"]')!.disabled).toBe(false);
  });
});
