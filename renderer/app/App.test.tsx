// @vitest-environment jsdom
// Renders the real App in jsdom: the frame, the empty state, a finished card, errors and the drop overlay.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ALGORITHMS } from '../../main/common/algorithms.js';
import { strings } from '../strings/index.js';
import { useWorkbench } from '../store/index.js';
import { useDom } from '../test-support/dom.js';
import { flush, freshWorkbench, HELLO_MD5, HELLO_SHA256, type FakeWorkbench } from '../test-support/fake-workbench.js';
import { useCheckScreen } from '../screens/check/store.js';
import { App } from './App.js';

/** Two turns of the event loop: an answer, then the turn the OTA screen waits before drawing a report (nextTask). */
const settled = async () => {
  await flush();
  await flush();
};

const dom = useDom();
const { $, $$ } = dom;
let fake: FakeWorkbench;

beforeEach(() => {
  fake = freshWorkbench();
});

const render = () => dom.render(<App />);
const button = (name: string, within: ParentNode = dom.container) => {
  const found = $$('button', within).find((b) => b.textContent === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};

/** A drag event as Chromium sends it for files; jsdom has no DragEvent, so the field is attached. */
function dragEvent(type: string, files: File[] = []): Event {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files, dropEffect: 'none' } });
  return event;
}

describe('frame', () => {
  it('shows landmarks, the current screen in the nav, and the empty state', () => {
    render();
    expect($('header')?.textContent).toContain(strings.appName);
    expect($('nav')?.getAttribute('aria-label')).toBe(strings.nav.label);
    expect($('main')).not.toBeNull();
    expect(button(strings.nav.check).getAttribute('aria-current')).toBe('page');
    expect($('[data-testid="empty-state"]')?.textContent).toBe(strings.check.empty);
    expect($('[data-testid="hash-card"]')).toBeNull();
  });

  it('navigates between screens, marking the current one', () => {
    render();
    act(() => button(strings.nav.reports).click());
    expect(button(strings.nav.reports).getAttribute('aria-current')).toBe('page');
    expect(button(strings.nav.check).hasAttribute('aria-current')).toBe(false);
    expect($('h1')?.textContent).toBe(strings.nav.reports);
  });

  it('lists errors in an alert and dismisses them', () => {
    render();
    expect($('[role="alert"]')).toBeNull();
    act(() => useWorkbench.getState().pushError('The dialog could not open.'));
    expect($('[role="alert"]')?.textContent).toContain('The dialog could not open.');
    act(() => button(strings.errors.dismiss).click());
    expect($('[role="alert"]')).toBeNull();
  });

  it('follows the theme setting with data-theme, and the OS without it', () => {
    render();
    act(() => useWorkbench.getState().setTheme('dark'));
    expect(document.documentElement.dataset.theme).toBe('dark');
    act(() => useWorkbench.getState().setTheme('system'));
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });
});

