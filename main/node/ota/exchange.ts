// One request and its answer, within the fetch's deadline: the CONNECT tunnel when a proxy carries HTTPS,
// the TLS judgement, the body counted as it arrives (short, closed mid-body, over the cap, beyond its
// Content-Length) and decoded with a cap on the decoded bytes for every encoding.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import zlib from 'node:zlib';
import type { FetchRecord, Header, TlsInfo } from '../../common/ota/types.js';
import { guardedAgent, ruleFor, type ConnectRule, type Destination } from './connect.js';
import type { PointError, PointRequest, PointResult } from './fetch-point.js';
import { MAX_HEADER_BYTES, parseErrorWords } from './http-parse-errors.js';
import type { ProxyChoice } from './proxy.js';
import { judgeCertificate, judged } from './tls-trust.js';

const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

/** Ends whatever stage a fetch is in (deadline or cancel); a stage registers how to stop itself. */
export class Stopper {
  stopped: PointError | undefined;
  private readonly hooks = new Set<(e: PointError) => void>();
  fire(e: PointError): void {
    if (this.stopped) return;
    this.stopped = e;
    for (const h of [...this.hooks]) h(e);
    this.hooks.clear();
  }
  on(hook: (e: PointError) => void): () => void {
    if (this.stopped) {
      hook(this.stopped);
      return () => undefined;
    }
    this.hooks.add(hook);
    return () => this.hooks.delete(hook);
  }
}

export type Exchanged = PointResult & {
  /** The request failed on a kept-alive socket before any answer: worth one retry. */ reused?: boolean;
};

