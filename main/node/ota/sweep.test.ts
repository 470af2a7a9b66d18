// diagnose() in process against the loopback lab: frontends behind a balancer, plus servers that misbehave.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { head, siteHandler, startRawServer, type RawLab } from '../../../e2e/lab/raw.js';
import { farm, JS, v1, v2, type Farm } from '../../../e2e/lab/scenarios.js';
import { HashPool } from '../hash-pool.js';
import { diagnose, type DiagnoseOptions, type FrontendTarget } from './sweep.js';

let pool: HashPool;
beforeAll(() => {
  pool = new HashPool({ size: 1 });
});
afterAll(async () => {
  await pool.destroy();
});
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});
async function lab(versions = [v2, v2]): Promise<Farm> {
  const f = await farm(versions);
  open.push(f);
  return f;
}
async function raw(handler: Parameters<typeof startRawServer>[0]): Promise<RawLab> {
  const r = await startRawServer(handler);
  open.push(r);
  return r;
}
const targets = (f: Farm): FrontendTarget[] =>
  f.frontends.map((x) => ({
    label: x.label,
    kind: 'address',
    address: x.address,
    host: '127.0.0.1',
    port: Number(x.address.split(':')[1]),
  }));
const run = (f: Farm, extra: Partial<DiagnoseOptions> = {}) => diagnose({ appUrl: f.appUrl, frontends: targets(f), pool, ...extra });

describe('diagnose (the sweep)', () => {
  it('reads moduleinfo at the start and the end, then every resource from every point', async () => {
    const f = await lab();
    const phases: string[] = [];
    const report = await run(f, { resources: [JS], samples: 2, onProgress: (p) => phases.push(p.phase) });
    expect(report.fault).toBe('none');
    expect(unique(phases)).toEqual(['moduleinfo', 'resources', 'moduleinfo-end', 'done']);
    expect(report.moduleinfo.map((c) => `${c.moment}:${c.source}`).sort()).toEqual(
      ['start', 'end'].flatMap((m) => ['frontend:FE1', 'frontend:FE2', 'public'].map((s) => `${m}:${s}`)).sort(),
    );
    const js = report.resources.find((r) => r.path === JS)!;
    expect(js.observations.map((o) => `${o.source}${o.sample ?? ''}`)).toEqual([
      'frontend:FE1',
      'frontend:FE2',
      'public1',
      'public2',
      'public-nocache',
      'public-busted',
    ]);
    for (const o of js.observations) expect(o).toMatchObject({ matches: true, size: v2.files['scripts/MyApp.controller.js']!.length });
  });

  it('an outdated frontend is named, with the diff against a right copy', async () => {
    const report = await run(await lab([v2, v1]), { resources: [JS] });
    expect(report).toMatchObject({ fault: 'frontend', cause: 'outdated-frontend', frontends: ['FE2'] });
    const fe2 = report.resources.find((r) => r.path === JS)!.observations.find((o) => o.source === 'frontend:FE2')!;
    expect(fe2.matches).toBe(false);
    expect(fe2.diff).toBeDefined();
  });

  it('a frontend answering every request with a malformed Location: the sweep goes on, its agents closed, no listener warning', async () => {
    const f = await lab();
    const bad = await raw(
      (_req, socket) =>
        void socket.write(
          head(
            302,
            [
              ['Location', 'http://[::1'],
              ['Content-Length', 0],
            ],
            'Found',
          ),
        ),
    );
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const report = await diagnose({
        appUrl: f.appUrl,
        frontends: [...targets(f), { label: 'FE3', kind: 'address', address: `127.0.0.1:${bad.port}`, host: '127.0.0.1', port: bad.port }],
        pool,
        all: true,
        concurrency: 8,
        signal: new AbortController().signal,
      });
      expect(report.resources.length).toBeGreaterThan(4);
      // The first resource is moduleinfo itself, judged from its copies.
      for (const r of report.resources.slice(1)) {
        const fe3 = r.observations.find((o) => o.source === 'frontend:FE3')!;
        expect(fe3, r.path).toMatchObject({ status: 302, errorCode: 'REDIRECT' });
        expect(r.observations.find((o) => o.source === 'frontend:FE1')!.matches, r.path).toBe(true);
      }
      expect(report.problems.join('\n')).toMatch(/FE3.*moduleinfo: .*Location that is not a URL/);
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
    await bad.idle(); // resolves only when the sweep's keep-alive sockets to FE3 are closed
  });

  it('cancelled mid-run: keeps what was checked and says so; every socket closed', async () => {
    const f = await lab();
    const controller = new AbortController();
    // Answers moduleinfo; accepts every resource request and never answers it, and the job is cancelled then.
    const slow = await raw((req, socket) => {
      if (!req.path.includes('/moduleservices/')) return controller.abort();
      const body = req.path.includes('moduleversioninfo') ? JSON.stringify({ versionToken: v2.versionToken }) : v2.moduleinfoText;
      socket.write(head(200, [['Content-Length', Buffer.byteLength(body)]]) + body);
    });
    const report = await diagnose({
      appUrl: f.appUrl,
      frontends: [...targets(f), { label: 'FE3', kind: 'address', address: `127.0.0.1:${slow.port}`, host: '127.0.0.1', port: slow.port }],
      pool,
      all: true,
      signal: controller.signal,
    });
    expect(report.runs[0]!.cancelled).toBe(true);
    expect(report.problems.join('\n')).toMatch(/cancelled: \d+ of \d+ resources checked(, \d+ more in part .*)?; what was checked is kept/);
    // The fetches the cancel stopped are left out: nothing is judged unreached because of them.
    const copies = report.resources.flatMap((r) => r.observations);
    expect(copies.length).toBeGreaterThan(0);
    expect(copies.filter((o) => o.errorCode === 'CANCELLED')).toEqual([]);
    expect([report.fault, report.cause]).toEqual(['inconclusive', 'cancelled']);
    await slow.idle();
  });
});

describe('requests like a device’s (--as)', () => {
  it('ios names the version it downloads in x-version-tokens; android asks Accept */*; both look like the app; recorded', async () => {
    for (const as of ['ios', 'android'] as const) {
      const site = await raw(siteHandler({ name: 'MyApp', versionToken: v2.versionToken, moduleinfo: v2.moduleinfoText, files: v2.files }));
      const report = await diagnose({ appUrl: `${site.url}/MyApp/`, frontends: [], pool, resources: [JS], samples: 1, as });
      expect(report.runs[0]!.options.as).toBe(as);
      const asked = site.requests.filter((r) => r.path.startsWith(`${JS}?`));
      expect(asked.length, as).toBeGreaterThan(0);
      for (const r of asked) {
        expect(r.headers['user-agent'], JSON.stringify(r.headers)).toMatch(/OutSystemsApp$/);
        expect(r.headers.accept, as).toBe('*/*');
        if (as === 'ios')
          expect(r.headers['x-version-tokens'], r.path + JSON.stringify(r.headers)).toBe(
            `b-download: ${v2.versionToken} ,b-creation: n/a ,t-version: n/a`,
          );
        else expect(r.headers['x-version-tokens']).toBeUndefined();
      }
      // The hash goes in the query as it is: '+' raw.
      const expected = (v2.moduleinfo.manifest as { urlVersions: Record<string, string> }).urlVersions[JS]!;
      expect(asked.some((r) => r.path === `${JS}${expected}`)).toBe(true);
    }
  });
});

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
