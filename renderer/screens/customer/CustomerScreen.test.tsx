// @vitest-environment jsdom
// Customer mode in jsdom: walking the steps, a case file filling them in, the diagnose request, the
// progress, the result and its save, support's case form, failures that keep the inputs, and no jargon.
import { checkReport } from '../../../main/common/ota/report.js';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../main/common/ipc/contract.js';
import { REPORT_SCHEMA, type OtaReport } from '../../../main/common/ota/report.js';
import { testRun } from '../../../main/common/ota/test-support/report-parts.js';
import { routePaths } from '../../actions/routes.js';
import { runMenu } from '../../app/menu.js';
import { startWorkbench } from '../../actions/start.js';
import { strings } from '../../strings/index.js';
import { useWorkbench } from '../../store/index.js';
import { clickAndFlush, typeInto, useDom } from '../../test-support/dom.js';
import { deferred, flush, freshWorkbench, type FakeWorkbench } from '../../test-support/fake-workbench.js';
import { CustomerScreen } from './CustomerScreen.js';
import { resetCustomer, useCustomer } from './store.js';
import { JARGON_TERMS } from './words.js';

const s = strings.customer;
const CTRL = '/MyApp/scripts/MyApp.controller.js';
const CSS = '/MyApp/css/MyApp.css';
const LOG = [
  `2024-05-14 09:12:03 Checksum failed for file https://apps.example.com${CTRL}?Xr5tDq0ZkSRmLw1fHf2bXg ` +
    'Received hash: Xr5tDq0ZkSRmLw1fHf2bXg | Calculated hash: 9vB1c2JxkT5Lq8eVYk0bMw',
  '2024-05-14 09:12:04 Upgrade failed - rolling back to the previous application version.',
].join('\n');
const AT = '2025-03-04T10:15:00.000Z';

function report(over: Partial<OtaReport> = {}): OtaReport {
  return {
    schema: REPORT_SCHEMA,
    schemaVersion: 1,
    fault: 'network',
    cause: 'stale-cache',
    frontends: [],
    headline: 'A cache between the servers and the devices serves an old copy of 1 file.',
    customer: 'A cache on the network (a CDN or proxy) keeps handing out an old copy of some files. Its owner needs to clear it.',
    evidence: [],
    next: [],
    current: { versionToken: 'tok-2', changedDuringCheck: false, how: 'the public URL' },
    counts: { 'stale-cache': 1, consistent: 1 },
    moduleName: 'MyApp',
    runs: [testRun({ vantage: 'customer', startedAt: AT, finishedAt: AT, command: 'hash-workbench diagnose' })],
    setup: { frontends: [] },
    moduleinfo: [],
    versions: [],
    resources: [
      {
        path: '/MyApp/moduleservices/moduleinfo',
        versionTokenFile: true,
        fault: 'none',
        cause: 'consistent',
        frontends: [],
        evidence: [],
        next: [],
        observations: [],
      },
      {
        path: CTRL,
        versionTokenFile: false,
        fault: 'network',
        cause: 'stale-cache',
        frontends: [],
        evidence: [],
        next: [],
        observations: [],
      },
      { path: CSS, versionTokenFile: false, fault: 'none', cause: 'consistent', frontends: [], evidence: [], next: [], observations: [] },
    ],
    log: [],
    problems: [],
    redacted: [],
    ...over,
  };
}

const dom = useDom();
const { byTestId: byId } = dom;
let fake: FakeWorkbench;
let stop: (() => void) | undefined;

beforeEach(() => {
  fake = freshWorkbench();
  resetCustomer();
});
afterEach(() => {
  stop?.();
  stop = undefined;
});

const render = () => dom.render(<CustomerScreen />);
const get = <E extends HTMLElement = HTMLElement>(testId: string) => {
  const el = byId<E>(testId);
  if (!el) throw new Error(`no [data-testid="${testId}"] on step ${byId('customer-step')?.dataset.step}`);
  return el;
};
const step = () => get('customer-step').dataset.step;
const click = (testId: string) => clickAndFlush(get(testId));
const type = (testId: string, value: string) => typeInto(get<HTMLInputElement | HTMLTextAreaElement>(testId), value);
/** Visible words of the screen (what a customer reads), without what they typed into the fields. */
function screenText(): string {
  const clone = dom.container.cloneNode(true) as HTMLElement;
  for (const field of clone.querySelectorAll('textarea, input')) field.remove();
  return clone.textContent ?? '';
}
/** Diagnose answers when the test says so. */
function holdDiagnose() {
  const d = deferred<Envelope<OtaReport>>();
  fake.api.otaDiagnose.mockImplementation(() => d.promise);
  return d;
}
const diagnoseRequest = () => {
  const call = fake.api.otaDiagnose.mock.calls[0];
  if (!call) throw new Error('diagnose was not called');
  return call[0];
};

