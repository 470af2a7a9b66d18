// The two documents an agent attaches to a case, exported from a check of 6 frontends with FE3 far behind (27 files at
// fault) and the device's log naming one: the case summary prints on at most 2 pages (Chromium's PDF of it); the full
// report has every resource in tables whose words never break. Both open offline and carry the command.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { JS } from '../lab/scenarios.js';
import { expect, SCREENSHOTS, test } from '../harness/fixture.js';
import { farBehind, outdatedThird, run } from './ota-helpers.js';

/** Pages in a PDF: its page objects (not the /Pages tree nodes). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

/** Words (outside hashes, which may wrap anywhere) drawn on more than one line: a table squeezed until words break. */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent?.closest('td, th') || parent.closest('.h, pre')) continue;
      const text = n.textContent ?? '';
      for (const m of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        if (range.getClientRects().length > 1) out.push(m[0]);
      }
    }
    return out;
  });
}

test('the case summary on at most 2 printed pages, the full report with every resource and no broken words', async ({ hw }) => {
  const { page } = hw;
  await page.setViewportSize({ width: 1280, height: 800 });
  const scenario = await outdatedThird(6, farBehind);
  try {
    await run(hw, scenario);
    await expect(page.getByTestId('ota-verdict')).toHaveAttribute('data-cause', 'outdated-frontend', { timeout: 30_000 });
    const summary = join(hw.dataDir, 'case-77.html');
    hw.dialogAnswers.push([summary]);
    await page.getByTestId('ota-export-summary').click();
    await expect(page.getByTestId('ota-export-result')).toContainText('case-77.html');
    const full = join(hw.dataDir, 'case-77-full.html');
    hw.dialogAnswers.push([full]);
    await page.getByTestId('ota-export').click();
    await expect(page.getByTestId('ota-export-result')).toContainText('case-77-full.json');

    const doc = await page.context().newPage();
    await doc.setViewportSize({ width: 1280, height: 800 });
    await doc.goto(`file://${summary}`);
    await expect(doc.getByText('The device rejected this file:')).toBeVisible();
    await expect(doc.locator('pre').first()).toContainText('hash-workbench diagnose');
    await expect(doc.locator('h2', { hasText: 'Faulty resources' })).toContainText('27');
    await doc.screenshot({ path: join(SCREENSHOTS, 'report-case-summary-light.png'), fullPage: true });
    await doc.emulateMedia({ media: 'print' });
    const pdf = await doc.pdf({ format: 'A4' });
    writeFileSync(join(SCREENSHOTS, 'report-case-summary.pdf'), pdf);
    const pages = pageCount(pdf);
    test.info().annotations.push({ type: 'case summary, printed A4 pages', description: String(pages) });
    console.log(`case summary: ${pages} printed A4 page(s)`);
    await doc.setViewportSize({ width: 794, height: 1123 });
    await doc.screenshot({ path: join(SCREENSHOTS, 'report-case-summary-print.png'), fullPage: true });
    await doc.setViewportSize({ width: 1280, height: 800 });
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(2);

    await doc.emulateMedia({ media: 'screen' });
    await doc.goto(`file://${full}`);
    const html = readFileSync(full, 'utf8');
    expect(html).toContain('hash-workbench diagnose');
    // Every resource has its row; the faulty ones first.
    const rows = doc.locator('table.grid tbody tr');
    await expect(rows).toHaveCount(31);
    await expect(rows.first().locator('th')).toContainText(JS);
    expect(await brokenWords(doc)).toEqual([]);
    await doc.screenshot({ path: join(SCREENSHOTS, 'report-full-top-light.png') });
    // Printed (A4 portrait is about 794 CSS px wide): still no word cut in two.
    await doc.emulateMedia({ media: 'print' });
    await doc.setViewportSize({ width: 794, height: 1123 });
    expect(await brokenWords(doc)).toEqual([]);
    const fullPages = pageCount(await doc.pdf({ format: 'A4' }));
    test.info().annotations.push({ type: 'full report, printed A4 pages', description: String(fullPages) });
    console.log(`full report: ${fullPages} printed A4 page(s)`);
    await doc.screenshot({ path: join(SCREENSHOTS, 'report-full-print.png'), fullPage: true });
    await doc.close();
  } finally {
    await scenario.close();
  }
});
