// A corpus of frontends that misbehave on purpose, each behind the same module: whatever one frontend
// does (stall, flood, lie about its length, break HTTP), the check ends within its deadline, the other
// points keep their results, the frontend's copy names what went wrong in one line, and the verdict
// judges it as a device would: a broken answer is the frontend's fault, silence is inconclusive.
import https from 'node:https';
import net from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeModule } from '../../../e2e/lab/module.js';
import { makeTestPki } from '../../../e2e/lab/tls.js';
import { head, siteHandler, startRawServer, type RawLab, type RawRequest } from '../../../e2e/lab/raw.js';
import { HashPool } from '../hash-pool.js';
import { diagnose } from './sweep.js';

let pool: HashPool;
beforeAll(() => {
  pool = new HashPool({ size: 1 });
});
afterAll(async () => {
  await pool.destroy();
});
const open: RawLab[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});

const JS = 'scripts/a.js';
const body = Buffer.from('console.log("the right copy");\n'.repeat(200));
const v = makeModule('MyApp', 1, { [JS]: body });
const site = { name: 'MyApp', versionToken: v.versionToken, moduleinfo: v.moduleinfoText, files: v.files };

type Misbehave = (req: RawRequest, socket: net.Socket, sleep: (ms: number) => Promise<void>) => void | Promise<void>;

/** Runs the check with FE1 misbehaving on the script and FE2 and the public URL serving it right. */
async function check(misbehave: Misbehave) {
  const bad = await startRawServer(
    siteHandler({
      ...site,
      misbehave: async (req, socket, sleep) => (req.path.includes(JS) ? (await misbehave(req, socket, sleep), true) : false),
    }),
  );
  const good = await startRawServer(siteHandler(site));
  const pub = await startRawServer(siteHandler(site));
  open.push(bad, good, pub);
  const at = (label: string, lab: RawLab) => ({
    label,
    kind: 'address' as const,
    address: `127.0.0.1:${lab.port}`,
    host: '127.0.0.1',
    port: lab.port,
  });
  const report = await diagnose({
    appUrl: `${pub.url}/MyApp/`,
    frontends: [at('FE1', bad), at('FE2', good)],
    pool,
    resources: [`/MyApp/${JS}`],
    samples: 1,
    timeoutMs: 1500,
  });
  const r = report.resources.find((x) => x.path === `/MyApp/${JS}`)!;
  const obs = (source: string) => r.observations.find((o) => o.source === source)!;
  // The other points keep their results whatever FE1 did.
  expect(obs('frontend:FE2').matches).toBe(true);
  expect(obs('public').matches).toBe(true);
  return { report, fe1: obs('frontend:FE1') };
}

/** What FE1's copy must say, and how the resource is then judged. */
interface Expect {
  code: string | undefined;
  says: RegExp;
  /** The report's fault and cause: a broken answer is frontend-error; silence or a cap decides nothing. */
  verdict: `${string}/${string}`;
}
const brokenBy = (says: RegExp): Expect => ({ code: 'BAD_HTTP', says, verdict: 'frontend/frontend-error' });
const silent: Expect = { code: 'TIMEOUT', says: /^no complete answer within 1\.5 s/, verdict: 'inconclusive/unreachable' };
const capped = (says: RegExp): Expect => ({ code: 'TOO_LARGE', says, verdict: 'none/consistent' });
const LF = (n: number) => Buffer.alloc(n, 0x61).toString();

