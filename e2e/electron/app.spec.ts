// The real app in Electron, for machines that have its binary (CI here does not: these skip).
// Launch with a temp data folder, stub shell.openExternal, and check the shell's promises.
import { test, expect, _electron as electron, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const hasElectron = existsSync(join(root, 'node_modules/electron/path.txt')) || !!process.env.ELECTRON_OVERRIDE_DIST_PATH;

test.describe('the Electron app', () => {
  test.skip(!hasElectron, 'Electron binary not installed here (node_modules/electron/path.txt missing)');
  let app: ElectronApplication;

  test.beforeEach(async () => {
    const userData = mkdtempSync(join(tmpdir(), 'hw-electron-'));
    app = await electron.launch({ args: [root, `--user-data-dir=${userData}`], cwd: root });
    await app.evaluate(({ shell }) => {
      (globalThis as unknown as { opened: string[] }).opened = [];
      shell.openExternal = async (url: string) => void (globalThis as unknown as { opened: string[] }).opened.push(url);
    });
  });
  test.afterEach(async () => app.close());

  test('opens one sandboxed window on app://renderer with window.workbench and no Node', async () => {
    const page = await app.firstWindow();
    expect(page.url()).toBe('app://renderer/index.html');
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    const api = await page.evaluate(() => Object.keys((window as unknown as { workbench: object }).workbench).sort());
    expect(api).toContain('hashFiles');
    expect(api).not.toContain('invoke');
  });

  test('refuses navigation and new windows; https links go to the system browser only', async () => {
    const page = await app.firstWindow();
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(300);
    expect(page.url()).toBe('app://renderer/index.html');
    await page.evaluate(() => window.open('https://success.outsystems.com/', '_blank'));
    await page.evaluate(() => window.open('http://evil.example/', '_blank'));
    await page.waitForTimeout(300);
    expect(app.windows()).toHaveLength(1);
    expect(await app.evaluate(() => (globalThis as unknown as { opened: string[] }).opened)).toEqual(['https://success.outsystems.com/']);
  });
});
