// The OTA upgrade check in Chromium against the loopback lab: one check per verdict cause, with the
// banner and the evidence panel asserted; export and reopen; bad inputs; a keyboard-only run.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { JS, SCENARIOS, farm, tamper, v2, type Scenario } from '../lab/scenarios.js';
import { expect, SCREENSHOTS, test, type Harness } from '../harness/fixture.js';

interface Check {
  scenario: Scenario;
  scope?: 'all' | 'chosen' | 'log';
  timeout?: string;
  moduleinfo?: string;
}

async function fillAndRun(hw: Harness, c: Check): Promise<void> {
  const { page } = hw;
  await page.getByRole('button', { name: 'OTA upgrade check' }).click();
  if (c.scenario.log) await page.getByTestId('ota-log').fill(c.scenario.log);
  await page.getByTestId('ota-app-url').fill(c.scenario.appUrl);
  for (const [i, f] of c.scenario.frontends.entries()) {
    await page.getByTestId('ota-add-frontend').click();
    await page.getByTestId(`ota-frontend-label-${i}`).fill(f.label);
    await page.getByTestId(`ota-frontend-address-${i}`).fill(f.address);
  }
  const scope = c.scope ?? (c.scenario.log ? 'log' : 'chosen');
  await page.getByTestId(`ota-scope-${scope}`).check();
  if (scope === 'chosen') await page.getByTestId('ota-resources').fill(JS);
  if (c.timeout) await page.getByTestId('ota-timeout').fill(c.timeout);
  if (c.moduleinfo !== undefined) {
    await page.getByTestId('ota-advanced').locator('summary').click();
    await page.getByTestId('ota-moduleinfo').fill(c.moduleinfo);
  }
  await page.getByTestId('ota-run').click();
}

const verdict = (page: Page) => page.getByTestId('ota-verdict');
const cell = (page: Page, source: string) =>
  page.locator(`[data-testid="ota-row"][data-path="${JS}"] [data-testid="ota-cell"][data-source="${source}"]`);

const CASES: Array<{ cause: keyof typeof SCENARIOS; fault: string; banner: RegExp; open?: string; panel?: RegExp }> = [
  { cause: 'consistent', fault: 'none', banner: /no fault found/ },
  {
    cause: 'outdated-frontend',
    fault: 'frontend',
    banner: /Frontend FE2 serves an outdated copy/,
    open: 'frontend:FE2',
    panel: /Microsoft-IIS/,
  },
  { cause: 'manifest-mismatch', fault: 'frontend', banner: /do not match their own moduleinfo/, open: 'frontend:FE1', panel: /200/ },
  {
    cause: 'stale-cache',
    fault: 'network',
    banner: /A cache between the servers and the devices serves an old copy/,
    open: 'public',
    panel: /X-Cache|HIT/i,
  },
  { cause: 'altered-content', fault: 'network', banner: /changes the content/, open: 'public', panel: /monitor/ },
  { cause: 'truncated', fault: 'network', banner: /cut short/, open: 'public', panel: /cut short|prefix/i },
  {
    cause: 'device-network',
    fault: 'network',
    banner: /something on the device's network changes the files/,
    open: 'device',
    panel: /eZeyznlO/,
  },
  { cause: 'new-deployment', fault: 'deployment', banner: /republished/ },
  { cause: 'unreachable', fault: 'inconclusive', banner: /could not be reached/, open: 'frontend:FE9', panel: /connection refused/ },
];

for (const c of CASES) {
  test(`an OTA check that finds ${c.cause}`, async ({ hw }) => {
    const scenario = await SCENARIOS[c.cause]();
    try {
      await fillAndRun(hw, { scenario });
      await expect(verdict(hw.page)).toHaveAttribute('data-cause', c.cause, { timeout: 30_000 });
      await expect(verdict(hw.page)).toHaveAttribute('data-fault', c.fault);
      await expect(verdict(hw.page)).toContainText(c.banner);
      if (c.open) {
        await cell(hw.page, c.open).first().click();
        await expect(hw.page.getByTestId('ota-evidence-panel')).toContainText(c.panel!);
      }
      await hw.shot(`ota-${c.cause}-light`);
    } finally {
      await scenario.close();
    }
  });
}

