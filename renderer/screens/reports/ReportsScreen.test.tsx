// @vitest-environment jsdom
// Reports: the empty state, the recent list, opening a report into the OTA view, adding a customer's
// report (merged in main), export, and errors next to their buttons.
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { strings } from '../../strings/index.js';
import { useWorkbench } from '../../store/index.js';
import { clickAndFlush, useDom } from '../../test-support/dom.js';
import { flush, freshWorkbench, type FakeWorkbench } from '../../test-support/fake-workbench.js';
import { bigReport, smallReport } from '../ota/report-fixture.js';
import { resetOta, useOta } from '../ota/store.js';
import { ReportsScreen } from './ReportsScreen.js';
import { resetReports } from './store.js';

/** Two turns of the event loop: an answer, then the turn the OTA screen waits before drawing a report (nextTask). */
const settled = async () => {
  await flush();
  await flush();
};

const dom = useDom();
const { byTestId: $ } = dom;
let fake: FakeWorkbench;

beforeEach(() => {
  fake = freshWorkbench();
  resetOta();
  resetReports();
  fake.api.reportRecent.mockResolvedValue({ ok: true, value: [] });
});

const render = async () => {
  dom.render(<ReportsScreen />);
  await act(settled);
};
const click = (el: HTMLElement | null) => clickAndFlush(el!);

describe('reports', () => {
  it('says what to do when there is nothing yet', async () => {
    await render();
    expect($('reports-empty')?.textContent).toBe(strings.reports.empty);
    expect($('reports-merge')).toBeNull();
  });

  it('lists recent reports and opens one in the OTA view', async () => {
    fake.api.reportRecent.mockResolvedValue({
      ok: true,
      value: [
        {
          path: '/cases/4711/ota-check-MyApp.json',
          openedAt: '2025-01-02T09:30:00.000Z',
          headline: 'Frontend FE2 serves an outdated copy of 1 file.',
        },
        { path: '/cases/old.json', openedAt: 'not a date' },
      ],
    });
    fake.api.reportOpen.mockResolvedValue({ ok: true, value: { path: '/cases/4711/ota-check-MyApp.json', report: smallReport() } });
    await render();
    expect($('reports-empty')).toBeNull();
    const items = [...$('reports-recent')!.querySelectorAll('button')];
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('ota-check-MyApp.json');
    expect(items[0]?.textContent).toContain('Frontend FE2 serves an outdated copy of 1 file.');
    expect(items[1]?.textContent).toContain(strings.reports.noHeadline);
    await click(items[0]!);
    expect(fake.api.reportOpen).toHaveBeenCalledWith({ path: '/cases/4711/ota-check-MyApp.json', sliced: true });
    expect(useWorkbench.getState().screen).toBe('ota');
    expect(useOta.getState().reportNote).toBe('Opened from ota-check-MyApp.json');
  });

  it('takes a big report main answers in slices, one message each, and shows it whole; a slice lost is a failure', async () => {
    const whole = bigReport(450);
    const token = '0b7c1e9a-3f2d-4c5b-8a69-1d2e3f4a5b6c';
    const opened = { path: '/r/module.json', report: { ...whole, resources: whole.resources.slice(0, 200), rest: { token, slices: 2 } } };
    fake.api.reportOpen.mockResolvedValue({ ok: true, value: opened });
    fake.api.reportSlice.mockImplementation(async ({ index }) => ({
      ok: true,
      value: { resources: whole.resources.slice(200 * index, 200 * (index + 1)) },
    }));
    await render();
    await click($('reports-open'));
    await act(settled);
    expect(fake.api.reportSlice.mock.calls.map(([r]) => r)).toEqual([
      { token, index: 1 },
      { token, index: 2 },
    ]);
    expect(useOta.getState().report).toEqual(whole);

    fake.api.reportSlice.mockResolvedValueOnce({ ok: false, error: { code: 'INVALID', message: 'no longer waiting in main' } });
    useOta.setState({ report: undefined });
    await click($('reports-open'));
    await act(settled);
    expect($('reports-open-error')?.textContent).toContain('no longer waiting in main');
    expect(useOta.getState().report).toBeUndefined();
  });

  it('opens a report from the dialog, and shows a failure next to the button', async () => {
    fake.api.reportOpen.mockResolvedValueOnce({
      ok: false,
      error: { code: 'INVALID', message: 'x.json: report schema version 9 is newer than this app reads (1)', details: { field: 'report' } },
    });
    fake.api.reportOpen.mockResolvedValueOnce({ ok: true, value: { path: '/r/agent.json', report: smallReport() } });
    await render();
    await click($('reports-open'));
    expect(fake.api.reportOpen).toHaveBeenCalledWith({ sliced: true });
    expect($('reports-open-error')?.textContent).toContain('newer than this app reads');
    expect(useOta.getState().report).toBeUndefined();
    await click($('reports-open'));
    expect($('reports-open-error')).toBeNull();
    expect(useOta.getState().report?.headline).toBe('Frontend FE2 serves an outdated copy of 1 file.');
    expect(useWorkbench.getState().screen).toBe('ota');
  });

  it('adds a customer’s report to the one shown: main merges, the merged report is shown', async () => {
    const agent = smallReport();
    const customer = { ...smallReport(), headline: 'customer' };
    const merged = { ...smallReport(), headline: 'merged' };
    useOta.getState().showReport(agent, 'opened', 'Opened from agent.json');
    fake.api.reportOpen.mockResolvedValueOnce({ ok: true, value: { path: '/r/customer.json', report: customer } });
    fake.api.reportMerge.mockResolvedValueOnce({ ok: true, value: merged });
    await render();
    expect($('reports-shown')?.textContent).toContain(agent.headline);
    await click($('reports-merge'));
    expect(fake.api.reportMerge).toHaveBeenCalledWith({ reports: [agent, customer], sliced: true });
    expect(useOta.getState().report).toBe(merged);
    expect(useOta.getState().reportNote).toBe('Merged with customer.json');
    expect(useWorkbench.getState().screen).toBe('ota');
  });

  it('keeps the report shown when the merge fails, and says why next to the button', async () => {
    const agent = smallReport();
    useOta.getState().showReport(agent, 'run');
    fake.api.reportOpen.mockResolvedValueOnce({ ok: true, value: { path: '/r/other.json', report: smallReport() } });
    fake.api.reportMerge.mockResolvedValueOnce({
      ok: false,
      error: { code: 'INVALID', message: 'report 2: missing or invalid field runs', details: { field: 'reports[1]' } },
    });
    await render();
    await click($('reports-merge'));
    expect($('reports-merge-error')?.textContent).toContain('missing or invalid field runs');
    expect(useOta.getState().report).toBe(agent);
  });

  it('exports the report shown', async () => {
    const agent = smallReport();
    useOta.getState().showReport(agent, 'run');
    fake.api.reportExport.mockResolvedValueOnce({ ok: true, value: { paths: [] } });
    await render();
    await click($('reports-export'));
    expect(fake.api.reportExport).toHaveBeenCalledWith({ report: agent, formats: ['html', 'json'] });
    expect($('reports-export-result')?.textContent).toBe(strings.reports.exportCancelled);
  });
});
