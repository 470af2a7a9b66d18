// Reading response headers as evidence: which cache or proxy answered, which pool member, and what to hide
// before a capture is shown or saved. Pure: the same code runs on headers fetched by us and read from a HAR.
// Sources for every header's meaning: /shared/domain/network-diagnosis.md §1.

import type { Header } from './types.js';

/** All values of one header, in order (names compared case-insensitively). */
export function headerValues(headers: Header[], name: string): string[] {
  const wanted = name.toLowerCase();
  const out: string[] = [];
  for (const [n, v] of headers) if (n.toLowerCase() === wanted) out.push(v);
  return out;
}

// Fields that are not comma lists (RFC 9110 §5.3): joining two of them would make a value nobody sent.
const SINGLETON = new Set([
  'set-cookie',
  'age',
  'date',
  'expires',
  'last-modified',
  'etag',
  'content-length',
  'content-type',
  'content-range',
  'location',
  'server',
  'host',
  'authorization',
  'proxy-authorization',
  'retry-after',
  'cf-ray',
  'cf-cache-status',
  'x-amz-cf-pop',
  'x-amz-cf-id',
  'x-azure-ref',
  'x-powered-by',
]);

/**
 * One header as a single value: the first for singleton fields (Set-Cookie, Date, ETag…), all repeats joined
 * with ', ' for list fields (Via, Cache-Control, X-Cache…). Cookie joins with '; ' as HTTP/2 asks (RFC 9113 §8.2.3).
 */
export function headerValue(headers: Header[], name: string): string | undefined {
  const values = headerValues(headers, name);
  if (values.length === 0) return undefined;
  const lower = name.toLowerCase();
  if (values.length === 1 || SINGLETON.has(lower)) return values[0];
  return values.join(lower === 'cookie' ? '; ' : ', ');
}

export interface TellingHeader {
  name: string;
  value: string;
  meaning: string;
  kind: 'cache' | 'proxy' | 'validator' | 'length' | 'encoding' | 'affinity' | 'server' | 'digest' | 'transform';
}

export interface CacheEvidence {
  hit: boolean;
  age?: number;
  element?: string;
  statements: string[];
}

export interface Affinity {
  cookie: string;
  member?: string;
}

export interface Redaction {
  headers: Header[];
  redacted: string[];
}

// ---------------------------------------------------------------------------------------------------------
// Names

const DISPLAY: Record<string, string> = {
  'cache-status': 'Cache-Status',
  'cf-cache-status': 'CF-Cache-Status',
  'cf-ray': 'CF-Ray',
  etag: 'ETag',
  'x-amz-cf-pop': 'X-Amz-Cf-Pop',
  'x-amz-cf-id': 'X-Amz-Cf-Id',
  'www-authenticate': 'WWW-Authenticate',
};

