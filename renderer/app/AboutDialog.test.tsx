// @vitest-environment jsdom
// Help > About: opens modally from the menu, lists implementations and fallbacks, closes with
// Escape or Close and gives focus back.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../main/common/ipc/contract.js';
import { startWorkbench } from '../actions/start.js';
import { aboutStrings } from './about-strings.js';
import { useDom } from '../test-support/dom.js';
import { flush, freshWorkbench, type FakeWorkbench } from '../test-support/fake-workbench.js';
import { AboutDialog, useAbout } from './AboutDialog.js';

// jsdom has <dialog> but not its methods: these do what Chromium does that matters here.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  if (!this.open) return;
  this.removeAttribute('open');
  this.dispatchEvent(new Event('close'));
};
/** Escape on a modal dialog: the browser fires cancel, then closes it. */
function pressEscape(dialog: HTMLDialogElement): void {
  if (dialog.dispatchEvent(new Event('cancel', { cancelable: true }))) dialog.close();
}

const INFO: AppInfo = {
  version: '0.1.0',
  platform: 'darwin',
  arch: 'arm64',
  implementations: { md5: 'node', blake3: 'wasm', crc32: 'native' },
  fallbacks: ['BLAKE3: native package not loaded, using wasm'],
};

const dom = useDom();
let fake: FakeWorkbench;
let stop: () => void;
let opener: HTMLButtonElement;

beforeEach(() => {
  fake = freshWorkbench();
  useAbout.setState(useAbout.getInitialState(), true);
  stop = startWorkbench();
  dom.render(<AboutDialog />);
  // Added after the first render: React empties its container when it first draws into it.
  opener = document.createElement('button');
  dom.container.prepend(opener);
});
afterEach(() => {
  stop();
});

const dialog = () => dom.byTestId<HTMLDialogElement>('about-dialog')!;
const text = (testId: string) => dom.byTestId(testId, dialog())?.textContent;

async function openFromMenu(info: Awaited<ReturnType<FakeWorkbench['api']['appInfo']>>): Promise<void> {
  fake.api.appInfo.mockResolvedValueOnce(info);
  opener.focus();
  await act(async () => {
    fake.emitMenu('about');
    await flush();
  });
}

describe('About', () => {
  it('is closed until the menu asks for it', () => {
    expect(dialog().open).toBe(false);
    expect(fake.api.appInfo).not.toHaveBeenCalled();
  });

  it('shows the version, platform, each algorithm’s implementation and the fallbacks', async () => {
    await openFromMenu({ ok: true, value: INFO });
    expect(dialog().open).toBe(true);
    expect(text('about-version')).toBe('0.1.0');
    expect(text('about-platform')).toBe('macOS (arm64)');
    expect(text('about-impl-md5')).toBe(`MD5${aboutStrings.implementations.node}`);
    expect(text('about-impl-blake3')).toBe(`BLAKE3${aboutStrings.implementations.wasm}`);
    expect(text('about-impl-sha256')).toBe(`SHA-256${aboutStrings.unavailable}`);
    expect(text('about-fallbacks')).toBe('BLAKE3: native package not loaded, using wasm');
  });

  it('says when every native acceleration loaded', async () => {
    await openFromMenu({ ok: true, value: { ...INFO, fallbacks: [] } });
    expect(text('about-fallbacks')).toBe(aboutStrings.allNative);
  });

  it('says why it has no details when main cannot tell', async () => {
    await openFromMenu({ ok: false, error: { code: 'FAILED', message: 'no pool' } });
    expect(text('about-error')).toBe(aboutStrings.failed('no pool'));
  });

  it('closes with Escape and with Close, giving focus back', async () => {
    await openFromMenu({ ok: true, value: INFO });
    expect(document.activeElement).toBe(dialog().querySelector('[data-testid="about-close"]'));
    act(() => pressEscape(dialog()));
    expect(dialog().open).toBe(false);
    expect(useAbout.getState().open).toBe(false);
    expect(document.activeElement).toBe(opener);

    await openFromMenu({ ok: true, value: INFO });
    act(() => dialog().querySelector<HTMLButtonElement>('[data-testid="about-close"]')!.click());
    expect(dialog().open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });
});
