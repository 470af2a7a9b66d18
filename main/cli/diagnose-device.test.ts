// `hash-workbench diagnose --json` judging as the device does, one lab scenario per situation the runtime's own
// rules decide (OSCacheResources.m, CacheResources.java): the CLI as a child process against real loopback servers.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { osHash, sampleApp } from '../../e2e/lab/module.js';
import { expectedOf, farm as labFarm, INDEX, JS, tamper, v2 } from '../../e2e/lab/scenarios.js';
import { closeAll, startBalancer, startFrontend, type Lab, type TamperMode } from '../../e2e/lab/servers.js';

const CLI = join(import.meta.dirname, 'hash-workbench.cjs');
const SWEEP_HASHES_VARIANTS = readdirSync(join(import.meta.dirname, '..', 'node', 'ota')).some(
  (f) => !f.endsWith('.test.ts') && readFileSync(join(import.meta.dirname, '..', 'node', 'ota', f), 'utf8').includes('variantsOf('),
);
const CSS = '/MyApp/css/MyApp.MyApp.css';

interface Obs {
  source: string;
  hash?: string;
  wireHash?: string;
  status?: number;
  matches?: boolean;
  acceptance?: Record<'ios' | 'android', { accepted: boolean; rule: string; reason: string }>;
}
interface Resource {
  path: string;
  fault: string;
  cause: string;
  frontends: string[];
  logged?: boolean;
  deviceGot?: string;
  findings?: string[];
  observations: Obs[];
}
interface Report {
  fault: string;
  cause: string;
  frontends: string[];
  headline: string;
  alsoFound?: string[];
  platform?: { judgedFor: string; how: string };
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
    if (input !== undefined) child.stdin!.end(input);
  });
}

const labs: Lab[] = [];
afterEach(async () => {
  await closeAll(labs.splice(0));
});

async function farm(...args: Parameters<typeof labFarm>) {
  const f = await labFarm(...args);
  labs.push(...f.labs);
  return { appUrl: f.appUrl, flags: f.frontends.flatMap((x) => ['--frontend', `${x.label}=${x.address}`]) };
}

/** diagnose with the log on standard input. */
const diagnose = (f: { appUrl: string; flags: string[] }, log: string, ...more: string[]) =>
  cli(['diagnose', f.appUrl, ...f.flags, '--log', '-', '--json', ...more], log);

const resource = (r: Report, path: string) => r.resources.find((x) => x.path === path)!;
const publicObs = (r: Report, path: string) => resource(r, path).observations.filter((o) => o.source === 'public');
const summary = (r: Run) => [r.code, r.json.fault, r.json.cause];

const SC = '2026-11-20 10:31:07\tMyApp\tOSCache\t';
const corrput = (path: string, hash: string) => `${SC}Failed to store downloaded resource ${path}?${hash}: File is corrput or invalid\n`;
const checksum = (path: string, expected: string, calculated: string) =>
  `${SC}Checksum failed for file ${path}?${expected}. Received hash: ${expected} | Calculated hash: ${calculated}\n`;
const OTHER = 'eZeyznlO_xx2+8Xt0B1UNg';

