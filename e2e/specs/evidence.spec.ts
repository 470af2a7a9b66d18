// The evidence panel read as an agent reads it to a customer, and Compare two files with dropped files:
// the judgement and the decisive headers first, samples folded, the bytes beside the right copy with offsets
// and a 1-byte substitution marked. At 1280x800 and 1024x768, light and dark.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { JS, SCENARIOS, farm, v2, type Scenario } from '../lab/scenarios.js';
import type { ModuleVersion } from '../lab/module.js';
import { expect, test, type Harness } from '../harness/fixture.js';
import { run as runCheck } from './ota-helpers.js';

const run = (hw: Harness, scenario: Scenario) => runCheck(hw, scenario, [JS]);

const cell = (page: Page, source: string) =>
  page.locator(`[data-testid="ota-row"][data-path="${JS}"] [data-testid="ota-cell"][data-source="${source}"]`).first();

/** v2 with one byte of the controller changed: the copy an incomplete redeploy could leave. */
function oneByteOff(): ModuleVersion {
  const js = v2.files['scripts/MyApp.controller.js']!;
  const bytes = Buffer.from(js);
  const at = bytes.indexOf('function') + 1; // "function" → "fanction"
  bytes[at] = 'a'.charCodeAt(0);
  return { ...v2, files: { ...v2.files, 'scripts/MyApp.controller.js': new Uint8Array(bytes) } };
}

async function shots(hw: Harness, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await hw.page.emulateMedia({ colorScheme: scheme });
    for (const [w, h] of [
      [1280, 800],
      [1024, 768],
    ] as const) {
      await hw.page.setViewportSize({ width: w, height: h });
      await hw.shot(`${name}-${w}-${scheme}`, { viewportOnly: true });
    }
  }
  await hw.page.emulateMedia({ colorScheme: 'light' });
  await hw.page.setViewportSize({ width: 1280, height: 800 });
}