describe('check a file', () => {
  it('shows a running card with its progress and a Cancel button', async () => {
    render();
    // Started at 0 ms, the event arrives at 2,000 ms: 400 MB in 2 s, 600 MB to go at that speed.
    act(() => useCheckScreen.getState().addJob('job-1', ['/a/big.iso'], 0));
    act(() =>
      useCheckScreen.getState().applyProgress(
        {
          jobId: 'job-1',
          kind: 'hash',
          progress: { bytesDone: 400_000_000, totalBytes: 1_000_000_000, bytesPerSecond: 0, filesDone: 0, filesTotal: 1 },
        },
        2000,
      ),
    );
    const card = $('[data-testid="hash-card"]')!;
    const bar = $<HTMLProgressElement>('[data-testid="progress"]', card)!;
    expect(bar.value).toBe(40);
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect($('[data-testid="progress-text"]', card)?.textContent).toBe('40% · 400.0 MB / 1.0 GB · 200.0 MB/s · 3 s left');
    act(() => button('Cancel', card).click());
    await act(settled);
    expect(fake.api.jobCancel).toHaveBeenCalledWith({ jobId: 'job-1' });
  });

  it('shows every digest of a finished card in the chosen encoding, with Copy and Copy all', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const all = Object.fromEntries(ALGORITHMS.map((a) => [a.id, '00'.repeat(a.digestBytes)]));
    render();
    act(() => {
      const s = useCheckScreen.getState();
      s.addJob('job-1', ['/a/hello.txt']);
      s.finishJob('job-1', {
        ok: true,
        value: { files: [{ path: '/a/hello.txt', size: 11, digests: { ...all, md5: HELLO_MD5, sha256: HELLO_SHA256 } }], skipped: [] },
      });
    });
    const card = $('[data-testid="hash-card"]')!;
    expect($('[data-testid="card-status"]', card)?.textContent).toBe(strings.card.status.done);
    expect($('[data-testid="progress"]', card)).toBeNull();
    expect($$('tr[data-testid^="digest-"]', card)).toHaveLength(ALGORITHMS.length);
    const md5 = () => $('[data-testid="digest-md5"] [data-testid="digest-value"]', card)?.textContent;
    expect(md5()).toBe(HELLO_MD5);

    // Switching the encoding re-writes what is shown and what is copied.
    const select = $<HTMLSelectElement>('[data-testid="encoding"]')!;
    act(() => {
      select.value = 'outsystems';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(md5()).toBe('XrY7u+Ae7tCTyyK7j1rNww');

    const row = $('[data-testid="digest-md5"]', card)!;
    await act(async () => button('Copy', row).click());
    expect(writeText).toHaveBeenLastCalledWith('XrY7u+Ae7tCTyyK7j1rNww');
    expect($('button', row)?.textContent).toBe(strings.card.copied);

    await act(async () => button(strings.card.copyAll, card).click());
    const lines = writeText.mock.lastCall?.[0].split('\n') ?? [];
    expect(lines).toHaveLength(ALGORITHMS.length);
    expect(lines[0]).toBe('MD5  XrY7u+Ae7tCTyyK7j1rNww');
  });

  it('shows a file’s error and a cancelled job on the card', () => {
    render();
    act(() => {
      const s = useCheckScreen.getState();
      s.addJob('job-1', ['/a/one', '/a/two']);
      s.requestCancel('job-1');
      s.finishJob('job-1', {
        ok: true,
        value: {
          files: [
            { path: '/a/one', error: { code: 'EACCES', message: '/a/one: permission denied' } },
            { path: '/a/two', error: { code: 'CANCELLED', message: '/a/two: cancelled' } },
          ],
          skipped: [],
        },
      });
    });
    const card = $('[data-testid="hash-card"]')!;
    expect($('[data-testid="card-status"]', card)?.textContent).toBe('Cancelled');
    expect($('[data-testid="file-error"]', card)?.textContent).toBe('/a/one: permission denied');
    expect($('[data-testid="file-cancelled"]', card)).not.toBeNull();
    expect($$('button', card).some((b) => b.textContent === 'Cancel')).toBe(false);
  });
});

describe('drop anywhere', () => {
  it('shows the overlay while files are dragged and hashes what is dropped', async () => {
    render();
    act(() => useWorkbench.getState().navigate('ota'));
    act(() => void window.dispatchEvent(dragEvent('dragenter')));
    expect($('[data-testid="drop-overlay"]')?.textContent).toBe(strings.drop.overlay);
    const file = new File(['hello world'], 'hello.txt');
    const drop = dragEvent('drop', [file]);
    act(() => void window.dispatchEvent(drop));
    expect(drop.defaultPrevented).toBe(true);
    expect($('[data-testid="drop-overlay"]')).toBeNull();
    await act(settled);
    expect(fake.api.addDroppedFiles).toHaveBeenCalledWith([file]);
    expect(fake.hashRequest().paths).toEqual(['/dropped/hello.txt']);
    expect($('h1')?.textContent).toBe(strings.check.title);
    expect($('[data-testid="hash-card"] h2')?.textContent).toBe('hello.txt');
  });

  it('hides the overlay when the drag leaves the window', () => {
    render();
    act(() => void window.dispatchEvent(dragEvent('dragenter')));
    act(() => void window.dispatchEvent(dragEvent('dragleave')));
    expect($('[data-testid="drop-overlay"]')).toBeNull();
  });
});
