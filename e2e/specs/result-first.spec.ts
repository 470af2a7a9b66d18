// The answer first: after Run the form folds into one line and the verdict banner is whole in the window; the
// table fits with 4 and 6 frontends (no page-wide sideways scroll at 1280 px, 1024 px or 200% zoom), problems first;
// progress stays in view while the check runs and Cancel stops it. At 1280x800 and 1024x768, light and dark,
// at 100% and on a 2x screen (deviceScaleFactor 2); 200% zoom as the same layout in half the CSS pixels.
import type { Page } from '@playwright/test';
import { JS, farm, tamper } from '../lab/scenarios.js';
import { expect, test } from '../harness/fixture.js';
import { current, outdatedThird, run } from './ota-helpers.js';

/** Nothing scrolls the whole page sideways. */
async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function expectInWindow(page: Page, testId: string): Promise<void> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  const view = page.viewportSize()!;
  expect(box.y, `${testId} top`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${testId} bottom (window ${view.height})`).toBeLessThanOrEqual(view.height);
  expect(box.x + box.width, `${testId} right`).toBeLessThanOrEqual(view.width);
}

const SIZES = [
  [1280, 800],
  [1024, 768],
] as const;

for (const scale of [1, 2] as const) {
  test.describe(`on a ${scale}x screen`, () => {
    test.use({ deviceScaleFactor: scale });
    for (const n of [4, 6]) {
      for (const [w, h] of SIZES) {
        test(`${n} frontends at ${w}x${h}: the verdict whole after Run, problems first, nothing wider than the window`, async ({ hw }) => {
          const { page } = hw;
          await page.setViewportSize({ width: w, height: h });
          const scenario = await outdatedThird(n);
          try {
            await run(hw, scenario);
            const verdict = page.getByTestId('ota-verdict');
            await expect(verdict).toHaveAttribute('data-cause', 'outdated-frontend', { timeout: 30_000 });
            // The form is one line now; the banner leads with what the device's log rejected.
            await expect(page.getByTestId('ota-run')).toBeHidden();
            await expect(page.getByTestId('ota-summary')).toContainText(`${n} frontends`);
            await expect(page.getByTestId('ota-logged')).toContainText(JS);
            await expect(page.getByTestId('ota-verdict-frontends')).toContainText('FE3');
            await expect(page.getByTestId('ota-more')).toBeVisible();
            for (const scheme of ['light', 'dark'] as const) {
              await page.emulateMedia({ colorScheme: scheme });
              if (scale === 1 || scheme === 'light')
                await hw.shot(`result-first-${n}fe-${w}-${scheme}-${scale * 100}`, { viewportOnly: true });
              await expectInWindow(page, 'ota-verdict');
              expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
            }
            await page.emulateMedia({ colorScheme: 'light' });
            // Problems first, with "Only problems" on; the faulty frontend's mark is in the table's visible box.
            await expect(page.getByTestId('ota-filter-mismatches')).toBeChecked();
            const rows = page.getByTestId('ota-row');
            await expect(rows.first()).toHaveAttribute('data-path', JS);
            await expect(rows.first()).not.toHaveAttribute('data-cause', 'consistent');
            const fe3 = rows.first().locator('[data-testid="ota-cell"][data-source="frontend:FE3"]');
            await expect(fe3).toHaveAttribute('data-match', 'false');
            const box = (await page.locator('.ota-table-scroll').boundingBox())!;
            const mark = (await fe3.boundingBox())!;
            expect(mark.x + mark.width).toBeLessThanOrEqual(box.x + box.width);
            // Every row, consistent ones after the problems; a long path keeps its file name.
            await page.getByTestId('ota-filter-mismatches').uncheck();
            await expect(rows.first()).toHaveAttribute('data-path', JS);
            const long = page.locator('[data-testid="ota-row"][data-path$="DataGrid1.ColumnDefinitions.controller.js"] .ota-path-file');
            await expect(long).toHaveText('MyApp.Common.Widgets.DataGrid1.ColumnDefinitions.controller.js');
            expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
            await page.getByTestId('ota-table').scrollIntoViewIfNeeded();
            if (scale === 1) await hw.shot(`result-first-${n}fe-${w}-table-light`, { viewportOnly: true });
            // 200% zoom: the same layout in half the CSS pixels. Still no sideways page, FE3's mark in the box.
            await page.setViewportSize({ width: w / 2, height: h / 2 });
            await page.getByTestId('ota-filter-mismatches').check();
            expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
            const zoomBox = (await page.locator('.ota-table-scroll').boundingBox())!;
            const zoomMark = (await fe3.boundingBox())!;
            expect(zoomMark.x + zoomMark.width).toBeLessThanOrEqual(zoomBox.x + zoomBox.width);
            // The faulty file's name reads whole beside its verdict, and no verdict word is cut.
            const file = rows.first().locator('.ota-path-file');
            expect(await file.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
            const verdicts = page.locator('[data-testid="ota-row"] .ota-row-verdict > span');
            for (const cut of await verdicts.evaluateAll((els) => els.map((e) => e.scrollWidth - e.clientWidth)))
              expect(cut).toBeLessThanOrEqual(0);
            // Each frontend's heading (FE1…) reads whole above its marks.
            const heads = page.locator('.ota-fe-head .ota-col-heading');
            for (const cut of await heads.evaluateAll((els) => els.map((e) => e.scrollWidth - e.clientWidth)))
              expect(cut).toBeLessThanOrEqual(0);
            if (scale === 1 && n === 6) {
              await page.evaluate(() => window.scrollTo(0, 0));
              await hw.shot(`result-first-${n}fe-${w}-zoom200-light`, { viewportOnly: true });
              await page.getByTestId('ota-table').scrollIntoViewIfNeeded();
              await hw.shot(`result-first-${n}fe-${w}-zoom200-table-light`, { viewportOnly: true });
            }
          } finally {
            await scenario.close();
          }
        });
      }
    }
  });
}

test('progress stays in view while the check runs, and Cancel stops it', async ({ hw }) => {
  const { page } = hw;
  await page.setViewportSize({ width: 1280, height: 800 });
  const scenario = await farm(
    [current, current],
    tamper('slow', (p) => p === JS),
  );
  try {
    await run(hw, scenario);
    await expect(page.getByTestId('ota-progress')).toBeVisible();
    await expectInWindow(page, 'ota-progress');
    await expectInWindow(page, 'ota-cancel');
    await hw.shot('result-first-running-light', { viewportOnly: true });
    await page.getByTestId('ota-cancel').click();
    await expect(page.getByTestId('ota-progress')).toHaveCount(0, { timeout: 30_000 });
    // Cancelled: what was checked before is shown, or (nothing yet) the form is back; either way it says so.
    await expect(page.getByTestId('ota-run-note')).toContainText('Cancelled');
  } finally {
    await scenario.close();
  }
});

test('frontends suggested from the report’s BIG-IP cookies and the host’s DNS, each with where it came from, added only when picked', async ({
  hw,
}) => {
  const { page } = hw;
  const { startBalancer, startFrontend, closeAll } = await import('../lab/servers.js');
  const fes = [await startFrontend({ version: current, label: 'FE1' }), await startFrontend({ version: current, label: 'FE2' })];
  const lb = await startBalancer({ members: fes.map((f) => ({ url: f.url })), affinityCookie: true });
  const scenario = {
    appUrl: `${lb.url}/MyApp/`,
    fes,
    labs: [...fes, lb],
    frontends: [{ label: 'FE1', address: `127.0.0.1:${fes[0]!.port}` }],
    close: () => closeAll([...fes, lb]),
  };
  try {
    await run(hw, scenario);
    await expect(page.getByTestId('ota-verdict')).toHaveAttribute('data-cause', 'consistent', { timeout: 30_000 });
    await page.getByTestId('ota-edit').click();
    await page.getByTestId('ota-suggest').click();
    const items = page.getByTestId('ota-suggestion');
    await expect(items.first()).toBeVisible({ timeout: 30_000 });
    // The balancer's cookie names its pool members (the two frontends, on loopback): FE2 was not in the form.
    await expect(page.getByTestId('ota-suggest-box')).toContainText('pool member named by the BIG-IP cookie BIGipServerpool_app');
    await hw.shot('ota-suggest-light', { viewportOnly: false });
    // Nothing was added by itself; Add puts one in a new row.
    await expect(page.getByTestId('ota-frontend-address-1')).toHaveCount(0);
    const fe2 = page.locator(`[data-testid="ota-suggestion"][data-address$="127.0.0.1:${fes[1]!.port}"]`);
    await expect(fe2).toBeVisible();
    const address = await fe2.getAttribute('data-address');
    await fe2.getByRole('button', { name: `Add ${address}` }).click();
    await expect(page.getByTestId('ota-frontend-address-1')).toHaveValue(address!);
    await expect(fe2.getByRole('button', { name: `Add ${address}` })).toBeDisabled();
  } finally {
    await scenario.close();
  }
});
