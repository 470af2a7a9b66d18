// Loopback stand-ins for the elements between an OutSystems frontend and a device: IIS frontends, a
// BIG-IP-like balancer, a CDN/proxy cache, a forward proxy. The tampering proxy lives in tamper.ts.
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import {
  contentTypeFor,
  forward,
  passHeaders,
  publicLab,
  readBody,
  record,
  sendHtml,
  startLab,
  type Lab,
  type LabCore,
  type TlsOptions,
} from './core.js';
import type { ModuleVersion } from './module.js';

export { closeAll, type Lab, type LabRequest, type TlsOptions } from './core.js';
export { startTamperingProxy, type TamperMode } from './tamper.js';

// ---------------------------------------------------------------- frontend

export interface Frontend extends Lab {
  setVersion(v: ModuleVersion): void;
  version(): ModuleVersion;
}

/** Windows FILETIME (100 ns since 1601) in hex, the first half of an IIS ETag. */
function filetimeHex(ms: number): string {
  return ((BigInt(ms) + 11_644_473_600_000n) * 10_000n).toString(16);
}

/** The publish time of a version: deterministic, later for later versions. */
export function publishedAt(v: ModuleVersion): number {
  return Date.UTC(2026, 0, 1) + v.versionSequence * 3_600_000;
}

/** IIS's per-server change number: the same file gets a different ETag on each farm member. */
function changeNumber(label: string): number {
  return createHash('md5').update(label).digest().readUInt16BE(0) % 1000;
}

/** An IIS frontend serving one module's Running folder and its moduleservices. */
export async function startFrontend(opts: {
  version: ModuleVersion;
  tls?: TlsOptions;
  /** paths under the module (e.g. 'scripts/MyApp.controller.js') that answer 404 */
  missing?: string[];
  /** paths under the module whose transfer breaks: the whole length announced, half sent, the connection reset */
  cutOff?: string[];
  label?: string;
}): Promise<Frontend> {
  let current = opts.version;
  const label = opts.label ?? 'frontend';
  const missing = new Set(opts.missing ?? []);
  const cutOff = new Set(opts.cutOff ?? []);
  const iis = { Server: 'Microsoft-IIS/10.0', 'X-Powered-By': 'ASP.NET', 'X-Lab-Frontend': label };
  const notFound = (res: http.ServerResponse): void =>
    sendHtml(res, 404, '404 - File or directory not found.', '404 - File or directory not found.', iis);

  // The same for every file of a version (IIS takes them from the publish time): worked out once per version.
  const validatorsCache = new WeakMap<ModuleVersion, { etag: string; validators: Record<string, string> }>();
  const validatorsOf = (v: ModuleVersion) => {
    let known = validatorsCache.get(v);
    if (!known) {
      const modified = publishedAt(v);
      const etag = `"${filetimeHex(modified)}:${changeNumber(label)}"`;
      known = { etag, validators: { ETag: etag, 'Last-Modified': new Date(modified).toUTCString() } };
      validatorsCache.set(v, known);
    }
    return known;
  };
  const core = await startLab((req, res) => {
    const v = current;
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) return sendHtml(res, 405, '405 - Method not allowed', '405', iis);
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://lab').pathname); // IIS ignores the query
    } catch {
      return sendHtml(res, 400, 'Bad Request', 'Bad Request', iis);
    }
    if (path === `/${v.name}`) {
      res.writeHead(301, { ...iis, Location: `/${v.name}/`, 'Content-Length': 0 });
      return void res.end();
    }
    if (!path.startsWith(`/${v.name}/`)) return notFound(res);
    const rel = path.slice(v.name.length + 2) || 'index.html'; // default document
    const json =
      rel === 'moduleservices/moduleinfo'
        ? v.moduleinfoText
        : rel === 'moduleservices/moduleversioninfo'
          ? JSON.stringify({ versionToken: v.versionToken })
          : undefined;
    if (json !== undefined) {
      const body = Buffer.from(json);
      res.writeHead(200, {
        ...iis,
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
      });
      return void res.end(head ? undefined : body);
    }
    const bytes = missing.has(rel) ? undefined : v.files[rel];
    if (!bytes) return notFound(res);
    const { etag, validators } = validatorsOf(v);
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ...iis, ...validators });
      return void res.end();
    }
    res.writeHead(200, {
      ...iis,
      ...validators,
      'Content-Type': contentTypeFor(rel),
      'Content-Length': bytes.length,
      'Accept-Ranges': 'bytes',
    });
    if (!head && cutOff.has(rel)) return void res.write(bytes.subarray(0, bytes.length >> 1), () => res.socket?.destroy());
    res.end(head ? undefined : bytes);
  }, opts.tls);

  return { ...publicLab(core), setVersion: (v) => void (current = v), version: () => current };
}

