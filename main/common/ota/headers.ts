// Reading response headers: the values of one header as HTTP defines them (RFC 9110 §5.3), and header names
// as people write them. The evidence built on them lives beside: cookies.ts (affinity, BIG-IP),
// cache-detection.ts (who served a stored copy), telling-headers.ts (what each header says), redaction.ts.

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

/** Whether a header is present at all. */
export function hasHeader(headers: Header[], name: string): boolean {
  return headerValues(headers, name).length > 0;
}

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
export function displayName(name: string): string {
  const lower = name.toLowerCase();
  return DISPLAY[lower] ?? lower.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}
