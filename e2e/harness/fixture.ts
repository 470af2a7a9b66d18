// The Playwright fixture: a temp data folder, the renderer served on 127.0.0.1, window.workbench bound
// to the real handler table (contract validation, path grants, services), stand-ins for what only
// Electron can do (dialogs answer from a queue, links are recorded, not opened), and screenshots.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppStore } from '../../main/node/app/app-store.js';
import { dispatch, type Caller, type Platform, type Services } from '../../main/node/app/handlers.js';
import { Jobs } from '../../main/node/app/jobs.js';
import { PathGrants } from '../../main/node/app/path-grants.js';
import { HashPool } from '../../main/node/hash-pool.js';
import { SHIM_FILE } from './build-shim.js';
import { startRendererServer } from './static-server.js';

export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

export interface Harness {
  page: Page;
  dataDir: string;
  /** Answers for the next open/save dialogs, in order (an empty list = the user cancelled). */
  dialogAnswers: string[][];
  opened: string[];
  services: Services;
  caller: Caller;
  /** Drops files on the window the way the preload sees a drop: File objects that have a path. */
  drop(paths: string[]): Promise<void>;
  /** A screenshot in e2e/screenshots: the whole page, or only what the window shows. */
  shot(name: string, options?: { viewportOnly?: boolean }): Promise<void>;
}

export const test = base.extend<{ hw: Harness }>({
  hw: async ({ page }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hw-e2e-'));
    const dialogAnswers: string[][] = [];
    const opened: string[] = [];
    const platform: Platform = {
      version: 'e2e',
      platform: process.platform,
      arch: process.arch,
      openDialog: async () => dialogAnswers.shift() ?? [],
      saveDialog: async (name) => dialogAnswers.shift()?.[0] ?? join(dataDir, name),
      openExternal: async (url) => void opened.push(url),
      showInFolder: (path) => void opened.push(`folder:${path}`),
      proxyFor: async () => undefined,
    };
    const services: Services = {
      pool: new HashPool({ size: 2 }),
      jobs: new Jobs(),
      store: new AppStore(join(dataDir, 'userData')),
      platform,
    };
    const caller: Caller = {
      id: 1,
      grants: new PathGrants(),
      emit: (event, payload) => {
        void page
          .evaluate(([e, p]) => (window as unknown as { __hwEmit?: (e: string, p: unknown) => void }).__hwEmit?.(e, p), [
            event,
            payload,
          ] as const)
          .catch(() => undefined);
      },
    };
    await page.exposeBinding('__hwInvoke', (_source, channel: unknown, payload: unknown) => dispatch(channel, payload, caller, services));
    await page.addInitScript({ path: SHIM_FILE });
    const server = await startRendererServer();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(server.url);
    // React attaches the window-wide drop listener in an effect, after the first paint.
    await page.getByRole('navigation').waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    mkdirSync(SCREENSHOTS, { recursive: true });
    const hw: Harness = {
      page,
      dataDir,
      dialogAnswers,
      opened,
      services,
      caller,
      async drop(paths) {
        // Two steps, so the page's own work on a drop is a task apart from the harness making the File objects.
        await page.evaluate((list) => {
          const files = list.map((p) => {
            const f = new File([''], p.split(/[\\/]/).pop() ?? p);
            Object.defineProperty(f, '__hwPath', { value: p });
            return f;
          });
          const dt = new DataTransfer();
          for (const f of files) dt.items.add(f); // gives the drag its "Files" type
          // items.add stores a copy without our property: hand out the originals as dt.files.
          Object.defineProperty(dt, 'files', { value: Object.assign(files, { item: (i: number) => files[i] ?? null }) });
          (window as unknown as { __hwDrop?: DataTransfer }).__hwDrop = dt;
        }, paths);
        await page.evaluate(() => {
          const w = window as unknown as { __hwDrop?: DataTransfer; __hwDropAt?: number };
          const dt = w.__hwDrop!;
          delete w.__hwDrop;
          w.__hwDropAt = performance.now();
          const target = document.body;
          for (const type of ['dragenter', 'dragover', 'drop']) {
            target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
          }
        });
      },
      async shot(name, options) {
        await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: !options?.viewportOnly });
      },
    };
    await use(hw);
    // The page must not have logged errors (a CSP violation shows here too).
    expect(
      errors.filter((e) => !/favicon/.test(e)),
      `page errors in ${testInfo.title}`,
    ).toEqual([]);
    await services.pool.destroy();
    await server.close();
  },
});

export { expect };
