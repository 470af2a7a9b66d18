// `hash-workbench diagnose --json` against a real lab on 127.0.0.1: one scenario per cause at least,
// run as a child process (the lab servers live in this process, so the child must not block it).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../../e2e/lab/tls.js';
import { osHash, writeRunningFolder, type ModuleVersion } from '../../e2e/lab/module.js';
import { expectedOf, farm as labFarm, INDEX, JS, tamper, v1, v2 } from '../../e2e/lab/scenarios.js';
import {
  closeAll,
  startBalancer,
  startCachingProxy,
  startForwardProxy,
  startFrontend,
  type Lab,
  type TamperMode,
} from '../../e2e/lab/servers.js';

const CLI = join(import.meta.dirname, 'hash-workbench.cjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: Report;
}
interface Obs {
  source: string;
  vantage: string;
  hash?: string;
  wireHash?: string;
  matches?: boolean;
  status?: number;
  error?: string;
  token?: string;
  diff?: { class: string; offset?: number; excerptText?: string };
}
interface Report {
  fault: string;
  cause: string;
  frontends: string[];
  evidence: string[];
  headline: string;
  problems: string[];
  redacted: string[];
  resources: Array<{ path: string; expected?: string; fault: string; cause: string; evidence: string[]; observations: Obs[] }>;
  runs: Array<{ network: { proxy?: string; insecure: boolean; trust: Record<string, string> } }>;
}

function cli(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '' } },
      (err, stdout, stderr) => {
        let json = {} as Report;
        try {
          json = JSON.parse(stdout) as Report;
        } catch {
          /* not JSON: the test says what it expects */
        }
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stdout, stderr, json });
      },
    );
    if (input !== undefined) child.stdin!.end(input);
  });
}

const labs: Lab[] = [];
const track = <T extends Lab>(l: T) => (labs.push(l), l);
afterEach(async () => {
  await closeAll(labs.splice(0));
});

let dir: string;
let pki: TestPki;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hw-ota-'));
  pki = makeTestPki(join(dir, 'pki'));
});
afterAll(() => undefined);

/** A farm from the shared lab scenarios, closed after the test, with its --frontend flags. */
async function farm(versions: ModuleVersion[], front?: (upstream: string) => Promise<Lab>) {
  const f = await labFarm(versions, front);
  labs.push(...f.labs);
  return { ...f, flags: f.frontends.flatMap((x) => ['--frontend', `${x.label}=${x.address}`]) };
}
const resource = (r: Report, path: string) => r.resources.find((x) => x.path === path)!;
const obsOf = (r: Report, path: string, source: string) => resource(r, path).observations.filter((o) => o.source === source);

