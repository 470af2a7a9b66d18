// @vitest-environment jsdom
// The result view on a hand-made report: the verdict, the columns and marks, the evidence panel, the
// filters, export, the keyboard, and a 2,000-row report drawn as a window of rows.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OtaReport } from '../../../main/common/ota/report.js';
import { useDom } from '../../test-support/dom.js';
import { flush, freshWorkbench, type FakeWorkbench } from '../../test-support/fake-workbench.js';
import { strings } from '../../strings/index.js';
import { bigReport, FE2_FINGERPRINT, NAMES_ANOTHER_HOST, OLD, refusedCertificateReport, RIGHT, smallReport } from './report-fixture.js';
import { OVERSCAN, ROW_HEIGHT } from './ResultTable.js';
import { ResultView } from './ResultView.js';

const dom = useDom();
const { $, $$ } = dom;
let fake: FakeWorkbench;

beforeEach(() => {
  fake = freshWorkbench();
});

const render = (report: OtaReport) => dom.render(<ResultView report={report} />);
const row = (path: string) => $(`[data-testid="ota-row"][data-path$="${path}"]`)!;
const cell = (path: string, source: string) => $(`[data-testid="ota-cell"][data-source="${source}"]`, row(path))!;
/** "Only problems" starts on when the report has problems: every row, for the tests about consistent rows too. */
const showAll = () => {
  const box = $('[data-testid="ota-filter-mismatches"]') as HTMLInputElement;
  if (box.checked) act(() => box.click());
};
const key = (target: Element, init: KeyboardEventInit) =>
  act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })));

describe('verdict', () => {
  it('says the headline, fault and cause in words, the frontends, how the version was decided, evidence and next steps', () => {
    render(smallReport());
    const banner = $('[data-testid="ota-verdict"]')!;
    expect(banner.closest('[aria-live="polite"]')).not.toBeNull();
    expect($('.ota-headline', banner)?.textContent).toBe('Frontend FE2 serves an outdated copy of 1 file.');
    expect($('.ota-fault', banner)?.textContent).toBe('Fault: frontend · Cause: outdated frontend · Frontends at fault: FE2');
    expect($('[data-testid="ota-verdict-frontends"]', banner)?.textContent).toBe('Frontends at fault: FE2');
    expect(banner.textContent).toContain('How the current version was decided: the highest versionSequence seen (12');
    // The evidence's "Current version: …" line is the sentence above it: shown once.
    // Each resource's path once above its lines (read out with each line for screen readers).
    const items = $$('[data-testid="ota-evidence"] li', banner).map((li) => li.textContent);
    expect(items).toEqual(['/MyApp/scripts/MyApp.controller.js', expect.stringContaining(': Frontend FE2 serves')]);
    expect($('.ota-ev-path', banner)?.getAttribute('aria-hidden')).toBe('true');
    expect($('[data-testid="ota-next"]', banner)?.textContent).toBe('Redeploy the module to FE2, and check its Deployment Service.');
  });
});