test('export a report, reopen it from Reports and see the same verdict', async ({ hw }) => {
  const scenario = await SCENARIOS['outdated-frontend']();
  try {
    await fillAndRun(hw, { scenario });
    await expect(verdict(hw.page)).toHaveAttribute('data-cause', 'outdated-frontend', { timeout: 30_000 });
    const target = join(hw.dataDir, 'case-123.html');
    hw.dialogAnswers.push([target]);
    await hw.page.getByTestId('ota-export').click();
    await expect(hw.page.getByTestId('ota-export-result')).toContainText('case-123.json');
    // The HTML report opens offline in a plain browser tab; look at it on screen and as printed.
    const html = await hw.page.context().newPage();
    await html.goto(`file://${target}`);
    await expect(html.getByText('Frontend FE2 serves an outdated copy of 1 file.').first()).toBeVisible();
    await html.screenshot({ path: join(SCREENSHOTS, 'report-html-light.png'), fullPage: true });
    await html.screenshot({ path: join(SCREENSHOTS, 'report-html-top-light.png') });
    await html.emulateMedia({ media: 'print' });
    await html.screenshot({ path: join(SCREENSHOTS, 'report-html-print.png'), fullPage: true });
    await html.close();
    await hw.page.reload();
    await hw.page.getByRole('navigation').waitFor();
    await hw.page.getByRole('button', { name: 'Reports' }).click();
    // The report the app saved is on its recent list, and reopens the same screen.
    await expect(hw.page.getByTestId('reports-recent-item').first()).toContainText('case-123.json');
    await hw.page.getByTestId('reports-recent-item').first().click();
    await expect(verdict(hw.page)).toHaveAttribute('data-cause', 'outdated-frontend');
    await expect(cell(hw.page, 'frontend:FE2')).toHaveAttribute('data-match', 'false');
    await hw.shot('reports-reopened-light');
  } finally {
    await scenario.close();
  }
});

test('bad inputs show their messages and keep the earlier result', async ({ hw }) => {
  const good = await SCENARIOS.consistent();
  const slow = await farm(
    [v2],
    tamper('slow', (p) => p === JS),
  );
  try {
    await fillAndRun(hw, { scenario: good });
    await expect(verdict(hw.page)).toHaveAttribute('data-cause', 'consistent', { timeout: 30_000 });
    // The result first: the form is one line now; Edit opens it again.
    await expect(hw.page.getByTestId('ota-run')).toBeHidden();
    await hw.page.getByTestId('ota-edit').click();
    // Nothing listening and no frontend: no moduleinfo from any source.
    for (let i = 0; i < 2; i++) await hw.page.getByTestId('ota-frontend-remove-0').click();
    await hw.page.getByTestId('ota-app-url').fill('http://127.0.0.1:9/MyApp/');
    await hw.page.getByTestId('ota-run').click();
    await expect(hw.page.getByTestId('ota-error')).toContainText(/no usable moduleinfo|connection refused/, { timeout: 30_000 });
    await expect(verdict(hw.page)).toHaveAttribute('data-cause', 'consistent');
    // A malformed moduleinfo pasted in the advanced options.
    await hw.page.getByTestId('ota-advanced').locator('summary').click();
    await hw.page.getByTestId('ota-moduleinfo').fill('{"manifest": {"versionToken": "x",,}}');
    await hw.page.getByTestId('ota-run').click();
    await expect(hw.page.getByTestId('ota-error')).toContainText(/line 1, column \d+/);
    await expect(verdict(hw.page)).toHaveAttribute('data-cause', 'consistent');
    await hw.shot('ota-bad-input-light');
    await hw.page.getByTestId('ota-moduleinfo').fill('');
    // A resource that times out through the public URL: the cell says why.
    await hw.page.getByTestId('ota-app-url').fill(slow.appUrl);
    await hw.page.getByTestId('ota-add-frontend').click();
    await hw.page.getByTestId('ota-frontend-label-0').fill('FE1');
    await hw.page.getByTestId('ota-frontend-address-0').fill(slow.frontends[0]!.address);
    await hw.page.getByTestId('ota-timeout').fill('1');
    await hw.page.getByTestId('ota-run').click();
    await expect(verdict(hw.page)).toHaveAttribute('data-cause', 'unreachable', { timeout: 30_000 });
    await expect(cell(hw.page, 'public')).toHaveAttribute('data-match', 'error');
    await cell(hw.page, 'public').click();
    await expect(hw.page.getByTestId('ota-evidence-panel')).toContainText('no complete answer within 1 s');
  } finally {
    await good.close();
    await slow.close();
  }
});