// ---------------------------------------------------------------- balancer

export const BIGIP_COOKIE = 'BIGipServerpool_app';

/** F5 BIG-IP cookie value: IPv4 bytes reversed as a uint32, port bytes swapped, then ".0000". */
export function bigipCookieValue(ip: string, port: number): string {
  const [a = 0, b = 0, c = 0, d = 0] = ip.split('.').map(Number);
  const addr = ((d << 24) >>> 0) + (c << 16) + (b << 8) + a;
  return `${addr}.${((port & 0xff) << 8) | (port >> 8)}.0000`;
}

function cookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function pipeBack(up: http.IncomingMessage, res: http.ServerResponse, headers: http.OutgoingHttpHeaders): void {
  res.writeHead(up.statusCode ?? 502, headers);
  // An upstream cut short cuts the client short too. (Piped by hand: stream.pipeline's AbortController and its
  // DOMException on every finish were a tenth of the lab's time in the sweep bench.)
  const cut = () => res.destroy();
  up.once('aborted', cut);
  up.once('error', cut);
  up.once('close', () => {
    if (!up.complete) cut();
  });
  res.once('close', () => {
    if (!up.complete) up.destroy();
  });
  up.pipe(res);
}

/** Round-robin reverse proxy; with affinityCookie, a BIG-IP cookie pins a client to one member. */
export async function startBalancer(opts: {
  members: Array<{ url: string }>;
  tls?: TlsOptions;
  affinityCookie?: boolean;
  /** Keep connections to the members open, as a production balancer does (the bench); one connection per request otherwise. */
  keepAlive?: boolean;
}): Promise<Lab> {
  const members = opts.members.map((m) => {
    const u = new URL(m.url);
    const agent = !opts.keepAlive
      ? undefined
      : u.protocol === 'https:'
        ? new https.Agent({ keepAlive: true, rejectUnauthorized: false })
        : new http.Agent({ keepAlive: true });
    return { url: m.url, cookie: bigipCookieValue(u.hostname, Number(u.port)), agent };
  });
  let next = 0;
  const core: LabCore = await startLab(async (req, res) => {
    const pinned = opts.affinityCookie ? cookie(req, BIGIP_COOKIE) : undefined;
    const member = members.find((m) => m.cookie === pinned) ?? members[next++ % members.length];
    if (!member) return sendHtml(res, 503, 'No members', 'No pool members');
    const up = await forward(core, new URL(req.url ?? '/', member.url), {
      method: req.method,
      headers: passHeaders(req.headers),
      body: req,
      agent: member.agent,
    }).catch(() => undefined);
    if (!up) return sendHtml(res, 502, 'Bad Gateway', 'Pool member unreachable');
    const headers = passHeaders(up.headers);
    if (opts.affinityCookie) {
      const prior = headers['set-cookie'];
      const own = `${BIGIP_COOKIE}=${member.cookie}; path=/`;
      headers['set-cookie'] = prior === undefined ? [own] : [...(Array.isArray(prior) ? prior : [String(prior)]), own];
    }
    pipeBack(up, res, headers);
  }, opts.tls);
  const close = core.close;
  core.close = () => {
    for (const m of members) m.agent?.destroy();
    return close();
  };
  return publicLab(core);
}

// ---------------------------------------------------------------- caching proxy

export type CacheHeaderStyle = 'fastly' | 'squid' | 'cloudflare' | 'none';

export interface CachingProxy extends Lab {
  /** Fetch path from upstream and store it, as if a client had asked. */
  prime(path: string): Promise<void>;
  clear(): void;
  /** The cache keys held. */
  entries(): string[];
}

interface Stored {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
  storedAt: number;
  hits: number;
}

function cacheHeaders(style: CacheHeaderStyle, hit: boolean, e: Stored, via: unknown): http.OutgoingHttpHeaders {
  const age = String(hit ? Math.max(1, Math.floor((Date.now() - e.storedAt) / 1000)) : 0);
  const word = hit ? 'HIT' : 'MISS';
  const addVia = (v: string): string => (via ? `${String(via)}, ${v}` : v);
  switch (style) {
    case 'fastly':
      return { age, 'x-cache': word, 'x-cache-hits': String(e.hits), 'x-served-by': 'cache-lab1-LAB', via: addVia('1.1 varnish') };
    case 'squid':
      return { ...(hit ? { age } : {}), 'x-cache': `${word} from labproxy`, via: addVia('1.1 labproxy (squid/6.6)') };
    case 'cloudflare':
      return { ...(hit ? { age } : {}), 'cf-cache-status': word, 'cf-ray': '8f1e2d3c4b5a6978-LAB', server: 'cloudflare' };
    case 'none':
      return {};
  }
}

