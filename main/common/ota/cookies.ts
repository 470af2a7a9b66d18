// Cookies as evidence: load-balancer affinity cookies name a pool member, not a user, and an unencrypted
// F5 BIG-IP persistence cookie gives the member's address (my.f5.com K6917). Values are never shown otherwise.

import type { Header } from './types.js';

export interface Affinity {
  cookie: string;
  member?: string;
}

/** Load-balancer affinity cookies: their value names a pool member, not a user. */
export function isAffinityCookie(name: string): boolean {
  return /^(BIGipServer.*|ARRAffinity|ARRAffinitySameSite|AWSALB|AWSALBCORS|SERVERID|ROUTEID|NSC_.*)$/i.test(name);
}

export interface CookiePair {
  name: string;
  value: string;
  /** False for a nameless `Set-Cookie: value` (no '='). */
  named: boolean;
}

export function splitPair(text: string): CookiePair {
  const eq = text.indexOf('=');
  if (eq < 0) return { name: '', value: text.trim(), named: false };
  return { name: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim(), named: true };
}

/** The name=value part of one Set-Cookie line (attributes follow the first ';'). */
export function setCookiePair(line: string): CookiePair {
  const semi = line.indexOf(';');
  return splitPair(semi < 0 ? line : line.slice(0, semi));
}

export function cookiePairs(line: string): CookiePair[] {
  return line
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map(splitPair);
}

export function affinityMember(name: string, value: string): string | undefined {
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

function bigIpPool(name: string): string | undefined {
  const pool = name.replace(/^BIGipServer/i, '');
  return pool === '' ? undefined : pool;
}

export function affinityMeaning(a: Affinity, direction: 'set' | 'sent'): string {
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
