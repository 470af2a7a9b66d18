// @vitest-environment jsdom
// Check a file beyond the cards: pasting a hash to check, the algorithm choice, comparing two files.
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ALGORITHMS, DEFAULT_ALGORITHMS } from '../../../main/common/algorithms.js';
import type { CompareResult } from '../../../main/common/hash-types.js';
import { hashPaths } from './actions.js';
import { loadSettings } from '../../actions/settings.js';
import { strings } from '../../strings/index.js';
import { useWorkbench } from '../../store/index.js';
import { typeInto, useDom } from '../../test-support/dom.js';
import { flush, freshWorkbench, HELLO_MD5, HELLO_SHA256, type FakeWorkbench } from '../../test-support/fake-workbench.js';
import { CheckFileScreen } from './CheckFileScreen.js';
import { resetCheckScreen, useCheckScreen } from './store.js';

const dom = useDom();
const { $, $$, text } = dom;
let fake: FakeWorkbench;

beforeEach(() => {
  fake = freshWorkbench();
  resetCheckScreen();
  dom.render(<CheckFileScreen />);
});

function finishedCard(digests = { md5: HELLO_MD5, sha256: HELLO_SHA256 }): HTMLElement {
  act(() => {
    const s = useCheckScreen.getState();
    s.addJob('job-1', ['/a/hello.txt']);
    s.finishJob('job-1', { ok: true, value: { files: [{ path: '/a/hello.txt', size: 11, digests }], skipped: [] } });
  });
  return $('[data-testid="hash-card"]')!;
}

describe('paste a hash to check', () => {
  const paste = (card: HTMLElement, value: string) => typeInto($<HTMLTextAreaElement>('[data-testid="paste-box"]', card)!, value);
  const matchedRows = (card: HTMLElement) => $$('tr[data-match="true"]', card).map((r) => r.dataset.testid);

  it('is labelled and only on finished cards', () => {
    act(() => useCheckScreen.getState().addJob('job-0', ['/a/big.iso']));
    expect($('[data-testid="paste-box"]')).toBeNull();
    const card = finishedCard();
    const box = $<HTMLTextAreaElement>('[data-testid="paste-box"]', card)!;
    expect($(`label[for="${box.id}"]`)?.textContent).toBe(strings.check.paste.label);
    expect($('[data-testid="paste-result"]', card)).toBeNull();
  });

  it('marks the MD5 row for the hex digest, with a text mark', () => {
    const card = finishedCard();
    paste(card, HELLO_MD5);
    expect(matchedRows(card)).toEqual(['digest-md5']);
    expect(text('[data-testid="digest-md5"] [data-testid="match-mark"]', card)).toBe('✓ matches');
    const result = $('[data-testid="paste-result"]', card)!;
    expect(result.dataset.match).toBe('true');
    expect(text('.paste-verdict', result)).toBe('MATCH');
    expect(text('.paste-matches li', result)).toBe(`Matches MD5 (hex)${HELLO_MD5}`);
  });

  it('marks the MD5 row for the OutSystems form of the same bytes', () => {
    const card = finishedCard();
    paste(card, '  XrY7u+Ae7tCTyyK7j1rNww\n');
    expect(matchedRows(card)).toEqual(['digest-md5']);
    // The digest is shown as it was pasted.
    expect(text('[data-testid="paste-result"] .paste-matches li', card)).toBe('Matches MD5 (Base64 (no padding))XrY7u+Ae7tCTyyK7j1rNww');
  });

  it('names the digest of an upper-case SHA-256 and follows the text as it changes', () => {
    const card = finishedCard();
    paste(card, HELLO_SHA256.toUpperCase());
    expect(matchedRows(card)).toEqual(['digest-sha256']);
    expect(text('[data-testid="paste-result"] .paste-matches li', card)).toBe(`Matches SHA-256 (HEX)${HELLO_SHA256.toUpperCase()}`);
    paste(card, '');
    expect(matchedRows(card)).toEqual([]);
    expect($('[data-testid="paste-result"]', card)).toBeNull();
  });

  it('says what was tried when nothing matches, and which algorithms the card lacks', () => {
    const card = finishedCard();
    paste(card, '0123456789abcdef0123456789abcdef');
    expect(matchedRows(card)).toEqual([]);
    const result = $('[data-testid="paste-result"]', card)!;
    expect([result.dataset.match, result.dataset.verdict]).toEqual(['false', 'no-match']);
    expect(text('.paste-verdict', result)).toBe('NO MATCH');
    expect(text('p:not(.paste-verdict)', result)).toBe('No match. Tried: MD5, MD4 or XXH3-128 (hex)');
    expect(text('[data-testid="paste-enable"]', card)).toBe(strings.check.paste.enable(['MD4', 'XXH3-128']));
  });

  it('says which algorithm to enable when the paste names one the card did not compute', () => {
    const card = finishedCard();
    paste(card, `SHA1 (hello.txt) = ${'a'.repeat(40)}`);
    expect(text('[data-testid="paste-result"] p:not(.paste-verdict)', card)).toBe('No match. Tried: SHA-1 (hex)');
    expect(text('[data-testid="paste-enable"]', card)).toContain('SHA-1');
  });

  it('explains a paste that is not a hash', () => {
    const card = finishedCard();
    paste(card, 'hello there');
    const result = $('[data-testid="paste-result"]', card)!;
    // Styled apart from a plain "no match": its own verdict word and look.
    expect([result.dataset.match, result.dataset.verdict]).toEqual(['false', 'not-a-hash']);
    expect(result.className).toContain('paste-problem');
    expect(text('.paste-verdict', result)).toBe('NOT A HASH');
    expect(text('p:not(.paste-verdict)', result)).toMatch(/^This does not look like a hash: ./);
    expect(matchedRows(card)).toEqual([]);
  });
});

