import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['main/**/*.test.ts', 'preload/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'e2e/lab/**/*.test.ts'],
    // Worker threads run the built dist/hash-worker.cjs (Node 20 cannot start a .ts worker).
    // Calibration is off in tests: the table's measured order stands (HASH_WORKBENCH_NO_CALIBRATE).
    env: { HASH_WORKBENCH_DIST: new URL('./dist/', import.meta.url).pathname, HASH_WORKBENCH_NO_CALIBRATE: '1' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // .ci/run asks for a JSON report to print its closing "N passed, N failed" line.
    reporters: process.env.HW_VITEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: process.env.HW_VITEST_JSON ? { json: process.env.HW_VITEST_JSON } : undefined,
  },
});
