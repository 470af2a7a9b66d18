// Whether a response was served from a stored copy, and which element stored it. Each cache vendor is one
// small detector of the table below, reading its own headers: Cloudflare, X-Cache (Fastly, CloudFront,
// Akamai, Azure Front Door, Squid), Akamai's parent tier, nginx, Varnish, RFC 9211 Cache-Status, Age, Via.

import { hasHeader, headerValue, headerValues } from './headers.js';
import type { Header } from './types.js';

export interface CacheEvidence {
  hit: boolean;
  age?: number;
  element?: string;
  statements: string[];
}

/** What one detector reads in the headers: a statement, and who served a stored copy or only passed it on. */
interface CacheSignal {
  statement: string;
  /** The element that served its stored copy. */
  hitBy?: string;
  /** A stored copy was served, by an element the header does not name (Age > 0). */
  hit?: boolean;
  /** An element in the path that did not serve a stored copy. */
  seen?: string;
}

type CacheDetector = (headers: Header[]) => CacheSignal[];

/**
 * Statuses meaning the stored body was served, for Cloudflare's CF-Cache-Status and nginx's X-Cache-Status alike:
 * REVALIDATED also served the stored body (after a 304 from the origin).
 */
export const STORED_COPY: ReadonlySet<string> = new Set(['HIT', 'STALE', 'UPDATING', 'REVALIDATED']);

const FASTLY_HINTS = ['x-served-by', 'x-cache-hits', 'fastly-debug-digest', 'x-fastly-request-id', 'fastly-debug-path'];

/** One entry of X-Cache: its status word and, for Squid/Akamai/CloudFront forms, who wrote it. */
export interface XCacheEntry {
  raw: string;
  status: string;
  from?: string;
}

export function xCacheEntries(headers: Header[]): XCacheEntry[] {
  const out: XCacheEntry[] = [];
  for (const value of headerValues(headers, 'x-cache')) {
    for (const part of value.split(',')) {
      const raw = part.trim();
      if (raw === '') continue;
      const m = /^(\S+)(?:\s+from\s+(\S+))?/i.exec(raw);
      out.push({ raw, status: m?.[1] ?? raw, from: m?.[2] });
    }
  }
  return out;
}

/** Any X-Cache status naming a hit: HIT, Hit, RefreshHit, TCP_HIT, TCP_MEM_HIT, TCP_REFRESH_FAIL_HIT, TCP_REMOTE_HIT… */
export function isXCacheHit(status: string): boolean {
  return /hit/i.test(status) && !/miss/i.test(status);
}

/** The Cloudflare data centre, from the three letters that end CF-Ray. */
export function cfPop(headers: Header[]): string | undefined {
  const ray = headerValue(headers, 'cf-ray');
  const m = ray ? /-([A-Za-z]{3})$/.exec(ray.trim()) : null;
  return m ? m[1]!.toUpperCase() : undefined;
}

export function withDetail(vendor: string, detail: string | undefined): string {
  return detail ? `${vendor} (${detail})` : vendor;
}

/** Who wrote an X-Cache entry, judged from its form and the headers around it. */
export function xCacheVendor(e: XCacheEntry, headers: Header[]): string {
  if (/cloudfront/i.test(e.raw)) return withDetail('CloudFront', headerValue(headers, 'x-amz-cf-pop'));
  // Akamai and Azure both write TCP_* codes; only Front Door adds X-Azure-Ref.
  if (/^TCP_|_NOSTORE$|_NOCACHE$/i.test(e.status)) return hasHeader(headers, 'x-azure-ref') ? 'Azure Front Door' : 'Akamai';
  if (e.from) return `Squid (${e.from})`;
  if (FASTLY_HINTS.some((h) => hasHeader(headers, h))) return 'Fastly';
  return viaElement(headers) ?? 'a cache';
}

export interface ViaHop {
  protocol: string;
  by: string;
  comment?: string;
}

