// The points a sweep fetches from: each frontend reached directly (its own keep-alive agent, so a request
// meant for one frontend never rides another's socket) or read from its Running folder, and the public URL.
import type http from 'node:http';
import type { Source } from '../../common/ota/types.js';
import type { FrontendInfo } from '../../common/ota/verdict.js';
import type { CancelGroup } from './cancel.js';
import { guardedAgent, pinnedLookup, ruleFor, type ConnectRule } from './connect.js';
import { fetchPoint, notFetched, type PointResult, type TrustOptions } from './fetch-point.js';
import type { ProxyChoice } from './proxy.js';
import { onOrigin } from './resource-key.js';

export interface FrontendTarget extends FrontendInfo {
  /** For addresses: where to connect, and with which scheme. */
  host?: string;
  port?: number;
  scheme?: 'http:' | 'https:';
}

export interface Point {
  source: Source;
  /** Undefined for a folder. */
  agent?: http.Agent;
  connectTo?: { host: string; port: number };
  origin?: string;
  /** Where this point's connections may go (fetchable points). */
  rule?: ConnectRule;
  folder?: string;
  trust: TrustOptions;
  proxy?: ProxyChoice;
}

export interface Points {
  frontends: Point[];
  public: Point;
  /** Closes every keep-alive socket. */
  destroy(): void;
}

export interface PointOptions {
  frontends: FrontendTarget[];
  ca?: string;
  trust?: Record<string, string>;
  insecure?: boolean;
  proxy?: ProxyChoice;
  concurrency: number;
}

export function makePoints(app: URL, opts: PointOptions): Points {
  // One resolver for the whole check: the public host, each frontend given by name and the proxy.
  const lookup = pinnedLookup();
  // No TLS session reuse: a resumed session shows no certificate, and each connection's issuer is evidence.
  const makeAgent = (rule: ConnectRule, secure: boolean) =>
    guardedAgent(rule, secure, { keepAlive: true, maxSockets: opts.concurrency, ...(secure ? { maxCachedSessions: 0 } : {}) });
  const frontends: Point[] = opts.frontends.map((f) => {
    const trust: TrustOptions = { ca: opts.ca, insecure: opts.insecure, fingerprint: opts.trust?.[f.label] };
    if (f.kind === 'folder') return { source: `frontend:${f.label}`, folder: f.address, trust };
    const secure = (f.scheme ?? app.protocol) === 'https:';
    // The frontend is asked for the public URL (Host and SNI kept); only the scheme may differ.
    const origin = `${f.scheme ?? app.protocol}//${app.host}`;
    const connectTo = { host: f.host!, port: f.port ?? (Number(app.port) || (secure ? 443 : 80)) };
    const rule = ruleFor(new URL(origin), [connectTo], lookup);
    return { source: `frontend:${f.label}`, trust, agent: makeAgent(rule, secure), connectTo, origin, rule };
  });
  const appPort = Number(app.port) || (app.protocol === 'https:' ? 443 : 80);
  const proxyAt = opts.proxy
    ? { host: opts.proxy.url.hostname.replace(/^\[|\]$/g, ''), port: Number(opts.proxy.url.port) || 80 }
    : undefined;
  const pubRule = ruleFor(app, [proxyAt ?? { host: app.hostname.replace(/^\[|\]$/g, ''), port: appPort }], lookup);
  const pub: Point = {
    source: 'public',
    agent: opts.proxy ? undefined : makeAgent(pubRule, app.protocol === 'https:'),
    origin: app.origin,
    rule: pubRule,
    trust: { ca: opts.ca, insecure: opts.insecure },
    proxy: opts.proxy,
  };
  return {
    frontends,
    public: pub,
    destroy: () => {
      for (const p of [...frontends, pub]) p.agent?.destroy();
    },
  };
}

export interface FetchLimits {
  /** Sent with every request of the check (who is asking: --as). */
  headers?: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  cancel: CancelGroup;
}

/**
 * One request to a point. Devices' HTTP stacks (OkHttp, NSURLSession) ask for compressed bodies and undo
 * the compression before hashing: so do we, keeping the wire bytes' hash as evidence.
 */
export function fetchVia(point: Point, pathAndQuery: string, limits: FetchLimits, headers?: Record<string, string>): Promise<PointResult> {
  let url: string;
  try {
    url = onOrigin(pathAndQuery, point.origin!);
  } catch (err) {
    return Promise.resolve(notFetched({ url: pathAndQuery, proxy: point.proxy }, 'DESTINATION', (err as Error).message));
  }
  return fetchPoint({
    ...limits,
    url,
    rule: point.rule,
    connectTo: point.connectTo,
    agent: point.agent,
    proxy: point.proxy,
    trust: point.trust,
    headers: { 'accept-encoding': 'gzip, deflate, br', ...limits.headers, ...headers },
  });
}