/** A request that asks every cache on the way to revalidate (RFC 9111 no-cache; Pragma for HTTP/1.0). */
function wantsFresh(h: http.IncomingHttpHeaders): boolean {
  const cc = h['cache-control'];
  if (cc !== undefined) return /\bno-cache\b|\bmax-age=0\b/i.test(cc);
  return /\bno-cache\b/i.test(String(h.pragma ?? ''));
}

/** A shared cache that, by default, keys on the path only (Azure CDN "ignore query strings"). */
export async function startCachingProxy(opts: {
  upstream: string;
  ignoreQuery?: boolean;
  header?: CacheHeaderStyle;
}): Promise<CachingProxy> {
  const ignoreQuery = opts.ignoreQuery ?? true;
  const style = opts.header ?? 'fastly';
  const store = new Map<string, Stored>();
  const keyOf = (url: string): string => (ignoreQuery ? (url.split('?')[0] ?? url) : url);

  const fill = async (url: string, headers: http.OutgoingHttpHeaders): Promise<Stored> => {
    // Unconditional fetch: a stored 304 would have no body to serve later.
    const { 'if-none-match': _inm, 'if-modified-since': _ims, ...plain } = headers;
    const up = await forward(core, new URL(url, opts.upstream), { headers: plain });
    const entry = {
      status: up.statusCode ?? 502,
      headers: passHeaders(up.headers),
      body: await readBody(up),
      storedAt: Date.now(),
      hits: 0,
    };
    store.set(keyOf(url), entry);
    return entry;
  };

  const core: LabCore = await startLab(async (req, res) => {
    const url = req.url ?? '/';
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      // Not cacheable: straight through.
      const up = await forward(core, new URL(url, opts.upstream), { method: req.method, headers: passHeaders(req.headers), body: req });
      return pipeBack(up, res, passHeaders(up.headers));
    }
    let entry = store.get(keyOf(url));
    const hit = entry !== undefined && !wantsFresh(req.headers);
    if (entry && hit) entry.hits++;
    else entry = await fill(url, passHeaders(req.headers)).catch(() => undefined);
    if (!entry) return sendHtml(res, 502, 'Bad Gateway', 'Upstream unreachable or cut short');
    res.writeHead(entry.status, {
      ...entry.headers,
      'content-length': entry.body.length,
      ...cacheHeaders(style, hit, entry, entry.headers.via),
    });
    res.end(req.method === 'HEAD' ? undefined : entry.body);
  });

  return {
    ...publicLab(core),
    prime: async (path) => void (await fill(path, {})),
    clear: () => store.clear(),
    entries: () => [...store.keys()],
  };
}

// ---------------------------------------------------------------- forward proxy

export interface ForwardProxy extends Lab {
  /** host:port of every CONNECT tunnel asked for */
  connects: string[];
}

/** A corporate-style forward proxy: CONNECT tunnels for https, absolute-URI requests for http. */
export async function startForwardProxy(): Promise<ForwardProxy> {
  const connects: string[] = [];
  const core: LabCore = await startLab(async (req, res) => {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      return sendHtml(res, 400, 'Bad Request', 'A proxy request needs an absolute URI');
    }
    if (target.protocol !== 'http:') return sendHtml(res, 400, 'Bad Request', 'Use CONNECT for https');
    const up = await forward(core, target, { method: req.method, headers: passHeaders(req.headers), body: req }).catch(() => undefined);
    if (!up) return sendHtml(res, 502, 'Bad Gateway', 'Target unreachable', { Via: '1.1 labforward' });
    const headers = passHeaders(up.headers);
    headers.via = headers.via ? `${String(headers.via)}, 1.1 labforward` : '1.1 labforward';
    pipeBack(up, res, headers);
  });

  core.server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    connects.push(target);
    core.requests.push(record(req));
    let host = '';
    let port = 0;
    try {
      const u = new URL(`http://${target}`);
      host = u.hostname.replace(/^\[|\]$/g, '');
      port = Number(u.port || 443);
    } catch {
      return void client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    }
    let open = false;
    const upstream = core.own(
      net.connect(port, host, () => {
        open = true;
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      }),
    );
    upstream.on('error', () => (open ? client.destroy() : client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')));
    upstream.on('close', () => open && client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
  });

  return { ...publicLab(core), connects };
}