export function viaHops(headers: Header[]): ViaHop[] {
  const out: ViaHop[] = [];
  for (const value of headerValues(headers, 'via')) {
    // Commas inside a (comment) do not separate hops.
    for (const part of value.split(/,(?![^(]*\))/)) {
      const m = /^\s*(\S+)\s+(\S+)(?:\s+\((.*)\))?/.exec(part);
      if (m) out.push({ protocol: m[1]!, by: m[2]!, comment: m[3] });
    }
  }
  return out;
}

export function viaHopName(h: ViaHop): string {
  const c = h.comment ?? '';
  if (/cloudfront/i.test(c) || /\.cloudfront\.net$/i.test(h.by)) return 'CloudFront';
  if (/squid/i.test(c)) return `Squid (${h.by})`;
  if (/varnish/i.test(c) || /^varnish$/i.test(h.by)) return 'Varnish';
  if (/^azure$/i.test(h.by)) return 'Azure Front Door';
  return h.by;
}

/** The first proxy named in Via (the one nearest the origin), e.g. `1.1 varnish` → Varnish. */
function viaElement(headers: Header[]): string | undefined {
  const hop = viaHops(headers)[0];
  return hop ? viaHopName(hop) : undefined;
}

export interface CacheStatusEntry {
  cache: string;
  params: Map<string, string>;
}

const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1');

/** RFC 9211 Cache-Status: a list of `cache-name; param; param=value`, one member per cache, nearest the origin first. */
export function cacheStatusEntries(headers: Header[]): CacheStatusEntry[] {
  const out: CacheStatusEntry[] = [];
  for (const value of headerValues(headers, 'cache-status')) {
    for (const member of value.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
      const parts = member.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((p) => p.trim());
      const cache = unquote(parts[0] ?? '');
      if (cache === '') continue;
      const params = new Map<string, string>();
      for (const p of parts.slice(1)) {
        const eq = p.indexOf('=');
        if (eq < 0) params.set(p.toLowerCase(), '?1');
        else params.set(p.slice(0, eq).trim().toLowerCase(), unquote(p.slice(eq + 1).trim()));
      }
      out.push({ cache, params });
    }
  }
  return out;
}

function parseAge(headers: Header[]): number | undefined {
  const raw = headerValue(headers, 'age');
  if (raw === undefined || !/^\s*\d+\s*$/.test(raw)) return undefined;
  return Number(raw.trim());
}

const CF_WHY: Record<string, string> = {
  STALE: ' (stale: the origin could not be reached)',
  UPDATING: ' (stale, while refreshing it)',
  REVALIDATED: ' after revalidating it with the origin',
  DYNAMIC: ' (not eligible for caching)',
  BYPASS: ' (caching bypassed)',
};

const cloudflare: CacheDetector = (headers) => {
  const cf = headerValue(headers, 'cf-cache-status')?.trim();
  if (!cf) return [];
  const who = withDetail('Cloudflare', cfPop(headers));
  const status = cf.toUpperCase();
  const why = CF_WHY[status] ?? '';
  return STORED_COPY.has(status)
    ? [{ hitBy: who, statement: `CF-Cache-Status: ${cf} — ${who} served its stored copy${why}.` }]
    : [{ seen: who, statement: `CF-Cache-Status: ${cf} — ${who} did not serve a stored copy${why}.` }];
};

const xCache: CacheDetector = (headers) =>
  xCacheEntries(headers).map((e) => {
    const who = xCacheVendor(e, headers);
    if (!isXCacheHit(e.status)) return { seen: who, statement: `X-Cache: ${e.raw} — ${who} did not have a stored copy.` };
    const stale = /REFRESH_FAIL/i.test(e.status)
      ? ' (a stale copy: the origin could not be reached)'
      : /^RefreshHit$/i.test(e.status)
        ? ' after revalidating it with the origin'
        : '';
    return { hitBy: who, statement: `X-Cache: ${e.raw} — served from a cache (${who})${stale}; the origin did not send this body.` };
  });