export async function exchange(req: PointRequest, started: number, stop: Stopper): Promise<Exchanged> {
  const url = new URL(req.url);
  const secure = url.protocol === 'https:';
  const publicPort = Number(url.port) || (secure ? 443 : 80);
  const hostName = url.hostname.replace(/^\[|\]$/g, '');
  const proxyAt: Destination | undefined = req.proxy ? proxyDestination(req.proxy) : undefined;
  const target = proxyAt ?? req.connectTo ?? { host: hostName, port: publicPort };
  const rule = req.rule ?? ruleFor(url, [target]);
  const given = Object.entries(req.headers ?? {}).map(([k, v]): Header => [k.toLowerCase(), v]);
  const defaults: Header[] = [
    ['accept', '*/*'],
    ['user-agent', 'HashWorkbench (OutSystemsApp OTA check)'],
  ];
  const requestHeaders: Header[] = [['host', url.host], ...defaults.filter(([k]) => !given.some(([g]) => g === k)), ...given];
  const record: FetchRecord = {
    url: req.url,
    method: 'GET',
    requestHeaders,
    route: req.proxy ? req.proxy.display : 'direct',
    redirects: [],
    headers: [],
    timings: { totalMs: 0 },
    wireBytes: 0,
  };
  const done = (error: PointError): Exchanged => {
    record.timings.totalMs = Math.round(performance.now() - started);
    return { record, error };
  };
  if (stop.stopped) return done(stop.stopped);
  let tunnel: net.Socket | undefined;
  if (req.proxy && secure) {
    const t = await openTunnel(req.proxy, rule, stop);
    if (!(t instanceof net.Socket)) return done(t);
    tunnel = t;
  }
  const maxBytes = req.maxBytes ?? DEFAULT_MAX_BYTES;
  const ca = req.trust?.ca ? [...tls.rootCertificates, req.trust.ca] : undefined;
  const headers = Object.fromEntries(requestHeaders.filter(([k]) => k !== 'host'));
  const options: https.RequestOptions = {
    method: 'GET',
    path: `${url.pathname}${url.search}`,
    headers: { host: url.host, ...headers },
    host: target.host,
    port: target.port,
    // Node does not check the body length or the certificate the way we want: both are judged below.
    rejectUnauthorized: false,
    servername: rule.servername,
    maxHeaderSize: MAX_HEADER_BYTES,
    ca,
  };
  if (req.proxy && !secure) {
    // Plain HTTP through a forward proxy: the request line carries the absolute URL.
    options.path = url.href;
    if (req.proxy.authorization) (options.headers as Record<string, string>)['proxy-authorization'] = req.proxy.authorization;
  }
  // Every socket comes from a guarded agent: the point's keep-alive one, or one for this request alone.
  const own = tunnel
    ? guardedAgent(rule, true, { keepAlive: false, maxCachedSessions: 0 }, (o) => tls.connect({ ...o, socket: tunnel }))
    : req.agent
      ? undefined
      : guardedAgent(rule, secure, { keepAlive: false, maxCachedSessions: 0 });
  options.agent = own ?? req.agent;

  return new Promise<Exchanged>((resolve) => {
    let settled = false;
    let tlsInfo: TlsInfo | undefined;
    let res: http.IncomingMessage | undefined;
    const chunks: Buffer[] = [];
    let offStop = () => undefined as unknown;
    const finish = (error?: PointError, reused?: boolean) => {
      if (settled) return;
      settled = true;
      offStop();
      own?.destroy();
      if (error?.code === 'TOO_LARGE' || error?.code === 'TIMEOUT' || error?.code === 'CANCELLED') request.destroy();
      record.timings.totalMs = Math.round(performance.now() - started);
      if (tlsInfo) record.tls = tlsInfo;
      const result: Exchanged = { record, ...(reused ? { reused } : {}) };
      if (record.status !== undefined && error?.code !== 'TOO_LARGE') {
        const wire = Buffer.concat(chunks);
        const decoded = decode(wire, record.contentEncoding, maxBytes);
        if ('body' in decoded) {
          result.body = decoded.body;
          if (decoded.body !== wire) result.wire = wire;
        } else if (error?.code === 'SHORT_BODY')
          result.body = wire; // what arrived, undecodable since cut
        else error ??= decoded.error;
        if (!error && record.status !== 200 && !(record.status >= 300 && record.status < 400))
          error = { code: 'HTTP', message: `${url.pathname} answers ${record.status}${record.statusText ? ` ${record.statusText}` : ''}` };
      }
      if (error) result.error = error;
      resolve(result);
    };
    const shortBody = (why: string): PointError => {
      const cl = record.contentLength;
      return {
        code: 'SHORT_BODY',
        message:
          cl !== undefined
            ? `the transfer ended after ${record.wireBytes} of ${cl} bytes (Content-Length): ${why}`
            : `the transfer ended after ${record.wireBytes} bytes without its end (${why})`,
      };
    };
    const request = (secure ? https : http).request(options);
    request.on('socket', (socket) => {
      const onConnect = () => {
        record.timings.connectMs = Math.round(performance.now() - started);
        record.address = proxyAt ? `${proxyAt.host}:${proxyAt.port}` : addressOf(socket);
      };
      if (secure) {
        const s = socket as tls.TLSSocket;
        const check = () => {
          onConnect();
          // A kept-alive socket was judged when it connected; a resumed TLS session shows no certificate.
          const verdict = judged.get(s) ?? judgeCertificate(s, hostName, req.trust);
          judged.set(s, verdict);
          tlsInfo = verdict.info;
          if (verdict.error) {
            request.destroy();
            finish({ code: 'TLS', message: verdict.error });
          }
        };
        if (judged.has(s)) check();
        else s.once('secureConnect', check);
      } else if ((socket as net.Socket).remoteAddress && !(socket as net.Socket).connecting) onConnect();
      else socket.once('connect', onConnect);
    });
    request.on('response', (answer) => {
      res = answer;
      record.timings.firstByteMs = Math.round(performance.now() - started);
      record.status = answer.statusCode;
      record.statusText = answer.statusMessage;
      record.headers = rawHeaders(answer.rawHeaders);
      const cl = answer.headers['content-length'];
      if (cl !== undefined && /^\d+$/.test(cl)) record.contentLength = Number(cl);
      const ce = answer.headers['content-encoding'];
      if (ce) record.contentEncoding = ce.trim().toLowerCase();
      if (!record.address && answer.socket) record.address = addressOf(answer.socket);
      answer.on('data', (chunk: Buffer) => {
        record.wireBytes += chunk.length;
        if (record.wireBytes > maxBytes) {
          record.capped = true;
          const cl = record.contentLength ? ` (Content-Length ${formatBytes(record.contentLength)})` : '';
          return finish({ code: 'TOO_LARGE', message: `the body is over the ${formatBytes(maxBytes)} cap${cl}; stopped reading` });
        }
        chunks.push(chunk);
      });
      answer.on('end', () =>
        finish(
          record.contentLength !== undefined && record.wireBytes < record.contentLength
            ? shortBody('the connection closed mid-body')
            : undefined,
        ),
      );
      answer.on('aborted', () => finish(shortBody('the connection closed mid-body')));
      answer.on('error', (err) => finish(shortBody(transferWhy(err))));
    });
    request.on('error', (err: NodeJS.ErrnoException) => {
      if (res?.complete) {
        // The whole declared body arrived and more bytes followed it on the connection.
        record.overLength = true;
        return;
      }
      if (res) return finish(shortBody(transferWhy(err)));
      const reused = request.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE');
      finish(networkError(err, target, req.proxy?.display), reused);
    });
    offStop = stop.on((e) => {
      const got = record.status !== undefined ? ` (${record.wireBytes} bytes received)` : '';
      finish({ ...e, message: `${e.message}${e.code === 'TIMEOUT' ? got : ''}` });
    });
    if (!settled) request.end();
  });
}

function transferWhy(err: NodeJS.ErrnoException): string {
  if (/CHUNK/.test(err.code ?? '')) return 'invalid chunked encoding';
  if (err.code === 'ECONNRESET' || err.message === 'aborted') return 'the connection closed mid-body';
  return err.message;
}

function proxyDestination(proxy: ProxyChoice): Destination {
  return { host: proxy.url.hostname.replace(/^\[|\]$/g, ''), port: Number(proxy.url.port) || 80 };
}

