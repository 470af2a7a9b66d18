import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT, type ChannelName, type DeliveredReport, type Envelope, type EventName } from '../../common/ipc/contract.js';
import { buildReport, parseReport } from '../../common/ota/report.js';
import { testObservation, testRun } from '../../common/ota/test-support/report-parts.js';
import { HashPool } from '../hash-pool.js';
import { AppStore } from './app-store.js';
import { dispatch, type Caller, type Platform, type Services } from './handlers.js';
import { Jobs } from './jobs.js';
import { PathGrants } from './path-grants.js';
import { SLICE_RESOURCES } from './report-slices.js';

let dir: string;
let services: Services;
const opened: string[] = [];
const events: Array<[EventName, unknown]> = [];
let dialogAnswer: string[] = [];

const platform: Platform = {
  version: 'test',
  platform: 'linux',
  arch: 'x64',
  openDialog: async () => dialogAnswer,
  saveDialog: async (name) => join(dir, name),
  openExternal: async (url) => void opened.push(url),
  proxyFor: async () => undefined,
};

const newCaller = (id = 1): Caller => ({ id, grants: new PathGrants(), emit: (e, p) => void events.push([e, p]) });
const call = (channel: unknown, payload: unknown, caller: Caller) => dispatch(channel, payload, caller, services);
const openssl = (alg: string, path: string) =>
  execFileSync('openssl', ['dgst', `-${alg}`, '-r', path])
    .toString()
    .split(' ')[0];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hw-handlers-'));
  services = { pool: new HashPool({ size: 2 }), jobs: new Jobs(), store: new AppStore(join(dir, 'data')), platform };
});
afterAll(async () => {
  await services.pool.destroy();
});

describe('the handler table', () => {
  it('hashes a dropped file: digests equal openssl dgst, progress goes to the window that asked', async () => {
    const file = join(dir, 'dropped.bin');
    writeFileSync(file, Buffer.alloc(3_000_000, 7));
    const caller = newCaller();
    expect(await call('paths:dropped', { paths: [file] }, caller)).toEqual({ ok: true, value: { paths: [file] } });
    const r = (await call('hash:files', { jobId: 'j1', paths: [file], algorithms: ['md5', 'sha256', 'sha512'] }, caller)) as Envelope<{
      files: Array<{ digests: Record<string, string> }>;
    }>;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.value.files[0]!.digests;
    expect([d.md5, d.sha256, d.sha512]).toEqual([openssl('md5', file), openssl('sha256', file), openssl('sha512', file)]);
    expect(events.some(([e, p]) => e === 'job:progress' && (p as { jobId: string }).jobId === 'j1')).toBe(true);
    expect(services.jobs.size).toBe(0);
  });

  it('refuses a path that was never chosen, with a message that says what to do', async () => {
    const secret = join(dir, 'never-chosen.txt');
    writeFileSync(secret, 'x');
    const r = await call('hash:files', { jobId: 'j2', paths: [secret], algorithms: ['md5'] }, newCaller());
    expect(r).toMatchObject({ ok: false, error: { code: 'REFUSED_PATH' } });
    if (!r.ok) expect(r.error.message).toContain('Open it with Open File… or drop it on the window');
  });

  it('grants the files inside a chosen folder, but not a link that leads out of it', async () => {
    const folder = join(dir, 'chosen');
    mkdirSync(folder);
    writeFileSync(join(folder, 'inside.txt'), 'in');
    writeFileSync(join(dir, 'outside.txt'), 'out');
    symlinkSync(join(dir, 'outside.txt'), join(folder, 'escape.txt'));
    const caller = newCaller();
    dialogAnswer = [folder];
    await call('dialog:open', { kind: 'folder' }, caller);
    expect((await call('hash:files', { jobId: 'j3', paths: [join(folder, 'inside.txt')], algorithms: ['md5'] }, caller)).ok).toBe(true);
    expect(await call('hash:files', { jobId: 'j4', paths: [join(folder, 'escape.txt')], algorithms: ['md5'] }, caller)).toMatchObject({
      ok: false,
      error: { code: 'REFUSED_PATH' },
    });
    expect(
      await call('hash:files', { jobId: 'j5', paths: [join(folder, '..', 'outside.txt')], algorithms: ['md5'] }, caller),
    ).toMatchObject({ ok: false, error: { code: 'REFUSED_PATH' } });
    // Grants belong to the window they were given to.
    expect(await call('hash:files', { jobId: 'j6', paths: [join(folder, 'inside.txt')], algorithms: ['md5'] }, newCaller(2))).toMatchObject(
      { ok: false, error: { code: 'REFUSED_PATH' } },
    );
  });

  it('cancels a long hash from the window that started it, not from another', async () => {
    const big = join(dir, 'big.bin');
    execFileSync('truncate', ['-s', '3G', big]);
    // The job is known to be running once its first progress event reaches the window.
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const caller: Caller = {
      ...newCaller(5),
      emit: (e, p) => {
        events.push([e, p]);
        if (e === 'job:progress' && (p as { jobId: string }).jobId === 'long') started();
      },
    };
    await call('paths:dropped', { paths: [big] }, caller);
    const job = call('hash:files', { jobId: 'long', paths: [big], algorithms: ['sha512', 'sha3-512', 'whirlpool'] }, caller);
    await running;
    expect(await call('job:cancel', { jobId: 'long' }, newCaller(6))).toEqual({ ok: true, value: { cancelled: false } });
    expect(await call('job:cancel', { jobId: 'long' }, caller)).toEqual({ ok: true, value: { cancelled: true } });
    const r = (await job) as Envelope<{ files: Array<{ error?: { code: string } }> }>;
    expect(r.ok && r.value.files[0]!.error?.code).toBe('CANCELLED');
  });

  it('opens only safe https links in the browser', async () => {
    const caller = newCaller();
    expect(await call('shell:open-external', { url: 'https://success.outsystems.com/' }, caller)).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(await call('shell:open-external', { url: 'file:///etc/passwd' }, caller)).toMatchObject({ ok: true, value: { opened: false } });
    expect(opened).toEqual(['https://success.outsystems.com/']);
  });

  it('remembers settings, validated', async () => {
    const caller = newCaller();
    expect(await call('settings:set', { algorithms: ['sha256'], encoding: 'outsystems' }, caller)).toMatchObject({
      ok: true,
      value: { algorithms: ['sha256'], encoding: 'outsystems', theme: 'system' },
    });
    expect(await call('settings:get', {}, caller)).toMatchObject({ ok: true, value: { algorithms: ['sha256'] } });
    expect(await call('settings:set', { algorithms: ['rot13'] }, caller)).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  });
});

