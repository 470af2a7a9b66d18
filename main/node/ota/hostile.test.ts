// The sweep against servers and inputs that misbehave on purpose (issue 11): crafted moduleinfo keys,
// Running-folder escapes, short and over-long bodies, bombs, trickles, closed keep-alive sockets, UTF-16.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeModule, osHash, sampleApp, writeRunningFolder } from '../../../e2e/lab/module.js';
import { head, siteHandler, startRawServer, type RawLab } from '../../../e2e/lab/raw.js';
import { HashPool } from '../hash-pool.js';
import { fetchPoint } from './fetch-point.js';
import { diagnose, type FrontendTarget } from './sweep.js';

let pool: HashPool;
let dir: string;
beforeAll(() => {
  pool = new HashPool({ size: 1 });
  dir = mkdtempSync(join(tmpdir(), 'hw-hostile-'));
});
afterAll(async () => {
  await pool.destroy();
});
const open: RawLab[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});
async function raw(handler: Parameters<typeof startRawServer>[0]): Promise<RawLab> {
  const r = await startRawServer(handler);
  open.push(r);
  return r;
}
const fe = (label: string, lab: RawLab): FrontendTarget => ({
  label,
  kind: 'address',
  address: `127.0.0.1:${lab.port}`,
  host: '127.0.0.1',
  port: lab.port,
});
const JS = 'scripts/a.js';
const body = Buffer.from('console.log("the right copy");\n'.repeat(200));

/** A module with one script, whose moduleinfo lists extra keys as given (crafted ones among them). */
function crafted(extra: Record<string, string>) {
  const v = makeModule('MyApp', 1, { [JS]: body, 'img/logo@2x.png': Buffer.from('png') });
  const info = structuredClone(v.moduleinfo) as { manifest: { urlVersions: Record<string, string> } };
  Object.assign(info.manifest.urlVersions, extra);
  return { ...v, moduleinfoText: JSON.stringify(info) };
}

