import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildShim } from './build-shim.js';

export default async function globalSetup(): Promise<void> {
  const index = fileURLToPath(new URL('../../dist/renderer/index.html', import.meta.url));
  if (!existsSync(index)) throw new Error('dist/renderer is missing: run "npm run build" first');
  const executable = process.env.HW_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executable) && !process.env.HW_CHROMIUM) {
    console.warn('No /usr/bin/chromium: using an installed Chrome (channel "chrome"). Install Chromium or Chrome, or set HW_CHROMIUM.');
  }
  await buildShim();
}
