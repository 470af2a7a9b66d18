// @vitest-environment jsdom
// The OTA form against a fake main: the log read as it is pasted, validation next to the fields, the
// request sent, frontends remembered per URL, progress and cancel, a failed run keeping the last result,
// and what the frame routes here (a dropped HAR or report, the File menu).
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../main/common/ipc/contract.js';
import type { OtaReport } from '../../../main/common/ota/report.js';
import { routePaths } from '../../actions/routes.js';
import { runMenu } from '../../app/menu.js';
import { startWorkbench } from '../../actions/start.js';
import { strings } from '../../strings/index.js';
import { useWorkbench } from '../../store/index.js';
import { typeInto, useDom } from '../../test-support/dom.js';
import { deferred, flush, freshWorkbench, type FakeWorkbench } from '../../test-support/fake-workbench.js';
import { OtaScreen } from './OtaScreen.js';
import { FE2_FINGERPRINT, NAMES_ANOTHER_HOST, refusedCertificateReport, smallReport } from './report-fixture.js';
import { resetOta, useOta } from './store.js';

const URL_KEY = 'https://apps.example.com/MyApp/';
const LOG = [
  '2025-01-01 10:00:00 Checksum failed for file /MyApp/scripts/MyApp.controller.js?XrY7u+Ae7tCTyyK7j1rNww ' +
    'Received hash: XrY7u+Ae7tCTyyK7j1rNww | Calculated hash: b1dC0pyAe7tCTyyK7j1rNw',
  '',
  'hello there, nothing to see',
].join('\n');

/** Two turns of the event loop: the answer, then the turn the screen waits before drawing a report (nextTask). */
const settled = async () => {
  await flush();
  await flush();
};

const dom = useDom();
const { byTestId: $, $$ } = dom;
let fake: FakeWorkbench;
let stop: () => void;

beforeEach(() => {
  fake = freshWorkbench();
  resetOta();
  stop = startWorkbench();
});
afterEach(() => {
  stop();
});

const render = async () => {
  dom.render(<OtaScreen />);
  await act(settled);
};
const type = (testId: string, value: string) => typeInto($<HTMLInputElement | HTMLTextAreaElement>(testId)!, value);
const click = (testId: string) => act(() => $(testId)!.click());
const settings = (frontends: Record<string, Array<{ label: string; address: string }>>) =>
  fake.api.settingsGet.mockResolvedValue({ ok: true, value: { algorithms: ['md5'], encoding: 'hex', frontends, theme: 'system' } });

