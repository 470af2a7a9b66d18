// Builds every runtime piece into dist/: the Node entries as single CommonJS files
// (CLI, hash worker, Electron main, preload, bench) and, once it exists, the renderer.
import { build } from 'vite';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
const define = { __APP_VERSION__: JSON.stringify(version) };

// Native N-API packages and electron stay outside the bundles: they are loaded at run time.
const external = [/^electron$/, /^@napi-rs\//, /^@node-rs\//, /^node:/];

const nodeEntries = {
  cli: 'main/cli/cli.ts',
  'hash-worker': 'main/node/hash-worker.ts',
  'electron-main': 'main/electron/main.ts',
  bench: 'main/bench/bench.ts',
};

for (const [name, entry] of Object.entries(nodeEntries)) {
  if (!existsSync(`${root}/${entry}`)) continue;
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    define,
    build: {
      ssr: entry,
      outDir: 'dist',
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rollupOptions: {
        external,
        output: { format: 'cjs', entryFileNames: `${name}.cjs`, codeSplitting: false },
      },
    },
    ssr: { noExternal: true, external: ['electron'] },
  });
}

if (existsSync(`${root}/preload/preload.ts`)) {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: 'preload/preload.ts',
      outDir: 'dist',
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rollupOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'preload.cjs', codeSplitting: false } },
    },
    ssr: { noExternal: true },
  });
}

if (existsSync(`${root}/renderer/vite.config.ts`)) {
  await build({ root: `${root}/renderer`, configFile: `${root}/renderer/vite.config.ts`, logLevel: 'warn' });
} else {
  // Until the renderer exists, the window shows a static page.
  mkdirSync(`${root}/dist/renderer`, { recursive: true });
  copyFileSync(`${root}/renderer/placeholder.html`, `${root}/dist/renderer/index.html`);
}
