// Chromium e2e: the built renderer in a real browser, wired by the harness to the real handler table.
// Browser: $HW_CHROMIUM, else Debian's /usr/bin/chromium, else an installed Chrome (channel "chrome").
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const executablePath = process.env.HW_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
process.env.HASH_WORKBENCH_DIST ??= dist;

export default defineConfig({
  testDir: '.',
  testMatch: ['specs/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: 'results/artifacts',
  globalSetup: './harness/global-setup.ts',
  workers: 1,
  timeout: 60_000,
  reporter: process.env.HW_PLAYWRIGHT_JSON ? [['list'], ['json', { outputFile: process.env.HW_PLAYWRIGHT_JSON }]] : [['list']],
  use: {
    headless: true,
    viewport: { width: 1180, height: 800 },
    launchOptions: {
      executablePath,
      // Without the background-networking flags Chromium floods the closed network with refused connections.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    ...(executablePath ? {} : { channel: 'chrome' }),
  },
});