describe('the form', () => {
  it('lists the recognised log lines as they are pasted and follows the log for which files', async () => {
    await render();
    expect(($('ota-scope-all') as HTMLInputElement).checked).toBe(true);
    type('ota-log', LOG);
    const items = $$('[data-testid="ota-log-lines"] li');
    expect(items).toHaveLength(1);
    expect(items[0]?.textContent).toContain('Line 1:');
    expect(items[0]?.textContent).toContain('/MyApp/scripts/MyApp.controller.js');
    expect($('ota-log-unrecognised')?.textContent).toBe(strings.ota.log.unrecognised(1));
    expect(($('ota-scope-log') as HTMLInputElement).checked).toBe(true);
  });

  it('shows errors next to the fields, moves focus to the first, and does not run', async () => {
    await render();
    type('ota-app-url', 'https://apps.example.com/');
    click('ota-add-frontend');
    type('ota-frontend-label-0', 'FE 1');
    click('ota-run');
    await act(settled);
    expect($('ota-app-url-error')?.textContent).toBe(strings.ota.appUrl.errorPath);
    expect($('ota-frontend-error-0')?.textContent).toBe(strings.ota.frontends.errorLabel);
    expect($('ota-app-url')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe($('ota-app-url'));
    expect(fake.api.otaDiagnose).not.toHaveBeenCalled();
  });

  it('fills in the frontends remembered for the URL entered', async () => {
    settings({
      [URL_KEY]: [
        { label: 'FE1', address: '10.0.0.11' },
        { label: 'FE2', address: '10.0.0.12' },
      ],
    });
    await render();
    type('ota-app-url', 'https://apps.example.com/Other/');
    expect($('ota-frontend-label-0')).toBeNull();
    type('ota-app-url', 'https://apps.example.com/MyApp');
    expect($<HTMLInputElement>('ota-frontend-label-1')?.value).toBe('FE2');
    expect($<HTMLInputElement>('ota-frontend-address-1')?.value).toBe('10.0.0.12');
    expect($('ota-remembered')?.textContent).toBe(strings.ota.appUrl.remembered(2));
  });
});

describe('running', () => {
  it('sends the right request, saves the frontends for this URL, shows progress and cancels', async () => {
    settings({ 'https://other.example.com/App/': [{ label: 'A', address: '10.1.1.1' }] });
    fake.api.settingsSet.mockImplementation(async (s) => ({
      ok: true,
      value: { algorithms: ['md5'], encoding: 'hex', theme: 'system', frontends: s.frontends ?? {} },
    }));
    fake.api.dialogOpen.mockResolvedValueOnce({ ok: true, value: { paths: ['\\\\fe2\\share\\MyApp'] } });
    const answer = deferred<Envelope<OtaReport>>();
    fake.api.otaDiagnose.mockReturnValueOnce(answer.promise);
    await render();

    type('ota-log', LOG);
    type('ota-app-url', 'https://apps.example.com/MyApp/');
    click('ota-add-frontend');
    // Keyboard users land in the new row's address, its label already filled in.
    expect(document.activeElement).toBe($('ota-frontend-address-0'));
    type('ota-frontend-address-0', '10.0.0.11');
    click('ota-add-frontend');
    await act(async () => $('ota-frontend-folder-1')!.click());
    expect(fake.api.dialogOpen).toHaveBeenCalledWith({ kind: 'folder', multiple: false });
    click('ota-insecure');
    expect($('ota-insecure-warning')?.textContent).toBe(strings.ota.options.insecureWarning);
    click('ota-scope-chosen');
    type('ota-resources', '/MyApp/scripts/MyApp.controller.js\n/MyApp/css/MyApp.css');
    type('ota-timeout', '10');
    click('ota-run');
    await act(settled);

    const request = fake.api.otaDiagnose.mock.calls[0]![0];
    expect(request).toEqual({
      jobId: expect.any(String),
      sliced: true,
      appUrl: URL_KEY,
      logText: LOG,
      timeoutSeconds: 10,
      as: 'ios',
      insecure: true,
      samples: 3,
      vantage: 'agent',
      frontends: [
        { label: 'FE1', address: '10.0.0.11' },
        { label: 'FE2', address: '\\\\fe2\\share\\MyApp' },
      ],
      resources: ['/MyApp/scripts/MyApp.controller.js', '/MyApp/css/MyApp.css'],
    });
    expect(fake.api.settingsSet).toHaveBeenCalledWith({
      frontends: {
        'https://other.example.com/App/': [{ label: 'A', address: '10.1.1.1' }],
        [URL_KEY]: [
          { label: 'FE1', address: '10.0.0.11' },
          { label: 'FE2', address: '\\\\fe2\\share\\MyApp' },
        ],
      },
    });

    act(() => fake.emitProgress({ jobId: request.jobId, kind: 'ota', phase: 'moduleinfo', done: 0, total: 3 }));
    expect($('ota-progress')?.textContent).toContain('Reading moduleinfo…');
    act(() => fake.emitProgress({ jobId: request.jobId, kind: 'ota', phase: 'resources', done: 12, total: 40 }));
    expect($('ota-progress')?.textContent).toContain('Checking 12 of 40 files');
    act(() => fake.emitProgress({ jobId: 'someone-else', kind: 'ota', phase: 'resources', done: 1, total: 2 }));
    expect($('ota-progress')?.textContent).toContain('Checking 12 of 40 files');
    await act(async () => $('ota-cancel')!.click());
    expect(fake.api.jobCancel).toHaveBeenCalledWith({ jobId: request.jobId });

    await act(async () => answer.resolve({ ok: true, value: smallReport() }));
    await act(settled);
    expect($('ota-progress')).toBeNull();
    expect($('ota-verdict')?.textContent).toContain('Frontend FE2 serves an outdated copy of 1 file.');
  });

  it('shows a failed run next to Run and keeps the previous result', async () => {
    fake.api.otaDiagnose.mockResolvedValueOnce({ ok: true, value: smallReport() });
    fake.api.otaDiagnose.mockResolvedValueOnce({
      ok: false,
      error: { code: 'CANNOT_RUN', message: 'no usable moduleinfo: no copy of moduleinfo could be read' },
    });
    await render();
    type('ota-app-url', URL_KEY);
    click('ota-run');
    await act(settled);
    expect($('ota-verdict')).not.toBeNull();
    expect($('ota-error')).toBeNull();
    // The result first: the form folded into its summary, Edit opens it again.
    expect($('ota-run')?.closest('[hidden]')).not.toBeNull();
    expect($('ota-summary')?.textContent).toContain(URL_KEY);
    click('ota-edit');
    click('ota-run');
    await act(settled);
    expect($('ota-error')?.textContent).toContain('no usable moduleinfo');
    expect($('ota-error')?.textContent).toContain(strings.ota.run.keptPrevious);
    expect($('ota-verdict')?.textContent).toContain('Frontend FE2 serves an outdated copy of 1 file.');
  });
});

describe('a frontend’s trusted certificate', () => {
  const twoFrontends = async () => {
    await render();
    type('ota-app-url', URL_KEY);
    click('ota-add-frontend');
    type('ota-frontend-address-0', '10.0.0.11');
    click('ota-add-frontend');
    type('ota-frontend-address-1', 'https://10.0.0.12:8443');
  };

  it('is behind each row’s Certificate… button, checked next to the field, and sent by label', async () => {
    fake.api.otaDiagnose.mockResolvedValue({ ok: true, value: smallReport() });
    await twoFrontends();
    const toggle = $('ota-frontend-trust-toggle-1')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect($('ota-frontend-trust-1')).toBeNull();
    click('ota-frontend-trust-toggle-1');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const input = $<HTMLInputElement>('ota-frontend-trust-1')!;
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)?.contains(input)).toBe(true);
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe(strings.ota.frontends.trustHint);
    expect($('ota-frontend-trust-0')).toBeNull();

    type('ota-frontend-trust-1', 'AB:CD:EF');
    click('ota-run');
    await act(settled);
    expect($('ota-frontend-trust-error-1')?.textContent).toBe(strings.ota.frontends.trustError);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input);
    expect(fake.api.otaDiagnose).not.toHaveBeenCalled();

    type('ota-frontend-trust-1', `sha256:${FE2_FINGERPRINT}`);
    expect($('ota-frontend-trust-error-1')).toBeNull();
    click('ota-run');
    await act(settled);
    expect(fake.api.otaDiagnose.mock.calls[0]![0]).toMatchObject({
      frontends: [
        { label: 'FE1', address: '10.0.0.11' },
        { label: 'FE2', address: 'https://10.0.0.12:8443' },
      ],
      trust: { FE2: FE2_FINGERPRINT.replace(/:/g, '').toLowerCase() },
    });
    expect(fake.api.settingsSet).toHaveBeenCalledWith({
      frontends: {
        [URL_KEY]: [
          { label: 'FE1', address: '10.0.0.11' },
          { label: 'FE2', address: 'https://10.0.0.12:8443' },
        ],
      },
    });

    // Folded away, the button still says a fingerprint is given.
    click('ota-edit');
    const reopened = $('ota-frontend-trust-toggle-1')!;
    if (reopened.getAttribute('aria-expanded') === 'true') click('ota-frontend-trust-toggle-1');
    expect($('ota-frontend-trust-1')).toBeNull();
    expect(reopened.textContent).toBe(strings.ota.frontends.trustToggleGiven);
    expect(reopened.getAttribute('aria-label')).toBe(strings.ota.frontends.trustToggleLabel(1, true));
  });

  it('sends no trust when no row gives one', async () => {
    fake.api.otaDiagnose.mockResolvedValue({ ok: true, value: smallReport() });
    await twoFrontends();
    click('ota-frontend-trust-toggle-0');
    click('ota-run');
    await act(settled);
    expect(fake.api.otaDiagnose.mock.calls[0]![0]).not.toHaveProperty('trust');
  });

  it('opens by itself for a frontend whose certificate the check refused for naming another host', async () => {
    fake.api.otaDiagnose.mockResolvedValue({ ok: true, value: refusedCertificateReport(NAMES_ANOTHER_HOST) });
    await twoFrontends();
    click('ota-run');
    await act(settled);
    expect($('ota-verdict')).not.toBeNull();
    click('ota-edit');
    expect($('ota-frontend-trust-toggle-1')?.getAttribute('aria-expanded')).toBe('true');
    expect($('ota-frontend-trust-1')).not.toBeNull();
    expect($('ota-frontend-trust-0')).toBeNull();
  });
});