describe('hash-workbench diagnose', () => {
  it('consistent: every frontend and the public URL serve the current version (exit 0)', async () => {
    const { appUrl, flags } = await farm([v2, v2]);
    const r = await cli(['diagnose', appUrl, ...flags, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect([r.json.fault, r.json.cause, r.json.frontends]).toEqual(['none', 'consistent', []]);
    const js = resource(r.json, JS);
    expect(js.expected).toBe(osHash(v2.files['scripts/MyApp.controller.js']!));
    expect(js.observations.map((o) => o.source).sort()).toEqual([
      'frontend:FE1',
      'frontend:FE2',
      'public',
      'public',
      'public',
      'public-busted',
      'public-nocache',
    ]);
    expect(js.observations.every((o) => o.matches && o.vantage === 'agent')).toBe(true);
    // moduleversioninfo was read from every point and agrees with moduleinfo.
    const copies = (
      r.json as unknown as { moduleinfo: Array<{ moment: string; versionToken?: string; versionInfoToken?: string }> }
    ).moduleinfo.filter((c) => c.moment === 'start');
    expect(copies.map((c) => c.versionInfoToken)).toEqual(copies.map(() => v2.versionToken));
    // index.html is judged by its token: its MD5 is not its moduleinfo hash, yet it matches.
    const index = resource(r.json, INDEX);
    expect(index.cause).toBe('consistent');
    expect(obsOf(r.json, INDEX, 'frontend:FE1')[0]!.hash).not.toBe(index.expected);
    expect(obsOf(r.json, INDEX, 'frontend:FE1')[0]!.token).toBe(index.expected);
  });

  it('outdated-frontend: FE2 still serves the previous version, named with its evidence (exit 1)', async () => {
    const { appUrl, flags } = await farm([v2, v1]);
    const r = await cli(['diagnose', appUrl, ...flags, '--json']);
    expect(r.code, r.stderr).toBe(1);
    expect([r.json.fault, r.json.cause, r.json.frontends]).toEqual(['frontend', 'outdated-frontend', ['FE2']]);
    expect(r.json.evidence.join('\n')).toContain(`Frontend FE2 serves moduleinfo ${v1.versionToken}`);
    expect(obsOf(r.json, JS, 'frontend:FE2')[0]!.matches).toBe(false);
  });

  it('outdated-frontend from a Running folder given as the frontend', async () => {
    const folder = join(dir, 'running-fe2');
    writeRunningFolder(folder, v1);
    const fe1 = track(await startFrontend({ version: v2, label: 'FE1' }));
    const r = await cli([
      'diagnose',
      `${fe1.url}/MyApp/`,
      '--frontend',
      `FE1=127.0.0.1:${fe1.port}`,
      '--frontend',
      `FE2=${folder}`,
      '--resource',
      JS,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(1);
    expect([r.json.cause, r.json.frontends]).toEqual(['outdated-frontend', ['FE2']]);
    expect(resource(r.json, JS).evidence.join(' ')).toContain(
      `Frontend FE2 serves ${osHash(v1.files['scripts/MyApp.controller.js']!)}, not ${expectedOf(v2, JS)}`,
    );
    expect(obsOf(r.json, JS, 'frontend:FE2')[0]).toMatchObject({ matches: false, body: 'file' });
  });

  it('manifest-mismatch: every frontend serves the current moduleinfo but the same wrong bytes', async () => {
    const broken: ModuleVersion = {
      ...v2,
      files: { ...v2.files, 'scripts/MyApp.controller.js': v1.files['scripts/MyApp.controller.js']! },
    };
    const { appUrl, flags } = await farm([broken, broken]);
    const r = await cli(['diagnose', appUrl, ...flags, '--resource', JS, '--json']);
    expect(r.code, r.stderr).toBe(1);
    expect([r.json.fault, r.json.cause]).toEqual(['frontend', 'manifest-mismatch']);
    expect(r.json.frontends.sort()).toEqual(['FE1', 'FE2']);
  });

  it('stale-cache: a CDN whose cache key ignores the query string keeps the old copy', async () => {
    const fes = await Promise.all([v1, v1].map((v, i) => startFrontend({ version: v, label: `FE${i + 1}` }).then(track)));
    const lb = track(await startBalancer({ members: fes.map((f) => ({ url: f.url })) }));
    const cdn = track(await startCachingProxy({ upstream: lb.url, header: 'fastly' }));
    await cdn.prime(JS); // cached while v1 was live
    for (const f of fes) f.setVersion(v2);
    const r = await cli([
      'diagnose',
      `${cdn.url}/MyApp/`,
      '--frontend',
      `FE1=127.0.0.1:${fes[0]!.port}`,
      '--frontend',
      `FE2=127.0.0.1:${fes[1]!.port}`,
      '--resource',
      JS,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(1);
    expect([r.json.fault, r.json.cause, r.json.frontends]).toEqual(['network', 'stale-cache', []]);
    const pub = obsOf(r.json, JS, 'public')[0]!;
    expect(pub.hash).toBe(osHash(v1.files['scripts/MyApp.controller.js']!));
    expect(obsOf(r.json, JS, 'public-nocache')[0]!.matches).toBe(true);
    const text = resource(r.json, JS).evidence.join(' ');
    expect(text).toContain('X-Cache: HIT');
    expect(text).toContain('with Cache-Control: no-cache gets the current version');
  });

  it('altered-content: a proxy injects a script into a .js file, with the inserted bytes as evidence', async () => {
    const { appUrl, flags } = await farm(
      [v2, v2],
      tamper('inject-js', (p) => p === JS),
    );
    const r = await cli(['diagnose', appUrl, ...flags, '--resource', JS, '--json']);
    expect(r.code, r.stderr).toBe(1);
    expect([r.json.fault, r.json.cause]).toEqual(['network', 'altered-content']);
    const diff = obsOf(r.json, JS, 'public')[0]!.diff!;
    expect(diff.class).toBe('insertion');
    expect(diff.offset).toBe(0);
    expect(diff.excerptText).toContain('(function(){/*monitor*/})()');
  });

  it("altered-content on index.html: the token is still there, but the bytes differ from every frontend's", async () => {
    const { appUrl, flags } = await farm(
      [v2, v2],
      tamper('inject-html', (p) => p === INDEX),
    );
    const r = await cli(['diagnose', appUrl, ...flags, '--resource', INDEX, '--json']);
    // Devices accept it (OSCacheResources.m accepts index.html by its token): a finding, not the cause.
    expect([r.json.cause, r.code]).toEqual(['consistent', 0]);
    expect((r.json as unknown as { alsoFound: string[] }).alsoFound.join('\n')).toContain(
      'devices accept it (the token is present): not the cause of a checksum failure',
    );
    const pub = obsOf(r.json, INDEX, 'public')[0]!;
    expect(pub.token).toBe(resource(r.json, INDEX).expected);
    expect(pub.diff?.class).toBe('insertion');
    expect(pub.diff?.excerptText).toContain('<script src="https://inject.example/i.js">');
  });

  it.each([
    ['bom', 'bom'],
    ['crlf', 'line-endings'],
    ['minify', 'whitespace'],
    ['gzip-and-inject', 'insertion'],
    ['block-page', undefined],
    ['not-found', undefined],
  ] as const)('altered-content: %s', async (mode, diffClass) => {
    const { appUrl, flags } = await farm(
      [v2, v2],
      tamper(mode, (p) => p === JS),
    );
    const r = await cli(['diagnose', appUrl, ...flags, '--resource', JS, '--json']);
    expect([r.json.fault, r.json.cause], r.json.evidence.join('\n')).toEqual(['network', 'altered-content']);
    if (diffClass) expect(obsOf(r.json, JS, 'public')[0]!.diff?.class).toBe(diffClass);
  });

  it.each(['truncate', 'short-content-length'] as const)('truncated: %s', async (mode) => {
    const { appUrl, flags } = await farm(
      [v2, v2],
      tamper(mode, (p) => p === JS),
    );
    const r = await cli(['diagnose', appUrl, ...flags, '--resource', JS, '--json']);
    expect([r.json.fault, r.json.cause], r.json.evidence.join('\n')).toEqual(['network', 'truncated']);
  });

  it('gzip on the way is no fault: same bytes once decoded, the wire hash recorded', async () => {
    const { appUrl, flags } = await farm([v2, v2], tamper('gzip'));
    const r = await cli(['diagnose', appUrl, ...flags, '--resource', JS, '--json']);
    expect([r.code, r.json.cause]).toEqual([0, 'consistent']);
    // Like a device, the check asks for gzip and hashes the decoded bytes; the wire bytes' hash is kept.
    const pub = obsOf(r.json, JS, 'public')[0]!;
    expect(pub.matches).toBe(true);
    expect(pub.wireHash).toBeDefined();
    expect(pub.wireHash).not.toBe(pub.hash);
    expect(resource(r.json, JS).evidence.join(' ')).toContain('arrives compressed (gzip)');
  });

  it('device-network: everything right from here, but the device calculated another hash', async () => {
    const { appUrl, flags } = await farm([v2, v2]);
    const expected = expectedOf(v2, JS);
    const log =
      `2026-11-20 10:31:07\tMyApp\tOSCache\tChecksum failed for file ${JS}?${expected}. ` +
      `Received hash: ${expected} | Calculated hash: eZeyznlO_xx2+8Xt0B1UNg\n`;
    const r = await cli(['diagnose', appUrl, ...flags, '--log', '-', '--json'], log);
    expect(r.code, r.stderr).toBe(1);
    expect([r.json.fault, r.json.cause]).toEqual(['network', 'device-network']);
    expect(r.json.resources.map((x) => x.path)).toEqual(['/MyApp/moduleservices/moduleinfo', JS]);
    expect(obsOf(r.json, JS, 'device')[0]).toMatchObject({ hash: 'eZeyznlO_xx2+8Xt0B1UNg', vantage: 'customer', matches: false });
  });

  it("a HAR captured on the customer's network with an injected script shows as altered content there", async () => {
    const { appUrl, flags } = await farm([v2, v2]);
    const good = Buffer.from(v2.files['scripts/MyApp.controller.js']!);
    const injected = Buffer.concat([Buffer.from(';(function(){/*isp*/})();\n'), good]);
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: [
          {
            startedDateTime: '2026-11-20T10:31:07.000Z',
            time: 12,
            serverIPAddress: '203.0.113.7',
            request: {
              method: 'GET',
              url: `${appUrl}scripts/MyApp.controller.js?${expectedOf(v2, JS)}`,
              headers: [{ name: 'Authorization', value: 'Bearer secret' }],
            },
            response: {
              status: 200,
              statusText: 'OK',
              headers: [{ name: 'Content-Type', value: 'application/javascript' }],
              content: { size: injected.length, mimeType: 'application/javascript', text: injected.toString('base64'), encoding: 'base64' },
            },
          },
        ],
      },
    };
    const harFile = join(dir, 'device.har');
    writeFileSync(harFile, JSON.stringify(har));
    const r = await cli(['diagnose', appUrl, ...flags, '--har', harFile, '--resource', JS, '--json']);
    expect([r.json.fault, r.json.cause], r.stderr).toEqual(['network', 'altered-content']);
    const captured = obsOf(r.json, JS, 'har')[0]!;
    expect(captured).toMatchObject({ vantage: 'customer', matches: false, diff: { class: 'insertion', offset: 0 } });
    expect(JSON.stringify(r.json)).not.toContain('Bearer secret');
    expect(r.json.redacted.join(' ')).toContain('Authorization');
  });

  it("new-deployment: the device asked for the previous version's hash while the frontends serve the current one", async () => {
    const { appUrl, flags } = await farm([v2, v2]);
    const old = expectedOf(v1, JS);
    const log = `Checksum failed for file ${JS}?${old} Received hash: ${old} | Calculated hash: ${expectedOf(v2, JS)}\n`;
    const logFile = join(dir, 'device.log');
    writeFileSync(logFile, log);
    const r = await cli(['diagnose', appUrl, ...flags, '--log', logFile, '--moduleinfo', '-', '--json'], v1.moduleinfoText);
    expect(r.code, r.stderr).toBe(1);
    expect([r.json.fault, r.json.cause]).toEqual(['deployment', 'new-deployment']);
    expect(r.json.evidence.join(' ')).toContain(`hash of version ${v1.versionToken}`);
  });

  it('unreachable: a frontend that refuses connections is named, the others still judged (exit 3)', async () => {
    const { appUrl, flags } = await farm([v2]);
    const closed = track(await startFrontend({ version: v2 }));
    const port = closed.port;
    await closed.close();
    const r = await cli(['diagnose', appUrl, ...flags, '--frontend', `FE9=127.0.0.1:${port}`, '--resource', JS, '--json']);
    expect(r.code, r.stderr).toBe(3);
    expect([r.json.fault, r.json.cause]).toEqual(['inconclusive', 'unreachable']);
    expect(obsOf(r.json, JS, 'frontend:FE9')[0]!.error).toContain(`connection refused by 127.0.0.1:${port}`);
    expect(obsOf(r.json, JS, 'frontend:FE1')[0]!.matches).toBe(true);
  });

  it('HTTPS: --ca trusts the lab CA; a frontend whose certificate names another host needs --trust, else a clear TLS error', async () => {
    const fe1 = track(await startFrontend({ version: v2, label: 'FE1', tls: pki.server }));
    const fe2 = track(await startFrontend({ version: v2, label: 'FE2', tls: pki.other }));
    const lb = track(await startBalancer({ members: [{ url: fe1.url }], tls: pki.server }));
    const appUrl = `https://localhost:${lb.port}/MyApp/`;
    const base = [
      'diagnose',
      appUrl,
      '--frontend',
      `FE1=127.0.0.1:${fe1.port}`,
      '--frontend',
      `FE2=127.0.0.1:${fe2.port}`,
      '--ca',
      pki.caFile,
      '--resource',
      JS,
      '--json',
    ];
    const untrusted = await cli(base);
    expect(untrusted.json.cause, untrusted.stderr).toBe('unreachable');
    expect(obsOf(untrusted.json, JS, 'frontend:FE2')[0]!.error).toMatch(/the certificate of localhost is not accepted.*--trust/);
    const trusted = await cli([...base, '--trust', `FE2=sha256:${pki.otherFingerprint256}`]);
    expect([trusted.code, trusted.json.cause], JSON.stringify(trusted.json.resources, null, 1)).toEqual([0, 'consistent']);
    expect(trusted.json.runs[0]!.network.trust).toEqual({ FE2: pki.otherFingerprint256.replace(/:/g, '').toLowerCase() });
  });

  it('--proxy carries the public samples, never the direct frontend connections', async () => {
    const { appUrl, flags, fes } = await farm([v2, v2]);
    const proxy = track(await startForwardProxy());
    const r = await cli(['diagnose', appUrl, ...flags, '--proxy', proxy.url, '--resource', JS, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(proxy.requests.some((q) => q.url.includes('/MyApp/scripts/MyApp.controller.js'))).toBe(true);
    expect(proxy.requests.every((q) => !q.url.includes(`:${fes[0]!.port}/`))).toBe(true);
    expect(r.json.runs[0]!.network.proxy).toBe(proxy.url);
  });

  describe('bad input ends in a clear message, and what was observed stays', () => {
    it('malformed moduleinfo JSON given: exit 2 with line and column', async () => {
      const r = await cli(['diagnose', 'http://127.0.0.1:9/MyApp/', '--moduleinfo', '-'], '{"manifest": {"versionToken": "x",,}}');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: the moduleinfo given cannot be used: line 1, column \d+/);
    });
    it('a moduleinfo missing a required field: exit 2 naming the field', async () => {
      const r = await cli(
        ['diagnose', 'http://127.0.0.1:9/MyApp/', '--moduleinfo', '-'],
        '{"manifest": {"urlVersions": {}}, "data": {"modules": {}}}',
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('versionToken');
    });
    it('a moduleinfo over --max-resources: exit 2 with one line saying how to narrow the check', async () => {
      const { appUrl, flags } = await farm([v2]);
      const n = Object.keys(v2.files).length;
      const r = await cli(['diagnose', appUrl, ...flags, '--all', '--max-resources', '3']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`error: moduleinfo lists ${n} resources, over --max-resources 3; narrow the check with --resource or --log\n`);
    });
    it('a binary file as --log and a HAR that is not one: one problem line each, the check still runs', async () => {
      const { appUrl, flags } = await farm([v2]);
      const bin = join(dir, 'binary.log');
      writeFileSync(bin, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
      const r = await cli(['diagnose', appUrl, ...flags, '--log', bin, '--har', bin, '--resource', JS, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.json.problems.filter((p) => p.startsWith(`--log ${bin}: no line is a recognised OutSystems log line`))).toHaveLength(1);
      expect(r.json.problems.filter((p) => p.startsWith(`--har ${bin}: not a HAR file`))).toHaveLength(1);
    });
    it('a public host that does not resolve and no other source: exit 2 saying so', async () => {
      const r = await cli(['diagnose', 'http://no-such-host.invalid/MyApp/']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/no usable moduleinfo.*does not resolve \(DNS\)/);
    });
    it('a body over the size cap, a redirect to a sign-in page, a redirect loop, a timeout: each named in the report', async () => {
      // A point that answered is judged as a device judges it: a redirect elsewhere is a copy a device rejects.
      const cases: Array<[TamperMode, RegExp, string[], string]> = [
        ['huge', /over the 8 MiB cap/, [], 'inconclusive'],
        ['login-redirect', /redirects to .*\/login.*sign-in page/, [], 'network'],
        ['redirect-loop', /redirect loop/, [], 'network'],
        ['slow', /no complete answer within 3 s/, ['--timeout', '3'], 'inconclusive'],
      ];
      for (const [mode, message, extra, fault] of cases) {
        const { appUrl, flags } = await farm(
          [v2],
          tamper(mode, (p) => p === JS),
        );
        const r = await cli(['diagnose', appUrl, ...flags, '--resource', JS, '--samples', '1', ...extra, '--json']);
        expect(r.json.fault, `${mode}: ${r.stderr}`).toBe(fault);
        expect(obsOf(r.json, JS, 'public')[0]!.error, mode).toMatch(message);
        expect(obsOf(r.json, JS, 'frontend:FE1')[0]!.matches, mode).toBe(true);
        await closeAll(labs.splice(0));
      }
    }, 60_000);
  });

  it('--save and --report write the JSON and a self-contained HTML file; merge judges two reports together', async () => {
    const { appUrl, flags } = await farm([v2, v2]);
    const agentFile = join(dir, 'agent.json');
    const customerFile = join(dir, 'customer.json');
    const html = join(dir, 'report.html');
    const agent = await cli(['diagnose', appUrl, ...flags, '--resource', JS, '--save', agentFile, '--report', html]);
    expect(agent.code, agent.stderr).toBe(0);
    expect(agent.stdout).toContain('no fault found');
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(readFileSync(html, 'utf8')).not.toMatch(/<script/i);
    // The customer's report: the device's log line says it calculated another hash.
    const expected = expectedOf(v2, JS);
    const log = `Checksum failed for file ${JS}?${expected} Received hash: ${expected} | Calculated hash: eZeyznlO_xx2+8Xt0B1UNg`;
    const customer = await cli(['diagnose', appUrl, '--log', '-', '--save', customerFile, '--json'], log);
    expect(customer.json.cause).toBe('device-network');
    const merged = await cli(['merge', agentFile, customerFile, '--json']);
    expect(merged.code, merged.stderr).toBe(1);
    expect([merged.json.cause, merged.json.fault]).toEqual(['device-network', 'network']);
    expect(obsOf(merged.json, JS, 'frontend:FE1')[0]!.matches).toBe(true);
    expect(obsOf(merged.json, JS, 'device')).toHaveLength(1);
    // The case summary of the merged check, as the app exports it: the verdict and the command that reproduces it.
    const summary = join(dir, 'summary.html');
    const text = await cli(['merge', agentFile, customerFile, '--summary', summary]);
    expect(text.code, text.stderr).toBe(1);
    expect(text.stderr).toContain(`case summary ${summary}`);
    const page = readFileSync(summary, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/i);
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain(merged.json.headline.replace(/'/g, '&#39;').split(':')[0]);
    expect(page).toContain('hash-workbench diagnose');
  });

  it('parse-log lists the recognised lines as JSON', async () => {
    const r = await cli(['parse-log', '-'], 'noise\nUpgrade failed - rolling back to previous application version.\n');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { entries: Array<{ kind: string; line: number }>; unrecognised: number };
    expect(json.entries).toMatchObject([{ kind: 'rollback', line: 2 }]);
    expect(json.unrecognised).toBe(1);
  });
});
