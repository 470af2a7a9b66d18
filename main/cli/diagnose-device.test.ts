// `hash-workbench diagnose --json` judging as the device does: the lab scenarios of e2e/lab/device-scenarios.ts,
// whose verdict the runtime's own rules decide (OSCacheResources.m, CacheResources.java), each run through the
// CLI as a child process against real loopback servers.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CSS, DEVICE_SCENARIOS, type DeviceScenario } from '../../e2e/lab/device-scenarios.js';
import { INDEX, JS } from '../../e2e/lab/scenarios.js';

const CLI = join(import.meta.dirname, 'hash-workbench.cjs');

interface Obs {
  source: string;
  wireHash?: string;
  status?: number;
  matches?: boolean;
  acceptance?: Record<'ios' | 'android', { accepted: boolean; rule: string; reason: string }>;
}
interface Resource {
  path: string;
  cause: string;
  frontends: string[];
  logged?: boolean;
  deviceGot?: string;
  observations: Obs[];
}
interface Report {
  fault: string;
  cause: string;
  frontends: string[];
  headline: string;
  alsoFound?: string[];
  platform?: { judgedFor: string };
  resources: Resource[];
}
interface Run {
  code: number;
  stderr: string;
  json: Report;
}

function cli(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const env = { ...process.env, HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '' };
    const child = execFile(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, env }, (err, stdout, stderr) => {
      let json = {} as Report;
      try {
        json = JSON.parse(stdout) as Report;
      } catch {
        /* not JSON: the assertions say what was expected */
      }
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stderr, json });
    });
    child.stdin!.end(input ?? '');
  });
}

const open: DeviceScenario[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** The scenario's check as an agent runs it: its frontends, its log on standard input, its resources. */
async function run(name: keyof typeof DEVICE_SCENARIOS): Promise<Run> {
  const s = await DEVICE_SCENARIOS[name]();
  open.push(s);
  const args = ['diagnose', s.appUrl, ...s.frontends.flatMap((f) => ['--frontend', `${f.label}=${f.address}`])];
  for (const r of s.resources) args.push('--resource', r);
  if (s.log !== undefined) args.push('--log', '-');
  const r = await cli([...args, '--json'], s.log);
  expect({ code: r.code, fault: r.json.fault, cause: r.json.cause, frontends: r.json.frontends }, r.stderr).toEqual({
    code: 1,
    ...s.verdict,
  });
  return r;
}

const resource = (r: Report, path: string) => r.resources.find((x) => x.path === path)!;
const publicObs = (r: Report, path: string) => resource(r, path).observations.filter((o) => o.source === 'public');

describe('diagnose judges as the device does (e2e/lab/device-scenarios.ts)', () => {
  it('Android’s “corrput” wording with no Checksum failed line: the rejected file explained, judged for Android', async () => {
    const r = await run('android-corrput');
    expect(r.json.platform?.judgedFor).toBe('android');
    expect(resource(r.json, JS).logged).toBe(true);
    expect(r.json.headline).toContain(`The device rejected ${JS}`);
  });

  it('the “corrput” file altered on the way: the logged file is the cause', async () => {
    expect(resource((await run('android-corrput-altered')).json, JS)).toMatchObject({ logged: true, cause: 'altered-content' });
  });

  for (const status of [203, 204, 206] as const) {
    it(`a proxy answering ${status} with no Range asked: altered-content, never unreachable`, async () => {
      const r = await run(`status-${status}`);
      const samples = publicObs(r.json, JS);
      expect(samples.map((o) => [o.status, o.matches])).toEqual(samples.map(() => [status, false]));
      const judged = samples[0]!.acceptance!;
      expect(judged.ios).toMatchObject({ accepted: false, rule: 'status' });
      // Android takes any 2xx: the right bytes under 203 or 206 pass; a 204 has no body to keep.
      expect(judged.android).toMatchObject(status === 204 ? { accepted: false, rule: 'empty' } : { accepted: true });
    });
  }

  it('index.html injected with its token intact plus a logged failure elsewhere: the logged file first', async () => {
    const r = await run('injected-index-and-logged-failure');
    expect(r.json.headline).toContain(`The device rejected ${JS}`);
    expect(resource(r.json, INDEX).cause).toBe('consistent');
    const injected = (r.json.alsoFound ?? []).filter((s) => s.startsWith(INDEX));
    expect(injected.length, JSON.stringify(r.json.alsoFound)).toBeGreaterThan(0);
    for (const s of injected) expect(s).toMatch(/devices accept it \(the token is present\): not the cause of a checksum failure/);
  });

  it('a transfer cut off at one frontend: frontend-error naming it', async () => {
    expect(resource((await run('frontend-cut-off')).json, JS).frontends).toEqual(['FE2']);
  });

  it('a transfer cut off at the public URL: truncated', async () => {
    expect(resource((await run('public-cut-off')).json, JS).cause).toBe('truncated');
  });

  it('gzip left undecoded on the device: its hash is the wire bytes’', async () => {
    const r = await run('undecoded-gzip');
    expect(publicObs(r.json, JS).some((o) => o.wireHash !== undefined)).toBe(true);
    expect(resource(r.json, JS).deviceGot).toBe(
      'The device received the compressed bytes as they travel, not decoded: something on its network removed Content-Encoding.',
    );
  });

  // Naming the BOM needs the right copy's variants, hashed by the sweep while the body is in flight (bodies are
  // not kept once the resource is judged).
  it('a BOM stripped on the device’s side only: the right file without its BOM', async () => {
    const r = await run('bom-stripped-on-device');
    expect(resource(r.json, CSS).deviceGot).toBe('The device received the right file without its UTF-8 BOM.');
  });
});
