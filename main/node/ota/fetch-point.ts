// Fetches one resource from one point: a frontend reached directly (its address, the public Host and SNI
// kept) or the public URL (through a proxy when one is in force). Records everything the verdict needs:
// the address connected, status, redirects, headers, TLS issuer and fingerprint, timings, wire and decoded bytes.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import zlib from 'node:zlib';
import { DIAGNOSE_LIMITS } from '../../common/ota/frontend-spec.js';
import { headerValue } from '../../common/ota/headers.js';
import type { FetchRecord, Header, RedirectHop, TlsInfo } from '../../common/ota/types.js';
import type { CancelGroup } from './cancel.js';
import { judgeCertificate, judged, type TrustOptions } from './tls-trust.js';
import type { ProxyChoice } from './proxy.js';

export type { TrustOptions } from './tls-trust.js';

export interface PointRequest {
  /** The URL as the device asks for it (public host, path and query). */
  url: string;
  /** Connect here instead of resolving the URL's host (a frontend); Host header and SNI stay the URL's. */
  connectTo?: { host: string; port: number };
  /** Public samples only: go through this proxy. */
  proxy?: ProxyChoice;
  headers?: Record<string, string>;
  trust?: TrustOptions;
  timeoutMs?: number;
  /** Body size cap in bytes (wire and decoded). */
  maxBytes?: number;
  /** Same-origin redirects followed before giving up (a loop ends here). */
  maxRedirects?: number;
  /** The job's cancellation: one abort listener per job, whatever the number of fetches. */
  cancel?: CancelGroup;
  /** One keep-alive agent per point, so a request meant for one frontend never reuses another's socket. */
  agent?: http.Agent;
}

export interface PointError {
  code:
    | 'REFUSED'
    | 'DNS'
    | 'TLS'
    | 'TIMEOUT'
    | 'REDIRECT'
    | 'REDIRECT_LOOP'
    | 'TOO_LARGE'
    | 'HTTP'
    | 'DECODE'
    | 'RESET'
    | 'PROXY'
    | 'CANCELLED'
    | 'NETWORK';
  message: string;
}

export interface PointResult {
  record: FetchRecord;
  /** Body after Content-Encoding is removed (absent on error before a body). */
  body?: Uint8Array;
  /** Body as received, when it differs from `body`. */
  wire?: Uint8Array;
  error?: PointError;
}

const DEFAULT_TIMEOUT_MS = DIAGNOSE_LIMITS.timeoutSeconds.default * 1000;
const DEFAULT_MAX_BYTES = DIAGNOSE_LIMITS.maxBytes;
const LOGIN_HINT = /(log[-_]?in|sign[-_]?in|auth|sso|saml|oauth|idp)/i;

/** Fetches one point, following only same-origin redirects that are not a sign-in page. Never throws. */
export async function fetchPoint(req: PointRequest): Promise<PointResult> {
  const started = performance.now();
  try {
    return await follow(req, started);
  } catch (err) {
    // A request Node refuses to send (a header it rejects, say) is a failed fetch, not a failed sweep.
    const record: FetchRecord = {
      url: req.url,
      method: 'GET',
      requestHeaders: [],
      route: req.proxy ? req.proxy.display : 'direct',
      redirects: [],
      headers: [],
      timings: { totalMs: Math.round(performance.now() - started) },
      wireBytes: 0,
    };
    return { record, error: { code: 'NETWORK', message: `the request could not be made: ${(err as Error).message}` } };
  }
}

function urlOrUndefined(text: string, base: URL): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

async function follow(req: PointRequest, started: number): Promise<PointResult> {
  const redirects: RedirectHop[] = [];
  let url = new URL(req.url);
  const origin = url.origin;
  const maxRedirects = req.maxRedirects ?? DIAGNOSE_LIMITS.maxRedirects;
  for (;;) {
    const result = await fetchOnce({ ...req, url: url.href }, started);
    result.record.redirects = redirects;
    const status = result.record.status;
    const location = headerValue(result.record.headers, 'location');
    if (!status || status < 300 || status >= 400 || status === 304 || !location || result.error) return result;
    const next = urlOrUndefined(location, url);
    redirects.push({ url: url.href, status, location });
    if (!next) {
      result.error = {
        code: 'REDIRECT',
        message: `${url.pathname} answers ${status} with a Location that is not a URL (${location}); not followed`,
      };
      return result;
    }
    if (next.origin !== origin || LOGIN_HINT.test(next.pathname)) {
      result.error = {
        code: 'REDIRECT',
        message: `${url.pathname} answers ${status} and redirects to ${next.href}${LOGIN_HINT.test(next.pathname) ? ' (a sign-in page)' : ''}; not followed`,
      };
      return result;
    }
    if (redirects.length > maxRedirects) {
      result.error = { code: 'REDIRECT_LOOP', message: `more than ${maxRedirects} redirects (a redirect loop?), last to ${next.href}` };
      return result;
    }
    url = next;
  }
}

