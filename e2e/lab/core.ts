// Shared plumbing for the lab servers: listen on 127.0.0.1:0, record requests, fetch from an upstream,
// and close fast (tests must not wait for keep-alive sockets or slow answers to time out).
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface LabRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  at: number;
}

export interface Lab {
  /** e.g. http://127.0.0.1:PORT (https:// when started with tls) */
  url: string;
  port: number;
  requests: LabRequest[];
  close(): Promise<void>;
}

export interface TlsOptions {
  key: string;
  cert: string;
}

type Destroyable = { destroy(): unknown; once(event: 'close', listener: () => void): unknown };

/** A started server plus what the lab needs internally; `publicLab` strips it down to Lab. */
export interface LabCore extends Lab {
  server: http.Server;
  /** Destroyed on close(): tunnels, upstream requests. */
  own<T extends Destroyable>(d: T): T;
  /** A timer that close() cancels. */
  sleep(ms: number): Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export function record(req: http.IncomingMessage): LabRequest {
  return { method: req.method ?? 'GET', url: req.url ?? '/', headers: { ...req.headers }, at: Date.now() };
}

export async function startLab(handler: Handler, tls?: TlsOptions): Promise<LabCore> {
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }) : http.createServer();
  const owned = new Set<Destroyable>();
  const timers = new Set<NodeJS.Timeout>();
  const requests: LabRequest[] = [];
  const own = <T extends Destroyable>(d: T): T => {
    owned.add(d);
    d.once('close', () => owned.delete(d));
    return d;
  };
  // Track raw TCP sockets (also for https and CONNECT) so close() can cut keep-alive connections.
  server.on('connection', (socket) => own(socket));
  server.on('request', (req, res) => {
    requests.push(record(req));
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((err: unknown) => {
        if (res.headersSent) res.destroy();
        else sendHtml(res, 500, 'Lab error', String(err));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    server,
    own,
    sleep: (ms) =>
      new Promise((resolve) => {
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, ms);
        timers.add(t);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve()); // also called (with an error) when already closed
        for (const d of owned) d.destroy();
        owned.clear();
      }),
  };
}

export function publicLab(core: LabCore): Lab {
  return { url: core.url, port: core.port, requests: core.requests, close: core.close };
}

export function closeAll(labs: Array<{ close(): Promise<void> }>): Promise<void> {
  return Promise.all(labs.map((l) => l.close())).then(() => undefined);
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Copies end-to-end headers; hop-by-hop ones belong to one connection and must not be forwarded. */
export function passHeaders(h: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  return out;
}

/** One request to an upstream (http or https, any certificate), on its own connection unless an agent is given. */
export function forward(
  core: LabCore,
  target: URL,
  init: { method?: string; headers?: http.OutgoingHttpHeaders; body?: http.IncomingMessage; agent?: http.Agent },
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const options = { method: init.method ?? 'GET', headers: init.headers ?? {}, agent: init.agent ?? (false as const) };
    const req =
      target.protocol === 'https:'
        ? https.request(target, { ...options, rejectUnauthorized: false }, resolve)
        : http.request(target, options, resolve);
    core.own(req);
    req.on('error', reject);
    if (init.body && init.method !== 'GET' && init.method !== 'HEAD') init.body.pipe(req);
    else req.end();
  });
}

/** The whole body; rejects when the upstream closed before sending everything it announced. */
export function readBody(msg: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    msg.on('data', (c: Buffer) => chunks.push(c));
    msg.on('error', reject);
    msg.on('close', () => (msg.complete ? resolve(Buffer.concat(chunks)) : reject(new Error('upstream body incomplete'))));
  });
}

export function sendHtml(
  res: http.ServerResponse,
  status: number,
  title: string,
  text: string,
  headers: http.OutgoingHttpHeaders = {},
): void {
  const body = Buffer.from(`<!DOCTYPE html><html><head><title>${title}</title></head><body><h2>${text}</h2></body></html>`);
  res.writeHead(status, { 'Content-Type': 'text/html', 'Content-Length': body.length, ...headers });
  res.end(body);
}

const TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  js: 'application/javascript',
  css: 'text/css',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'application/octet-stream',
  txt: 'text/plain',
  xml: 'text/xml',
  manifest: 'text/cache-manifest',
};

/** Content-Type by extension, as IIS's static file handler picks it. */
export function contentTypeFor(path: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return TYPES[ext] ?? 'application/octet-stream';
}