describe('a crafted moduleinfo cannot aim the check elsewhere', () => {
  it('refuses keys that leave the origin, one problem line each; no socket opens to anything but the frontends and the public host', async () => {
    const canary = await raw((_req, socket) => void socket.destroy());
    const c = `127.0.0.1:${canary.port}`;
    const keys = [
      `@${c}/z.js`,
      `//${c}/z.js`,
      `http://${c}/z.js`,
      `\\\\${c}\\z.js`,
      `/MyApp/\u0000@${c}/z.js`,
      `/MyApp/x\r\nHost: ${c}`,
      '/MyApp/../../etc/passwd',
      '/MyApp/%2e%2e/%2E%2E/secret',
      `/MyApp/redirect.js`,
    ];
    const v = crafted(Object.fromEntries(keys.map((k) => [k, '?abc'])));
    const site = {
      name: 'MyApp',
      versionToken: v.versionToken,
      moduleinfo: v.moduleinfoText,
      files: v.files,
      // A redirect to the canary is reported, never followed.
      misbehave: (req: { path: string }, socket: import('node:net').Socket) =>
        req.path.startsWith('/MyApp/redirect.js') &&
        (socket.write(
          head(
            302,
            [
              ['Location', `http://${c}/z.js`],
              ['Content-Length', 0],
            ],
            'Found',
          ),
        ),
        true),
    };
    const fe1 = await raw(siteHandler(site));
    const pub = await raw(siteHandler(site));
    const report = await diagnose({ appUrl: `${pub.url}/MyApp/`, frontends: [fe('FE1', fe1)], pool, all: true });

    expect(canary.connections).toBe(0);
    for (const lab of [fe1, pub]) {
      for (const r of lab.requests) {
        expect(r.headers.host).toBe(`127.0.0.1:${pub.port}`);
        expect(r.path.startsWith('/MyApp/')).toBe(true);
      }
    }
    const refused = report.problems.filter((p) => /refused: /.test(p));
    expect(refused).toHaveLength(keys.length - 1);
    for (const k of keys.slice(0, -1)) expect(refused.some((p) => p.includes(JSON.stringify(k)))).toBe(true);
    const checked = report.resources.map((r) => r.path);
    expect(checked).toEqual(expect.arrayContaining([`/MyApp/${JS}`, '/MyApp/img/logo@2x.png', '/MyApp/redirect.js']));
    const js = report.resources.find((r) => r.path === `/MyApp/${JS}`)!;
    expect(js.observations.every((o) => o.matches === true)).toBe(true);
    const redirect = report.resources.find((r) => r.path === '/MyApp/redirect.js')!;
    expect(redirect.observations.find((o) => o.source === 'public')!.error).toMatch(/redirects to .*; not followed/);
  });

  it('a fetch whose Host or destination is not the point’s is refused before it connects', async () => {
    const canary = await raw((_req, socket) => void socket.destroy());
    const site = await raw((_req, socket) => void socket.write(head(200, [['Content-Length', 2]]) + 'ok'));
    const rule = { to: [{ host: '127.0.0.1', port: site.port }], host: `127.0.0.1:${site.port}`, authority: `127.0.0.1:${site.port}` };
    const r = await fetchPoint({ url: `http://127.0.0.1:${canary.port}/x`, rule });
    expect(r.error?.code).toBe('DESTINATION');
    expect(r.error?.message).toMatch(/a connection to 127\.0\.0\.1:\d+ is not one of the check's/);
    const wrongHost = await fetchPoint({ url: `http://evil.test/x`, connectTo: { host: '127.0.0.1', port: site.port }, rule });
    expect(wrongHost.error?.message).toMatch(/a request with Host evil\.test instead of/);
    expect(canary.connections + site.connections).toBe(0);
  });
});

describe('Running folders stay inside', () => {
  it('a key climbing out, or a link pointing out, is refused with a reason; the rest is read', async () => {
    const root = join(dir, 'escape');
    const running = join(root, 'Running', 'MyApp');
    const v = crafted({ '/MyApp/../secret.txt': '?x', '/MyApp/scripts/link.js': '?y', '/Other/secret.txt': '?z' });
    writeRunningFolder(running, v);
    writeFileSync(join(root, 'Running', 'secret.txt'), 'secret');
    writeFileSync(join(root, 'secret.txt'), 'secret');
    symlinkSync(join(root, 'secret.txt'), join(running, 'scripts', 'link.js'));
    const site = await raw(siteHandler({ name: 'MyApp', versionToken: v.versionToken, moduleinfo: v.moduleinfoText, files: v.files }));
    const report = await diagnose({
      appUrl: `${site.url}/MyApp/`,
      frontends: [{ label: 'FE2', kind: 'folder', address: running }],
      pool,
      all: true,
      samples: 1,
    });
    const folderObs = (p: string) => report.resources.find((r) => r.path === p)?.observations.find((o) => o.source === 'frontend:FE2');
    expect(folderObs(`/MyApp/${JS}`)).toMatchObject({ matches: true });
    expect(folderObs('/MyApp/scripts/link.js')).toMatchObject({ errorCode: 'OUTSIDE' });
    expect(folderObs('/MyApp/scripts/link.js')!.error).toMatch(/resolves to .*secret\.txt, outside the Running folder; not read/);
    // '/MyApp/../secret.txt' stays on the origin as /secret.txt, which is not the module's: not in its folder.
    expect(folderObs('/MyApp/../secret.txt')).toMatchObject({ errorCode: 'OUTSIDE' });
    expect(folderObs('/Other/secret.txt')).toMatchObject({ errorCode: 'OUTSIDE' });
    for (const r of report.resources) for (const o of r.observations) expect(o.hash).not.toBe(osHash('secret'));
  });
});

describe('the body is what arrived', () => {
  it('fewer bytes than Content-Length: a failed transfer with both numbers, the hash of what arrived, judged wrong', async () => {
    const short = body.subarray(0, body.length - 500);
    // moduleinfo lists the hash of the bytes that do arrive: a transfer that fails is still no copy.
    const v = makeModule('MyApp', 1, { [JS]: short });
    const files = { [JS]: short };
    const good = await raw(siteHandler({ name: 'MyApp', versionToken: v.versionToken, moduleinfo: v.moduleinfoText, files }));
    const cut = await raw(
      siteHandler({
        name: 'MyApp',
        versionToken: v.versionToken,
        moduleinfo: v.moduleinfoText,
        files,
        misbehave: (req, socket) => {
          if (!req.path.includes(JS)) return false;
          socket.end(Buffer.concat([Buffer.from(head(200, [['Content-Length', body.length]])), short]));
          return true;
        },
      }),
    );
    const report = await diagnose({
      appUrl: `${cut.url}/MyApp/`,
      frontends: [fe('FE1', good)],
      pool,
      resources: [`/MyApp/${JS}`],
      samples: 1,
    });
    const r = report.resources.find((x) => x.path === `/MyApp/${JS}`)!;
    const pub = r.observations.find((o) => o.source === 'public')!;
    expect(pub).toMatchObject({ errorCode: 'SHORT_BODY', hash: osHash(short), size: short.length, matches: false });
    expect(pub.error).toBe(
      `the transfer ended after ${short.length} of ${body.length} bytes (Content-Length): the connection closed mid-body`,
    );
    expect(r.observations.find((o) => o.source === 'frontend:FE1')!.matches).toBe(true);
    expect(r.fault).toBe('network');
  });

  it('a chunked body cut before its last chunk, and broken chunking, are failed transfers', async () => {
    const lab = await raw((req, socket) => {
      socket.write(head(200, [['Transfer-Encoding', 'chunked']]));
      if (req.path === '/cut') socket.end('5\r\nhello\r\n');
      else socket.end('5\r\nhello\r\nzz\r\n');
    });
    for (const path of ['/cut', '/broken']) {
      const r = await fetchPoint({ url: `${lab.url}${path}` });
      expect(r.error?.code, path).toBe('SHORT_BODY');
      // Node may stop at the broken chunk header before it hands over the chunk before it.
      if (path === '/cut') expect(Buffer.from(r.body!).toString(), path).toBe('hello');
    }
  });

  it('more bytes than Content-Length are flagged', async () => {
    const lab = await raw((_req, socket) => void socket.end(`${head(200, [['Content-Length', 5]])}helloEXTRA BYTES`));
    const r = await fetchPoint({ url: `${lab.url}/x` });
    expect(r.error).toBeUndefined();
    expect(Buffer.from(r.body!).toString()).toBe('hello');
    expect(r.record.overLength).toBe(true);
  });

  it('a bomb in every encoding says over the cap, deflate too (raw or zlib)', async () => {
    const bomb = Buffer.alloc(20 << 20);
    const encoded: Record<string, Buffer> = {
      gzip: zlib.gzipSync(bomb),
      br: zlib.brotliCompressSync(bomb),
      deflate: zlib.deflateSync(bomb),
      'raw-deflate': zlib.deflateRawSync(bomb),
    };
    const lab = await raw((req, socket) => {
      const name = req.path.slice(1);
      const bytes = encoded[name]!;
      socket.write(
        head(200, [
          ['Content-Encoding', name === 'raw-deflate' ? 'deflate' : name],
          ['Content-Length', bytes.length],
        ]),
      );
      socket.write(bytes);
    });
    for (const name of Object.keys(encoded)) {
      const r = await fetchPoint({ url: `${lab.url}/${name}` });
      expect(r.error?.code, name).toBe('TOO_LARGE');
      expect(r.error?.message, name).toMatch(/over the 8 MiB cap/);
    }
  });
});

describe('a chain of encodings', () => {
  it('up to 5 layers are undone; a longer chain is not decoded and says so in one line', async () => {
    const text = Buffer.from('the right copy\n'.repeat(100));
    const layered = (n: number) => Array.from({ length: n }).reduce<Buffer>((b) => zlib.gzipSync(b), text);
    const lab = await raw((req, socket) => {
      const n = Number(req.path.slice(1));
      const bytes = layered(n);
      socket.write(
        head(200, [
          ['Content-Encoding', Array(n).fill('gzip').join(', ')],
          ['Content-Length', bytes.length],
        ]),
      );
      socket.write(bytes);
    });
    const five = await fetchPoint({ url: `${lab.url}/5` });
    expect(five.error).toBeUndefined();
    expect(Buffer.from(five.body!).equals(text)).toBe(true);
    const six = await fetchPoint({ url: `${lab.url}/6` });
    expect(six.error?.code).toBe('DECODE');
    expect(six.error?.message).toBe('6 Content-Encoding layers, over the 5 a client undoes: the bytes are kept as received');
  });
});

describe('deadlines, not idle timers', () => {
  it('a body trickled a byte at a time ends at the deadline', async () => {
    const lab = await raw(async (_req, socket, sleep) => {
      socket.write(head(200, [['Content-Length', 1000]]));
      for (let i = 0; i < 1000 && !socket.destroyed; i++) {
        socket.write('x');
        await sleep(50);
      }
    });
    const r = await fetchPoint({ url: `${lab.url}/x`, timeoutMs: 1000 });
    expect(r.error?.code).toBe('TIMEOUT');
    expect(r.error?.message).toMatch(/no complete answer within 1 s \(\d+ bytes received\)/);
  });

  it('a proxy trickling its CONNECT answer ends at the deadline', async () => {
    const proxy = await raw(async (_req, socket, sleep) => {
      for (const ch of 'HTTP/1.1 200 Connection established\r\n'.repeat(100)) {
        if (socket.destroyed) return;
        socket.write(ch);
        await sleep(50);
      }
    });
    const { parseProxy } = await import('./proxy.js');
    const r = await fetchPoint({ url: 'https://apps.example.test/MyApp/x', proxy: parseProxy(proxy.url), timeoutMs: 1000 });
    expect(r.error?.code).toBe('TIMEOUT');
    expect(r.error?.message).toMatch(/waiting for the proxy .* to open the tunnel/);
    await proxy.idle();
  });
});

describe('a kept-alive socket closed on reuse', () => {
  it('is retried once on a new connection, and the retry is recorded', async () => {
    const lab = await raw((req, socket) => {
      if (req.onConnection > 0) return void socket.destroy(); // the server dropped the idle connection
      socket.write(`${head(200, [['Content-Length', 2]])}ok`);
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await fetchPoint({ url: `${lab.url}/a`, agent });
      expect(first.record.retried).toBeUndefined();
      const second = await fetchPoint({ url: `${lab.url}/b`, agent });
      expect(second.error).toBeUndefined();
      expect(Buffer.from(second.body!).toString()).toBe('ok');
      expect(second.record.retried).toMatch(/closed on reuse .*retried once on a new connection/);
      expect(lab.connections).toBe(2);
    } finally {
      agent.destroy();
    }
  });
});

describe('inputs decoded as browsers decode them', () => {
  it('moduleinfo with a UTF-16LE or UTF-16BE byte-order mark', async () => {
    const v = sampleApp(2);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(v.moduleinfoText, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    const bytes = { le, be: Buffer.concat([Buffer.from([0xfe, 0xff]), be]) };
    for (const [name, moduleinfo] of Object.entries(bytes)) {
      const site = await raw(siteHandler({ name: 'MyApp', versionToken: v.versionToken, moduleinfo, files: v.files }));
      const report = await diagnose({
        appUrl: `${site.url}/MyApp/`,
        frontends: [],
        pool,
        resources: ['/MyApp/scripts/MyApp.controller.js'],
      });
      expect(report.current.versionToken, name).toBe(v.versionToken);
      expect(report.fault, name).toBe('none');
    }
  });
});

describe('a big moduleinfo', () => {
  it('over --max-resources: the check does not run, and says how to narrow it', async () => {
    const v = sampleApp(1);
    const site = await raw(siteHandler({ name: 'MyApp', versionToken: v.versionToken, moduleinfo: v.moduleinfoText, files: v.files }));
    const n = Object.keys(v.files).length;
    await expect(diagnose({ appUrl: `${site.url}/MyApp/`, frontends: [], pool, all: true, maxResources: 2 })).rejects.toThrow(
      `moduleinfo lists ${n} resources, over --max-resources 2; narrow the check with --resource or --log`,
    );
    mkdirSync(join(dir, 'unused'), { recursive: true });
  });
});