async function fetchOnce(req: PointRequest, started: number): Promise<PointResult> {
  const url = new URL(req.url);
  const secure = url.protocol === 'https:';
  const publicPort = Number(url.port) || (secure ? 443 : 80);
  const hostName = url.hostname.replace(/^\[|\]$/g, '');
  const tunnel = req.proxy && secure ? await openTunnel(req.proxy, hostName, publicPort, req.timeoutMs ?? DEFAULT_TIMEOUT_MS) : undefined;
  const requestHeaders: Header[] = [
    ['host', url.host],
    ['accept', '*/*'],
    ['user-agent', 'HashWorkbench (OutSystemsApp OTA check)'],
  ];
  for (const [k, v] of Object.entries(req.headers ?? {})) requestHeaders.push([k.toLowerCase(), v]);
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
  const maxBytes = req.maxBytes ?? DEFAULT_MAX_BYTES;
  if (tunnel && !(tunnel instanceof net.Socket)) {
    record.timings.totalMs = Math.round(performance.now() - started);
    return { record, error: tunnel };
  }
  return new Promise<PointResult>((resolve) => {
    let settled = false;
    let offCancel = () => undefined as unknown;
    let tlsInfo: TlsInfo | undefined;
    const chunks: Buffer[] = [];
    const finish = (error?: PointError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      offCancel();
      record.timings.totalMs = Math.round(performance.now() - started);
      if (tlsInfo) record.tls = tlsInfo;
      const wire = Buffer.concat(chunks);
      const result: PointResult = { record };
      if (record.status !== undefined) {
        const decoded = decode(wire, record.contentEncoding, maxBytes);
        if ('error' in decoded) error ??= decoded.error;
        else {
          result.body = decoded.body;
          if (decoded.body !== wire) result.wire = wire;
        }
        if (!error && record.status !== 200 && !(record.status >= 300 && record.status < 400)) {
          error = { code: 'HTTP', message: `${url.pathname} answers ${record.status}${record.statusText ? ` ${record.statusText}` : ''}` };
        }
      }
      if (error) result.error = error;
      resolve(result);
    };
    const onAbort = () => {
      request.destroy();
      finish({ code: 'CANCELLED', message: 'cancelled' });
    };
    const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = setTimeout(() => {
      request.destroy();
      finish({
        code: 'TIMEOUT',
        message: `no complete answer within ${Math.round(timeoutMs / 1000)} s${record.status ? ` (${record.wireBytes} bytes received)` : ''}`,
      });
    }, timeoutMs);

    const target = req.connectTo ?? { host: hostName, port: publicPort };
    const headers = Object.fromEntries(requestHeaders.filter(([k]) => k !== 'host'));
    const options: https.RequestOptions = {
      method: 'GET',
      path: `${url.pathname}${url.search}`,
      headers: { host: url.host, ...headers },
      host: target.host,
      port: target.port,
      agent: req.agent ?? false,
      // Node does not check the body length or the certificate the way we want: both are judged below.
      rejectUnauthorized: false,
      servername: net.isIP(hostName) ? undefined : hostName,
      ca: req.trust?.ca ? [...tls.rootCertificates, req.trust.ca] : undefined,
    };
    if (req.proxy) {
      if (secure) {
        const socket = tunnel as net.Socket;
        options.agent = false;
        options.createConnection = () => tls.connect({ socket, servername: options.servername, rejectUnauthorized: false, ca: options.ca });
      } else {
        // Plain HTTP through a forward proxy: the request line carries the absolute URL.
        options.host = req.proxy.url.hostname.replace(/^\[|\]$/g, '');
        options.port = Number(req.proxy.url.port) || 80;
        options.path = url.href;
        if (req.proxy.authorization) (options.headers as Record<string, string>)['proxy-authorization'] = req.proxy.authorization;
      }
    }
    const request = (secure ? https : http).request(options);
    request.on('socket', (socket) => {
      const onConnect = () => {
        record.timings.connectMs = Math.round(performance.now() - started);
        if (!req.proxy) record.address = addressOf(socket);
        else record.address = `${req.proxy.url.hostname}:${req.proxy.url.port || 80}`;
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
        // A socket from the point's keep-alive pool is already connected (and judged).
        if (judged.has(s)) check();
        else s.once('secureConnect', check);
      } else if ((socket as net.Socket).remoteAddress && !(socket as net.Socket).connecting) onConnect();
      else socket.once('connect', onConnect);
    });
    request.on('response', (res) => {
      record.timings.firstByteMs = Math.round(performance.now() - started);
      record.status = res.statusCode;
      record.statusText = res.statusMessage;
      record.headers = rawHeaders(res.rawHeaders);
      const cl = res.headers['content-length'];
      if (cl !== undefined && /^\d+$/.test(cl)) record.contentLength = Number(cl);
      const ce = res.headers['content-encoding'];
      if (ce) record.contentEncoding = ce.trim().toLowerCase();
      if (!record.address && res.socket) record.address = addressOf(res.socket);
      res.on('data', (chunk: Buffer) => {
        record.wireBytes += chunk.length;
        if (record.wireBytes > maxBytes) {
          record.capped = true;
          request.destroy();
          finish({
            code: 'TOO_LARGE',
            message: `the body is over the ${formatBytes(maxBytes)} cap${declared(record.contentLength)}; stopped reading`,
          });
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => finish());
      // The server closed before the end: keep what arrived, the verdict compares it with Content-Length.
      res.on('aborted', () => finish());
      res.on('error', () => finish());
    });
    request.on('error', (err) => finish(networkError(err, target, req.proxy?.display)));
    if (req.cancel) offCancel = req.cancel.on(onAbort);
    if (!settled) request.end();
  });
}

/** Opens a CONNECT tunnel through the proxy to host:port; the TLS session then runs inside it. */
function openTunnel(proxy: ProxyChoice, host: string, port: number, timeoutMs: number): Promise<net.Socket | PointError> {
  return new Promise((resolve) => {
    const connect = http.request({
      host: proxy.url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(proxy.url.port) || 80,
      method: 'CONNECT',
      path: `${host.includes(':') ? `[${host}]` : host}:${port}`,
      agent: false,
      timeout: timeoutMs,
      headers: { host: `${host}:${port}`, ...(proxy.authorization ? { 'proxy-authorization': proxy.authorization } : {}) },
    });
    connect.on('connect', (res, socket) => {
      if (res.statusCode === 200) return resolve(socket);
      socket.destroy();
      resolve({
        code: 'PROXY',
        message: `the proxy ${proxy.display} refused the tunnel to ${host}:${port}: ${res.statusCode} ${res.statusMessage ?? ''}`.trim(),
      });
    });
    connect.on('timeout', () => {
      connect.destroy();
      resolve({ code: 'TIMEOUT', message: `the proxy ${proxy.display} did not answer` });
    });
    connect.on('error', (err) =>
      resolve({
        ...networkError(err, { host: proxy.url.hostname, port: Number(proxy.url.port) || 80 }, undefined),
        message: `the proxy ${proxy.display}: ${networkError(err, { host: proxy.url.hostname, port: Number(proxy.url.port) || 80 }, undefined).message}`,
      }),
    );
    connect.end();
  });
}

function decode(wire: Buffer, encoding: string | undefined, maxBytes: number): { body: Uint8Array } | { error: PointError } {
  if (!encoding || encoding === 'identity') return { body: wire };
  const opts = { maxOutputLength: maxBytes };
  try {
    // Layered encodings ("gzip, br") are undone last-applied first.
    let out: Buffer = wire;
    for (const e of encoding
      .split(',')
      .map((x) => x.trim())
      .reverse()) {
      if (e === 'gzip' || e === 'x-gzip') out = zlib.gunzipSync(out, opts);
      else if (e === 'br') out = zlib.brotliDecompressSync(out, opts);
      else if (e === 'deflate') {
        try {
          out = zlib.inflateSync(out, opts);
        } catch {
          out = zlib.inflateRawSync(out, opts);
        } // some servers send raw deflate
      } else if (e !== 'identity')
        return { error: { code: 'DECODE', message: `unknown Content-Encoding ${e}: the bytes are kept as received` } };
    }
    return { body: out };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE')
      return { error: { code: 'TOO_LARGE', message: `the body decodes to more than the ${formatBytes(maxBytes)} cap` } };
    return { error: { code: 'DECODE', message: `the body is not valid ${encoding} (${e.message}); it may be cut short` } };
  }
}

function networkError(
  err: NodeJS.ErrnoException & { viaProxy?: boolean },
  target: { host: string; port: number },
  proxy: string | undefined,
): PointError {
  const where =
    proxy && (err.viaProxy || err.code === 'EPROXY')
      ? `the proxy ${proxy}`
      : `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
  switch (err.code) {
    case 'ECONNREFUSED':
      return { code: 'REFUSED', message: `connection refused by ${where}` };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { code: 'DNS', message: `the name ${target.host} does not resolve (DNS)` };
    case 'ETIMEDOUT':
      return { code: 'TIMEOUT', message: `connecting to ${where} timed out` };
    case 'ECONNRESET':
      return { code: 'RESET', message: `${where} closed the connection` };
    case 'EPROXY':
      return { code: 'PROXY', message: err.message };
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return { code: 'TLS', message: `TLS handshake with ${where} failed (${err.message})` };
    default:
      if (/certificate|ssl|tls/i.test(err.message)) return { code: 'TLS', message: `TLS with ${where} failed: ${err.message}` };
      return { code: 'NETWORK', message: `${where}: ${err.message}` };
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

const declared = (n: number | undefined) => (n ? ` (Content-Length ${formatBytes(n)})` : '');

function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(n % (1 << 20) ? 1 : 0)} MiB` : `${n} bytes`;
}