describe('table', () => {
  it('has the verdict next to the path, the frontends in one group, then the public URL, bypassed, the customer’s and the device', () => {
    render(smallReport());
    const first = $$('thead tr:first-child th').map((h) => h.textContent);
    expect(first.slice(0, 4)).toEqual(['Resource', 'Verdict', 'Expected', 'Frontends']);
    expect($$('[data-testid="ota-column"] .ota-col-heading').map((h) => h.textContent)).toEqual([
      'Public URL',
      'Public, cache bypassed',
      'Public URL (customer)',
      'Device calculated',
      'FE1',
      'FE2',
    ]);
    expect($('thead .ota-group-head')?.getAttribute('colspan')).toBe('2');
    // Problems first, and only them while "Only problems" is on (it is, since there is one).
    expect(($('[data-testid="ota-filter-mismatches"]') as HTMLInputElement).checked).toBe(true);
    expect($$('[data-testid="ota-row"]').map((r) => r.dataset.cause)).toEqual(['outdated-frontend']);
    showAll();
    expect($$('[data-testid="ota-row"]').map((r) => r.dataset.cause)).toEqual(['outdated-frontend', 'consistent', 'consistent']);
  });

  it('cuts a long path in the middle, keeping the file name whole', () => {
    render(smallReport());
    const path = $('[data-testid="ota-row"] .ota-path')!;
    expect($('.ota-path-dir', path)?.textContent).toBe('/MyApp/scripts/');
    expect($('.ota-path-file', path)?.textContent).toBe('MyApp.controller.js');
    expect(path.title).toBe('/MyApp/scripts/MyApp.controller.js');
  });

  it('starts with every row when nothing is wrong', () => {
    render(bigReport(3));
    expect(($('[data-testid="ota-filter-mismatches"]') as HTMLInputElement).checked).toBe(false);
    expect($$('[data-testid="ota-row"]')).toHaveLength(3);
  });

  it('marks each cell without relying on colour, with the full value in its title', () => {
    render(smallReport());
    showAll();
    // A frontend in the group: its mark only, the value in the title and the evidence.
    const fe1 = cell('controller.js', 'frontend:FE1');
    expect(fe1.dataset.match).toBe('true');
    expect(fe1.textContent).toBe('✓matches');
    expect(fe1.getAttribute('aria-label')).toBe('FE1: matches');
    expect(fe1.title).toContain(RIGHT);
    expect(cell('controller.js', 'public-customer').textContent).toBe(`${OLD.slice(0, 8)}…✗differs`);
    expect(cell('controller.js', 'frontend:FE2')).toMatchObject({ dataset: { match: 'false' } });
    expect(cell('controller.js', 'frontend:FE2').textContent).toContain('✗');
    expect(cell('controller.js', 'bypass').dataset.match).toBe('error');
    expect(cell('controller.js', 'bypass').textContent).toContain('!errorTIMEOUT');
    expect(cell('controller.js', 'public-customer').dataset.match).toBe('false');
    expect(cell('index.js', 'device')).toMatchObject({ dataset: { match: 'none' }, textContent: '—not checked' });
    // Samples that disagree: each copy with the samples that gave it.
    const pub = cell('controller.js', 'public');
    expect(pub.textContent).toContain('samples 1, 3');
    expect(pub.textContent).toContain(`${OLD.slice(0, 8)}…✗differssample 2`);
  });

  it('opens the evidence of a cell, and Escape closes it and returns to the cell', () => {
    render(smallReport());
    const fe2 = cell('controller.js', 'frontend:FE2');
    act(() => fe2.click());
    const panel = $('[data-testid="ota-evidence-panel"]')!;
    expect(panel.getAttribute('role')).toBe('dialog');
    expect(document.activeElement).toBe($('h3', panel));
    const text = panel.textContent ?? '';
    for (const part of [
      'Frontend FE2',
      'Status200',
      '302 https://apps.example.com/MyApp/scripts/MyApp.controller.js → /MyApp/scripts/MyApp.controller.js?',
      'Connected to10.0.0.12:8443',
      'Routedirect',
      'CN=Example Issuing CA',
      'AB:CD:EF',
      'the trusted root certificates',
      'connect 4 ms, first byte 9 ms, total 12 ms',
      'Content-Length 1372; 1372 bytes received',
      OLD,
      'One block of 48 bytes inserted at byte 312',
      'Byte diff: content inserted',
    ]) {
      expect(text).toContain(part);
    }
    const telling = $('[data-testid="ota-telling-headers"]', panel)!;
    expect(telling.textContent).toContain('Age');
    expect(telling.textContent).toContain('120 s in a cache');
    expect($('.ota-other-headers', panel)?.textContent).toContain('x-request-id');
    // The inserted block beside the right copy (which has nothing there), in whole bytes from offset 312, all marked.
    expect($$('[data-testid="diff-offset"]', panel).map((p) => p.textContent)).toEqual(['312']);
    expect($$('[data-testid="diff-changed"]', panel).map((m) => m.textContent)).toEqual([
      ...['3c', '73', '63', '72', '69', '70', '74', '3e'],
      ...'<script>',
    ]);
    // What decided it comes first: the judgement, then the cache headers, marked.
    expect($('[data-testid="ota-judgement"]', panel)?.textContent).toContain('A device rejects this copy');
    key(panel, { key: 'Escape' });
    expect($('[data-testid="ota-evidence-panel"]')).toBeNull();
    expect(document.activeElement).toBe(cell('controller.js', 'frontend:FE2'));
  });

  it('says how to trust a frontend’s certificate that names another host, next to its fingerprint', () => {
    render(refusedCertificateReport(NAMES_ANOTHER_HOST));
    act(() => cell('controller.js', 'frontend:FE2').click());
    const hint = $('[data-testid="ota-trust-hint"]')!;
    expect(hint.textContent).toBe(strings.ota.panel.trustHint);
    expect(hint.closest('dd')?.textContent).toContain(FE2_FINGERPRINT);
  });

  it('gives no such hint for a certificate accepted, or refused for another reason', () => {
    render(smallReport());
    act(() => cell('controller.js', 'frontend:FE2').click());
    expect($('[data-testid="ota-evidence-panel"]')?.textContent).toContain('AB:CD:EF');
    expect($('[data-testid="ota-trust-hint"]')).toBeNull();
    render(refusedCertificateReport('self-signed certificate in certificate chain'));
    act(() => cell('controller.js', 'frontend:FE2').click());
    expect($('[data-testid="ota-evidence-panel"]')?.textContent).toContain(FE2_FINGERPRINT);
    expect($('[data-testid="ota-trust-hint"]')).toBeNull();
  });

  it('filters to problems and to one frontend’s column', () => {
    render(smallReport());
    const mismatches = $('[data-testid="ota-filter-mismatches"]') as HTMLInputElement;
    expect($$('[data-testid="ota-row"]').map((r) => r.dataset.path)).toEqual(['/MyApp/scripts/MyApp.controller.js']);
    const select = $('[data-testid="ota-filter-frontend"]') as HTMLSelectElement;
    act(() => {
      select.value = 'FE1';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect($$('[data-testid="ota-column"]').map((c) => c.dataset.source)).not.toContain('frontend:FE2');
    expect($('[data-testid="ota-cell"][data-source="frontend:FE2"]')).toBeNull();
    act(() => mismatches.click());
    expect(mismatches.checked).toBe(false);
    expect($$('[data-testid="ota-row"]')).toHaveLength(3);
  });

  it('moves between cells with the arrow keys and copies the full value with Ctrl+C', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(smallReport());
    showAll();
    const first = cell('moduleinfo', 'public');
    act(() => first.focus());
    key(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(cell('index.js', 'public'));
    key(document.activeElement!, { key: 'ArrowUp' });
    key(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(cell('controller.js', 'public'));
    key(document.activeElement!, { key: 'c', ctrlKey: true });
    await act(flush);
    expect(writeText).toHaveBeenCalledWith(`${RIGHT}\n${OLD}`);
  });

  it('exports HTML and JSON through main and shows where they went', async () => {
    fake.api.reportExport.mockResolvedValueOnce({ ok: true, value: { paths: ['/r/ota.html', '/r/ota.json'] } });
    const report = smallReport();
    render(report);
    await act(async () => $('[data-testid="ota-export"]')!.click());
    expect(fake.api.reportExport).toHaveBeenCalledWith({ report, formats: ['html', 'json'] });
    expect($('[data-testid="ota-export-result"]')?.textContent).toBe('Saved: /r/ota.html, /r/ota.json');
    fake.api.reportExport.mockResolvedValueOnce({ ok: true, value: { paths: ['/r/case.html'] } });
    await act(async () => $('[data-testid="ota-export-summary"]')!.click());
    expect(fake.api.reportExport).toHaveBeenLastCalledWith({ report, formats: ['summary'] });
    expect($('[data-testid="ota-export-result"]')?.textContent).toBe('Saved: /r/case.html');
  });
});

describe('a whole module', () => {
  it('draws only a window of the 2,000 rows, and moves it with the scroll and the keyboard', () => {
    render(bigReport(2000));
    const rows = () => $$('[data-testid="ota-row"]');
    const window = Math.ceil(600 / ROW_HEIGHT) + OVERSCAN;
    expect(rows()).toHaveLength(window);
    expect($('[data-testid="ota-table"]')?.getAttribute('aria-rowcount')).toBe('2002');
    const spacer = $('.ota-spacer') as HTMLElement;
    expect(spacer.style.height).toBe(`${(2000 - window) * ROW_HEIGHT}px`);

    const scroller = $('.ota-table-scroll')!;
    act(() => {
      scroller.scrollTop = 1000 * ROW_HEIGHT;
      scroller.dispatchEvent(new Event('scroll'));
    });
    expect(rows()[0]?.dataset.path).toBe(`/MyApp/scripts/file-0${1000 - OVERSCAN}.js`);
    expect(rows().length).toBeLessThan(40);

    // Ctrl+End from a cell: the last row is drawn and focused.
    const someCell = $('[data-testid="ota-cell"]', rows()[0])!;
    act(() => someCell.focus());
    key(someCell, { key: 'End', ctrlKey: true });
    expect((document.activeElement as HTMLElement).dataset.row).toBe('1999');
    expect(document.activeElement?.closest('tr')?.dataset.path).toBe('/MyApp/scripts/file-1999.js');
  });
});
