// The headers that say something about a copy (cache, proxy, validators, length, encoding, affinity, server,
// digest), each with one plain sentence about its value, for the evidence panel and the HTML report.

import { affinityMeaning, affinityMember, cookiePairs, isAffinityCookie, setCookiePair } from './cookies.js';
import {
  STORED_COPY,
  cacheStatusEntries,
  cfPop,
  isXCacheHit,
  viaHopName,
  viaHops,
  withDetail,
  xCacheEntries,
  xCacheVendor,
} from './cache-detection.js';
import { displayName } from './headers.js';
import type { Header } from './types.js';

export interface TellingHeader {
  name: string;
  value: string;
  meaning: string;
  kind: 'cache' | 'proxy' | 'validator' | 'length' | 'encoding' | 'affinity' | 'server' | 'digest' | 'transform';
}

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
          STORED_COPY.has(v.toUpperCase()) ? `Served from a cache (nginx: ${v}).` : `The cache (nginx) did not serve a stored copy (${v}).`,
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