const akamaiParent: CacheDetector = (headers) => {
  const remote = headerValue(headers, 'x-cache-remote');
  if (!remote || !isXCacheHit(/^(\S+)/.exec(remote.trim())?.[1] ?? remote)) return [];
  return [{ hitBy: 'Akamai', statement: `X-Cache-Remote: ${remote} — Akamai's parent tier served a stored copy.` }];
};

const nginx: CacheDetector = (headers) => {
  const status = headerValue(headers, 'x-cache-status')?.trim();
  if (!status) return [];
  return STORED_COPY.has(status.toUpperCase())
    ? [{ hitBy: 'nginx', statement: `X-Cache-Status: ${status} — served from a cache (nginx).` }]
    : [{ seen: 'nginx', statement: `X-Cache-Status: ${status} — the cache (nginx) did not serve a stored copy.` }];
};

const varnish: CacheDetector = (headers) => {
  const value = headerValue(headers, 'x-varnish')?.trim();
  if (!value) return [];
  const ids = value.split(/[\s,]+/).filter((s) => /^\d+$/.test(s));
  return ids.length >= 2
    ? [{ hitBy: 'Varnish', statement: `X-Varnish: ${value} — two transaction ids: Varnish served a stored copy.` }]
    : [{ seen: 'Varnish', statement: `X-Varnish: ${value} — one transaction id: Varnish fetched it from the origin.` }];
};

const cacheStatus: CacheDetector = (headers) =>
  cacheStatusEntries(headers).map((e) => {
    const h = e.params.get('hit');
    if (h !== undefined && h !== '?0')
      return { hitBy: e.cache, statement: `Cache-Status: ${e.cache} reports a hit — it served its stored copy.` };
    const fwd = e.params.get('fwd');
    return { seen: e.cache, statement: `Cache-Status: ${e.cache} forwarded the request to the origin${fwd ? ` (${fwd})` : ''}.` };
  });

const age: CacheDetector = (headers) => {
  const n = parseAge(headers);
  if (n === undefined) return [];
  return n > 0
    ? [{ hit: true, statement: `Age: ${n} — the object spent ${n} s in a cache; the origin did not generate this response.` }]
    : [{ statement: 'Age: 0 — a cache passed the response on without holding it.' }];
};

const via: CacheDetector = (headers) => {
  const element = viaElement(headers);
  return element ? [{ seen: element, statement: `Via: ${headerValue(headers, 'via')} — the response passed through ${element}.` }] : [];
};

/** The detectors, in the order their statements are given; the first element named wins. */
const CACHE_DETECTORS: readonly CacheDetector[] = [cloudflare, xCache, akamaiParent, nginx, varnish, cacheStatus, age, via];

/**
 * Whether the response was served from a stored copy, and which element stored it.
 * Hit: Age > 0, or any status meaning the stored copy was served (X-Cache HIT in any entry, CF-Cache-Status
 * HIT/STALE/UPDATING/REVALIDATED, X-Cache-Status the same, Cache-Status `hit`, two X-Varnish ids).
 */
export function cacheEvidence(headers: Header[]): CacheEvidence {
  const signals = CACHE_DETECTORS.flatMap((detect) => detect(headers));
  const hitBy = signals.find((s) => s.hitBy)?.hitBy;
  const hit = signals.some((s) => s.hitBy || s.hit);
  // The element that served the hit wins over one that only shows it is in the path.
  const element = hitBy ?? signals.find((s) => s.seen)?.seen;
  const statements = signals.map((s) => s.statement);
  if (statements.length === 0) statements.push('No header shows a cache or proxy (that proves little: HTTP/1.0 caches send no Age).');
  const out: CacheEvidence = { hit, statements };
  const ageSeconds = parseAge(headers);
  if (ageSeconds !== undefined) out.age = ageSeconds;
  if (element !== undefined) out.element = element;
  return out;
}
