// The error envelopes the renderer branches on: a closed code and the details (field, kind), never the words.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { head, startRawServer } from '../../../e2e/lab/raw.js';
import { sampleApp } from '../../../e2e/lab/module.js';
import { closeAll, startFrontend } from '../../../e2e/lab/servers.js';
import { makeTestPki } from '../../../e2e/lab/tls.js';
import { isErrorCode } from '../../common/errors.js';
import { HashPool } from '../hash-pool.js';
import { AppStore } from './app-store.js';
import { dispatch, type Caller, type Services } from './handlers.js';
import { Jobs } from './jobs.js';
import { PathGrants } from './path-grants.js';

let dir: string;
let services: Services;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hw-handler-errors-'));
  services = {
    pool: new HashPool({ size: 1 }),
    jobs: new Jobs(),
    store: new AppStore(join(dir, 'data')),
    platform: {
      version: 'test',
      platform: 'linux',
      arch: 'x64',
      openDialog: async () => [],
      saveDialog: async () => undefined,
      openExternal: async () => undefined,
      proxyFor: async () => undefined,
    },
  };
});
afterAll(async () => {
  await services.pool.destroy();
});

const granted = async (name: string, text: string): Promise<{ caller: Caller; path: string }> => {
  const path = join(dir, name);
  writeFileSync(path, text);
  const caller: Caller = { id: 1, grants: new PathGrants(), emit: () => undefined };
  await caller.grants.grant(path);
  return { caller, path };
};

describe('error envelopes', () => {
  it('name the refused field of a request', async () => {
    const { caller } = await granted('unused.txt', '');
    const r = await dispatch('ota:diagnose', { jobId: 'x', appUrl: 'ftp://example.com/MyApp/', frontends: [] }, caller, services);
    expect(r).toEqual({
      ok: false,
      error: { code: 'INVALID', message: 'ota:diagnose: $.appUrl: text not in the expected form', details: { field: 'appUrl' } },
    });
  });

  it('say a refused path is one, and which', async () => {
    const caller: Caller = { id: 2, grants: new PathGrants(), emit: () => undefined };
    const path = join(dir, 'never.txt');
    const r = await dispatch('file:read-text', { path }, caller, services);
    expect(r).toMatchObject({ ok: false, error: { code: 'REFUSED_PATH', details: { path } } });
  });

  it('tell a .json that is no report from a broken report', async () => {
    const plain = await granted('data.json', '{"name":"not a report"}');
    expect(await dispatch('report:open', { path: plain.path }, plain.caller, services)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', details: { field: 'report', kind: 'not-a-report' } },
    });
    const text = await granted('notes.json', 'this is { not JSON');
    expect(await dispatch('report:open', { path: text.path }, text.caller, services)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', details: { field: 'report', kind: 'not-a-report' } },
    });
    const newer = await granted('newer.json', JSON.stringify({ schema: 'hash-workbench/ota-report', schemaVersion: 99 }));
    const r = await dispatch('report:open', { path: newer.path }, newer.caller, services);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID', details: { field: 'report', jsonPath: '$.schemaVersion' } } });
    expect(!r.ok && r.error.details?.kind).toBeUndefined();
  });

  it('say a HAR that cannot be read concerns the HAR field', async () => {
    const { caller, path } = await granted('session.har', '{ "log": ');
    const r = await dispatch(
      'ota:diagnose',
      { jobId: 'har', appUrl: 'http://127.0.0.1:9/MyApp/', frontends: [], harPath: path },
      caller,
      services,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID', details: { field: 'harPath' } } });
    expect(!r.ok && r.error.message).toMatch(/^HAR file: /);
  });

  it('say a bad case file concerns the case, and a file too large is TOO_LARGE', async () => {
    const bad = await granted('c.hwcase', '{"schema":"hash-workbench/case","appUrl":"nope"}');
    expect(await dispatch('case:open', { path: bad.path }, bad.caller, services)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', details: { field: 'case', input: 'c.hwcase', jsonPath: '$.appUrl' } },
    });
    const big = await granted('big.log', 'x'.repeat(20_000_001));
    expect(await dispatch('file:read-text', { path: big.path }, big.caller, services)).toMatchObject({
      ok: false,
      error: { code: 'TOO_LARGE', details: { path: big.path } },
    });
  });

  it('carry an errno code as it is, and a job id twice is INVALID', async () => {
    const caller: Caller = { id: 3, grants: new PathGrants(), emit: () => undefined };
    const gone = join(dir, 'gone.txt');
    await caller.grants.grant(gone);
    const r = await dispatch('file:read-text', { path: gone }, caller, services);
    expect(r).toMatchObject({ ok: false, error: { code: 'ENOENT' } });
    expect(!r.ok && isErrorCode(r.error.code)).toBe(true);
    services.jobs.start('twice', 3);
    try {
      const again = await dispatch('compare:files', { jobId: 'twice', a: gone, b: gone }, caller, services);
      expect(again).toMatchObject({ ok: false, error: { code: 'INVALID', details: { field: 'jobId', input: 'twice' } } });
    } finally {
      services.jobs.finish('twice');
    }
  });
});

