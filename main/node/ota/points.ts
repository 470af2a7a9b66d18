// The points a sweep fetches from: each frontend reached directly (its own keep-alive agent, so a request
// meant for one frontend never rides another's socket) or read from its Running folder, and the public URL.
import http from 'node:http';
import https from 'node:https';
import type { Source } from '../../common/ota/types.js';
import type { FrontendInfo } from '../../common/ota/verdict.js';
import type { CancelGroup } from './cancel.js';
import { fetchPoint, type PointResult, type TrustOptions } from './fetch-point.js';
import type { ProxyChoice } from './proxy.js';

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
  // No TLS session reuse: a resumed session shows no certificate, and each connection's issuer is evidence.
  const makeAgent = (secure: boolean) =>
    new (secure ? https.Agent : http.Agent)({ keepAlive: true, maxSockets: opts.concurrency, ...(secure ? { maxCachedSessions: 0 } : {}) });
  const frontends: Point[] = opts.frontends.map((f) => {
    const trust: TrustOptions = { ca: opts.ca, insecure: opts.insecure, fingerprint: opts.trust?.[f.label] };
    if (f.kind === 'folder') return { source: `frontend:${f.label}`, folder: f.address, trust };
    const secure = (f.scheme ?? app.protocol) === 'https:';
    return {
      source: `frontend:${f.label}`,
      trust,
      agent: makeAgent(secure),
      connectTo: { host: f.host!, port: f.port ?? (Number(app.port) || (secure ? 443 : 80)) },
      // The frontend is asked for the public URL (Host and SNI kept); only the scheme may differ.
      origin: `${f.scheme ?? app.protocol}//${app.host}`,
    };
  });
  const pub: Point = {
    source: 'public',
    agent: opts.proxy ? undefined : makeAgent(app.protocol === 'https:'),
    origin: app.origin,
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
  timeoutMs: number;
  maxBytes: number;
  cancel: CancelGroup;
}

/**
 * One request to a point. Devices' HTTP stacks (OkHttp, NSURLSession) ask for compressed bodies and undo
 * the compression before hashing: so do we, keeping the wire bytes' hash as evidence.
 */
export function fetchVia(point: Point, pathAndQuery: string, limits: FetchLimits, headers?: Record<string, string>): Promise<PointResult> {
  return fetchPoint({
    url: `${point.origin}${pathAndQuery}`,
    connectTo: point.connectTo,
    agent: point.agent,
    proxy: point.proxy,
    trust: point.trust,
    headers: { 'accept-encoding': 'gzip, deflate, br', ...headers },
    ...limits,
  });
}