test('a resource the frontend does not have (404) is named', async ({ hw }) => {
  const { startFrontend } = await import('../lab/servers.js');
  const good = await startFrontend({ version: v2, label: 'FE1' });
  const missing = await startFrontend({ version: v2, label: 'FE2', missing: ['scripts/MyApp.controller.js'] });
  try {
    const scenario: Scenario = {
      appUrl: `${good.url}/MyApp/`,
      labs: [good, missing],
      fes: [good, missing],
      close: async () => undefined,
      frontends: [
        { label: 'FE1', address: `127.0.0.1:${good.port}` },
        { label: 'FE2', address: `127.0.0.1:${missing.port}` },
      ],
    };
    await fillAndRun(hw, { scenario });
    await expect(verdict(hw.page)).toHaveAttribute('data-cause', 'outdated-frontend', { timeout: 30_000 });
    await cell(hw.page, 'frontend:FE2').click();
    await expect(hw.page.getByTestId('ota-evidence-panel')).toContainText('404');
  } finally {
    await good.close();
    await missing.close();
  }
});

test("keyboard only: fill the form, run the check and open a cell's evidence", async ({ hw }) => {
  const scenario = await SCENARIOS['outdated-frontend']();
  const { page } = hw;
  /** Presses Tab until the element with this test id has the focus (fails if it never gets there). */
  const tabTo = async (testId: string) => {
    for (let i = 0; i < 80; i++) {
      if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${testId}`);
  };
  try {
    // To the navigation, then the OTA screen.
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.textContent === 'OTA upgrade check')); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await tabTo('ota-app-url');
    await page.keyboard.type(scenario.appUrl);
    for (const [i, f] of scenario.frontends.entries()) {
      await tabTo('ota-add-frontend');
      await page.keyboard.press('Enter');
      await tabTo(`ota-frontend-label-${i}`);
      await page.keyboard.type(f.label);
      await tabTo(`ota-frontend-address-${i}`);
      await page.keyboard.type(f.address);
    }
    // A radio group is one Tab stop; the arrow keys choose within it.
    for (
      let i = 0;
      i < 80 && !(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')?.startsWith('ota-scope-')));
      i++
    )
      await page.keyboard.press('Tab');
    for (let i = 0; i < 3 && !(await page.getByTestId('ota-scope-chosen').isChecked()); i++) await page.keyboard.press('ArrowUp');
    await expect(page.getByTestId('ota-scope-chosen')).toBeChecked();
    await tabTo('ota-resources');
    await page.keyboard.type(JS);
    await tabTo('ota-run');
    await page.keyboard.press('Enter');
    await expect(verdict(page)).toHaveAttribute('data-cause', 'outdated-frontend', { timeout: 30_000 });
    await page.locator(`[data-testid="ota-cell"][data-source="frontend:FE2"]`).first().focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('ota-evidence-panel')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('ota-evidence-panel')).toBeHidden();
  } finally {
    await scenario.close();
  }
});

test('screenshots of every screen, light and dark, at 100% and 200%', async ({ hw }) => {
  const scenario = await SCENARIOS['stale-cache']();
  try {
    await fillAndRun(hw, { scenario });
    await expect(verdict(hw.page)).toHaveAttribute('data-cause', 'stale-cache', { timeout: 30_000 });
    await hw.page.getByTestId('ota-table').scrollIntoViewIfNeeded();
    await hw.shot('ota-result-window-light', { viewportOnly: true });
    await cell(hw.page, 'public').first().click();
    await hw.shot('ota-evidence-window-light', { viewportOnly: true });
    const screens = [
      ['check', 'Check a file'],
      ['checksums', 'Checksum files'],
      ['ota', 'OTA upgrade check'],
      ['customer', 'Customer mode'],
      ['reports', 'Reports'],
    ] as const;
    for (const scheme of ['light', 'dark'] as const) {
      await hw.page.emulateMedia({ colorScheme: scheme });
      for (const zoom of [1, 2]) {
        // 200% zoom halves the CSS pixels across: the same layout as a window half as wide.
        await hw.page.setViewportSize({ width: 1180 / zoom, height: 800 / zoom });
        for (const [id, name] of screens) {
          await hw.page.getByRole('button', { name, exact: true }).click();
          await hw.shot(`screen-${id}-${scheme}-${zoom * 100}`);
        }
      }
    }
  } finally {
    await scenario.close();
  }
});

test('a pasted moduleinfo is judged with the copies the check reads', async ({ hw }) => {
  const scenario = await SCENARIOS.consistent();
  try {
    await fillAndRun(hw, { scenario, moduleinfo: v2.moduleinfoText });
    await expect(verdict(hw.page)).toHaveAttribute('data-cause', 'consistent', { timeout: 30_000 });
    // The version decision names it among the copies that carry the current token.
    await expect(verdict(hw.page)).toContainText('the moduleinfo given');
  } finally {
    await scenario.close();
  }
});

test('HTTPS frontends: a CA file, and a frontend whose certificate names another host trusted by its fingerprint', async ({ hw }) => {
  const { makeTestPki } = await import('../lab/tls.js');
  const { startBalancer, startFrontend, closeAll } = await import('../lab/servers.js');
  const pki = makeTestPki(join(hw.dataDir, 'pki'));
  const fe1 = await startFrontend({ version: v2, label: 'FE1', tls: pki.server });
  const fe2 = await startFrontend({ version: v2, label: 'FE2', tls: pki.other });
  const lb = await startBalancer({ members: [{ url: fe1.url }], tls: pki.server });
  const scenario: Scenario = {
    appUrl: `https://localhost:${lb.port}/MyApp/`,
    labs: [fe1, fe2, lb],
    fes: [fe1, fe2],
    close: () => closeAll([fe1, fe2, lb]),
    frontends: [
      { label: 'FE1', address: `127.0.0.1:${fe1.port}` },
      { label: 'FE2', address: `127.0.0.1:${fe2.port}` },
    ],
  };
  try {
    const { page } = hw;
    await page.getByRole('button', { name: 'OTA upgrade check' }).click();
    hw.dialogAnswers.push([pki.caFile]);
    await page.getByTestId('ota-ca').click();
    await expect(page.getByTestId('ota-ca-path')).toContainText('ca.pem');
    await fillAndRun(hw, { scenario });
    await expect(verdict(page)).toHaveAttribute('data-cause', 'unreachable', { timeout: 30_000 });
    await cell(page, 'frontend:FE2').click();
    await expect(page.getByTestId('ota-evidence-panel')).toContainText('is not accepted');
    await hw.shot('ota-tls-untrusted-light', { viewportOnly: true });
    await page.getByTestId('ota-evidence-close').click();
    await page.getByTestId('ota-edit').click();
    await page.getByTestId('ota-frontend-trust-1').fill(pki.otherFingerprint256);
    await page.getByTestId('ota-run').click();
    await expect(verdict(page)).toHaveAttribute('data-cause', 'consistent', { timeout: 30_000 });
  } finally {
    await scenario.close();
  }
});
