// Customer mode start to finish from a case file, then the agent sets the customer's report beside
// their own: the customer's observations get their own column.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JS, SCENARIOS, checksumLine, expectedOf, v2 } from '../lab/scenarios.js';
import { expect, test } from '../harness/fixture.js';
import { run } from './ota-helpers.js';

test('a customer follows a case file to a saved report, which the agent merges with their own check', async ({ hw }) => {
  const scenario = await SCENARIOS.consistent();
  const { page } = hw;
  try {
    const caseFile = join(hw.dataDir, 'case-4711.hwcase');
    writeFileSync(
      caseFile,
      JSON.stringify({ schema: 'hash-workbench/case', appUrl: scenario.appUrl, caseNumber: '4711', resources: [JS] }),
    );
    // Opened with the app (as a double-click on the .hwcase would): customer mode, filled in.
    await hw.caller.grants.grant(caseFile);
    await page.evaluate(
      (p) => (window as unknown as { __hwEmit: (e: string, p: unknown) => void }).__hwEmit('app:open-paths', { paths: [p], kind: 'case' }),
      caseFile,
    );
    await expect(page.getByTestId('customer-step')).toHaveAttribute('data-step', 'intro');
    await expect(page.getByTestId('customer-case')).toContainText('4711');
    await hw.shot('customer-intro-light');
    await page.getByTestId('customer-next').click();
    await expect(page.getByTestId('customer-step')).toHaveAttribute('data-step', 'error');
    // While the customer goes through the steps, the agent screens are not in the navigation.
    await expect(page.getByRole('navigation').getByRole('button')).toHaveText(['Customer mode']);
    await page.getByTestId('customer-log').fill(checksumLine(JS, expectedOf(v2, JS), 'eZeyznlO_xx2+8Xt0B1UNg'));
    await expect(page.getByTestId('customer-log-summary')).toContainText('MyApp.controller.js');
    await hw.shot('customer-error-light');
    await page.getByTestId('customer-next').click();
    await expect(page.getByTestId('customer-app-url')).toHaveValue(scenario.appUrl);
    await page.getByTestId('customer-next').click();
    await expect(page.getByTestId('customer-step')).toHaveAttribute('data-step', 'capture');
    await page.getByTestId('customer-next').click();
    const result = page.getByTestId('customer-result');
    await expect(result).toBeVisible({ timeout: 30_000 });
    // From the customer's network the public URL is right, but the device calculated another hash.
    await expect(result).toHaveAttribute('data-fault', 'network');
    await expect(page.getByTestId('customer-sentence')).toContainText('arrive changed on your phone’s network');
    await expect(page.getByTestId('customer-who')).toContainText('your IT team');
    await expect(page.getByTestId('customer-limits')).toBeVisible();
    await hw.shot('customer-result-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await hw.shot('customer-result-dark');
    const saved = join(hw.dataDir, 'customer-report.html');
    hw.dialogAnswers.push([saved]);
    await page.getByTestId('customer-save-report').click();
    await expect(page.getByTestId('customer-saved')).toContainText('customer-report.html and customer-report.json');
    await expect(page.getByTestId('customer-saved')).not.toContainText(hw.dataDir);
    await page.getByTestId('customer-show-in-folder').click();
    await expect.poll(() => hw.opened).toContain(`folder:${saved}`);
    await hw.shot('customer-saved-dark', { viewportOnly: true });
    await page.emulateMedia({ colorScheme: 'light' });

    // The agent runs their own check, then adds the customer's report.
    await run(hw, scenario, [JS]);
    await expect(page.getByTestId('ota-verdict')).toHaveAttribute('data-cause', 'consistent', { timeout: 30_000 });
    const agentReport = join(hw.dataDir, 'agent.html');
    hw.dialogAnswers.push([agentReport]);
    await page.getByTestId('ota-export').click();
    await expect(page.getByTestId('ota-export-result')).toContainText('agent.json');
    await page.getByRole('button', { name: 'Reports' }).click();
    hw.dialogAnswers.push([join(hw.dataDir, 'agent.json')]);
    await page.getByTestId('reports-open').click();
    await expect(page.getByTestId('ota-verdict')).toHaveAttribute('data-cause', 'consistent');
    await page.getByRole('button', { name: 'Reports' }).click();
    hw.dialogAnswers.push([join(hw.dataDir, 'customer-report.json')]);
    await page.getByTestId('reports-merge').click();
    await expect(page.getByTestId('ota-verdict')).toHaveAttribute('data-cause', 'device-network');
    await expect(page.locator('[data-testid="ota-column"][data-source="public-customer"]')).toBeVisible();
    await expect(page.locator(`[data-testid="ota-row"][data-path="${JS}"] [data-testid="ota-cell"][data-source="device"]`)).toHaveAttribute(
      'data-match',
      'false',
    );
    await hw.shot('reports-merged-dark');
  } finally {
    await scenario.close();
  }
});

test('an agent prepares a case file for the customer', async ({ hw }) => {
  const { page } = hw;
  await page.getByRole('button', { name: 'Customer mode' }).click();
  await page.getByTestId('customer-prepare-case').click();
  await page.getByTestId('case-app-url').fill('https://apps.example.com/MyApp/');
  await page.getByTestId('case-number').fill('4711');
  await page.getByTestId('case-resources').fill(JS);
  const target = join(hw.dataDir, 'case-4711.hwcase');
  hw.dialogAnswers.push([target]);
  await page.getByTestId('case-save').click();
  await expect(page.getByTestId('case-result')).toContainText('case-4711.hwcase');
  const { readFileSync } = await import('node:fs');
  expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual({
    schema: 'hash-workbench/case',
    appUrl: 'https://apps.example.com/MyApp/',
    caseNumber: '4711',
    resources: [JS],
  });
});
