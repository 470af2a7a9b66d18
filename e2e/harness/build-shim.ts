// Bundles the shim into one script for page.addInitScript (run once per Playwright run).
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

export const SHIM_FILE = fileURLToPath(new URL('../results/workbench-shim.js', import.meta.url));

export async function buildShim(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      lib: {
        entry: fileURLToPath(new URL('./shim.ts', import.meta.url)),
        formats: ['iife'],
        name: 'hwShim',
        fileName: () => 'workbench-shim.js',
      },
      outDir: fileURLToPath(new URL('../results', import.meta.url)),
      emptyOutDir: false,
      minify: false,
    },
  });
  return SHIM_FILE;
}
