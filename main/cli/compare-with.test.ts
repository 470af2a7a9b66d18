// `hash-workbench diagnose --compare-with <earlier.json>` against a real lab on 127.0.0.1: a check, a fix, the same
// check again, and what changed, in the text output and in the JSON.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { farm, JS, v2, v1 } from '../../e2e/lab/scenarios.js';
import { closeAll, type Lab } from '../../e2e/lab/servers.js';

const CLI = join(import.meta.dirname, 'hash-workbench.cjs');

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '' } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stdout, stderr }),
    );
  });
}

const labs: Lab[] = [];
afterEach(async () => {
  await closeAll(labs.splice(0));
});

describe('hash-workbench diagnose --compare-with', () => {
  it('runs the check again after a redeploy and says the frontend is fixed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hw-compare-'));
    const f = await farm([v2, v1]);
    labs.push(...f.labs);
    const flags = [f.appUrl, ...f.frontends.flatMap((x) => ['--frontend', `${x.label}=${x.address}`]), '--resource', JS];
    const before = join(dir, 'before.json');
    const first = await cli(['diagnose', ...flags, '--save', before]);
    expect(first.code, first.stderr).toBe(1);

    f.fes[1]!.setVersion(v2); // FE2 redeployed
    const again = await cli(['diagnose', ...flags, '--compare-with', before]);
    expect(again.code, again.stderr).toBe(0);
    const text = again.stdout;
    // After the verdict, not before it.
    expect(text.indexOf('Compared with before.json')).toBeGreaterThan(text.indexOf('Every copy checked matches'));
    expect(text).toContain('  Fixed: every copy checked now matches the current version. 2 files fixed.');
    expect(text).toContain(
      `  - ${JS}: fixed, every copy checked now matches the current version.\n      FE2 now serves the current version: fixed.`,
    );

    const json = await cli(['diagnose', ...flags, '--compare-with', before, '--json']);
    const report = JSON.parse(json.stdout) as {
      comparedWith: { file: string; overall: string; before: { cause: string }; changes: Array<{ path: string; kind: string }> };
    };
    expect(report.comparedWith.file).toBe('before.json');
    expect(report.comparedWith.overall).toBe('fixed');
    expect(report.comparedWith.before.cause).toBe('outdated-frontend');
    expect(report.comparedWith.changes.map((c) => [c.path, c.kind])).toEqual([
      ['/MyApp/moduleservices/moduleinfo', 'fixed'],
      [JS, 'fixed'],
    ]);
  });

  it('stops before checking when the earlier report cannot be read (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hw-compare-'));
    const bad = join(dir, 'notes.json');
    writeFileSync(bad, '{"schema":"something-else"}');
    const r = await cli(['diagnose', 'https://apps.invalid/MyApp/', '--compare-with', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: --compare-with ${bad}: $.schema: not a Hash Workbench OTA report (schema is not hash-workbench/ota-report)\n`,
    );
    const gone = await cli(['diagnose', 'https://apps.invalid/MyApp/', '--compare-with', join(dir, 'gone.json')]);
    expect([gone.code, gone.stderr]).toEqual([2, `error: --compare-with ${join(dir, 'gone.json')}: no such file\n`]);
  });
});
