// Proves the lab itself behaves as documented, so failures elsewhere point at the product, not the lab.
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osHash, sampleApp, TOKEN_FILES, writeRunningFolder, type ModuleVersion } from './module.js';
import {
  closeAll,
  startBalancer,
  startCachingProxy,
  startForwardProxy,
  startFrontend,
  startTamperingProxy,
  type Lab,
  type TamperMode,
} from './servers.js';
import { makeTestPki } from './tls.js';

interface Got {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** false when the server closed before sending everything it announced */
  complete: boolean;
}

function get(url: string, options: https.RequestOptions = {}): Promise<Got> {
  const mod = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.get(url, { agent: false, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => undefined); // "aborted" after a cut: reported through complete
      res.on('close', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), complete: res.complete }),
      );
    });
    req.on('error', reject);
  });
}

const v1 = sampleApp(1);
const v2 = sampleApp(2);
const file = (v: ModuleVersion, path: string): Buffer => Buffer.from(v.files[path] ?? new Uint8Array());
const urlVersions = (v: ModuleVersion): Record<string, string> =>
  (v.moduleinfo as { manifest: { urlVersions: Record<string, string> } }).manifest.urlVersions;
const CONTROLLER = 'scripts/MyApp.controller.js';
const CTRL_URL = (v: ModuleVersion): string => `/MyApp/${CONTROLLER}${urlVersions(v)[`/MyApp/${CONTROLLER}`]}`;

const labs: Lab[] = [];
afterAll(() => closeAll(labs));
async function track<T extends Lab>(p: Promise<T>): Promise<T> {
  const lab = await p;
  labs.push(lab);
  return lab;
}

