// A server that misbehaves on purpose, below HTTP: it reads the request head and answers with whatever
// bytes a test chooses (a malformed Location, a body shorter or longer than declared, a trickle, a close
// mid-body). Every connection is recorded, so a test can also prove that nothing connected at all.
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface RawRequest {
  method: string;
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** How many requests this connection carried before this one (keep-alive reuse). */
  onConnection: number;
}

export interface RawLab {
  url: string;
  port: number;
  requests: RawRequest[];
  /** Every TCP connection accepted, requests or not. */
  connections: number;
  /** Resolves once no connection to this server is open (a client that leaks keep-alive sockets never gets here). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** What the handler does with the socket: write to it, end it, or leave it hanging (close() cuts it). */
export type RawHandler = (req: RawRequest, socket: net.Socket, sleep: (ms: number) => Promise<void>) => void | Promise<void>;

export async function startRawServer(handler: RawHandler): Promise<RawLab> {
  const sockets = new Set<net.Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const requests: RawRequest[] = [];
  const lab = { connections: 0 };
  let waiting: Array<() => void> = [];
  const settle = () => {
    if (sockets.size) return;
    for (const w of waiting) w();
    waiting = [];
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => (timers.delete(t), resolve()), ms);
      timers.add(t);
    });
  const server = net.createServer((socket) => {
    lab.connections++;
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      settle();
    });
    socket.on('error', () => undefined);
    let buffered = '';
    let served = 0;
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      for (let end = buffered.indexOf('\r\n\r\n'); end >= 0; end = buffered.indexOf('\r\n\r\n')) {
        const [line = '', ...lines] = buffered.slice(0, end).split('\r\n');
        buffered = buffered.slice(end + 4);
        const [method = '', path = ''] = line.split(' ');
        const headers: Record<string, string> = {};
        for (const l of lines) {
          const colon = l.indexOf(':');
          if (colon > 0) headers[l.slice(0, colon).trim().toLowerCase()] = l.slice(colon + 1).trim();
        }
        const req = { method, path, headers, onConnection: served++ };
        requests.push(req);
        void Promise.resolve(handler(req, socket, sleep)).catch(() => socket.destroy());
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get connections() {
      return lab.connections;
    },
    idle: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        settle();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

/** An HTTP/1.1 response head; `headers` are written as given (names and values unchecked, on purpose). */
export function head(status: number, headers: Array<[string, string | number]>, reason = 'OK'): string {
  return `HTTP/1.1 ${status} ${reason}\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
}

/**
 * A module's site below HTTP: moduleinfo (any bytes: UTF-16, crafted keys), moduleversioninfo and the files
 * by path (the query ignored, as IIS does), keep-alive; `misbehave` answers first when it returns true.
 */
export function siteHandler(site: {
  name: string;
  versionToken: string;
  moduleinfo: Uint8Array | string;
  files: Record<string, Uint8Array>;
  misbehave?: (req: RawRequest, socket: net.Socket, sleep: (ms: number) => Promise<void>) => boolean | Promise<boolean>;
}): RawHandler {
  const send = (socket: net.Socket, status: number, body: Uint8Array | string, type = 'application/octet-stream') => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body);
    socket.write(
      head(
        status,
        [
          ['Content-Type', type],
          ['Content-Length', bytes.length],
        ],
        status === 200 ? 'OK' : 'Not Found',
      ),
    );
    socket.write(bytes);
  };
  return async (req, socket, sleep) => {
    if (site.misbehave && (await site.misbehave(req, socket, sleep))) return;
    const path = req.path.split('?')[0]!;
    if (path === `/${site.name}/moduleservices/moduleinfo`) return send(socket, 200, site.moduleinfo, 'application/json');
    if (path === `/${site.name}/moduleservices/moduleversioninfo`)
      return send(socket, 200, JSON.stringify({ versionToken: site.versionToken }), 'application/json');
    const file = path.startsWith(`/${site.name}/`) ? site.files[decodeURIComponent(path.slice(site.name.length + 2))] : undefined;
    if (file) return send(socket, 200, file);
    send(socket, 404, 'not found', 'text/plain');
  };
}
