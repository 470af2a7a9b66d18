// Builds every runtime piece into dist/: the Node entries as single CommonJS files
// (CLI, hash worker, Electron main, preload, bench) and the renderer. A missing entry is an error:
// a build that silently skipped one would ship an app without it.
import { build } from 'vite';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
const define = { __APP_VERSION__: JSON.stringify(version) };

// Native N-API packages and electron stay outside the bundles: they are loaded at run time.
const external = [/^electron$/, /^@napi-rs\//, /^@node-rs\//, /^xxhash-addon$/, /^node:/];

const nodeEntries = {
  cli: 'main/cli/cli.ts',
  'hash-worker': 'main/node/hash-worker.ts',
  'electron-main': 'main/electron/main.ts',
  bench: 'main/bench/bench.ts',
};

const entries = [...Object.values(nodeEntries), 'preload/preload.ts', 'renderer/vite.config.ts'];
const missing = entries.filter((entry) => !existsSync(`${root}/${entry}`));
if (missing.length > 0) {
  console.error(`build: missing entry ${missing.join(', ')}`);
  process.exit(1);
}

// The CLI and the hash worker load code on demand (a command's module, hash-wasm, the OTA sweep): their
// dynamic imports become chunks of their own, so start-up compiles only what runs.
const split = new Set(['cli', 'hash-worker']);

for (const [name, entry] of Object.entries(nodeEntries)) {
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
        output: split.has(name)
          ? { format: 'cjs', entryFileNames: `${name}.cjs`, chunkFileNames: `chunks/${name}-[name]-[hash].cjs` }
          : { format: 'cjs', entryFileNames: `${name}.cjs`, codeSplitting: false },
      },
    },
    ssr: { noExternal: true, external: ['electron'] },
  });
}

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

await build({ root: `${root}/renderer`, configFile: `${root}/renderer/vite.config.ts`, logLevel: 'warn' });