describe('module', () => {
  it('hashes in the OutSystems form (MD5, Base64 with / as _, no padding, as OSFileChecksum.m computes it)', () => {
    expect(osHash('')).toBe('1B2M2Y8AsgTpgAmY7PhCfg');
    expect(osHash('hello world')).toBe('XrY7u+Ae7tCTyyK7j1rNww');
    expect(osHash('var x = 3;\n')).toBe('Ux+rVJ8uHJtnxJ4yVjYV_A');
    expect(osHash(new Uint8Array(Buffer.from('var x = 62;\n')))).toBe('eZeyznlO_xx2+8Xt0B1UNg');
  });

  it('lists every file with its MD5, except token files whose entry is the token in their body', () => {
    const entries = urlVersions(v1);
    expect(Object.keys(entries).sort()).toEqual(
      Object.keys(v1.files)
        .map((f) => `/MyApp/${f}`)
        .sort(),
    );
    for (const [path, bytes] of Object.entries(v1.files)) {
      const entry = entries[`/MyApp/${path}`] ?? '';
      if (TOKEN_FILES.includes(path)) {
        const token = entry.slice(1);
        expect(entry).not.toBe(`?${osHash(bytes)}`);
        expect(Buffer.from(bytes).toString()).toMatch(
          new RegExp(`(OSManifestLoader\\.indexVersionToken.*=.*|"versionToken":)"${token.replace(/\+/g, '\\+')}"`),
        );
      } else {
        expect(entry).toBe(`?${osHash(bytes)}`);
      }
    }
    expect(file(v1, 'scripts/OutSystems.js').length).toBeGreaterThan(40_000);
    expect(JSON.parse(v1.moduleinfoText)).toEqual(v1.moduleinfo);
    expect(v1.moduleinfoText).toContain(`"versionToken":"${v1.versionToken}"`);
  });

  it('differs between versions and writes a Running folder', () => {
    expect(urlVersions(v1)[`/MyApp/${CONTROLLER}`]).not.toBe(urlVersions(v2)[`/MyApp/${CONTROLLER}`]);
    expect(urlVersions(v1)['/MyApp/index.html']).not.toBe(urlVersions(v2)['/MyApp/index.html']);
    expect(v1.versionToken).not.toBe(v2.versionToken);
    const dir = mkdtempSync(join(tmpdir(), 'lab-running-'));
    try {
      writeRunningFolder(dir, v1);
      expect(readFileSync(join(dir, 'scripts', 'MyApp.controller.js'))).toEqual(file(v1, CONTROLLER));
      expect(readFileSync(join(dir, 'img', 'MyApp.Logo.png'))).toEqual(file(v1, 'img/MyApp.Logo.png'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('frontend and balancer', () => {
  it('serves files like IIS and 404s missing ones', async () => {
    const fe = await track(startFrontend({ version: v1, label: 'fe1', missing: ['css/MyApp.MyApp.css'] }));
    const js = await get(fe.url + CTRL_URL(v1));
    expect(js.status).toBe(200);
    expect(js.body).toEqual(file(v1, CONTROLLER));
    expect(js.headers['content-type']).toBe('application/javascript');
    expect(js.headers.server).toBe('Microsoft-IIS/10.0');
    expect(js.headers.etag).toMatch(/^"[0-9a-f]+:\d+"$/);
    expect(js.headers['x-lab-frontend']).toBe('fe1');
    const info = await get(`${fe.url}/MyApp/moduleservices/moduleinfo?${v1.versionToken}`);
    expect(info.body.toString()).toBe(v1.moduleinfoText);
    const ver = await get(`${fe.url}/MyApp/moduleservices/moduleversioninfo?${Date.now()}`);
    expect(JSON.parse(ver.body.toString())).toEqual({ versionToken: v1.versionToken });
    expect((await get(`${fe.url}/MyApp/css/MyApp.MyApp.css`)).status).toBe(404);
    expect((await get(`${fe.url}/Other/x.js`)).status).toBe(404);
    fe.setVersion(v2);
    expect((await get(fe.url + CTRL_URL(v1))).body).toEqual(file(v2, CONTROLLER));
    expect(fe.requests.map((r) => r.url)).toContain(CTRL_URL(v1));
  });

  it('alternates members, and sticks to one with the BIG-IP cookie', async () => {
    const fe1 = await track(startFrontend({ version: v1, label: 'fe1' }));
    const fe2 = await track(startFrontend({ version: v2, label: 'fe2' }));
    const lb = await track(startBalancer({ members: [fe1, fe2], affinityCookie: true }));
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await get(lb.url + CTRL_URL(v2)));
    expect(answers.map((a) => a.headers['x-lab-frontend'])).toEqual(['fe1', 'fe2', 'fe1', 'fe2']);
    expect(answers[0]?.body).toEqual(file(v1, CONTROLLER));
    expect(answers[1]?.body).toEqual(file(v2, CONTROLLER));
    // 127.0.0.1 reversed = 1*2^24 + 127; the port's two bytes swapped.
    const swapped = ((fe2.port & 0xff) << 8) | (fe2.port >> 8);
    const cookie = answers[1]?.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toBe(`BIGipServerpool_app=16777343.${swapped}.0000; path=/`);
    for (let i = 0; i < 3; i++) {
      const pinned = await get(lb.url + CTRL_URL(v2), { headers: { cookie: cookie.split(';')[0] ?? '' } });
      expect(pinned.headers['x-lab-frontend']).toBe('fe2');
    }
  });
});

describe('caching proxy', () => {
  it('keeps serving the old copy under the new ?hash until asked for no-cache', async () => {
    const fe = await track(startFrontend({ version: v1 }));
    const cache = await track(startCachingProxy({ upstream: fe.url }));
    const miss = await get(cache.url + CTRL_URL(v1));
    expect(miss.headers['x-cache']).toBe('MISS');
    expect(miss.headers.age).toBe('0');
    fe.setVersion(v2);
    const stale = await get(cache.url + CTRL_URL(v2));
    expect(stale.headers['x-cache']).toBe('HIT');
    expect(Number(stale.headers.age)).toBeGreaterThanOrEqual(1);
    expect(stale.body).toEqual(file(v1, CONTROLLER));
    expect(cache.entries()).toEqual([`/MyApp/${CONTROLLER}`]);
    const fresh = await get(cache.url + CTRL_URL(v2), { headers: { 'cache-control': 'no-cache' } });
    expect(fresh.body).toEqual(file(v2, CONTROLLER));
    expect((await get(cache.url + CTRL_URL(v1))).body).toEqual(file(v2, CONTROLLER)); // replaced copy
  });

  it('keys on path and query when told, and speaks squid, cloudflare or nothing', async () => {
    const fe = await track(startFrontend({ version: v1 }));
    const squid = await track(startCachingProxy({ upstream: fe.url, ignoreQuery: false, header: 'squid' }));
    await squid.prime(CTRL_URL(v1));
    fe.setVersion(v2);
    const hit = await get(squid.url + CTRL_URL(v1));
    expect(hit.headers['x-cache']).toBe('HIT from labproxy');
    expect(hit.headers.via).toBe('1.1 labproxy (squid/6.6)');
    expect(hit.body).toEqual(file(v1, CONTROLLER));
    const other = await get(squid.url + CTRL_URL(v2));
    expect(other.headers['x-cache']).toBe('MISS from labproxy');
    expect(other.body).toEqual(file(v2, CONTROLLER));

    const cf = await track(startCachingProxy({ upstream: fe.url, header: 'cloudflare' }));
    await get(cf.url + CTRL_URL(v2));
    expect((await get(cf.url + CTRL_URL(v2))).headers['cf-cache-status']).toBe('HIT');
    const quiet = await track(startCachingProxy({ upstream: fe.url, header: 'none' }));
    await get(quiet.url + CTRL_URL(v2));
    const silent = await get(quiet.url + CTRL_URL(v2));
    expect(silent.headers.age).toBeUndefined();
    expect(silent.headers['x-cache']).toBeUndefined();
    quiet.clear();
    expect(quiet.entries()).toEqual([]);
  });
});

describe('tampering proxy', () => {
  let fe: Lab;
  beforeAll(async () => {
    fe = await track(startFrontend({ version: v1 }));
  });
  const through = async (mode: TamperMode, path: string, options: https.RequestOptions = {}): Promise<Got> => {
    const proxy = await track(startTamperingProxy({ upstream: fe.url, mode }));
    return get(`${proxy.url}/MyApp/${path}`, options);
  };
  const strip = (b: Buffer): string =>
    b
      .toString()
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/[^\n]*/g, '')
      .replace(/\s+/g, '');

  it('answers the 2xx statuses iOS refuses: 203 with the bytes, 204 without, 206 whole under a Content-Range', async () => {
    const js = file(v1, CONTROLLER);
    const s203 = await through('status-203', CONTROLLER);
    expect([s203.status, s203.body]).toEqual([203, js]);
    const s204 = await through('status-204', CONTROLLER);
    expect([s204.status, s204.body.length, s204.headers['content-length']]).toEqual([204, 0, undefined]);
    const s206 = await through('status-206', CONTROLLER);
    expect([s206.status, s206.body, s206.headers['content-range']]).toEqual([206, js, `bytes 0-${js.length - 1}/${js.length}`]);
  });

  it('a frontend told to cut a file off announces it whole, sends half and resets', async () => {
    const cutter = await track(startFrontend({ version: v1, cutOff: [CONTROLLER] }));
    const js = file(v1, CONTROLLER);
    const got = await get(cutter.url + CTRL_URL(v1));
    expect([got.status, got.headers['content-length'], got.complete]).toEqual([200, String(js.length), false]);
    expect(got.body.length).toBeLessThan(js.length);
    expect((await get(`${cutter.url}/MyApp/index.html`)).complete).toBe(true);
  });

  it('edits bodies as described', async () => {
    const js = file(v1, CONTROLLER);
    const html = file(v1, 'index.html');
    const png = file(v1, 'img/MyApp.Logo.png');

    const injected = (await through('inject-html', 'index.html')).body.toString();
    expect(injected).toContain('<script src="https://inject.example/i.js"></script></head>');
    expect(injected.replace('<script src="https://inject.example/i.js"></script>', '')).toBe(html.toString());
    expect((await through('inject-js', CONTROLLER)).body.toString()).toBe(`;(function(){/*monitor*/})();\n${js}`);
    expect((await through('inject-js', 'index.html')).body).toEqual(html);

    const cut = await through('truncate', CONTROLLER);
    expect(cut.body).toEqual(js.subarray(0, Math.floor(js.length / 2)));
    expect(cut.headers['content-length']).toBe(String(cut.body.length));
    const short = await through('short-content-length', CONTROLLER);
    expect(short.headers['content-length']).toBe(String(js.length));
    expect(short.complete).toBe(false);
    expect(short.body.length).toBeLessThan(js.length);

    expect((await through('bom', CONTROLLER)).body).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), js]));
    expect((await through('bom', 'img/MyApp.Logo.png')).body).toEqual(png);
    const crlf = (await through('crlf', CONTROLLER)).body.toString();
    expect(crlf).toContain('\r\n');
    expect(crlf.replace(/\r\n/g, '\n')).toBe(js.toString());
    expect((await through('crlf', 'img/MyApp.Logo.png')).body).toEqual(png);

    for (const path of [CONTROLLER, 'scripts/OutSystems.js', 'css/MyApp.MyApp.css']) {
      const original = file(v1, path);
      const min = await through('minify', path);
      expect(min.body.length).toBeLessThan(original.length);
      expect(strip(min.body)).toBe(strip(original));
      expect(min.headers['content-length']).toBe(String(min.body.length));
    }

    const gz = await through('gzip', CONTROLLER, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body)).toEqual(js);
    expect((await through('gzip', CONTROLLER)).headers['content-encoding']).toBeUndefined();
    const gzi = await through('gzip-and-inject', CONTROLLER, { headers: { 'accept-encoding': 'gzip' } });
    expect(gunzipSync(gzi.body).toString()).toBe(`;(function(){/*monitor*/})();\n${js}`);
  });

  it('replaces answers as described', async () => {
    const blocked = await through('block-page', CONTROLLER);
    expect(blocked.status).toBe(403);
    expect(blocked.headers['content-type']).toBe('text/html');
    expect(blocked.body.toString()).toContain('Blocked by LabGuard');
    const login = await through('login-redirect', CONTROLLER);
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe(`/login?returnUrl=${encodeURIComponent(`/MyApp/${CONTROLLER}`)}`);
    const loop = await through('redirect-loop', `${CONTROLLER}?ab+c`);
    expect(loop.headers.location).toBe(`/MyApp/${CONTROLLER}?ab+c&_loop=1`);
    expect((await through('not-found', CONTROLLER)).status).toBe(404);
    expect((await through('server-error', CONTROLLER)).status).toBe(503);
    const huge = await through('huge', CONTROLLER);
    expect(huge.status).toBe(200);
    expect(huge.body.length).toBe(12 * 1024 * 1024);
  });

  it('stalls in slow mode, yet closes at once', async () => {
    const proxy = await startTamperingProxy({ upstream: fe.url, mode: 'slow' });
    const pending = get(`${proxy.url}/MyApp/${CONTROLLER}`).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await proxy.close();
    expect(await pending).toBe('cut');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('only tampers with the chosen paths', async () => {
    const proxy = await track(startTamperingProxy({ upstream: fe.url, mode: 'block-page', only: (p) => p.endsWith('.css') }));
    expect((await get(`${proxy.url}/MyApp/${CONTROLLER}`)).body).toEqual(file(v1, CONTROLLER));
    expect((await get(`${proxy.url}/MyApp/css/MyApp.MyApp.css`)).status).toBe(403);
  });
});

describe('TLS and forward proxy', () => {
  const pki = makeTestPki(mkdtempSync(join(tmpdir(), 'lab-pki-')));

  it('answers over https with the test CA for localhost, and presents the other certificate when told', async () => {
    const fe = await track(startFrontend({ version: v1, tls: pki.server }));
    expect(fe.url).toMatch(/^https:/);
    const ok = await get(fe.url + CTRL_URL(v1), { ca: pki.caPem, servername: 'localhost' });
    expect(ok.body).toEqual(file(v1, CONTROLLER));

    const fe2 = await track(startFrontend({ version: v1, tls: pki.other, label: 'fe2' }));
    await expect(get(fe2.url + CTRL_URL(v1), { ca: pki.caPem, servername: 'localhost' })).rejects.toMatchObject({
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
    expect(pki.otherFingerprint256).toBe(new X509Certificate(pki.other.cert).fingerprint256);
    expect(pki.otherFingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const balancer = await track(startBalancer({ members: [fe2], tls: pki.server }));
    expect((await get(balancer.url + CTRL_URL(v1), { ca: pki.caPem, servername: 'localhost' })).status).toBe(200);
  });

  it('tunnels CONNECT and forwards absolute-URI requests', async () => {
    const fe = await track(startFrontend({ version: v1, tls: pki.server }));
    const plain = await track(startFrontend({ version: v2 }));
    const proxy = await track(startForwardProxy());

    const socket = await new Promise<import('node:net').Socket>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: proxy.port, method: 'CONNECT', path: `127.0.0.1:${fe.port}`, agent: false });
      req.on('connect', (res, s) => (res.statusCode === 200 ? resolve(s) : reject(new Error(String(res.statusCode)))));
      req.on('error', reject);
      req.end();
    });
    const secure = tls.connect({ socket, servername: 'localhost', ca: pki.caPem });
    const got = await get(`https://localhost:${fe.port}${CTRL_URL(v1)}`, { agent: undefined, createConnection: () => secure });
    expect(got.body).toEqual(file(v1, CONTROLLER));
    expect(proxy.connects).toEqual([`127.0.0.1:${fe.port}`]);

    const viaProxy = await get(`http://127.0.0.1:${proxy.port}`, {
      path: `${plain.url}${CTRL_URL(v2)}`,
      headers: { host: `127.0.0.1:${plain.port}` },
    });
    expect(viaProxy.body).toEqual(file(v2, CONTROLLER));
    expect(viaProxy.headers.via).toBe('1.1 labforward');
    expect(proxy.requests.map((r) => r.url)).toContain(`${plain.url}${CTRL_URL(v2)}`);
  });
});

describe('lifecycle', () => {
  it('close() cuts keep-alive connections at once', async () => {
    const fe = await startFrontend({ version: v1 });
    const agent = new http.Agent({ keepAlive: true });
    try {
      const first = await get(fe.url + CTRL_URL(v1), { agent });
      expect(first.headers.connection).toBe('keep-alive');
      const started = Date.now();
      await fe.close();
      expect(Date.now() - started).toBeLessThan(500);
    } finally {
      agent.destroy();
    }
  });

  it('passes a cut-short body through a balancer as a cut-short body', async () => {
    const fe = await track(startFrontend({ version: v1 }));
    const cutter = await track(startTamperingProxy({ upstream: fe.url, mode: 'short-content-length' }));
    const lb = await track(startBalancer({ members: [cutter] }));
    const got = await get(lb.url + CTRL_URL(v1));
    expect(got.complete).toBe(false);
    expect(got.body.length).toBeLessThan(file(v1, CONTROLLER).length);
    const cache = await track(startCachingProxy({ upstream: cutter.url }));
    expect((await get(cache.url + CTRL_URL(v1))).status).toBe(502); // a cache does not store a cut body
    expect(cache.entries()).toEqual([]);
  });
});