const cases: Array<[string, Misbehave, Expect]> = [
  [
    'closes without a word',
    (_q, s) => void s.destroy(),
    { code: 'RESET', says: /closed the connection$/, verdict: 'inconclusive/unreachable' },
  ],
  ['answers SSH instead of HTTP', (_q, s) => void s.end('SSH-2.0-OpenSSH_9.6\r\n'), brokenBy(/answered something that is not HTTP$/)],
  [
    'an invalid status line',
    (_q, s) => void s.end('HTTP/1.1 2000 Bad\r\nContent-Length: 2\r\n\r\nok'),
    brokenBy(/an invalid status line$/),
  ],
  [
    'headers trickled a byte at a time',
    async (_q, s, sleep) => {
      for (const ch of `HTTP/1.1 200 OK\r\nX-Slow: ${LF(500)}`) {
        if (s.destroyed) return;
        s.write(ch);
        await sleep(20);
      }
    },
    silent,
  ],
  [
    'endless headers',
    async (_q, s, sleep) => {
      s.write('HTTP/1.1 200 OK\r\n');
      for (let i = 0; i < 100000 && !s.destroyed; i++) {
        s.write(`X-H${i}: ${LF(100)}\r\n`);
        if (i % 100 === 0) await sleep(1);
      }
    },
    brokenBy(/response headers over 256 KiB$/),
  ],
  [
    'one 1 MiB header',
    (_q, s) => void s.end(`HTTP/1.1 200 OK\r\nX-Big: ${LF(1 << 20)}\r\nContent-Length: 2\r\n\r\nok`),
    brokenBy(/over 256 KiB$/),
  ],
  ['a 1 MiB Location', (_q, s) => void s.write(head(302, [['Location', `/${LF(1 << 20)}`]], 'Found')), brokenBy(/over 256 KiB$/)],
  [
    'two different Content-Length headers',
    (_q, s) =>
      void s.end(
        head(200, [
          ['Content-Length', 2],
          ['Content-Length', 5],
        ]) + 'hello',
      ),
    brokenBy(/two different Content-Length headers$/),
  ],
  [
    'a negative Content-Length',
    (_q, s) => void s.end(head(200, [['Content-Length', -5]]) + 'hello'),
    brokenBy(/an invalid Content-Length$/),
  ],
  [
    'chunked and Content-Length both (a smuggling sign)',
    (_q, s) =>
      void s.end(
        head(200, [
          ['Content-Length', 3],
          ['Transfer-Encoding', 'chunked'],
        ]) + '5\r\nhello\r\n0\r\n\r\n',
      ),
    brokenBy(/both Transfer-Encoding and Content-Length/),
  ],
  [
    'a flood of 100 Continue and then nothing',
    async (_q, s, sleep) => {
      for (let i = 0; i < 5000 && !s.destroyed; i++) {
        s.write('HTTP/1.1 100 Continue\r\n\r\n');
        if (i % 50 === 0) await sleep(1);
      }
    },
    silent,
  ],
  ['a stalled answer after the request', () => undefined, silent],
  [
    'a reset mid-body',
    (_q, s) => (s.write(head(200, [['Content-Length', body.length]]) + body.subarray(0, 100).toString()), void s.resetAndDestroy()),
    { code: 'SHORT_BODY', says: /ended after 100 of 6200 bytes/, verdict: 'frontend/frontend-error' },
  ],
  [
    'a redirect loop',
    (q, s) =>
      void s.write(
        head(
          302,
          [
            ['Location', q.path],
            ['Content-Length', 0],
          ],
          'Found',
        ),
      ),
    { code: 'REDIRECT_LOOP', says: /more than 5 redirects/, verdict: 'frontend/frontend-error' },
  ],
  [
    'a redirect to file://',
    (_q, s) =>
      void s.write(
        head(
          302,
          [
            ['Location', 'file:///etc/passwd'],
            ['Content-Length', 0],
          ],
          'Found',
        ),
      ),
    { code: 'REDIRECT', says: /redirects to file:\/\/\/etc\/passwd; not followed$/, verdict: 'frontend/frontend-error' },
  ],
  [
    'an unknown Content-Encoding',
    (_q, s) =>
      void s.end(
        head(200, [
          ['Content-Encoding', 'zstd'],
          ['Content-Length', 4],
        ]) + 'abcd',
      ),
    { code: 'DECODE', says: /unknown Content-Encoding zstd/, verdict: 'frontend/frontend-error' },
  ],
  [
    'gzip that is not gzip',
    (_q, s) =>
      void s.end(
        head(200, [
          ['Content-Encoding', 'gzip'],
          ['Content-Length', 4],
        ]) + 'abcd',
      ),
    { code: 'DECODE', says: /not valid gzip/, verdict: 'frontend/frontend-error' },
  ],
  [
    'a gzip bomb with no Content-Length',
    (_q, s) => (
      s.write(
        head(200, [
          ['Content-Encoding', 'gzip'],
          ['Connection', 'close'],
        ]),
      ),
      void s.end(zlib.gzipSync(Buffer.alloc(64 << 20)))
    ),
    capped(/decodes \(gzip\) to over the 8 MiB cap$/),
  ],
  [
    'an endless body with no Content-Length',
    async (_q, s, sleep) => {
      s.write(head(200, [['Connection', 'close']]));
      for (let i = 0; i < 400 && !s.destroyed; i++) {
        s.write(Buffer.alloc(256 << 10, 0x61));
        await sleep(1);
      }
    },
    capped(/over the 8 MiB cap; stopped reading$/),
  ],
];