test('a frontend one byte off: the judgement first, then the bytes beside the right copy with that byte marked', async ({ hw }) => {
  const scenario = await farm([v2, oneByteOff()]);
  const { page } = hw;
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await run(hw, scenario);
    await expect(page.getByTestId('ota-verdict')).toHaveAttribute('data-cause', 'outdated-frontend', { timeout: 30_000 });
    await cell(page, 'frontend:FE2').click();
    const panel = page.getByTestId('ota-evidence-panel');
    await expect(panel.getByTestId('ota-judgement')).toHaveText(/A device rejects this copy: its MD5 is \S+, not \S+/);
    // The decisive block is the first thing in the panel, the judgement inside it, above the fold.
    const decisive = panel.getByTestId('ota-decisive');
    expect((await decisive.boundingBox())!.y).toBeLessThan(200);
    const viewer = panel.getByTestId('diff-view');
    await expect(viewer).toBeVisible();
    const offsets = await viewer.getByTestId('diff-offset').allTextContents();
    expect(offsets.length).toBeGreaterThan(0);
    expect(offsets.every((o) => /^\d+$/.test(o))).toBe(true);
    // One byte substituted: 'u' (75) in the right copy on the left, 'a' (61) in this copy, nothing else marked.
    await expect(viewer.getByTestId('diff-changed')).toHaveText(['75', 'u', '61', 'a']);
    await expect(viewer).toContainText('1 byte differs');
    // Whole bytes: no hex cell wraps (each row is one line tall).
    const heights = await viewer
      .locator('tbody tr:not(.diff-fold)')
      .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(Math.min(...heights) * 1.5);
    // A text file: the line diff shows the changed line once on each side.
    await expect(viewer.getByTestId('diff-lines').locator('[data-kind="added"]')).toContainText('fanction');
    const height = await panel.evaluate((el) => el.scrollHeight);
    test.info().annotations.push({ type: 'evidence panel height (px)', description: String(height) });
    console.log(`evidence panel scrollHeight for one frontend copy: ${height} px`);
    await shots(hw, 'evidence-one-byte');
    // Nothing of either side is cut at the panel's right edge, nor does the page scroll sideways: at 1280 and 1024 px,
    // and at 200% zoom of both (half the CSS pixels), where the rows hold fewer bytes if 8 do not fit. The changed byte stays marked.
    for (const [w, h] of [
      [1280, 800],
      [1024, 768],
      [640, 400],
      [512, 384],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      const cut = await viewer.getByTestId('diff-hex').evaluate((t) => t.scrollWidth - t.parentElement!.clientWidth);
      expect(cut, `diff cut at ${w} px`).toBeLessThanOrEqual(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await expect(viewer.getByTestId('diff-changed')).toHaveText(['75', 'u', '61', 'a']);
      if (w === 512) {
        await viewer.getByTestId('diff-hex').scrollIntoViewIfNeeded();
        await hw.shot('evidence-one-byte-1024-zoom200-light', { viewportOnly: true });
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  } finally {
    await scenario.close();
  }
});

test('a stale cache: Age and X-Cache first and marked, the three public samples folded into one block', async ({ hw }) => {
  const scenario = await SCENARIOS['stale-cache']();
  const { page } = hw;
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await run(hw, scenario);
    await expect(page.getByTestId('ota-verdict')).toHaveAttribute('data-cause', 'stale-cache', { timeout: 30_000 });
    await cell(page, 'public').click();
    const panel = page.getByTestId('ota-evidence-panel');
    const decisive = panel.getByTestId('ota-decisive-headers').locator('tbody tr');
    await expect(decisive.first()).toHaveAttribute('data-decisive', 'true');
    const names = await decisive.locator('th').allTextContents();
    expect(names[0]).toMatch(/Age|X-Cache/);
    await expect(panel.getByTestId('ota-observation').first().locator('h4')).toHaveText(/3 samples: all the same/);
    await expect(panel.getByTestId('ota-observation')).toHaveCount(1);
    await shots(hw, 'evidence-stale-cache');
    // Raw headers one click away.
    const raw = panel.getByTestId('ota-raw-headers').first();
    await raw.locator('summary').click();
    await expect(raw.locator('pre')).toContainText('x-cache: HIT');
    await raw.locator('summary').click();
    const height = await panel.evaluate((el) => el.scrollHeight);
    console.log(`evidence panel scrollHeight for 3 stale samples: ${height} px`);
  } finally {
    await scenario.close();
  }
});

test('Compare two files: dropped on the section, a 1-byte substitution shown with offsets and marked', async ({ hw }) => {
  const { page } = hw;
  const a = join(hw.dataDir, 'app-old.js');
  const b = join(hw.dataDir, 'app-new.js');
  const text = `${'// header line\n'.repeat(4)}var version = 1;\nfunction start() { return version; }\n`;
  writeFileSync(a, text);
  writeFileSync(b, text.replace('version = 1', 'version = 2'));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Check a file' }).click();
  await page.evaluate(
    (list) => {
      const files = list.map((p) => {
        const f = new File([''], p.split(/[\\/]/).pop() ?? p);
        Object.defineProperty(f, '__hwPath', { value: p });
        return f;
      });
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(f);
      Object.defineProperty(dt, 'files', { value: Object.assign(files, { item: (i: number) => files[i] ?? null }) });
      const target = document.querySelector('[data-testid="compare"]')!;
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    },
    [a, b],
  );
  await expect(page.getByTestId('compare-name-a')).toHaveText('app-old.js');
  await expect(page.getByTestId('compare-name-b')).toHaveText('app-new.js');
  // Nothing was hashed: the drop went to the compare section, not the window.
  await expect(page.getByTestId('hash-card')).toHaveCount(0);
  await page.getByTestId('compare-run').click();
  const viewer = page.getByTestId('compare-result').getByTestId('diff-view');
  await expect(viewer.getByTestId('diff-changed')).toHaveText(['31', '1', '32', '2']);
  const offsets = await viewer.getByTestId('diff-offset').allTextContents();
  const at = text.indexOf('version = 1') + 'version = '.length;
  expect(offsets.map(Number).some((o) => o <= at && at < o + 8)).toBe(true);
  await expect(viewer.getByTestId('diff-lines').locator('[data-kind="removed"]')).toContainText('var version = 1;');
  await page.getByTestId('compare').scrollIntoViewIfNeeded();
  await shots(hw, 'compare-one-byte');
});

test('Check again after FE2 is redeployed: before and after, FE2 fixed', async ({ hw }) => {
  const scenario = await farm([v2, oneByteOff()]);
  const { page } = hw;
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await run(hw, scenario);
    await expect(page.getByTestId('ota-verdict')).toHaveAttribute('data-cause', 'outdated-frontend', { timeout: 30_000 });
    scenario.fes[1]!.setVersion(v2); // the fix: FE2 redeployed
    await page.getByTestId('ota-check-again').click();
    await expect(page.getByTestId('ota-verdict')).toHaveAttribute('data-cause', 'consistent', { timeout: 30_000 });
    const comparison = page.getByTestId('ota-comparison');
    await expect(comparison).toHaveAttribute('data-overall', 'fixed');
    await expect(comparison).toContainText('FE2 now serves the current version: fixed.');
    await comparison.scrollIntoViewIfNeeded();
    await shots(hw, 'ota-check-again');
  } finally {
    await scenario.close();
  }
});
