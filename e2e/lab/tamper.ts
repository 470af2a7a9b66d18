// A reverse proxy that alters answers the way real middleboxes do: injection,
// truncation, BOM, CRLF, minification, compression, block pages, redirects, errors, stalls, huge bodies, and
// the 2xx statuses iOS refuses (203 from a transforming proxy, 204 without the body, 206 with no Range asked).
import type http from 'node:http';
import { gzipSync } from 'node:zlib';
import { contentTypeFor, forward, passHeaders, publicLab, readBody, sendHtml, startLab, type Lab, type LabCore } from './core.js';

export type TamperMode =
  | 'none'
  | 'inject-html'
  | 'inject-js'
  | 'truncate'
  | 'short-content-length'
  | 'bom'
  | 'crlf'
  | 'minify'
  | 'gzip'
  | 'gzip-and-inject'
  | 'block-page'
  | 'login-redirect'
  | 'redirect-loop'
  | 'slow'
  | 'not-found'
  | 'server-error'
  | 'huge'
  | 'status-203'
  | 'status-204'
  | 'status-206';

export const INJECTED_HTML = '<script src="https://inject.example/i.js"></script>';
export const INJECTED_JS = ';(function(){/*monitor*/})();\n';
export const BLOCK_PAGE = '<html><head><title>Access denied</title></head><body>Blocked by LabGuard</body></html>';
export const HUGE_BYTES = 12 * 1024 * 1024;
export const SLOW_MS = 30_000;

type Kind = 'html' | 'js' | 'css' | 'text' | 'binary';

function kindOf(contentType: unknown, path: string): Kind {
  const ct = String(contentType ?? contentTypeFor(path)).toLowerCase();
  if (ct.includes('html')) return 'html';
  if (ct.includes('javascript') || /\.m?js$/i.test(path)) return 'js';
  if (ct.includes('css')) return 'css';
  if (ct.startsWith('text/') || ct.includes('json') || ct.includes('xml')) return 'text';
  return 'binary';
}