describe('from the frame', () => {
  it('takes a dropped HAR for the form', async () => {
    await render();
    useWorkbench.getState().navigate('check');
    expect(routePaths(['/captures/session.har'])).toEqual([]);
    await act(settled);
    expect(useWorkbench.getState().screen).toBe('ota');
    expect($('ota-har-path')?.textContent).toContain('session.har');
    click('ota-har-remove');
    expect($('ota-har-path')).toBeNull();
  });

  it('opens a dropped report in the result view, and hashes a .json that is no report', async () => {
    fake.api.reportOpen.mockImplementation(async ({ path }) =>
      path === '/r/case-123.json'
        ? { ok: true, value: { path, report: smallReport() } }
        : {
            ok: false,
            error: {
              code: 'INVALID',
              message: 'data.json: not a Hash Workbench OTA report (schema is not hash-workbench/ota-report)',
              details: { field: 'report', jsonPath: '$.schema', kind: 'not-a-report' },
            },
          },
    );
    await render();
    expect(routePaths(['/r/case-123.json'])).toEqual([]);
    await act(settled);
    expect(fake.api.reportOpen).toHaveBeenCalledWith({ path: '/r/case-123.json', sliced: true });
    expect($('ota-report-note')?.textContent).toBe('Opened from case-123.json');
    expect($('ota-verdict')).not.toBeNull();
    // Past the form, straight to what was opened.
    expect(document.activeElement?.textContent).toBe(strings.ota.result.heading);

    routePaths(['/r/data.json']);
    await act(settled);
    expect(fake.hashRequest().paths).toEqual(['/r/data.json']);
  });

  it('starts a fresh form from the menu, and exports the report shown (or says there is none)', async () => {
    fake.api.reportExport.mockResolvedValue({ ok: true, value: { paths: ['/r/a.html', '/r/a.json'] } });
    await render();
    act(() => void runMenu('export-report'));
    expect(useWorkbench.getState().errors.map((e) => e.message)).toEqual([strings.ota.menu.nothingToExport]);
    expect(fake.api.reportExport).not.toHaveBeenCalled();

    type('ota-app-url', URL_KEY);
    act(() => useOta.getState().showReport(smallReport(), 'opened'));
    await act(async () => void runMenu('export-report'));
    expect(fake.api.reportExport).toHaveBeenCalledWith({ report: useOta.getState().report, formats: ['html', 'json'] });
    expect($('ota-export-result')?.textContent).toBe('Saved: /r/a.html, /r/a.json');

    useWorkbench.getState().navigate('check');
    act(() => void runMenu('new-ota'));
    expect(useWorkbench.getState().screen).toBe('ota');
    expect($<HTMLInputElement>('ota-app-url')?.value).toBe('');
  });
});
