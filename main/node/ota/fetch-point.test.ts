// fetchPoint against real loopback servers, some of which misbehave on purpose (e2e/lab/raw.ts).
import { getEventListeners } from 'node:events';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { head, startRawServer, type RawLab } from '../../../e2e/lab/raw.js';
import { CancelGroup } from './cancel.js';
import { fetchPoint } from './fetch-point.js';

const labs: RawLab[] = [];
afterEach(async () => {
  await Promise.all(labs.splice(0).map((l) => l.close()));
});
async function raw(handler: Parameters<typeof startRawServer>[0]): Promise<RawLab> {
  const lab = await startRawServer(handler);
  labs.push(lab);
  return lab;
}
const ok = (body: string, extra: Array<[string, string | number]> = []) =>
  head(200, [['Content-Length', Buffer.byteLength(body)], ['Content-Type', 'text/plain'], ...extra]) + body;

describe('fetchPoint', () => {
  it('connects to the given address but keeps the public Host header, and records the address', async () => {
    const lab = await raw((_req, socket) => void socket.end(ok('hello')));
    const r = await fetchPoint({ url: 'http://apps.example.test/MyApp/a.js?abc', connectTo: { host: '127.0.0.1', port: lab.port } });
    expect(r.error).toBeUndefined();
    expect(Buffer.from(r.body!).toString()).toBe('hello');
    expect(lab.requests[0]).toMatchObject({ method: 'GET', path: '/MyApp/a.js?abc', headers: { host: 'apps.example.test' } });
    expect(r.record.address).toBe(`127.0.0.1:${lab.port}`);
  });

  it('a malformed Location header is a failed fetch that names it, never a thrown error', async () => {
    const lab = await raw(
      (_req, socket) =>
        void socket.end(
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
    const r = await fetchPoint({ url: `${lab.url}/MyApp/a.js` });
    expect(r.record.status).toBe(302);
    expect(r.error).toMatchObject({ code: 'REDIRECT' });
    expect(r.error!.message).toMatch(/Location that is not a URL \(http:\/\/\[::1\); not followed/);
  });

  it('follows a same-origin redirect, refuses one to another origin or a sign-in page', async () => {
    const lab = await raw((req, socket) => {
      if (req.path === '/a')
        socket.write(
          head(
            301,
            [
              ['Location', '/b'],
              ['Content-Length', 0],
            ],
            'Moved',
          ),
        );
      else if (req.path === '/b') socket.write(ok('here'));
      else if (req.path === '/away')
        socket.write(
          head(302, [
            ['Location', 'http://elsewhere.test/x'],
            ['Content-Length', 0],
          ]),
        );
      else
        socket.write(
          head(302, [
            ['Location', '/login?next=/x'],
            ['Content-Length', 0],
          ]),
        );
    });
    const agent = new http.Agent({ keepAlive: true });
    try {
      const same = await fetchPoint({ url: `${lab.url}/a`, agent });
      expect(Buffer.from(same.body!).toString()).toBe('here');
      expect(same.record.redirects).toEqual([{ url: `${lab.url}/a`, status: 301, location: '/b' }]);
      const away = await fetchPoint({ url: `${lab.url}/away`, agent });
      expect(away.error?.message).toMatch(/redirects to http:\/\/elsewhere\.test\/x; not followed/);
      const login = await fetchPoint({ url: `${lab.url}/x`, agent });
      expect(login.error?.message).toMatch(/a sign-in page/);
    } finally {
      agent.destroy();
    }
  });

  it('a body over the cap stops the read and says so', async () => {
    const lab = await raw((_req, socket) => void socket.end(ok('x'.repeat(5000))));
    const r = await fetchPoint({ url: `${lab.url}/big`, maxBytes: 1024 });
    expect(r.error).toMatchObject({ code: 'TOO_LARGE' });
    expect(r.error!.message).toMatch(/over the 1024 bytes cap \(Content-Length 5000 bytes\)/);
  });

  it('a refused connection is an error naming the address', async () => {
    const lab = await raw(() => undefined);
    await lab.close();
    const r = await fetchPoint({ url: `http://127.0.0.1:${lab.port}/x` });
    expect(r.error).toEqual({ code: 'REFUSED', message: `connection refused by 127.0.0.1:${lab.port}` });
  });

  it('a header value Node refuses to send is a failed fetch, not a thrown error', async () => {
    const lab = await raw((_req, socket) => void socket.end(ok('x')));
    const r = await fetchPoint({ url: `${lab.url}/x`, headers: { 'x-bad': 'a\r\nb' } });
    expect(r.error?.code).toBe('NETWORK');
    expect(lab.connections).toBe(0);
  });

  it('cancelling the job ends every fetch in flight, with one abort listener whatever the number of fetches', async () => {
    const lab = await raw(() => undefined); // never answers
    const controller = new AbortController();
    const cancel = new CancelGroup(controller.signal);
    const fetches = Array.from({ length: 30 }, (_, i) => fetchPoint({ url: `${lab.url}/hang/${i}`, cancel }));
    await new Promise<void>((resolve) => {
      const wait = () => (lab.requests.length === 30 ? resolve() : setImmediate(wait));
      wait();
    });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    const results = await Promise.all(fetches);
    expect(results.map((r) => r.error?.code)).toEqual(Array(30).fill('CANCELLED'));
    cancel.dispose();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await lab.idle();
  });

  it('a job already cancelled sends nothing', async () => {
    const lab = await raw((_req, socket) => void socket.end(ok('x')));
    const controller = new AbortController();
    controller.abort();
    const r = await fetchPoint({ url: `${lab.url}/x`, cancel: new CancelGroup(controller.signal) });
    expect(r.error?.code).toBe('CANCELLED');
    expect(lab.requests).toHaveLength(0);
  });
});