describe('a check that cannot run says why in details.kind', () => {
  const customer = (appUrl: string, extra: Record<string, unknown> = {}) =>
    dispatch(
      'ota:diagnose',
      { jobId: `c-${Math.random().toString(36).slice(2)}`, appUrl, frontends: [], vantage: 'customer', ...extra },
      { id: 7, grants: new PathGrants(), emit: () => undefined },
      services,
    );

  it('unreachable: nothing listens on the port', async () => {
    // A port that was just free: bound, then closed, so the connection is refused.
    const free = net.createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', r));
    const { port } = free.address() as net.AddressInfo;
    await new Promise<void>((r) => free.close(() => r()));
    expect(await customer(`http://127.0.0.1:${port}/MyApp/`)).toMatchObject({
      ok: false,
      error: { code: 'CANNOT_RUN', details: { kind: 'unreachable' } },
    });
  });

  it('timeout: the server takes the request and never answers', async () => {
    const silent = await startRawServer(() => undefined);
    try {
      expect(await customer(`${silent.url}/MyApp/`, { timeoutSeconds: 1 })).toMatchObject({
        ok: false,
        error: { code: 'CANNOT_RUN', details: { kind: 'timeout' } },
      });
    } finally {
      await silent.close();
    }
  });

  it("certificate: the server's certificate is not trusted", async () => {
    const pki = makeTestPki(join(dir, 'pki'));
    const fe = await startFrontend({ version: sampleApp(1), tls: pki.server });
    try {
      expect(await customer(`https://localhost:${fe.port}/MyApp/`)).toMatchObject({
        ok: false,
        error: { code: 'CANNOT_RUN', details: { kind: 'certificate' } },
      });
    } finally {
      await closeAll([fe]);
    }
  });

  it('no kind when the server answers, but with no moduleinfo', async () => {
    const notFound = await startRawServer((_req, socket) => void socket.end(`${head(404, [['Content-Length', 0]], 'Not Found')}`));
    try {
      const r = await customer(`${notFound.url}/MyApp/`);
      expect(r).toMatchObject({ ok: false, error: { code: 'CANNOT_RUN' } });
      expect(!r.ok && r.error.details).toBeUndefined();
    } finally {
      await notFound.close();
    }
  });
});

describe("a checksum file's problems saved where the user chooses", () => {
  it('writes the text to the chosen file, and refuses a name that is a path', async () => {
    const target = join(dir, 'chosen-problems.txt');
    const asked: string[] = [];
    const saving: Services = { ...services, platform: { ...services.platform, saveDialog: async (name) => (asked.push(name), target) } };
    const caller: Caller = { id: 8, grants: new PathGrants(), emit: () => undefined };
    const text = '✗ FAILED  line 2  b.txt\n';
    expect(await dispatch('checksum:save-problems', { name: 'SHA256SUMS', text }, caller, saving)).toEqual({
      ok: true,
      value: { path: target },
    });
    expect(asked).toEqual(['SHA256SUMS-problems.txt']);
    expect(readFileSync(target, 'utf8')).toBe(text);
    expect(await dispatch('checksum:save-problems', { name: '../etc/x', text }, caller, saving)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', details: { field: 'name' } },
    });
    // The dialog closed: nothing written, no path.
    const closed: Services = { ...services, platform: { ...services.platform, saveDialog: async () => undefined } };
    expect(await dispatch('checksum:save-problems', { name: 'SHA256SUMS', text }, caller, closed)).toEqual({ ok: true, value: {} });
  });
});