describe('a frontend that misbehaves', () => {
  for (const [name, misbehave, want] of cases) {
    it(`${name}: ${want.code} on its copy, ${want.verdict}, the others kept`, { timeout: 20000 }, async () => {
      const { report, fe1 } = await check(misbehave);
      expect(fe1.errorCode, name).toBe(want.code);
      expect(fe1.error, name).toMatch(want.says);
      expect(fe1.error!.length, name).toBeLessThan(200);
      expect(`${report.fault}/${report.cause}`, name).toBe(want.verdict);
    });
  }

  it('well-formed but odd framing still delivers the right bytes: br under gzip, a chunk per byte', { timeout: 20000 }, async () => {
    const stacked = zlib.gzipSync(zlib.brotliCompressSync(body));
    const framings: Misbehave[] = [
      (_q, s) =>
        void s.end(
          Buffer.concat([
            Buffer.from(
              head(200, [
                ['Content-Encoding', 'br, gzip'],
                ['Content-Length', stacked.length],
              ]),
            ),
            stacked,
          ]),
        ),
      (_q, s) => {
        s.write(head(200, [['Transfer-Encoding', 'chunked']]));
        s.end([...body.toString()].map((ch) => `1\r\n${ch}\r\n`).join('') + '0\r\n\r\n');
      },
    ];
    for (const misbehave of framings) {
      const { report, fe1 } = await check(misbehave);
      expect(fe1.matches).toBe(true);
      expect(report.fault).toBe('none');
    }
  });
});

describe('a moduleinfo that misbehaves', () => {
  /** The check against one site serving `moduleinfo` (bytes, or a misbehaviour) as the public URL and FE1. */
  async function run(moduleinfo: Uint8Array | string, misbehave?: Misbehave) {
    const lab = await startRawServer(
      siteHandler({
        ...site,
        moduleinfo,
        misbehave: misbehave && (async (q, s, sleep) => (q.path.includes('moduleinfo') ? (await misbehave(q, s, sleep), true) : false)),
      }),
    );
    open.push(lab);
    const fe1 = { label: 'FE1', kind: 'address' as const, address: `127.0.0.1:${lab.port}`, host: '127.0.0.1', port: lab.port };
    return diagnose({ appUrl: `${lab.url}/MyApp/`, frontends: [fe1], pool, all: true, samples: 1, timeoutMs: 1500 });
  }
  const refusedWith = async (p: Promise<unknown>, says: RegExp) => {
    const err = (await p.then(
      () => undefined,
      (e: unknown) => e,
    )) as Error | undefined;
    expect(err?.message).toMatch(says);
    expect(err!.message).not.toMatch(/\n/);
    expect(err!.message.length).toBeLessThan(400);
  };

  it('nested 100,000 deep: refused in one line, no stack overflow', { timeout: 20000 }, async () => {
    await refusedWith(run('{"a":'.repeat(100000) + '1' + '}'.repeat(100000)), /no usable moduleinfo/);
  });
  it('a sign-in page instead of moduleinfo: refused in one line', { timeout: 20000 }, async () => {
    await refusedWith(run('<!DOCTYPE html><html><body><form action="/login">Sign in</form></body></html>'), /no usable moduleinfo/);
  });
  it('values of the wrong type: each entry named in one problem line, the check goes on', { timeout: 20000 }, async () => {
    const info = structuredClone(v.moduleinfo) as { manifest: { urlVersions: Record<string, unknown> } };
    info.manifest.urlVersions[`/MyApp/${JS}`] = { nested: true };
    info.manifest.urlVersions['/MyApp/b.js'] = 42;
    const report = await run(JSON.stringify(info));
    expect(report.problems).toEqual([
      `moduleinfo ${v.versionToken}: resource "/MyApp/${JS}" skipped: its version must be a string starting with '?', found object`,
      `moduleinfo ${v.versionToken}: resource "/MyApp/b.js" skipped: its version must be a string starting with '?', found number`,
      `moduleinfo ${v.versionToken}: no resources listed: the device rejects this manifest ("resource list and url mappings dictionary are not valid")`,
    ]);
  });
  it('a gzip bomb as moduleinfo: over the cap, in one line', { timeout: 20000 }, async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 << 20, 0x20));
    await refusedWith(
      run(
        '',
        (_q, s) =>
          void s.end(
            Buffer.concat([
              Buffer.from(
                head(200, [
                  ['Content-Encoding', 'gzip'],
                  ['Content-Length', bomb.length],
                ]),
              ),
              bomb,
            ]),
          ),
      ),
      /cap/,
    );
  });
  it('a key of 100,000 characters is refused or checked, and the rest is checked', { timeout: 20000 }, async () => {
    const info = structuredClone(v.moduleinfo) as { manifest: { urlVersions: Record<string, string> } };
    info.manifest.urlVersions[`/MyApp/${LF(100000)}.js`] = '?abc';
    const report = await run(JSON.stringify(info));
    expect(report.resources.find((r) => r.path === `/MyApp/${JS}`)?.fault).toBe('none');
    for (const p of report.problems) expect(p.length).toBeLessThan(400);
  });
});

