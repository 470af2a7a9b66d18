import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the built JS files sit. Bundled (CLI, Electron main, bench) they are next to the
 * running file; under the test runner, which runs TypeScript sources, HASH_WORKBENCH_DIST says.
 */
export function distDir(): string {
  const fromEnv = process.env.HASH_WORKBENCH_DIST;
  if (fromEnv) return fromEnv;
  const here = typeof __dirname === 'string' ? __dirname : dirname(process.argv[1] ?? '.');
  return here;
}

export function hashWorkerPath(): string {
  const path = join(distDir(), 'hash-worker.cjs');
  if (!existsSync(path)) throw new Error(`the hash worker ${path} is missing: run "npm run build" first`);
  return path;
}