describe('every channel answers malformed payloads with a validation error, never a crash', () => {
  const huge = 'x'.repeat(30_000_000);
  const bad: unknown[] = [
    undefined,
    null,
    42,
    'text',
    [],
    [1, 2],
    true,
    { unexpected: 1 },
    { jobId: 7 },
    { paths: 'not-a-list' },
    { paths: [huge] },
    { url: huge },
    { path: '\0' },
    Object.create({ inherited: 1 }),
  ];
  for (const channel of Object.keys(CONTRACT) as ChannelName[]) {
    it(channel, async () => {
      for (const payload of bad) {
        let r: Envelope<unknown>;
        try {
          r = await call(channel, payload, newCaller(99));
        } catch (err) {
          throw new Error(`${channel} threw on ${JSON.stringify(payload)?.slice(0, 60)}: ${(err as Error).message}`);
        }
        expect(r.ok, `${channel} accepted ${JSON.stringify(payload)?.slice(0, 60)}`).toBe(false);
        if (!r.ok) expect(['INVALID', 'REFUSED_PATH']).toContain(r.error.code);
      }
    });
  }

  it('an unknown channel, a prototype key and an extra field are refused', async () => {
    expect(await call('fs:read', {}, newCaller())).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await call('__proto__', {}, newCaller())).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await call('constructor', {}, newCaller())).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await call('app:info', { extra: true }, newCaller())).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: 'app:info: $.extra: unknown field' },
    });
  });

  it('paths never chosen are refused on every channel that reads one', async () => {
    const never = join(dir, 'never.txt');
    writeFileSync(never, 'x');
    const c = newCaller(42);
    const cases: Array<[ChannelName, unknown]> = [
      ['hash:files', { jobId: 'a', paths: [never], algorithms: ['md5'] }],
      ['check:paste', { jobId: 'b', path: never, pasted: 'd41d8cd98f00b204e9800998ecf8427e' }],
      ['compare:files', { jobId: 'c', a: never, b: never }],
      ['checksum:verify', { jobId: 'd', path: never }],
      ['report:open', { path: never }],
      ['ota:diagnose', { jobId: 'e', appUrl: 'http://127.0.0.1:9/MyApp/', frontends: [], harPath: never }],
      ['ota:diagnose', { jobId: 'f', appUrl: 'http://127.0.0.1:9/MyApp/', frontends: [{ label: 'FE1', address: dir }] }],
      ['hash:files', { jobId: 'g', paths: ['relative/path.txt'], algorithms: ['md5'] }],
    ];
    for (const [channel, payload] of cases)
      expect(await call(channel, payload, c), channel).toMatchObject({ ok: false, error: { code: 'REFUSED_PATH' } });
  });
});