/** `x-cache-hits` → `X-Cache-Hits`, with the few vendor spellings kept. */
function displayName(name: string): string {
  const lower = name.toLowerCase();
  return DISPLAY[lower] ?? lower.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

// ---------------------------------------------------------------------------------------------------------
// Cookies

/** Load-balancer affinity cookies: their value names a pool member, not a user. */
export function isAffinityCookie(name: string): boolean {
  return /^(BIGipServer.*|ARRAffinity|ARRAffinitySameSite|AWSALB|AWSALBCORS|SERVERID|ROUTEID|NSC_.*)$/i.test(name);
}

interface CookiePair {
  name: string;
  value: string;
  /** False for a nameless `Set-Cookie: value` (no '='). */
  named: boolean;
}

function splitPair(text: string): CookiePair {
  const eq = text.indexOf('=');
  if (eq < 0) return { name: '', value: text.trim(), named: false };
  return { name: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim(), named: true };
}

/** The name=value part of one Set-Cookie line (attributes follow the first ';'). */
function setCookiePair(line: string): CookiePair {
  const semi = line.indexOf(';');
  return splitPair(semi < 0 ? line : line.slice(0, semi));
}

function cookiePairs(line: string): CookiePair[] {
  return line
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map(splitPair);
}

function affinityMember(name: string, value: string): string | undefined {
  return /^BIGipServer/i.test(name) ? decodeBigIpCookie(value) : undefined;
}

/** Affinity cookies set by the response (Set-Cookie) or sent by the client (Cookie): names, and the member when it can be decoded. */
export function affinityCookies(headers: Header[]): Affinity[] {
  const out: Affinity[] = [];
  const seen = new Set<string>();
  const add = (p: CookiePair) => {
    if (!p.named || !isAffinityCookie(p.name)) return;
    const member = affinityMember(p.name, p.value);
    const key = `${p.name}\u0000${member ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(member === undefined ? { cookie: p.name } : { cookie: p.name, member });
  };
  for (const [n, v] of headers) {
    const name = n.toLowerCase();
    if (name === 'set-cookie') add(setCookiePair(v));
    else if (name === 'cookie') for (const p of cookiePairs(v)) add(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// F5 BIG-IP persistence cookie (my.f5.com K6917)

/** Port as BIG-IP writes it: the 16-bit value with its two bytes swapped. */
function swappedPort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  if (n > 0xffff) return undefined;
  return ((n & 0xff) << 8) | (n >> 8);
}

/** 32 hex digits → RFC 5952 text: lower case, no leading zeros, the longest run (≥ 2) of zero groups as '::'. */
function ipv6Text(hex: string): string {
  const groups: number[] = [];
  for (let i = 0; i < 32; i += 4) groups.push(parseInt(hex.slice(i, i + 4), 16));
  // ::ffff:a.b.c.d — RFC 5952 §5 keeps the IPv4 dotted form for mapped addresses.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${ipv4FromHex(hex.slice(24))}`;
  }
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const text = groups.map((g) => g.toString(16));
  if (bestLen < 2) return text.join(':');
  const head = text.slice(0, bestStart).join(':');
  const tail = text.slice(bestStart + bestLen).join(':');
  return `${head}::${tail}`;
}

function ipv4FromHex(hex8: string): string {
  const parts: number[] = [];
  for (let i = 0; i < 8; i += 2) parts.push(parseInt(hex8.slice(i, i + 2), 16));
  return parts.join('.');
}

/** An address in BIG-IP's 32-hex form: IPv4-mapped ones read as plain IPv4. */
function addressFromHex(hex: string): { text: string; v6: boolean } {
  if (/^0{20}ffff/i.test(hex)) return { text: ipv4FromHex(hex.slice(24)), v6: false };
  return { text: ipv6Text(hex.toLowerCase()), v6: true };
}

/**
 * Decodes an unencrypted BIG-IP persistence cookie to the pool member it pins:
 * `1677787402.20480.0000` → `10.1.1.100:80`; `rd5o00000000000000000000ffffc0000201o80` → `192.0.2.1:80 (route domain 5)`;
 * `vi20010112000000000000000000000030.20480` → `[2001:112::30]:80`. Encrypted (`!…`) or unknown → undefined.
 */
export function decodeBigIpCookie(value: string): string | undefined {
  const v = value.trim();
  // IPv4 pool member: the address as a little-endian 32-bit integer, then the swapped port, then "0000".
  let m = /^(\d{1,10})\.(\d{1,5})\.0000$/.exec(v);
  if (m) {
    const n = Number(m[1]);
    const port = swappedPort(m[2]!);
    if (n > 0xffffffff || port === undefined) return undefined;
    const ip = [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24].join('.');
    return `${ip}:${port}`;
  }
  // Non-default route domain: rd<id>o<address as 32 hex>o<port in plain decimal>.
  m = /^rd(\d{1,5})o([0-9a-f]{32})o(\d{1,5})$/i.exec(v);
  if (m) {
    const port = Number(m[3]);
    if (port > 0xffff) return undefined;
    const addr = addressFromHex(m[2]!);
    return `${addr.v6 ? `[${addr.text}]` : addr.text}:${port} (route domain ${Number(m[1])})`;
  }
  // IPv6 pool member in the default route domain: vi<address as 32 hex>.<swapped port>.
  m = /^vi([0-9a-f]{32})\.(\d{1,5})$/i.exec(v);
  if (m) {
    const port = swappedPort(m[2]!);
    if (port === undefined) return undefined;
    const addr = addressFromHex(m[1]!);
    return `${addr.v6 ? `[${addr.text}]` : addr.text}:${port}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Cache status

const FASTLY_HINTS = ['x-served-by', 'x-cache-hits', 'fastly-debug-digest', 'x-fastly-request-id', 'fastly-debug-path'];

/** One entry of X-Cache: its status word and, for Squid/Akamai/CloudFront forms, who wrote it. */
interface XCacheEntry {
  raw: string;
  status: string;
  from?: string;
}

function xCacheEntries(headers: Header[]): XCacheEntry[] {
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
function isXCacheHit(status: string): boolean {
  return /hit/i.test(status) && !/miss/i.test(status);
}

function cfPop(headers: Header[]): string | undefined {
  const ray = headerValue(headers, 'cf-ray');
  const m = ray ? /-([A-Za-z]{3})$/.exec(ray.trim()) : null;
  return m ? m[1]!.toUpperCase() : undefined;
}

function withDetail(vendor: string, detail: string | undefined): string {
  return detail ? `${vendor} (${detail})` : vendor;
}

function has(headers: Header[], name: string): boolean {
  return headerValues(headers, name).length > 0;
}

/** Who wrote an X-Cache entry, judged from its form and the headers around it. */
function xCacheVendor(e: XCacheEntry, headers: Header[]): string {
  if (/cloudfront/i.test(e.raw)) return withDetail('CloudFront', headerValue(headers, 'x-amz-cf-pop'));
  // Akamai and Azure both write TCP_* codes; only Front Door adds X-Azure-Ref.
  if (/^TCP_|_NOSTORE$|_NOCACHE$/i.test(e.status)) return has(headers, 'x-azure-ref') ? 'Azure Front Door' : 'Akamai';
  if (e.from) return `Squid (${e.from})`;
  if (FASTLY_HINTS.some((h) => has(headers, h))) return 'Fastly';
  const via = viaElement(headers);
  return via ?? 'a cache';
}

interface ViaHop {
  protocol: string;
  by: string;
  comment?: string;
}

function viaHops(headers: Header[]): ViaHop[] {
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

function viaHopName(h: ViaHop): string {
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

interface CacheStatusEntry {
  cache: string;
  params: Map<string, string>;
}

/** RFC 9211 Cache-Status: a list of `cache-name; param; param=value`, one member per cache, nearest the origin first. */
function cacheStatusEntries(headers: Header[]): CacheStatusEntry[] {
  const out: CacheStatusEntry[] = [];
  for (const value of headerValues(headers, 'cache-status')) {
    for (const member of value.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
      const parts = member.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((p) => p.trim());
      const cache = (parts[0] ?? '').replace(/^"(.*)"$/, '$1');
      if (cache === '') continue;
      const params = new Map<string, string>();
      for (const p of parts.slice(1)) {
        const eq = p.indexOf('=');
        if (eq < 0) params.set(p.toLowerCase(), '?1');
        else
          params.set(
            p.slice(0, eq).trim().toLowerCase(),
            p
              .slice(eq + 1)
              .trim()
              .replace(/^"(.*)"$/, '$1'),
          );
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

const CF_HIT = new Set(['HIT', 'STALE', 'UPDATING', 'REVALIDATED']);
// nginx's REVALIDATED also served the stored body (after a 304 from the origin).
const NGINX_HIT = new Set(['HIT', 'STALE', 'UPDATING', 'REVALIDATED']);

/**
 * Whether the response was served from a stored copy, and which element stored it.
 * Hit: Age > 0, or any status meaning the stored copy was served (X-Cache HIT in any entry, CF-Cache-Status
 * HIT/STALE/UPDATING/REVALIDATED, X-Cache-Status HIT/STALE/UPDATING, Cache-Status `hit`, two X-Varnish ids).
 */
export function cacheEvidence(headers: Header[]): CacheEvidence {
  const statements: string[] = [];
  let hit = false;
  let element: string | undefined;
  // The element that served the hit wins over one that only shows it is in the path.
  let seenElement: string | undefined;
  const hitBy = (who: string) => {
    hit = true;
    element ??= who;
  };
  const seen = (who: string) => {
    seenElement ??= who;
  };

  const cf = headerValue(headers, 'cf-cache-status')?.trim();
  if (cf) {
    const who = withDetail('Cloudflare', cfPop(headers));
    const status = cf.toUpperCase();
    if (CF_HIT.has(status)) {
      hitBy(who);
      statements.push(
        `CF-Cache-Status: ${cf} — ${who} served its stored copy${status === 'STALE' ? ' (stale: the origin could not be reached)' : status === 'UPDATING' ? ' (stale, while refreshing it)' : status === 'REVALIDATED' ? ' after revalidating it with the origin' : ''}.`,
      );
    } else {
      seen(who);
      statements.push(
        `CF-Cache-Status: ${cf} — ${who} did not serve a stored copy${status === 'DYNAMIC' ? ' (not eligible for caching)' : status === 'BYPASS' ? ' (caching bypassed)' : ''}.`,
      );
    }
  }

  for (const e of xCacheEntries(headers)) {
    const who = xCacheVendor(e, headers);
    if (isXCacheHit(e.status)) {
      hitBy(who);
      const stale = /REFRESH_FAIL/i.test(e.status)
        ? ' (a stale copy: the origin could not be reached)'
        : /^RefreshHit$/i.test(e.status)
          ? ' after revalidating it with the origin'
          : '';
      statements.push(`X-Cache: ${e.raw} — served from a cache (${who})${stale}; the origin did not send this body.`);
    } else {
      seen(who);
      statements.push(`X-Cache: ${e.raw} — ${who} did not have a stored copy.`);
    }
  }

  const remote = headerValue(headers, 'x-cache-remote');
  if (remote) {
    const status = /^(\S+)/.exec(remote.trim())?.[1] ?? remote;
    if (isXCacheHit(status)) {
      hitBy('Akamai');
      statements.push(`X-Cache-Remote: ${remote} — Akamai's parent tier served a stored copy.`);
    }
  }

  const nginx = headerValue(headers, 'x-cache-status')?.trim();
  if (nginx) {
    if (NGINX_HIT.has(nginx.toUpperCase())) {
      hitBy('nginx');
      statements.push(`X-Cache-Status: ${nginx} — served from a cache (nginx).`);
    } else {
      seen('nginx');
      statements.push(`X-Cache-Status: ${nginx} — the cache (nginx) did not serve a stored copy.`);
    }
  }

  const varnish = headerValue(headers, 'x-varnish')?.trim();
  if (varnish) {
    const ids = varnish.split(/[\s,]+/).filter((s) => /^\d+$/.test(s));
    if (ids.length >= 2) {
      hitBy('Varnish');
      statements.push(`X-Varnish: ${varnish} — two transaction ids: Varnish served a stored copy.`);
    } else {
      seen('Varnish');
      statements.push(`X-Varnish: ${varnish} — one transaction id: Varnish fetched it from the origin.`);
    }
  }

  for (const e of cacheStatusEntries(headers)) {
    const h = e.params.get('hit');
    if (h !== undefined && h !== '?0') {
      hitBy(e.cache);
      statements.push(`Cache-Status: ${e.cache} reports a hit — it served its stored copy.`);
    } else {
      seen(e.cache);
      const fwd = e.params.get('fwd');
      statements.push(`Cache-Status: ${e.cache} forwarded the request to the origin${fwd ? ` (${fwd})` : ''}.`);
    }
  }

  const age = parseAge(headers);
  if (age !== undefined) {
    if (age > 0) {
      hit = true;
      statements.push(`Age: ${age} — the object spent ${age} s in a cache; the origin did not generate this response.`);
    } else {
      statements.push('Age: 0 — a cache passed the response on without holding it.');
    }
  }

  const via = viaElement(headers);
  if (via) {
    seen(via);
    statements.push(`Via: ${headerValue(headers, 'via')} — the response passed through ${via}.`);
  }
  if (hit) element ??= seenElement;
  else element = seenElement;

  if (statements.length === 0) {
    statements.push('No header shows a cache or proxy (that proves little: HTTP/1.0 caches send no Age).');
  }
  const out: CacheEvidence = { hit, statements };
  if (age !== undefined) out.age = age;
  if (element !== undefined) out.element = element;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Telling headers

function cacheControlMeaning(value: string): string {
  const parts: string[] = [];
  const d = new Map<string, string>();
  for (const raw of value.split(',')) {
    const [k, v] = raw.trim().split('=', 2) as [string, string | undefined];
    if (k) d.set(k.toLowerCase(), (v ?? '').replace(/^"(.*)"$/, '$1'));
  }
  if (d.has('no-store')) parts.push('no cache may store it');
  if (d.has('private')) parts.push('only the browser may store it, not a shared cache');
  if (d.has('no-cache')) parts.push('a cache must revalidate it before every use');
  const sMax = d.get('s-maxage');
  const max = d.get('max-age');
  if (sMax !== undefined) parts.push(`shared caches may serve it for ${sMax} s`);
  if (max !== undefined) parts.push(`it stays fresh for ${max} s`);
  if (d.has('immutable')) parts.push('browsers need not revalidate it while fresh');
  if (d.has('no-transform')) parts.push('proxies must not alter the body');
  if (d.has('public')) parts.push('shared caches may store it');
  if (parts.length === 0) return 'Caching directives from the server.';
  const s = parts.join('; ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function xCacheMeaning(value: string, headers: Header[]): string {
  const entries = xCacheEntries([['x-cache', value]]);
  const sentences = entries.map((e) => {
    const who = xCacheVendor(e, headers);
    return isXCacheHit(e.status)
      ? `Served from a cache (${who}: ${e.status}) — the origin was not contacted`
      : `${who} had no stored copy (${e.status})`;
  });
  return sentences.length > 0 ? `${sentences.join('; ')}.` : 'Cache status reported by a cache.';
}

function bigIpPool(name: string): string | undefined {
  const pool = name.replace(/^BIGipServer/i, '');
  return pool === '' ? undefined : pool;
}

function affinityMeaning(a: Affinity, direction: 'set' | 'sent'): string {
  const repeat = direction === 'set' ? 'Repeat requests will go' : 'The client asked to go';
  if (/^BIGipServer/i.test(a.cookie)) {
    const pool = bigIpPool(a.cookie);
    const inPool = pool ? ` (pool ${pool})` : '';
    if (!a.member) return `F5 BIG-IP persistence cookie${pool ? ` for pool ${pool}` : ''}; the member is encrypted or in an unknown form.`;
    return direction === 'set'
      ? `F5 BIG-IP pins this client to pool member ${a.member}${inPool}.`
      : `The client asked F5 BIG-IP for pool member ${a.member}${inPool}.`;
  }
  if (/^ARRAffinity/i.test(a.cookie)) return `IIS ARR / Azure App Service affinity: ${repeat.toLowerCase()} to the same instance.`;
  if (/^AWSALB/i.test(a.cookie)) return `AWS Application Load Balancer stickiness: ${repeat.toLowerCase()} to the same target.`;
  if (/^NSC_/i.test(a.cookie)) return `Citrix NetScaler persistence: ${repeat.toLowerCase()} to the same service.`;
  return `Load-balancer affinity cookie: ${repeat.toLowerCase()} to the same server.`;
}

/**
 * The headers that say something about caching, proxies, validators, length, encoding, affinity, the server
 * or a digest, each with one plain sentence about its value. Cookie values are never shown, only names and
 * a decoded BIG-IP member.
 */
export function tellingHeaders(headers: Header[]): TellingHeader[] {
  const out: TellingHeader[] = [];
  const push = (name: string, value: string, kind: TellingHeader['kind'], meaning: string) => {
    out.push({ name: displayName(name), value, meaning, kind });
  };
  for (const [rawName, value] of headers) {
    const name = rawName.toLowerCase();
    const v = value.trim();
    switch (name) {
      case 'age': {
        const n = /^\d+$/.test(v) ? Number(v) : undefined;
        push(
          name,
          value,
          'cache',
          n === undefined
            ? 'An Age that is not a number of seconds.'
            : n === 0
              ? 'A cache passed the response on without holding it (0 s).'
              : `The object spent ${n} s in a cache — the origin did not generate this response.`,
        );
        break;
      }
      case 'via': {
        const hops = viaHops([['via', value]]).map(viaHopName);
        push(name, value, 'proxy', hops.length > 0 ? `Passed through ${hops.join(', then ')}.` : 'Passed through a proxy.');
        break;
      }
      case 'x-cache':
        push(name, value, 'cache', xCacheMeaning(value, headers));
        break;
      case 'x-cache-hits':
        push(
          name,
          value,
          'cache',
          /[1-9]/.test(v)
            ? `Per-node hit counts (Fastly): this copy has been served from cache before (${v}).`
            : `Per-node hit counts (Fastly): no hits yet (${v}).`,
        );
        break;
      case 'x-served-by':
        push(name, value, 'cache', `The cache node${v.includes(',') ? 's' : ''} that handled the request: ${v}.`);
        break;
      case 'cache-status': {
        const parts = cacheStatusEntries([['cache-status', value]]).map((e) => {
          const h = e.params.get('hit');
          const fwd = e.params.get('fwd');
          return h !== undefined && h !== '?0'
            ? `${e.cache} served a stored copy`
            : `${e.cache} forwarded to the origin${fwd ? ` (${fwd})` : ''}`;
        });
        push(name, value, 'cache', parts.length > 0 ? `${parts.join('; ')}.` : 'Cache status (RFC 9211).');
        break;
      }
      case 'cf-cache-status': {
        const who = withDetail('Cloudflare', cfPop(headers));
        const s = v.toUpperCase();
        const m: Record<string, string> = {
          HIT: `Served from a cache (${who}: HIT) — the origin was not contacted.`,
          STALE: `${who} served a stale stored copy because the origin could not be reached.`,
          UPDATING: `${who} served a stale stored copy while refreshing it.`,
          REVALIDATED: `${who} served its stored copy after the origin confirmed it was still valid.`,
          MISS: `${who} had no stored copy and fetched it from the origin.`,
          EXPIRED: `${who}'s stored copy had expired, so it fetched a new one from the origin.`,
          BYPASS: `${who} was told not to cache this response and fetched it from the origin.`,
          DYNAMIC: `${who} does not consider this resource cacheable; it came from the origin.`,
        };
        push(name, value, 'cache', m[s] ?? `${who} cache status ${v}.`);
        break;
      }
      case 'cf-ray': {
        const pop = cfPop([['cf-ray', value]]);
        push(name, value, 'proxy', pop ? `Handled by Cloudflare in data centre ${pop}.` : 'Handled by Cloudflare.');
        break;
      }
      case 'x-amz-cf-pop':
        push(name, value, 'proxy', `Handled by CloudFront edge ${v}; CloudFront caches per edge, so another edge may hold another copy.`);
        break;
      case 'x-amz-cf-id':
        push(name, value, 'proxy', 'CloudFront request id: AWS support can trace this request with it.');
        break;
      case 'x-azure-ref':
        push(name, value, 'proxy', 'Azure Front Door request reference: it finds this request in the Front Door logs.');
        break;
      case 'x-varnish': {
        const ids = v.split(/[\s,]+/).filter((s) => /^\d+$/.test(s));
        push(
          name,
          value,
          'cache',
          ids.length >= 2
            ? 'Two transaction ids: Varnish served a stored copy.'
            : 'One transaction id: Varnish fetched it from the origin.',
        );
        break;
      }
      case 'x-cache-status':
        push(
          name,
          value,
          'cache',
          NGINX_HIT.has(v.toUpperCase()) ? `Served from a cache (nginx: ${v}).` : `The cache (nginx) did not serve a stored copy (${v}).`,
        );
        break;
      case 'x-cache-lookup':
        push(
          name,
          value,
          'cache',
          /hit/i.test(v)
            ? `A proxy cache (Squid) held a copy when it looked (${v}).`
            : `A proxy cache (Squid) held no copy when it looked (${v}).`,
        );
        break;
      case 'x-cache-remote':
        push(
          name,
          value,
          'cache',
          isXCacheHit(/^(\S+)/.exec(v)?.[1] ?? v)
            ? `Akamai's parent tier served a stored copy (${v}).`
            : `Akamai's parent tier had no stored copy (${v}).`,
        );
        break;
      case 'x-true-cache-key':
        push(
          name,
          value,
          'cache',
          /\?/.test(v)
            ? 'Akamai cache key — it includes the query string.'
            : 'Akamai cache key — it shows no query string, so every ?HASH may share one stored copy.',
        );
        break;
      case 'x-akamai-transformed':
        push(
          name,
          value,
          'transform',
          /^0 - 0\b/.test(v) ? 'Akamai passed the body through unchanged.' : 'Akamai transformed the body at the edge.',
        );
        break;
      case 'etag':
        push(
          name,
          value,
          'validator',
          `Version tag of this copy (${v}); on IIS it differs between servers even for the same bytes${/W\//.test(v) ? '; weak' : ''}.`,
        );
        break;
      case 'last-modified':
        push(name, value, 'validator', `The server says this copy was last changed ${v}.`);
        break;
      case 'date':
        push(name, value, 'validator', `The response was generated (or last validated) at ${v}.`);
        break;
      case 'expires':
        push(name, value, 'cache', `Caches may reuse it until ${v}.`);
        break;
      case 'content-length':
        push(name, value, 'length', `The body should be ${v} bytes as sent (after Content-Encoding).`);
        break;
      case 'content-range':
        push(name, value, 'length', `Only part of the file was sent (${v}).`);
        break;
      case 'transfer-encoding':
        push(
          name,
          value,
          'length',
          /chunked/i.test(v) ? 'Sent in chunks: there is no Content-Length to check the body against.' : `Transfer coding ${v}.`,
        );
        break;
      case 'content-encoding':
        push(
          name,
          value,
          'encoding',
          /^identity$/i.test(v)
            ? 'The body was sent uncompressed.'
            : `The body was compressed with ${v}; wire bytes differ from the file's bytes.`,
        );
        break;
      case 'content-type':
        push(
          name,
          value,
          'encoding',
          /text\/html/i.test(v)
            ? 'An HTML page — for a script or asset this is often an error or block page.'
            : `The body is declared as ${v}.`,
        );
        break;
      case 'cache-control':
        push(name, value, 'cache', cacheControlMeaning(v));
        break;
      case 'vary':
        push(name, value, 'cache', `Caches keep a separate copy per ${v}; one copy can be stale while another is fresh.`);
        break;
      case 'server':
        push(name, value, 'server', `Answered by ${v}.`);
        break;
      case 'x-powered-by':
        push(name, value, 'server', `The server runs ${v}.`);
        break;
      case 'content-digest':
        push(name, value, 'digest', 'A digest of the bytes as sent (with Content-Encoding): check it against the received bytes.');
        break;
      case 'repr-digest':
        push(name, value, 'digest', 'A digest of the file itself (before Content-Encoding): check it against the decoded bytes.');
        break;
      case 'set-cookie': {
        const p = setCookiePair(value);
        if (!p.named || !isAffinityCookie(p.name)) break;
        const member = affinityMember(p.name, p.value);
        push(
          name,
          member ? `${p.name} (member ${member})` : p.name,
          'affinity',
          affinityMeaning(member ? { cookie: p.name, member } : { cookie: p.name }, 'set'),
        );
        break;
      }
      case 'cookie':
        for (const p of cookiePairs(value)) {
          if (!p.named || !isAffinityCookie(p.name)) continue;
          const member = affinityMember(p.name, p.value);
          push(
            name,
            member ? `${p.name} (member ${member})` : p.name,
            'affinity',
            affinityMeaning(member ? { cookie: p.name, member } : { cookie: p.name }, 'sent'),
          );
        }
        break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Redaction

const REDACTED = '<redacted>';
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'x-auth-token']);

function redactedCookieValue(name: string, value: string): string {
  const member = isAffinityCookie(name) ? affinityMember(name, value) : undefined;
  return member ? `<redacted; member ${member}>` : REDACTED;
}

/**
 * Hides credentials and session values. Cookie / Set-Cookie keep cookie names and attributes; values become
 * `<redacted>` (a BIG-IP cookie keeps its decoded member). Authorization, Proxy-Authorization, X-Api-Key,
 * X-Auth-Token and any header named like a token or secret become `<redacted>`. Nothing else changes.
 */
export function redactHeaders(headers: Header[]): Redaction {
  const cookieNames = new Map<string, string[]>(); // 'Set-Cookie' / 'Cookie' → names, in order, once each
  const others: string[] = [];
  const noteCookie = (label: string, name: string) => {
    const list = cookieNames.get(label) ?? [];
    if (!list.includes(name)) list.push(name);
    cookieNames.set(label, list);
  };
  const out: Header[] = headers.map(([name, value]): Header => {
    const lower = name.toLowerCase();
    if (lower === 'set-cookie') {
      const semi = value.indexOf(';');
      const pairText = semi < 0 ? value : value.slice(0, semi);
      const attrs = semi < 0 ? '' : value.slice(semi);
      const p = splitPair(pairText);
      if (p.value === '') return [name, value];
      noteCookie('Set-Cookie', p.named ? p.name : '(no name)');
      const replaced = p.named ? `${p.name}=${redactedCookieValue(p.name, p.value)}` : REDACTED;
      return [name, replaced + attrs];
    }
    if (lower === 'cookie') {
      let changed = false;
      const parts = cookiePairs(value).map((p) => {
        if (p.value === '') return p.named ? `${p.name}=` : '';
        changed = true;
        noteCookie('Cookie', p.named ? p.name : '(no name)');
        return p.named ? `${p.name}=${redactedCookieValue(p.name, p.value)}` : REDACTED;
      });
      return changed ? [name, parts.join('; ')] : [name, value];
    }
    if (SECRET_HEADERS.has(lower) || /token|secret/.test(lower)) {
      if (value === '') return [name, value];
      const label = `${displayName(name)} header`;
      if (!others.includes(label)) others.push(label);
      return [name, REDACTED];
    }
    return [name, value];
  });
  const redacted: string[] = [];
  for (const [label, names] of cookieNames) redacted.push(`cookie values (${label}: ${names.join(', ')})`);
  redacted.push(...others);
  return { headers: out, redacted };
}

const SECRET_PARAMS = new Set([
  'token',
  'access_token',
  'id_token',
  'code',
  'key',
  'apikey',
  'api_key',
  'sig',
  'signature',
  'password',
  'pwd',
  'secret',
  'session',
  'sid',
  'auth',
  'jwt',
]);

function isSecretParam(rawName: string): boolean {
  let name = rawName;
  try {
    name = decodeURIComponent(rawName.replace(/\+/g, ' '));
  } catch {
    // A malformed escape: judge the raw text.
  }
  const n = name.trim().toLowerCase();
  // _token covers refresh_token, csrf_token…; the other suffixes catch client_secret and X-Amz-Signature.
  return SECRET_PARAMS.has(n) || /[_-](token|secret|signature|password)$/.test(n);
}

/** Redacts `k=v` pairs with secret-looking names in a '&'-separated list; bare items (no '=') stay as they are. */
function redactPairs(list: string, label: string, redacted: string[]): string {
  return list
    .split('&')
    .map((item) => {
      const eq = item.indexOf('=');
      if (eq < 0) return item; // An OutSystems ?HASH is a bare query: it is the content hash, not a secret.
      const name = item.slice(0, eq);
      if (item.slice(eq + 1) === '' || !isSecretParam(name)) return item;
      const entry = `${label} ${name}`;
      if (!redacted.includes(entry)) redacted.push(entry);
      return `${name}=${REDACTED}`;
    })
    .join('&');
}

/**
 * Redacts credentials in a URL: `user:pass@` and query (and fragment) parameters whose names look secret.
 * Works on the text itself, so '+', escapes and parameter order stay exactly as captured.
 */
export function redactUrl(url: string): { url: string; redacted: string[] } {
  const redacted: string[] = [];
  let rest = url;
  let fragment = '';
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    fragment = rest.slice(hash);
    rest = rest.slice(0, hash);
  }
  let query = '';
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q);
    rest = rest.slice(0, q);
  }
  const auth = /^([a-z][a-z0-9+.-]*:\/\/)([^/]*)@/i.exec(rest);
  if (auth) {
    rest = `${auth[1]}${REDACTED}@${rest.slice(auth[0].length)}`;
    redacted.push('user name and password in the URL');
  }
  if (query.length > 1) query = `?${redactPairs(query.slice(1), 'query parameter', redacted)}`;
  if (fragment.length > 1 && fragment.includes('=')) fragment = `#${redactPairs(fragment.slice(1), 'fragment parameter', redacted)}`;
  return { url: rest + query + fragment, redacted };
}
