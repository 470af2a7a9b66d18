// Hiding credentials and session values before a capture is shown or saved: cookie values, Authorization and
// secret-looking headers, user info and secret query parameters. Cookie names and a decoded BIG-IP member stay.

import { cookiePairs, affinityMember, isAffinityCookie, splitPair } from './cookies.js';
import { displayName } from './headers.js';
import type { Header } from './types.js';

export interface Redaction {
  headers: Header[];
  redacted: string[];
}

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