describe('a frontend that misbehaves under TLS', () => {
  const pki = makeTestPki(mkdtempSync(join(tmpdir(), 'hw-corpus-pki-')));
  /** An HTTPS site serving the module right, on localhost. */
  async function goodSite(): Promise<{ port: number; close: () => Promise<void> }> {
    const server = https.createServer({ key: pki.server.key, cert: pki.server.cert }, (req, res) => {
      const path = (req.url ?? '').split('?')[0]!;
      if (path.endsWith('/moduleinfo')) return void res.end(v.moduleinfoText);
      if (path.endsWith('/moduleversioninfo')) return void res.end(JSON.stringify({ versionToken: v.versionToken }));
      if (path === `/MyApp/${JS}`) return void res.end(body);
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    return { port, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
  }
  async function checkTls(fe1Port: number) {
    const good = await goodSite();
    try {
      const report = await diagnose({
        appUrl: `https://localhost:${good.port}/MyApp/`,
        frontends: [
          { label: 'FE1', kind: 'address', address: `127.0.0.1:${fe1Port}`, host: '127.0.0.1', port: fe1Port },
          { label: 'FE2', kind: 'address', address: `127.0.0.1:${good.port}`, host: '127.0.0.1', port: good.port },
        ],
        pool,
        ca: pki.caPem,
        resources: [`/MyApp/${JS}`],
        samples: 1,
        timeoutMs: 1500,
      });
      const obs = (source: string) =>
        report.resources.find((r) => r.path === `/MyApp/${JS}`)!.observations.find((o) => o.source === source)!;
      expect(obs('frontend:FE2').matches).toBe(true);
      expect(obs('public').matches).toBe(true);
      return obs('frontend:FE1');
    } finally {
      await good.close();
    }
  }

  it('a handshake that never completes ends at the deadline', { timeout: 20000 }, async () => {
    const silent = net.createServer(() => undefined); // accepts, reads the ClientHello, says nothing
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const fe1 = await checkTls((silent.address() as net.AddressInfo).port);
      expect([fe1.errorCode, fe1.error]).toEqual(['TIMEOUT', expect.stringMatching(/^no complete answer within 1\.5 s/)]);
    } finally {
      silent.close();
    }
  });
  it('plain HTTP where TLS is expected (it answers the ClientHello with 400): a TLS failure named', { timeout: 20000 }, async () => {
    const plain = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'));
    });
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    try {
      const fe1 = await checkTls((plain.address() as net.AddressInfo).port);
      expect(fe1.errorCode).toBe('TLS');
      expect(fe1.error).toMatch(/^TLS handshake with 127\.0\.0\.1:\d+ failed/);
    } finally {
      plain.close();
    }
  });
  it('a certificate for another host: refused, the way to trust it named', { timeout: 20000 }, async () => {
    const other = https.createServer({ key: pki.other.key, cert: pki.other.cert }, (_q, res) => res.end(body));
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    try {
      const fe1 = await checkTls((other.address() as net.AddressInfo).port);
      expect(fe1.errorCode).toBe('TLS');
      expect(fe1.error).toMatch(/--trust/);
    } finally {
      other.closeAllConnections();
      other.close();
    }
  });
});