describe("the app's OTA check is prepared by the same rules as the CLI's", () => {
  it('refuses a duplicate label, a trust for an unknown label and a CA file that is not PEM, naming the field', async () => {
    const notPem = join(dir, 'not-a-ca.pem');
    writeFileSync(notPem, 'hello');
    const c = newCaller(43);
    await c.grants.grant(notPem);
    const base = { appUrl: 'http://127.0.0.1:9/MyApp/' };
    const fp = 'ab'.repeat(32);
    const cases: Array<[unknown, RegExp]> = [
      [
        {
          ...base,
          jobId: 'p1',
          frontends: [
            { label: 'FE1', address: '10.0.0.1' },
            { label: 'FE1', address: '10.0.0.2' },
          ],
        },
        /label FE1 is given twice/,
      ],
      [
        { ...base, jobId: 'p2', frontends: [{ label: 'FE1', address: '10.0.0.1' }], trust: { FE2: fp } },
        /--trust FE2: no --frontend has that label/,
      ],
      [{ ...base, jobId: 'p3', frontends: [], caPath: notPem }, /--ca not-a-ca\.pem: not a PEM certificate/],
      [{ ...base, jobId: 'p4', frontends: [{ label: 'FE1', address: 'ftp://10.0.0.1' }] }, /only http:\/\/ and https:\/\/ addresses/],
    ];
    for (const [payload, message] of cases) {
      const r = await call('ota:diagnose', payload, c);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID' } });
      expect(r.ok ? '' : r.error.message).toMatch(message);
    }
  });
});

describe("the app's OTA check keeps the same guarantees", () => {
  it('a crafted moduleinfo and Running folder: keys refused, nothing read outside the folder the user chose', async () => {
    const { makeModule, writeRunningFolder, osHash } = await import('../../../e2e/lab/module.js');
    const { siteHandler, startRawServer } = await import('../../../e2e/lab/raw.js');
    const canary = await startRawServer((_req, socket) => void socket.destroy());
    const v = makeModule('MyApp', 1, { 'scripts/a.js': 'ok' });
    const info = structuredClone(v.moduleinfo) as { manifest: { urlVersions: Record<string, string> } };
    Object.assign(info.manifest.urlVersions, {
      [`@127.0.0.1:${canary.port}/z.js`]: '?a',
      '/MyApp/../../outside.txt': '?b',
      '/MyApp/scripts/out.js': '?c',
    });
    const site = await startRawServer(
      siteHandler({ name: 'MyApp', versionToken: v.versionToken, moduleinfo: JSON.stringify(info), files: v.files }),
    );
    const running = join(dir, 'crafted', 'Running', 'MyApp');
    writeRunningFolder(running, v);
    writeFileSync(join(dir, 'crafted', 'outside.txt'), 'outside');
    symlinkSync(join(dir, 'crafted', 'outside.txt'), join(running, 'scripts', 'out.js'));
    const c = newCaller(44);
    await c.grants.grant(running);
    try {
      const r = await call(
        'ota:diagnose',
        { jobId: 'crafted', appUrl: `${site.url}/MyApp/`, frontends: [{ label: 'FE2', address: running }], all: true },
        c,
      );
      expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
      if (!r.ok) return;
      const report = r.value as {
        problems: string[];
        resources: Array<{ path: string; observations: Array<{ source: string; hash?: string; errorCode?: string }> }>;
      };
      expect(report.problems.filter((p) => /refused: /.test(p))).toHaveLength(2);
      const out = report.resources.find((x) => x.path === '/MyApp/scripts/out.js')!.observations.find((o) => o.source === 'frontend:FE2')!;
      expect(out.errorCode).toBe('OUTSIDE');
      for (const x of report.resources) for (const o of x.observations) expect(o.hash).not.toBe(osHash('outside'));
      expect(canary.connections).toBe(0);
    } finally {
      await Promise.all([canary.close(), site.close()]);
    }
  });
});

