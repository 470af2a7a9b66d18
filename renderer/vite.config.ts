// Renderer build: a static page loaded from disk (hence base './'), bundled into dist/renderer
// for the Chromium in Electron 45, so no legacy polyfills.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    // outDir sits outside root: Vite only empties it when told to.
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // Chromium 130 has modulepreload natively; the polyfill would only add code.
    modulePreload: { polyfill: false },
  },
});