async function walkToCapture(appUrl = 'https://apps.example.com/MyApp/', log = '') {
  await click('customer-next');
  if (log) type('customer-log', log);
  await click('customer-next');
  type('customer-app-url', appUrl);
  await click('customer-next');
  expect(step()).toBe('capture');
}

describe('walking the steps', () => {
  it('goes forward and back one step at a time, says where it is, and moves focus to each heading', async () => {
    render();
    expect(step()).toBe('intro');
    expect(get('customer-step').textContent).toBe('Step 1 of 6');
    expect(byId('customer-back')).toBeNull();
    for (const sentence of s.intro.sentences) expect(dom.container.textContent).toContain(sentence);

    await click('customer-next');
    expect(step()).toBe('error');
    expect(get('customer-step').textContent).toBe('Step 2 of 6');
    expect(document.activeElement).toBe(get('customer-heading'));
    expect(get('customer-heading').textContent).toBe(s.headings.error);
    expect(byId('customer-error-picture')?.getAttribute('role')).toBe('img');
    expect(get('customer-error-picture').textContent).toContain('Update failed');
    expect(get('customer-error-picture').textContent).toContain('Checksum failed for file');

    await click('customer-back');
    expect(step()).toBe('intro');
    expect(document.activeElement).toBe(get('customer-heading'));

    await click('customer-next');
    await click('customer-next'); // nothing pasted: skipped
    expect(step()).toBe('address');
    expect(get('customer-step').textContent).toBe('Step 3 of 6');

    // Next with no address stays, says why next to the field and puts the focus in it.
    await click('customer-next');
    expect(step()).toBe('address');
    expect(get('customer-app-url-error').textContent).toBe(s.address.empty);
    expect(document.activeElement).toBe(get('customer-app-url'));
    expect(get('customer-app-url').getAttribute('aria-invalid')).toBe('true');
    expect(get('customer-app-url').getAttribute('aria-describedby')).toContain(get('customer-app-url-error').id);

    type('customer-app-url', 'ftp://apps.example.com/MyApp/');
    expect(byId('customer-app-url-error')).toBeNull();
    await click('customer-next');
    expect(get('customer-app-url-error').textContent).toBe(s.address.scheme);

    // A screen's address without https:// is taken as the app's own address, and said so.
    type('customer-app-url', 'apps.example.com/MyApp/Home?x=1');
    expect(get('customer-app-url-preview').textContent).toBe(s.address.willCheck('https://apps.example.com/MyApp/'));
    await click('customer-next');
    expect(step()).toBe('capture');
    expect(get('customer-step').textContent).toBe('Step 4 of 6');
    expect(useCustomer.getState().appUrl).toBe('https://apps.example.com/MyApp/');
    expect(get('customer-next').textContent).toBe(s.capture.start);

    await click('customer-back');
    expect(step()).toBe('address');
    expect(get<HTMLInputElement>('customer-app-url').value).toBe('https://apps.example.com/MyApp/');
  });

  it('confirms in plain words what it recognised in the pasted error', async () => {
    render();
    await click('customer-next');
    type('customer-log', LOG);
    expect(get('customer-log-summary').textContent).toBe('We found 1 file that failed to update: scripts/MyApp.controller.js');
    type('customer-log', '2024-05-14 09:12:04 Upgrade failed - rolling back to the previous application version.');
    expect(get('customer-log-summary').textContent).toBe(s.error.foundNoFile);
    type('customer-log', 'hello, this is not a log');
    expect(get('customer-log-summary').textContent).toBe(s.error.notRecognised);
    type('customer-log', '');
    expect(byId('customer-log-summary')).toBeNull();
  });

  it('takes a .har recording from the dialog, or dropped on its area without reaching the window’s drop target', async () => {
    render();
    await walkToCapture();
    fake.api.dialogOpen.mockResolvedValueOnce({ ok: true, value: { paths: ['/home/me/Downloads/session.har'] } });
    await click('customer-har-add');
    expect(fake.api.dialogOpen).toHaveBeenCalledWith({ kind: 'har', multiple: false });
    expect(get('customer-har').textContent).toContain(s.capture.added('session.har'));
    await click('customer-har-remove');
    expect(byId('customer-har')).toBeNull();

    const windowDrop = vi.fn();
    window.addEventListener('drop', windowDrop);
    try {
      const drag = (type: string, files: File[] = []) => {
        const event = new Event(type, { bubbles: true, cancelable: true });
        Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files, dropEffect: 'none' } });
        return event;
      };
      const dropped = (files: File[]) => drag('drop', files);
      // The box lights up while files are over the screen.
      act(() => void get('customer-har-add').dispatchEvent(drag('dragenter')));
      expect(get('customer-har-drop').className).toContain('customer-drop-over');
      act(() => void get('customer-har-add').dispatchEvent(drag('dragleave')));
      expect(get('customer-har-drop').className).not.toContain('customer-drop-over');
      const notHar = dropped([new File(['x'], 'photo.png')]);
      await act(async () => void get('customer-har-drop').dispatchEvent(notHar));
      await act(flush);
      expect(notHar.defaultPrevented).toBe(true);
      expect(get('customer-har-error').textContent).toContain(s.capture.notHar);

      // Dropped anywhere on the screen, not only on the box.
      const har = new File(['{}'], 'capture.har');
      await act(async () => void get('customer-heading').dispatchEvent(dropped([har])));
      await act(flush);
      expect(fake.api.addDroppedFiles).toHaveBeenLastCalledWith([har]);
      expect(get('customer-har').textContent).toContain(s.capture.added('capture.har'));
      expect(byId('customer-har-error')).toBeNull();
      expect(windowDrop).not.toHaveBeenCalled();
    } finally {
      window.removeEventListener('drop', windowDrop);
    }
  });
});