describe('diagnose judges as the device does', () => {
  it('Android’s “corrput” wording with no Checksum failed line: the rejected file is explained, judged for Android', async () => {
    const r = await diagnose(await farm([v2, v2]), corrput(JS, expectedOf(v2, JS)));
    expect(summary(r), r.stderr).toEqual([1, 'network', 'device-network']);
    expect(r.json.platform?.judgedFor).toBe('android');
    expect(resource(r.json, JS).logged).toBe(true);
    expect(r.json.headline).toContain(`The device rejected ${JS}`);
  });

  it('the “corrput” file altered on the way: the logged file is the cause (altered-content)', async () => {
    const r = await diagnose(
      await farm(
        [v2, v2],
        tamper('inject-js', (p) => p === JS),
      ),
      corrput(JS, expectedOf(v2, JS)),
    );
    expect(summary(r), r.stderr).toEqual([1, 'network', 'altered-content']);
    expect(resource(r.json, JS)).toMatchObject({ logged: true, cause: 'altered-content' });
  });

  for (const status of [203, 204, 206] as const) {
    it(`a proxy answering ${status} with no Range asked: network/altered-content, never unreachable (exit 1)`, async () => {
      const f = await farm(
        [v2, v2],
        tamper(`status-${status}` as TamperMode, (p) => p === JS),
      );
      const r = await cli(['diagnose', f.appUrl, ...f.flags, '--resource', JS, '--json']);
      expect(summary(r), r.stderr).toEqual([1, 'network', 'altered-content']);
      const samples = publicObs(r.json, JS);
      expect(samples.map((o) => [o.status, o.matches])).toEqual(samples.map(() => [status, false]));
      const judged = samples[0]!.acceptance!;
      expect(judged.ios).toMatchObject({ accepted: false, rule: 'status' });
      // Android takes any 2xx: the right bytes under 203 or 206 pass, a 204 has no body to keep.
      expect(judged.android).toMatchObject(status === 204 ? { accepted: false, rule: 'empty' } : { accepted: true });
    });
  }

  it('index.html injected with its token intact plus a logged failure on another file: the logged file first', async () => {
    const f = await farm(
      [v2, v2],
      tamper('inject-html', (p) => p === INDEX),
    );
    const r = await diagnose(f, checksum(JS, expectedOf(v2, JS), OTHER), '--resource', INDEX);
    expect(summary(r), r.stderr).toEqual([1, 'network', 'device-network']);
    expect(r.json.headline).toContain(`The device rejected ${JS}`);
    expect(resource(r.json, INDEX).cause).toBe('consistent');
    const injected = (r.json.alsoFound ?? []).filter((s) => s.startsWith(INDEX));
    expect(injected.length, JSON.stringify(r.json.alsoFound)).toBeGreaterThan(0);
    for (const s of injected) expect(s).toMatch(/devices accept it \(the token is present\): not the cause of a checksum failure/);
  });

  it('a transfer cut off at one frontend: frontend-error naming it', async () => {
    const fe1 = await startFrontend({ version: v2, label: 'FE1' });
    const fe2 = await startFrontend({ version: v2, label: 'FE2', cutOff: ['scripts/MyApp.controller.js'] });
    const lb = await startBalancer({ members: [{ url: fe1.url }, { url: fe2.url }] });
    labs.push(fe1, fe2, lb);
    const flags = ['--frontend', `FE1=127.0.0.1:${fe1.port}`, '--frontend', `FE2=127.0.0.1:${fe2.port}`];
    const r = await cli(['diagnose', `${lb.url}/MyApp/`, ...flags, '--resource', JS, '--json']);
    expect(summary(r), r.stderr).toEqual([1, 'frontend', 'frontend-error']);
    expect(r.json.frontends).toEqual(['FE2']);
    expect(resource(r.json, JS).frontends).toEqual(['FE2']);
  });

  it('a transfer cut off at the public URL: network/truncated', async () => {
    const f = await farm(
      [v2, v2],
      tamper('short-content-length', (p) => p === JS),
    );
    const r = await cli(['diagnose', f.appUrl, ...f.flags, '--resource', JS, '--json']);
    expect(summary(r), r.stderr).toEqual([1, 'network', 'truncated']);
  });

  it('gzip left undecoded on the device: its hash is the wire bytes’ (what the device got)', async () => {
    const bytes = v2.files['scripts/MyApp.controller.js']!;
    const wire = osHash(gzipSync(bytes));
    const r = await diagnose(
      await farm(
        [v2, v2],
        tamper('gzip', (p) => p === JS),
      ),
      checksum(JS, expectedOf(v2, JS), wire),
    );
    expect(summary(r), r.stderr).toEqual([1, 'network', 'device-network']);
    const js = resource(r.json, JS);
    expect(
      publicObs(r.json, JS).some((o) => o.wireHash === wire),
      JSON.stringify(publicObs(r.json, JS)),
    ).toBe(true);
    expect(js.deviceGot).toMatch(/compressed/i);
  });

  // Naming the BOM needs the right copy's variants, hashed by the sweep while the body is in flight (bodies are not
  // kept); this scenario waits for the sweep to fill Observation.variants (see variantsOf in device-got.ts).
  it.skipIf(!SWEEP_HASHES_VARIANTS)(
    'a BOM stripped on the device’s side only: the log’s hash is the right file without its BOM',
    async () => {
      const css = Buffer.from(v2.files['css/MyApp.MyApp.css']!).toString('utf8');
      const withBom = sampleApp(2, { 'css/MyApp.MyApp.css': `\uFEFF${css.replace(/\n/g, '\r\n')}` });
      const served = withBom.files['css/MyApp.MyApp.css']!;
      const stripped = osHash(served.subarray(3));
      const r = await diagnose(await farm([withBom, withBom]), checksum(CSS, expectedOf(withBom, CSS), stripped));
      expect(summary(r), r.stderr).toEqual([1, 'network', 'device-network']);
      expect(resource(r.json, CSS).deviceGot).toBe('The device received the right file without its UTF-8 BOM.');
    },
  );
});
