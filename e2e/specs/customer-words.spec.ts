// Customer mode in plain words: an address that cannot be reached still ends with a report to send, named
// and shown in its folder; the check and its result are separate steps. Light and dark, 1280x800 and 1024x768.
import { join } from 'node:path';
import { startFrontend } from '../lab/servers.js';
import { v2 } from '../lab/scenarios.js';
import { expect, test } from '../harness/fixture.js';

test('an unreachable address: the step says so, and a report of the attempt can be saved and shown', async ({ hw }) => {
  const { page } = hw;
  const gone = await startFrontend({ version: v2 });
  const url = `http://127.0.0.1:${gone.port}/MyApp/`;
  await gone.close();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Customer mode' }).click();
  await expect(page.getByTestId('customer-step')).toHaveText('Step 1 of 6');
  await page.getByTestId('customer-next').click();
  await page.getByTestId('customer-next').click();
  await page.getByTestId('customer-app-url').fill(url);
  await page.getByTestId('customer-next').click();
  await page.getByTestId('customer-next').click();
  await expect(page.getByTestId('customer-run-error')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('customer-step')).toHaveText('Step 5 of 6');
  await expect(page.getByRole('navigation').getByRole('button')).toHaveText(['Customer mode']);
  const saved = join(hw.dataDir, 'unreachable-report.html');
  hw.dialogAnswers.push([saved]);
  await page.getByTestId('customer-save-report').click();
  await expect(page.getByTestId('customer-saved')).toContainText('unreachable-report.html and unreachable-report.json');
  await page.getByTestId('customer-show-in-folder').click();
  await expect.poll(() => hw.opened).toContain(`folder:${saved}`);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [w, h] of [
      [1280, 800],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await hw.shot(`customer-unreachable-${w}-${scheme}`, { viewportOnly: true });
    }
  }
});