describe('the check', () => {
  it('sends the customer’s request, shows progress in words, cancels, and shows the report’s sentence', async () => {
    stop = startWorkbench();
    const answer = holdDiagnose();
    render();
    await walkToCapture('https://apps.example.com/MyApp/', LOG);
    fake.api.dialogOpen.mockResolvedValueOnce({ ok: true, value: { paths: ['/cap/session.har'] } });
    await click('customer-har-add');
    await click('customer-next');

    expect(step()).toBe('checking');
    expect(get('customer-step').textContent).toBe('Step 5 of 6');
    expect(document.activeElement).toBe(get('customer-heading'));
    const request = diagnoseRequest();
    expect(request).toEqual({
      jobId: expect.stringMatching(/^customer-[\w-]+$/),
      sliced: true,
      appUrl: 'https://apps.example.com/MyApp/',
      frontends: [],
      vantage: 'customer',
      logText: LOG,
      harPath: '/cap/session.har',
    });
    expect(request.jobId.length).toBeLessThanOrEqual(64);
    expect(get('customer-progress').textContent).toBe(s.checking.starting);
    expect(byId('customer-back')).toBeNull();

    // Another job's progress is not ours; ours is said in words.
    act(() => fake.emitProgress({ jobId: 'someone-else', kind: 'ota', phase: 'resources', done: 3, total: 9 }));
    expect(get('customer-progress').textContent).toBe(s.checking.starting);
    act(() => fake.emitProgress({ jobId: request.jobId, kind: 'ota', phase: 'moduleinfo', done: 0, total: 1 }));
    expect(get('customer-progress').textContent).toBe(s.checking.phases.moduleinfo);
    act(() => fake.emitProgress({ jobId: request.jobId, kind: 'ota', phase: 'resources', done: 12, total: 40 }));
    expect(get('customer-progress').textContent).toBe('Checked 12 of 40 files');

    await click('customer-cancel');
    expect(fake.api.jobCancel).toHaveBeenCalledWith({ jobId: request.jobId });
    expect(get('customer-cancel').textContent).toBe(s.checking.stopping);

    // Main answers a cancel with what it checked so far.
    const r = report({ runs: [{ ...report().runs[0]!, cancelled: true }] });
    await act(async () => answer.resolve({ ok: true, value: r }));
    await act(flush);
    expect(step()).toBe('result');
    expect(document.activeElement).toBe(get('customer-heading'));
    const result = get('customer-result');
    expect(result.closest('[aria-live="polite"]')).not.toBeNull();
    expect(get('customer-sentence').textContent).toBe(s.result.outcome['stale-cache'].sentence);
    expect(get('customer-who').textContent).toBe(s.result.outcome['stale-cache'].who);
    expect(get('customer-limits').textContent).toBe(
      'We checked from your network. We cannot see the app’s servers; support will compare this with what they see from inside.',
    );
    expect(byId('customer-stopped-early')).not.toBeNull();
    // Only the file that did not arrive right, in words.
    const items = [...get('customer-files').querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([`scripts/MyApp.controller.js: ${s.result.causes['stale-cache']}`]);
  });

  it('saves the report as HTML and JSON for support', async () => {
    fake.api.otaDiagnose.mockResolvedValueOnce({ ok: true, value: report() });
    render();
    await walkToCapture();
    await click('customer-next');
    expect(step()).toBe('result');
    fake.api.reportExport.mockResolvedValueOnce({ ok: true, value: { paths: ['/r/ota-check-MyApp.html', '/r/ota-check-MyApp.json'] } });
    await click('customer-save-report');
    expect(fake.api.reportExport).toHaveBeenCalledWith({ report: report(), formats: ['html', 'json'] });
    expect(get('customer-saved').textContent).toBe(
      'Saved ota-check-MyApp.html and ota-check-MyApp.json in the folder r. Send these files to the app’s support team.Show in folder',
    );
    await click('customer-show-in-folder');
    expect(fake.api.shellShowInFolder).toHaveBeenCalledWith({ path: '/r/ota-check-MyApp.html' });

    fake.api.reportExport.mockResolvedValueOnce({ ok: false, error: { code: 'EACCES', message: 'permission denied' } });
    await click('customer-save-report');
    expect(get('customer-save-error').textContent).toBe(s.result.saveFailed('permission denied'));

    await click('customer-start-over');
    expect(step()).toBe('intro');
    expect(useCustomer.getState()).toMatchObject({ appUrl: '', logText: '', run: { status: 'idle' } });
  });

  it('keeps every input when the address cannot be reached, and says so next to the address', async () => {
    fake.api.otaDiagnose.mockResolvedValueOnce({
      ok: false,
      error: { code: 'CANNOT_RUN', message: 'no usable moduleinfo: no source answered (public: ENOTFOUND apps.example.con)' },
    });
    render();
    await walkToCapture('https://apps.example.con/MyApp/', LOG);
    await click('customer-next');
    expect(step()).toBe('checking');
    expect(get('customer-run-error').textContent).toContain(s.address.unreachable);
    // The technical text is kept for support, with its jargon explained.
    expect(get('customer-run-error').textContent).toContain(s.glossary.moduleinfo);
    // Even this ending offers a report to send: the attempt, in the report's own schema.
    const attempt = useCustomer.getState().run.report!;
    expect(checkReport(JSON.parse(JSON.stringify(attempt))).ok).toBe(true);
    expect(attempt.problems[0]).toContain('ENOTFOUND apps.example.con');
    expect(get('customer-save-report').textContent).toBe(s.result.saveFailedRun);
    fake.api.reportExport.mockResolvedValueOnce({ ok: true, value: { paths: ['/r/ota-check-MyApp.html', '/r/ota-check-MyApp.json'] } });
    await click('customer-save-report');
    expect(fake.api.reportExport).toHaveBeenCalledWith({ report: attempt, formats: ['html', 'json'] });
    expect(byId('customer-show-in-folder')).not.toBeNull();

    await click('customer-fix-address');
    expect(step()).toBe('address');
    expect(get<HTMLInputElement>('customer-app-url').value).toBe('https://apps.example.con/MyApp/');
    expect(get('customer-app-url-error').textContent).toBe(s.address.unreachable);
    type('customer-app-url', 'https://apps.example.com/MyApp/');
    expect(byId('customer-app-url-error')).toBeNull();
    expect(useCustomer.getState().logText).toBe(LOG);

    fake.api.otaDiagnose.mockResolvedValueOnce({ ok: true, value: report() });
    await click('customer-next');
    await click('customer-next');
    expect(step()).toBe('result');
    expect(fake.api.otaDiagnose.mock.calls[1]?.[0]).toMatchObject({ appUrl: 'https://apps.example.com/MyApp/', logText: LOG });
  });

  it('says a stopped check was stopped and offers to start it again', async () => {
    fake.api.otaDiagnose.mockResolvedValueOnce({ ok: false, error: { code: 'CANCELLED', message: 'cancelled' } });
    render();
    await walkToCapture();
    await click('customer-next');
    expect(get('customer-stopped').textContent).toBe(s.checking.stopped);
    expect(get('customer-run').textContent).toBe(s.checking.again);
    fake.api.otaDiagnose.mockResolvedValueOnce({ ok: true, value: report() });
    await click('customer-run');
    expect(step()).toBe('result');
  });
});

describe('case files', () => {
  const CASE = {
    schema: 'hash-workbench/case' as const,
    appUrl: 'https://apps.example.com/MyApp/',
    caseNumber: '00123456',
    resources: [CTRL, CSS],
    note: 'Please run this from the office Wi-Fi.',
  };

  it('fills everything in from a case file support sent, and checks the files it names', async () => {
    fake.api.caseOpen.mockResolvedValueOnce({ ok: true, value: { path: '/home/me/case-00123456.hwcase', case: CASE } });
    render();
    await click('customer-open-case');
    expect(fake.api.caseOpen).toHaveBeenCalledWith({});
    const loaded = get('customer-case').textContent;
    expect(loaded).toContain(s.intro.caseLoaded('00123456'));
    expect(loaded).toContain(s.intro.caseAddress(CASE.appUrl));
    expect(loaded).toContain(s.intro.caseFiles(2));
    expect(loaded).toContain(CASE.note);

    await click('customer-next');
    await click('customer-next');
    expect(get<HTMLInputElement>('customer-app-url').value).toBe(CASE.appUrl);
    expect(byId('customer-app-url-from-case')).not.toBeNull();
    fake.api.otaDiagnose.mockResolvedValueOnce({ ok: true, value: report() });
    await click('customer-next');
    await click('customer-next');
    expect(diagnoseRequest()).toEqual({
      jobId: expect.any(String),
      sliced: true,
      appUrl: CASE.appUrl,
      frontends: [],
      vantage: 'customer',
      resources: [CTRL, CSS],
    });
    expect(step()).toBe('result');

    fake.api.reportExport.mockResolvedValueOnce({ ok: true, value: { paths: ['/r/a.html', '/r/a.json'] } });
    await click('customer-save-report');
    expect(get('customer-saved').textContent).toContain(s.result.savedCase('00123456'));
  });

  it('opens a case file opened with the app or dropped, in customer mode', async () => {
    useWorkbench.getState().navigate('check');
    fake.api.caseOpen.mockResolvedValueOnce({ ok: true, value: { path: '/dl/case.hwcase', case: CASE } });
    render();
    let left: string[] = [];
    await act(async () => {
      left = routePaths(['/dl/case.hwcase']);
    });
    await act(flush);
    expect(left).toEqual([]);
    expect(fake.api.caseOpen).toHaveBeenCalledWith({ path: '/dl/case.hwcase' });
    expect(useWorkbench.getState().screen).toBe('customer');
    expect(step()).toBe('intro');
    expect(useCustomer.getState().appUrl).toBe(CASE.appUrl);
    expect(get('customer-case').textContent).toContain('00123456');
  });

  it('says a bad case file is not one, next to the button, in plain words', async () => {
    fake.api.caseOpen.mockResolvedValueOnce({
      ok: false,
      error: { code: 'INVALID', message: 'case.hwcase is not a Hash Workbench case file (not JSON)', details: { field: 'case' } },
    });
    render();
    await click('customer-open-case');
    expect(get('customer-case-error').textContent).toContain(s.intro.caseBad);
    expect(get('customer-case-error').getAttribute('role')).toBe('alert');
    expect(byId('customer-case')).toBeNull();
    // A closed dialog is no error.
    fake.api.caseOpen.mockResolvedValueOnce({ ok: true, value: {} });
    await click('customer-open-case');
    expect(byId('customer-case-error')).toBeNull();
  });

  it('opens at the first step from the Customer mode menu command', async () => {
    render();
    await click('customer-next');
    await click('customer-next');
    expect(step()).toBe('address');
    act(() => void runMenu('customer-mode'));
    expect(useWorkbench.getState().screen).toBe('customer');
    expect(step()).toBe('intro');
    expect(document.activeElement).toBe(get('customer-heading'));
  });
});

describe('support prepares a case file', () => {
  it('saves what support fills in, with the files in the form the case file holds', async () => {
    fake.api.caseSave.mockResolvedValueOnce({ ok: true, value: { path: '/home/agent/case-00123456.hwcase' } });
    render();
    expect(byId('case-app-url')).toBeNull();
    await click('customer-prepare-case');
    expect(get('customer-prepare-case').getAttribute('aria-expanded')).toBe('true');

    // A bad address is said next to it, and nothing is saved.
    type('case-app-url', 'not an address');
    await click('case-save');
    expect(get('case-app-url-error').textContent).toBe(s.address.notAddress);
    expect(fake.api.caseSave).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(get('case-app-url'));

    type('case-app-url', 'https://apps.example.com/MyApp/');
    type('case-number', ' 00123456 ');
    type('case-resources', `scripts/MyApp.controller.js\n\nhttps://apps.example.com${CSS}?Xr5tDq0ZkSRmLw1fHf2bXg\n${CTRL}`);
    await click('case-save');
    expect(fake.api.caseSave).toHaveBeenCalledWith({
      appUrl: 'https://apps.example.com/MyApp/',
      caseNumber: '00123456',
      resources: [CTRL, CSS],
    });
    expect(get('case-result').textContent).toBe(s.prepare.saved('/home/agent/case-00123456.hwcase'));
    expect(get('case-result').textContent).toMatch(/^Saved: \/home\/agent\/case-00123456\.hwcase/);
  });

  it('sends only the address when nothing else is filled in, and says when the dialog was closed', async () => {
    fake.api.caseSave.mockResolvedValueOnce({ ok: true, value: {} });
    render();
    await click('customer-prepare-case');
    type('case-app-url', 'https://apps.example.com/MyApp');
    await click('case-save');
    expect(fake.api.caseSave).toHaveBeenCalledWith({ appUrl: 'https://apps.example.com/MyApp/' });
    expect(get('case-result').textContent).toBe(s.prepare.notSaved);
  });
});

describe('plain words', () => {
  /** Each technical word on the screen must come with its one-line explanation. */
  function expectNoUnexplainedJargon(where: string) {
    const text = screenText();
    for (const [term, pattern] of Object.entries(JARGON_TERMS) as Array<[keyof typeof JARGON_TERMS, RegExp]>) {
      if (pattern.test(text)) expect(text, `"${term}" on step ${where} without its explanation`).toContain(s.glossary[term]);
    }
  }

  it('never shows moduleinfo, frontend, hash or CDN without explaining it, on any step', async () => {
    fake.api.caseOpen.mockResolvedValueOnce({
      ok: true,
      value: {
        path: '/c.hwcase',
        case: {
          schema: 'hash-workbench/case',
          appUrl: 'https://apps.example.com/MyApp/',
          caseNumber: '1',
          resources: ['/MyApp/moduleservices/moduleinfo'],
        },
      },
    });
    const answer = holdDiagnose();
    render();
    await click('customer-open-case');
    await click('customer-prepare-case');
    expectNoUnexplainedJargon('intro');
    await click('customer-next');
    // A pasted log names the manifest and hashes: the confirmation must not repeat them raw.
    type(
      'customer-log',
      `Checksum failed for file https://apps.example.com/MyApp/moduleservices/moduleinfo?abc Received hash: abc | Calculated hash: def\n${LOG}`,
    );
    expect(get('customer-log-summary').textContent).toContain(s.error.listOfFiles);
    expectNoUnexplainedJargon('error');
    await click('customer-next');
    expectNoUnexplainedJargon('address');
    await click('customer-next');
    expectNoUnexplainedJargon('capture');
    await click('customer-next');
    expectNoUnexplainedJargon('checking');
    // The report's sentence names a CDN and a proxy: both are explained next to it.
    await act(async () => answer.resolve({ ok: true, value: report() }));
    await act(flush);
    expect(step()).toBe('result');
    expect(get('customer-glossary').textContent).toContain(s.glossary.CDN);
    expect(get('customer-glossary').textContent).toContain(s.glossary.proxy);
    expectNoUnexplainedJargon('result');
  });

  it('catches an unexplained word (the check itself can fail)', () => {
    dom.container.textContent = 'The frontend served an old hash.';
    expect(() => expectNoUnexplainedJargon('test')).toThrow();
  });
});
