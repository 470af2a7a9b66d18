// Judging as the device does, on the screen: each scenario of e2e/lab/device-scenarios.ts (the same ones the
// CLI's tests run) gives the same fault, cause and frontends in the banner, and the sentences that say why:
// the logged file first, what the device got, the per-copy judgement and the alterations devices accept.
import type { Page } from '@playwright/test';
import { CSS, DEVICE_SCENARIOS, type DeviceScenario } from '../lab/device-scenarios.js';
import { INDEX, JS } from '../lab/scenarios.js';
import { expect, test, type Harness } from '../harness/fixture.js';

/** The check as the CLI's tests run it: the log pasted, and the scenario's own resources chosen besides. */
async function fillAndRun(hw: Harness, s: DeviceScenario): Promise<void> {
  const { page } = hw;
  await page.getByRole('button', { name: 'OTA upgrade check' }).click();
  if (s.log) await page.getByTestId('ota-log').fill(s.log);
  await page.getByTestId('ota-app-url').fill(s.appUrl);
  for (const [i, f] of s.frontends.entries()) {
    await page.getByTestId('ota-add-frontend').click();
    await page.getByTestId(`ota-frontend-label-${i}`).fill(f.label);
    await page.getByTestId(`ota-frontend-address-${i}`).fill(f.address);
  }
  if (s.resources.length) {
    await page.getByTestId('ota-scope-chosen').check();
    await page.getByTestId('ota-resources').fill(s.resources.join('\n'));
  } else await page.getByTestId('ota-scope-log').check();
  await page.getByTestId('ota-run').click();
}

const verdict = (page: Page) => page.getByTestId('ota-verdict');
const cell = (page: Page, path: string, source: string) =>
  page.locator(`[data-testid="ota-row"][data-path="${path}"] [data-testid="ota-cell"][data-source="${source}"]`).first();

/** What each scenario's screen must say besides its verdict. */
const SAYS: Record<keyof typeof DEVICE_SCENARIOS, (page: Page) => Promise<void>> = {
  'android-corrput': async (page) => {
    await expect(page.getByTestId('ota-logged')).toContainText(JS);
    await expect(page.getByTestId('ota-more')).toContainText('Judged as Android judges a copy');
  },
  'android-corrput-altered': async (page) => {
    await expect(page.getByTestId('ota-logged')).toContainText(JS);
  },
  'status-203': async (page) => {
    await cell(page, JS, 'public').click();
    await expect(page.getByTestId('ota-evidence-panel')).toContainText('Android accepts this copy, iOS does not');
  },
  'status-204': async (page) => {
    await cell(page, JS, 'public').click();
    await expect(page.getByTestId('ota-evidence-panel')).toContainText(/rejects/i);
  },
  'status-206': async (page) => {
    await cell(page, JS, 'public').click();
    await expect(page.getByTestId('ota-evidence-panel')).toContainText(
      'Android accepts this copy, iOS does not: iOS accepts only status 200; this copy came with 206.',
    );
  },
  'injected-index-and-logged-failure': async (page) => {
    await expect(page.getByTestId('ota-logged')).toContainText(JS);
    await expect(page.getByTestId('ota-also-found')).toContainText(INDEX);
    await expect(page.getByTestId('ota-also-found')).toContainText(
      'devices accept it (the token is present): not the cause of a checksum failure',
    );
  },
  'frontend-cut-off': async (page) => {
    await expect(page.getByTestId('ota-verdict-frontends')).toContainText('FE2');
  },
  'public-cut-off': async (page) => {
    await expect(verdict(page)).toContainText(/cut short/);
  },
  'undecoded-gzip': async (page) => {
    await expect(page.getByTestId('ota-device-got')).toContainText('The device received the compressed bytes as they travel');
  },
  'bom-stripped-on-device': async (page) => {
    await expect(page.getByTestId('ota-logged')).toContainText(CSS);
    await expect(page.getByTestId('ota-device-got')).toContainText('The device received the right file without its UTF-8 BOM.');
  },
};

for (const name of Object.keys(DEVICE_SCENARIOS) as Array<keyof typeof DEVICE_SCENARIOS>) {
  test(`as the device judges it: ${name}`, async ({ hw }) => {
    const s = await DEVICE_SCENARIOS[name]();
    try {
      await fillAndRun(hw, s);
      await expect(verdict(hw.page)).toHaveAttribute('data-cause', s.verdict.cause, { timeout: 30_000 });
      await expect(verdict(hw.page)).toHaveAttribute('data-fault', s.verdict.fault);
      if (s.verdict.frontends.length)
        await expect(hw.page.getByTestId('ota-verdict-frontends')).toContainText(s.verdict.frontends.join(', '));
      else await expect(hw.page.getByTestId('ota-verdict-frontends')).toHaveCount(0);
      await SAYS[name](hw.page);
    } finally {
      await s.close();
    }
  });
}