describe('algorithm choice', () => {
  const box = (id: string) => $<HTMLInputElement>(`[data-testid="algorithm-${id}"]`)!;
  const summary = () => text('[data-testid="algorithm-picker"] summary');

  it('starts with the six common algorithms, then shows the saved choice', async () => {
    expect(summary()).toBe(`Algorithms (6 of ${ALGORITHMS.length})`);
    expect(ALGORITHMS.filter((a) => box(a.id).checked).map((a) => a.id)).toEqual([...DEFAULT_ALGORITHMS]);
    await act(loadSettings); // the fake's saved settings: ['md5']
    expect(summary()).toBe(`Algorithms (1 of ${ALGORITHMS.length})`);
    expect(box('md5').checked).toBe(true);
    expect(box('sha256').checked).toBe(false);
  });

  it('saves each change and the next job uses it', async () => {
    fake.api.settingsSet.mockImplementation(async (patch) => ({
      ok: true,
      value: { algorithms: patch.algorithms ?? [], encoding: 'hex', frontends: {}, theme: 'system' },
    }));
    await act(async () => box('md5').click());
    expect(box('md5').checked).toBe(false);
    expect(fake.api.settingsSet).toHaveBeenLastCalledWith({ algorithms: DEFAULT_ALGORITHMS.filter((id) => id !== 'md5') });

    await act(async () => $('[data-testid="algorithms-common"]')!.click());
    expect(fake.api.settingsSet).toHaveBeenLastCalledWith({ algorithms: [...DEFAULT_ALGORITHMS] });
    expect(ALGORITHMS.filter((a) => box(a.id).checked).map((a) => a.id)).toEqual([...DEFAULT_ALGORITHMS]);
    void hashPaths(['/a/x']);
    expect(fake.hashRequest().algorithms).toEqual([...DEFAULT_ALGORITHMS]);

    await act(async () => $('[data-testid="algorithms-all"]')!.click());
    expect(fake.api.settingsSet).toHaveBeenLastCalledWith({ algorithms: ALGORITHMS.map((a) => a.id) });
    expect($('[data-testid="algorithms-error"]')).toBeNull();
  });

  it('keeps the last one chosen and says why, and shows a failed save next to the choice', async () => {
    await act(loadSettings);
    await act(async () => box('md5').click());
    expect(box('md5').checked).toBe(true);
    expect(text('[data-testid="algorithms-error"]')).toBe(strings.check.algorithms.keepOne);
    await act(async () => box('sha256').click());
    expect(box('sha256').checked).toBe(true);
    expect(text('[data-testid="algorithms-error"]')).toBe(strings.check.algorithms.saveFailed('not used in this test'));
  });
});

