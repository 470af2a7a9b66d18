// Fetches one resource from one point: a frontend reached directly (its address, the public Host and SNI
// kept) or the public URL (through a proxy when one is in force). Records everything the verdict needs:
// the address connected, status, redirects, headers, TLS issuer and fingerprint, timings, wire and decoded bytes.
// One deadline covers the whole fetch (DNS, connect, CONNECT, TLS, headers, body, redirects and the retry).
import type http from 'node:http';
import { DIAGNOSE_LIMITS } from '../../common/ota/frontend-spec.js';
import { headerValue } from '../../common/ota/headers.js';
import type { FetchErrorCode } from '../../common/ota/copy-errors.js';
import type { FetchRecord, RedirectHop } from '../../common/ota/types.js';
import type { CancelGroup } from './cancel.js';
import type { ConnectRule } from './connect.js';
import { exchange, Stopper } from './exchange.js';
import type { ProxyChoice } from './proxy.js';
import type { TrustOptions } from './tls-trust.js';

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
  /** The total deadline of the fetch, redirects and retry included. */
  timeoutMs?: number;
  /** Body size cap in bytes (wire and decoded). */
  maxBytes?: number;
  /** Same-origin redirects followed before giving up (a loop ends here). */
  maxRedirects?: number;
  /** The job's cancellation: one abort listener per job, whatever the number of fetches. */
  cancel?: CancelGroup;
  /** One keep-alive agent per point, so a request meant for one frontend never reuses another's socket. */
  agent?: http.Agent;
  /** Where this point's connections may go; derived from the request when not given. */
  rule?: ConnectRule;
}

/** The fetch layer's codes: the keys of the one table (copy-errors.ts) that also says how the verdict reads each. */
export type PointErrorCode = FetchErrorCode;

export interface PointError {
  code: PointErrorCode;
  message: string;
}

export interface PointResult {
  record: FetchRecord;
  /** Body after Content-Encoding is removed (absent on error before a body); what arrived for a short body. */
  body?: Uint8Array;
  /** Body as received, when it differs from `body`. */
  wire?: Uint8Array;
  error?: PointError;
}

const LOGIN_HINT = /(log[-_]?in|sign[-_]?in|auth|sso|saml|oauth|idp)/i;

/** Fetches one point, following only same-origin redirects that are not a sign-in page. Never throws. */
export async function fetchPoint(req: PointRequest): Promise<PointResult> {
  const started = performance.now();
  const timeoutMs = req.timeoutMs ?? DIAGNOSE_LIMITS.timeoutSeconds.default * 1000;
  const stop = new Stopper();
  const timer = setTimeout(() => stop.fire({ code: 'TIMEOUT', message: `no complete answer within ${seconds(timeoutMs)} s` }), timeoutMs);
  const offCancel = req.cancel?.on(() => stop.fire({ code: 'CANCELLED', message: 'cancelled' }));
  try {
    return await follow(req, started, stop);
  } catch (err) {
    // A request Node refuses to send (a header it rejects, say) is a failed fetch, not a failed sweep.
    return notFetched(req, 'NETWORK', `the request could not be made: ${(err as Error).message}`, started);
  } finally {
    clearTimeout(timer);
    offCancel?.();
  }
}

async function follow(req: PointRequest, started: number, stop: Stopper): Promise<PointResult> {
  const redirects: RedirectHop[] = [];
  let url = new URL(req.url);
  const origin = url.origin;
  const maxRedirects = req.maxRedirects ?? DIAGNOSE_LIMITS.maxRedirects;
  for (;;) {
    let result = await exchange({ ...req, url: url.href }, started, stop);
    if (result.reused && !stop.stopped) {
      // A kept-alive socket the server had closed: retried once on a new connection, as browsers and curl do.
      const why = result.error?.message;
      result = await exchange({ ...req, url: url.href, agent: undefined }, started, stop);
      result.record.retried = `the kept-alive connection was closed on reuse (${why}); retried once on a new connection`;
    }
    result.record.redirects = redirects;
    const status = result.record.status;
    const location = headerValue(result.record.headers, 'location');
    if (!status || status < 300 || status >= 400 || status === 304 || !location || result.error) return result;
    const next = urlOrUndefined(location, url);
    redirects.push({ url: url.href, status, location });
    const fail = (code: PointErrorCode, message: string) => ({ ...result, error: { code, message } });
    if (!next) return fail('REDIRECT', `${url.pathname} answers ${status} with a Location that is not a URL (${location}); not followed`);
    if (next.origin !== origin || LOGIN_HINT.test(next.pathname)) {
      const login = LOGIN_HINT.test(next.pathname) ? ' (a sign-in page)' : '';
      return fail('REDIRECT', `${url.pathname} answers ${status} and redirects to ${next.href}${login}; not followed`);
    }
    if (redirects.length > maxRedirects)
      return fail('REDIRECT_LOOP', `more than ${maxRedirects} redirects (a redirect loop?), last to ${next.href}`);
    url = next;
  }
}

/** A fetch that never left: the error and an empty record. */
export function notFetched(req: Pick<PointRequest, 'url' | 'proxy'>, code: PointErrorCode, message: string, started?: number): PointResult {
  const record: FetchRecord = {
    url: req.url,
    method: 'GET',
    requestHeaders: [],
    route: req.proxy ? req.proxy.display : 'direct',
    redirects: [],
    headers: [],
    timings: { totalMs: started === undefined ? 0 : Math.round(performance.now() - started) },
    wireBytes: 0,
  };
  return { record, error: { code, message } };
}

function urlOrUndefined(text: string, base: URL): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