/** Crude minifier: drops comments, collapses whitespace, removes it around punctuation. */
export function crudeMinify(src: string, kind: 'js' | 'css'): string {
  let s = src.replace(/\/\*[\s\S]*?\*\//g, '');
  if (kind === 'js') s = s.replace(/(^|[^:\\"'])\/\/[^\n]*/g, '$1'); // the ':' guard spares "http://"
  return s
    .replace(/\s+/g, ' ')
    .replace(/ ?([{}();,=:<>!&|?+]) ?/g, '$1')
    .trim();
}

function acceptsGzip(value: string | string[] | undefined): boolean {
  for (const part of String(value ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if ((name === 'gzip' || name === '*') && (q === undefined || Number(q.slice(2)) > 0)) return true;
  }
  return false;
}

/** The same URL with its `_loop` counter bumped; string edits keep `?HASH` queries intact ('+' stays '+'). */
function loopUrl(url: string): string {
  const i = url.indexOf('?');
  const path = i < 0 ? url : url.slice(0, i);
  const parts =
    i < 0
      ? []
      : url
          .slice(i + 1)
          .split('&')
          .filter(Boolean);
  const n = Number(parts.find((p) => p.startsWith('_loop='))?.slice(6) ?? 0);
  return `${path}?${[...parts.filter((p) => !p.startsWith('_loop=')), `_loop=${n + 1}`].join('&')}`;
}

let hugeBody: Buffer | undefined;

/** Modes that answer on their own, without asking upstream. Returns false when the mode is not one. */
function answerAlone(mode: TamperMode, url: string, path: string, res: http.ServerResponse): boolean {
  switch (mode) {
    case 'block-page': {
      const body = Buffer.from(BLOCK_PAGE);
      res.writeHead(403, { 'Content-Type': 'text/html', 'Content-Length': body.length });
      res.end(body);
      return true;
    }
    case 'login-redirect':
      sendHtml(res, 302, 'Object moved', 'Sign in first', { Location: `/login?returnUrl=${encodeURIComponent(url)}` });
      return true;
    case 'redirect-loop':
      sendHtml(res, 302, 'Object moved', 'Moved', { Location: loopUrl(url) });
      return true;
    case 'not-found':
      sendHtml(res, 404, 'Not Found', 'Not Found');
      return true;
    case 'server-error':
      sendHtml(res, 503, 'Service Unavailable', 'Service Unavailable', { 'Retry-After': '120' });
      return true;
    case 'huge':
      hugeBody ??= Buffer.alloc(HUGE_BYTES, '/* lab filler */\n');
      res.writeHead(200, { 'Content-Type': contentTypeFor(path), 'Content-Length': hugeBody.length });
      res.end(hugeBody);
      return true;
    default:
      return false;
  }
}

/** The body as this mode alters it; bodies a mode does not apply to come back unchanged. */
function alter(mode: TamperMode, kind: Kind, body: Buffer): Buffer {
  const text = kind !== 'binary';
  const latin1 = (f: (s: string) => string): Buffer => Buffer.from(f(body.toString('latin1')), 'latin1'); // byte-exact
  switch (mode) {
    case 'inject-html': {
      const at = kind === 'html' ? body.toString('latin1').search(/<\/head>/i) : -1;
      return at < 0 ? body : Buffer.concat([body.subarray(0, at), Buffer.from(INJECTED_HTML), body.subarray(at)]);
    }
    case 'inject-js':
    case 'gzip-and-inject':
      return kind === 'js' ? Buffer.concat([Buffer.from(INJECTED_JS), body]) : body;
    case 'truncate':
      return body.subarray(0, Math.floor(body.length / 2));
    case 'bom':
      return text ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
    case 'crlf':
      return text ? latin1((s) => s.replace(/\r?\n/g, '\r\n')) : body;
    case 'minify':
      return kind === 'js' || kind === 'css' ? latin1((s) => crudeMinify(s, kind)) : body;
    default:
      return body;
  }
}

/** The right bytes under a 2xx status other than 200: 203 as is, 204 without them, 206 whole under a Content-Range. */
function sendStatus(
  mode: 'status-203' | 'status-204' | 'status-206',
  res: http.ServerResponse,
  out: http.OutgoingHttpHeaders,
  body: Buffer,
): void {
  if (mode === 'status-204') {
    delete out['content-length'];
    res.writeHead(204, out);
    return void res.end();
  }
  const extra = mode === 'status-206' ? { 'content-range': `bytes 0-${body.length - 1}/${body.length}` } : {};
  res.writeHead(mode === 'status-206' ? 206 : 203, { ...out, ...extra, 'content-length': body.length });
  res.end(body);
}

/** A reverse proxy to upstream that alters answers for paths where only(path) holds (path without query). */
export async function startTamperingProxy(opts: { upstream: string; mode: TamperMode; only?: (path: string) => boolean }): Promise<Lab> {
  const core: LabCore = await startLab(async (req, res) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? url;
    const mode: TamperMode = (opts.only ?? (() => true))(path) ? opts.mode : 'none';
    if (answerAlone(mode, url, path, res)) return;
    if (mode === 'slow') await core.sleep(SLOW_MS); // close() cancels this and drops the socket

    const headers = passHeaders(req.headers);
    if (mode !== 'none') delete headers['accept-encoding']; // we edit identity bytes, like real rewriting proxies
    const up = await forward(core, new URL(url, opts.upstream), { method: req.method, headers, body: req }).catch(() => undefined);
    if (!up) return sendHtml(res, 502, 'Bad Gateway', 'Upstream unreachable');
    const out = passHeaders(up.headers);
    const status = up.statusCode ?? 502;
    let body: Buffer;
    try {
      body = await readBody(up);
    } catch {
      return void res.destroy();
    }
    if (req.method === 'HEAD') {
      res.writeHead(status, out);
      return void res.end();
    }
    const editable = status === 200 && out['content-encoding'] === undefined;
    const altered = editable ? alter(mode, kindOf(out['content-type'], path), body) : body;

    if (editable && (mode === 'status-203' || mode === 'status-204' || mode === 'status-206')) return sendStatus(mode, res, out, body);
    if (editable && mode === 'short-content-length') {
      // Announce the whole body, send half, then drop the connection.
      res.writeHead(status, { ...out, 'content-length': body.length });
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    let sent = altered;
    if (editable && (mode === 'gzip' || mode === 'gzip-and-inject') && acceptsGzip(req.headers['accept-encoding'])) {
      sent = gzipSync(altered);
      out['content-encoding'] = 'gzip';
      out.vary = 'Accept-Encoding';
    }
    res.writeHead(status, { ...out, 'content-length': sent.length });
    res.end(sent);
  });
  return publicLab(core);
}