/** Opens a CONNECT tunnel through the proxy to the public host; the TLS session then runs inside it. */
function openTunnel(proxy: ProxyChoice, rule: ConnectRule, stop: Stopper): Promise<net.Socket | PointError> {
  const at = proxyDestination(proxy);
  const agent = guardedAgent({ ...rule, to: [at] }, false, { keepAlive: false });
  return new Promise((resolve) => {
    let off = () => undefined as unknown;
    const settle = (v: net.Socket | PointError) => {
      off();
      agent.destroy();
      resolve(v);
    };
    const connect = http.request({
      host: at.host,
      port: at.port,
      method: 'CONNECT',
      path: rule.authority,
      agent,
      headers: { host: rule.authority, ...(proxy.authorization ? { 'proxy-authorization': proxy.authorization } : {}) },
    });
    connect.on('connect', (res, socket) => {
      if (res.statusCode === 200) return settle(socket);
      socket.destroy();
      const why = `${res.statusCode} ${res.statusMessage ?? ''}`.trim();
      settle({ code: 'PROXY', message: `the proxy ${proxy.display} refused the tunnel to ${rule.authority}: ${why}` });
    });
    connect.on('error', (err) => {
      const e = networkError(err, at, undefined);
      settle({ ...e, message: `the proxy ${proxy.display}: ${e.message}` });
    });
    off = stop.on((e) => {
      connect.destroy();
      settle({ ...e, message: `${e.message} (waiting for the proxy ${proxy.display} to open the tunnel)` });
    });
    connect.end();
  });
}

/** Undoes Content-Encoding, layered ones last-applied first, never past the cap on the decoded bytes. */
/**
 * Content-Encoding layers undone at most: curl refuses longer chains since its fix for CVE-2022-32206, as a
 * chain of bombs would cost a full decode at the cap per layer.
 */
const MAX_ENCODINGS = 5;

export function decode(wire: Buffer, encoding: string | undefined, maxBytes: number): { body: Uint8Array } | { error: PointError } {
  if (!encoding || encoding === 'identity') return { body: wire };
  const opts = { maxOutputLength: maxBytes };
  const layers = encoding
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (layers.length > MAX_ENCODINGS)
    return {
      error: {
        code: 'DECODE',
        message: `${layers.length} Content-Encoding layers, over the ${MAX_ENCODINGS} a client undoes: the bytes are kept as received`,
      },
    };
  let out: Buffer = wire;
  let step = '';
  try {
    for (const e of layers.reverse()) {
      step = e;
      if (e === 'gzip' || e === 'x-gzip') out = zlib.gunzipSync(out, opts);
      else if (e === 'br') out = zlib.brotliDecompressSync(out, opts);
      // Some servers send raw deflate: the zlib header (RFC 1950) tells which, so only one attempt is made.
      else if (e === 'deflate') out = hasZlibHeader(out) ? zlib.inflateSync(out, opts) : zlib.inflateRawSync(out, opts);
      else if (e !== 'identity')
        return { error: { code: 'DECODE', message: `unknown Content-Encoding ${e}: the bytes are kept as received` } };
    }
    return { body: out };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError)
      return { error: { code: 'TOO_LARGE', message: `the body decodes (${step}) to over the ${formatBytes(maxBytes)} cap` } };
    return { error: { code: 'DECODE', message: `the body is not valid ${step} (${e.message}); it may be cut short` } };
  }
}

function hasZlibHeader(b: Buffer): boolean {
  return b.length >= 2 && (b[0]! & 0x0f) === 8 && ((b[0]! << 8) | b[1]!) % 31 === 0;
}

function networkError(err: NodeJS.ErrnoException, target: Destination, proxy: string | undefined): PointError {
  const where = proxy ? `the proxy ${proxy}` : `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
  switch (err.code) {
    case 'EDESTINATION':
      return { code: 'DESTINATION', message: `not connected: ${err.message}` };
    case 'ECONNREFUSED':
      return { code: 'REFUSED', message: `connection refused by ${where}` };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { code: 'DNS', message: `the name ${target.host} does not resolve (DNS)` };
    case 'ETIMEDOUT':
      return { code: 'TIMEOUT', message: `connecting to ${where} timed out` };
    case 'ECONNRESET':
      return { code: 'RESET', message: `${where} closed the connection` };
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return { code: 'TLS', message: `TLS handshake with ${where} failed (${err.message})` };
    default: {
      const parse = parseErrorWords(err.code);
      if (parse) return { code: 'BAD_HTTP', message: `${where} answered ${parse}` };
      if (/certificate|ssl|tls/i.test(err.message)) return { code: 'TLS', message: `TLS with ${where} failed: ${err.message}` };
      return { code: 'NETWORK', message: `${where}: ${err.message}` };
    }
  }
}

function rawHeaders(raw: string[]): Header[] {
  const out: Header[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  return out;
}

function addressOf(socket: net.Socket): string | undefined {
  const a = socket.remoteAddress;
  if (!a) return undefined;
  return `${a.includes(':') ? `[${a}]` : a}:${socket.remotePort}`;
}

export function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(n % (1 << 20) ? 1 : 0)} MiB` : `${n} bytes`;
}