describe('compare two files', () => {
  const click = async (testId: string) => act(async () => $(`[data-testid="${testId}"]`)!.click());
  async function pickBoth(): Promise<void> {
    fake.api.dialogOpen.mockResolvedValueOnce({ ok: true, value: { paths: ['/a/one.bin'] } });
    await click('compare-pick-a');
    fake.api.dialogOpen.mockResolvedValueOnce({ ok: true, value: { paths: ['/b/two.bin'] } });
    await click('compare-pick-b');
  }

  it('picks one file each, then compares them', async () => {
    expect($<HTMLButtonElement>('[data-testid="compare-run"]')!.disabled).toBe(true);
    await pickBoth();
    expect(fake.api.dialogOpen).toHaveBeenCalledWith({ kind: 'files', multiple: false });
    expect(text('[data-testid="compare-name-a"]')).toBe('one.bin');
    expect(text('[data-testid="compare-name-b"]')).toBe('two.bin');
    fake.api.compareFiles.mockResolvedValueOnce({ ok: true, value: { equal: true, sizes: [11, 11] } });
    await click('compare-run');
    const request = fake.api.compareFiles.mock.calls[0]![0];
    expect(request).toMatchObject({ a: '/a/one.bin', b: '/b/two.bin' });
    expect(request.jobId).toMatch(/^[\w-]+$/);
    expect(text('[data-testid="compare-verdict"]')).toBe('The files are identical (11 bytes)');
    expect($('[data-testid="diff-view"]')).toBeNull();
  });

  it('shows where the files differ, both byte windows side by side with the byte marked', async () => {
    await pickBoth();
    const result: CompareResult = {
      equal: false,
      sizes: [11, 12],
      offset: 6,
      windows: [
        { start: 0, hex: '68 65 6c 6c 6f 20 77 6f 72 6c 64', text: 'hello world' },
        { start: 0, hex: '68 65 6c 6c 6f 20 57 6f 72 6c 64 21', text: 'hello World!' },
      ],
    };
    fake.api.compareFiles.mockResolvedValueOnce({ ok: true, value: result });
    await click('compare-run');
    const box = $('[data-testid="compare-result"]')!;
    expect(text('[data-testid="compare-verdict"]', box)).toBe('The files differ from byte 6 (counting from 0)');
    expect(box.textContent).toContain('Sizes: first 11 bytes, second 12 bytes');
    // The same viewer as the OTA evidence: whole bytes in rows with their offsets, the differing ones marked.
    expect($$('[data-testid="diff-offset"]', box).map((o) => o.textContent)).toEqual(['0', '8']);
    const rows = $$('[data-testid="diff-hex"] tbody tr', box);
    expect(rows[0]!.querySelectorAll('td')[2]!.textContent).toBe('68 65 6c 6c 6f 20 57 6f');
    expect($$('[data-testid="diff-changed"]', rows[0]!).map((m) => m.textContent)).toEqual(['77', 'w', '57', 'W']);
    expect($$('[data-testid="diff-changed"]', rows[1]!).map((m) => m.textContent)).toEqual(['21', '!']);
  });

  it('takes two files dropped on the section, or one dropped on a side', async () => {
    const drop = async (el: Element, names: string[]) =>
      act(async () => {
        const files = names.map((n) => new File(['x'], n));
        const ev = new Event('drop', { bubbles: true, cancelable: true });
        Object.defineProperty(ev, 'dataTransfer', { value: { types: ['Files'], files } });
        el.dispatchEvent(ev);
        await flush();
      });
    await drop($('[data-testid="compare"]')!, ['one.js', 'two.js']);
    expect([text('[data-testid="compare-name-a"]'), text('[data-testid="compare-name-b"]')]).toEqual(['one.js', 'two.js']);
    await drop($('[data-testid="compare-drop-a"]')!, ['three.js']);
    expect([text('[data-testid="compare-name-a"]'), text('[data-testid="compare-name-b"]')]).toEqual(['three.js', 'two.js']);
    // Kept from the window's drop: nothing was hashed.
    expect(fake.api.hashFiles).not.toHaveBeenCalled();
  });

  it('says why a comparison failed and keeps the earlier result', async () => {
    await pickBoth();
    fake.api.compareFiles.mockResolvedValueOnce({ ok: true, value: { equal: true, sizes: [3, 3] } });
    await click('compare-run');
    fake.api.compareFiles.mockResolvedValueOnce({ ok: false, error: { code: 'ENOENT', message: '/b/two.bin: no such file' } });
    await click('compare-run');
    expect(text('[data-testid="compare-error"]')).toBe(strings.check.compare.failed('/b/two.bin: no such file'));
    expect(text('[data-testid="compare-verdict"]')).toBe('The files are identical (3 bytes)');
    expect(useWorkbench.getState().errors).toEqual([]);
  });

  it('cancels a running comparison', async () => {
    await pickBoth();
    let answer!: (v: Awaited<ReturnType<FakeWorkbench['api']['compareFiles']>>) => void;
    fake.api.compareFiles.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    await click('compare-run');
    expect(text('[data-testid="compare-run"]')).toBe(strings.check.compare.running);
    await click('compare-cancel');
    expect(fake.api.jobCancel).toHaveBeenCalledWith({ jobId: fake.api.compareFiles.mock.calls[0]![0].jobId });
    await act(async () => {
      answer({ ok: false, error: { code: 'CANCELLED', message: 'comparison cancelled' } });
      await flush();
    });
    expect(dom.container.textContent).toContain(strings.check.compare.cancelled);
    expect($('[data-testid="compare-cancel"]')).toBeNull();
  });
});
