// Prints the closing line of a CI run from the test runners' JSON reports:
// "N passed, N failed[, N skipped]". A failing step that ran no test (build, type check,
// lint) counts as one failure, so a red run never reads "0 failed".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, statusText] = process.argv.slice(2);
const status = Number(statusText ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;

const vitest = join(dir, 'vitest.json');
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // A test file that failed to load has no tests to count.
  failed += (r.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
}
const playwright = join(dir, 'playwright.json');
if (existsSync(playwright)) {
  const s = JSON.parse(readFileSync(playwright, 'utf8')).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
