import http from 'node:http';
import type dns from 'node:dns';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { guardedAgent, pinnedLookup, ruleFor } from './connect.js';

type Answer = dns.LookupAddress[];

/** A resolver that answers from a script, one answer per call, and counts the calls. */
function scripted(answers: Array<Answer | Error>) {
  const asked: string[] = [];
  const resolve = (host: string): Promise<Answer> => {
    asked.push(host);
    const next = answers[Math.min(asked.length - 1, answers.length - 1)]!;
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  return { asked, resolve };
}

function ask(lookup: ReturnType<typeof pinnedLookup>, host: string, options: dns.LookupOptions) {
  return new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family?: number }>((done) =>
    (lookup as unknown as (h: string, o: dns.LookupOptions, cb: (...a: never[]) => void) => void)(
      host,
      options,
      (err: NodeJS.ErrnoException | null, address: unknown, family?: number) => done({ err, address, family }),
    ),
  );
}

describe('pinnedLookup', () => {
  it('keeps the first answer for a name: a rebinding DNS answer later is never used', async () => {
    const dnsServer = scripted([[{ address: '203.0.113.7', family: 4 }], [{ address: '169.254.169.254', family: 4 }]]);
    const lookup = pinnedLookup(dnsServer.resolve);
    const first = await ask(lookup, 'app.example.com', {});
    const second = await ask(lookup, 'APP.example.com', {});
    const all = await ask(lookup, 'app.example.com', { all: true });
    expect(first).toMatchObject({ err: null, address: '203.0.113.7', family: 4 });
    expect(second).toMatchObject({ err: null, address: '203.0.113.7', family: 4 });
    expect(all.address).toEqual([{ address: '203.0.113.7', family: 4 }]);
    expect(dnsServer.asked).toEqual(['app.example.com']);
  });

  it('keeps every address of the answer (happy eyeballs tries both families) and does not pin a failure', async () => {
    const both: Answer = [
      { address: '2001:db8::1', family: 6 },
      { address: '198.51.100.2', family: 4 },
    ];
    const dnsServer = scripted([Object.assign(new Error('getaddrinfo EAI_AGAIN app.example.com'), { code: 'EAI_AGAIN' }), both]);
    const lookup = pinnedLookup(dnsServer.resolve);
    const failed = await ask(lookup, 'app.example.com', { all: true });
    expect(failed.err?.code).toBe('EAI_AGAIN');
    const all = await ask(lookup, 'app.example.com', { all: true });
    expect(all.address).toEqual(both);
    expect(await ask(lookup, 'app.example.com', { family: 4 })).toMatchObject({ address: '198.51.100.2', family: 4 });
    expect(await ask(lookup, 'app.example.com', { family: 6 })).toMatchObject({ address: '2001:db8::1', family: 6 });
    expect(dnsServer.asked).toHaveLength(2);
  });
});

describe('a guarded agent with the check’s resolver', () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  it('resolves a host name once for every socket of the check, over real connections', async () => {
    const peers: string[] = [];
    server = http.createServer((req, res) => {
      peers.push(req.socket.remoteAddress ?? '');
      res.end('ok');
    });
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    // The second answer would send the check elsewhere (an address nothing listens on).
    const dnsServer = scripted([[{ address: '127.0.0.1', family: 4 }], [{ address: '127.0.0.9', family: 4 }]]);
    const url = new URL(`http://lab.test:${port}/`);
    const rule = ruleFor(url, [{ host: 'lab.test', port }], pinnedLookup(dnsServer.resolve));
    const agent = guardedAgent(rule, false, { keepAlive: false });
    const get = () =>
      new Promise<string>((done, fail) => {
        http
          .get({ host: 'lab.test', port, path: '/', agent, headers: { host: rule.host } }, (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => done(body));
          })
          .on('error', fail);
      });
    expect([await get(), await get(), await get()]).toEqual(['ok', 'ok', 'ok']);
    expect(peers).toHaveLength(3);
    expect(dnsServer.asked).toEqual(['lab.test']);
    agent.destroy();
  });
});