describe("the app's OTA check uses the system proxy and certificate store for the public samples", () => {
  it('records them in the report', async () => {
    const { sampleApp } = await import('../../../e2e/lab/module.js');
    const { makeTestPki } = await import('../../../e2e/lab/tls.js');
    const { closeAll, startForwardProxy, startFrontend } = await import('../../../e2e/lab/servers.js');
    const { parseProxy } = await import('../ota/proxy.js');
    const pki = makeTestPki(join(dir, 'pki'));
    const fe = await startFrontend({ version: sampleApp(1), tls: pki.server });
    const proxy = await startForwardProxy();
    const withSystem: Services = {
      ...services,
      platform: { ...platform, proxyFor: async () => parseProxy(proxy.url), systemCa: () => pki.caPem },
    };
    try {
      const r = await dispatch(
        'ota:diagnose',
        {
          jobId: 'ota',
          appUrl: `https://localhost:${fe.port}/MyApp/`,
          frontends: [{ label: 'FE1', address: `127.0.0.1:${fe.port}` }],
          resources: ['/MyApp/scripts/MyApp.controller.js'],
        },
        newCaller(),
        withSystem,
      );
      expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
      if (!r.ok) return;
      const report = r.value as { cause: string; runs: Array<{ network: { proxy?: string; proxySource?: string; ca?: string } }> };
      expect(report.cause, JSON.stringify((report as unknown as { problems: string[] }).problems)).toBe('consistent');
      expect(report.runs[0]!.network).toMatchObject({
        proxy: proxy.url,
        proxySource: 'system',
        ca: "the operating system's certificate store",
      });
      expect(proxy.connects).toContain(`localhost:${fe.port}`);
    } finally {
      await closeAll([fe, proxy]);
    }
  });
});

describe('a big report crosses to the window in slices', () => {
  const HASH = 'Ux+rVJ8uHJtnxJ4yVjYV_A';
  const paths = Array.from({ length: SLICE_RESOURCES * 2 + 7 }, (_, i) => `/MyApp/scripts/File${i}.js`);
  const big = buildReport(
    {
      moduleName: 'MyApp',
      frontends: [{ label: 'FE1', kind: 'address', address: '10.0.0.11' }],
      moduleinfo: [{ source: 'public', vantage: 'agent', moment: 'start', versionToken: 'v2', at: testRun().startedAt }],
      versions: [{ versionToken: 'v2', resources: Object.fromEntries(paths.map((p) => [p, HASH])) }],
      resources: paths.map((path) => ({
        path,
        versionTokenFile: false,
        observations: [testObservation({ source: 'frontend:FE1', path, hash: HASH, status: 200, size: 10 })],
      })),
    },
    { runs: [testRun()], log: [], problems: [], redacted: [] },
  );
  const slice = (token: string, index: number, c: Caller) => call('report:slice', { token, index }, c);

  it('report:open answers its first resources; report:slice the rest in order, each once, to that window only', async () => {
    const file = join(dir, 'big-report.json');
    writeFileSync(file, JSON.stringify(big));
    const c = newCaller(7);
    await c.grants.grant(file);
    const saved = parseReport(JSON.stringify(big));
    if (!saved.ok) throw new Error(saved.error.message);

    // Asked without `sliced` (the CLI's way, a test's): the whole report in one answer.
    const whole = (await call('report:open', { path: file }, c)) as Envelope<{ report: DeliveredReport }>;
    expect(whole.ok && whole.value.report).toEqual(saved.value);

    const opened = (await call('report:open', { path: file, sliced: true }, c)) as Envelope<{ report: DeliveredReport }>;
    if (!opened.ok) throw new Error(opened.error.message);
    const { rest, ...head } = opened.value.report;
    expect(head.resources).toHaveLength(SLICE_RESOURCES);
    expect(rest?.slices).toBe(2);
    const token = rest!.token;
    // Another window cannot take them.
    expect(await slice(token, 1, newCaller(8))).toMatchObject({ ok: false, error: { code: 'INVALID', details: { field: 'token' } } });
    const parts = [await slice(token, 1, c), await slice(token, 2, c)];
    const resources = [...head.resources];
    for (const p of parts) {
      if (!p.ok) throw new Error(p.error.message);
      resources.push(...(p.value as { resources: typeof resources }).resources);
    }
    expect({ ...head, resources }).toEqual(saved.value);
    // Handed out once: the last one taken, nothing of it is left in main.
    expect(await slice(token, 1, c)).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await slice(token, 3, c)).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  });

  it('a window keeps at most two reports waiting: an older one left untaken is dropped', async () => {
    const c = newCaller(9);
    const merged = async () => {
      const r = (await call('report:merge', { reports: [big, big], sliced: true }, c)) as Envelope<DeliveredReport>;
      if (!r.ok) throw new Error(r.error.message);
      return r.value.rest!.token;
    };
    const first = await merged();
    const second = await merged();
    const third = await merged();
    expect(await slice(first, 1, c)).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await slice(second, 1, c)).toMatchObject({ ok: true });
    expect(await slice(third, 1, c)).toMatchObject({ ok: true });
  });
});
