// Frontends suggested to the OTA form: the pool members that BIG-IP affinity cookies already seen name, and
// (from main/node/ota/suggest-frontends.ts) the public host's DNS addresses, each with where it came from.
// Nothing is added to a check by itself: the form lists these and the agent picks.
import { affinityCookies } from './cookies.js';
import type { OtaReport } from './report.js';
import type { FetchRecord } from './types.js';
import { sourceName } from './sources.js';

/** One Set-Cookie or Cookie header seen on the way (raw, or as a report keeps it: redacted with the member). */
export interface CookieSighting {
  /** Where it was seen, in words: "the public URL (sample 2)". */
  where: string;
  header: 'set-cookie' | 'cookie';
  value: string;
}

export type SuggestionOrigin =
  { kind: 'dns'; family: 4 | 6; host: string } | { kind: 'affinity-cookie'; cookie: string; where: string; routeDomain?: number };

export interface FrontendSuggestion {
  /** As the form's address field takes it: `10.0.0.13`, `http://10.0.0.13:80`, `[fd00::3]`. */
  address: string;
  origins: SuggestionOrigin[];
}

/** What the suggestion service answers. */
export interface SuggestResult {
  host: string;
  suggestions: FrontendSuggestion[];
  /** Why a source gave nothing (no such host, the deadline passed…). */
  problems: string[];
}

/** At most this many sightings are read (a 2,000-resource report repeats the same few cookies). */
export const MAX_SIGHTINGS = 200;

/** The cookie headers a report holds, once each, with the point they were seen at. */
export function cookieSightings(report: Pick<OtaReport, 'resources' | 'moduleinfo'>): CookieSighting[] {
  const out: CookieSighting[] = [];
  const seen = new Set<string>();
  const take = (fetch: FetchRecord | undefined, where: string) => {
    for (const [name, value] of [...(fetch?.headers ?? []), ...(fetch?.requestHeaders ?? [])]) {
      const header = name.toLowerCase();
      if ((header !== 'set-cookie' && header !== 'cookie') || out.length >= MAX_SIGHTINGS) continue;
      const key = `${header}\u0000${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ where, header, value });
    }
  };
  for (const c of report.moduleinfo) take(c.fetch, `moduleinfo from ${sourceName(c)}`);
  for (const r of report.resources) for (const o of r.observations) take(o.fetch, sourceName(o));
  return out;
}

// How a report keeps a BIG-IP cookie (redactHeaders in headers.ts): `BIGipServerpool=<redacted; member 10.0.0.13:80>`.
const REDACTED_MEMBER = /(BIGipServer[^=;\s]*)=<redacted; member ([^>]+)>/gi;

/** "10.0.0.13:80 (route domain 5)" → host, port and route domain. */
function splitMember(member: string): { host: string; port?: number; routeDomain?: number } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})(?: \(route domain (\d+)\))?$/i.exec(member.trim());
  if (!m) return undefined;
  return { host: m[1]!, port: Number(m[2]), ...(m[3] !== undefined ? { routeDomain: Number(m[3]) } : {}) };
}

/**
 * The form's address for a pool member: the balancer talks plain HTTP to port 80 and TLS to 443, so those get
 * their scheme; any other port keeps the public URL's.
 */
function memberAddress(host: string, port: number | undefined): string {
  if (port === 80) return `http://${host}:80`;
  if (port === 443) return `https://${host}:443`;
  return port === undefined ? host : `${host}:${port}`;
}

/** The pool members the BIG-IP cookies name, once per address, with every cookie and point that named it. */
export function membersFromCookies(sightings: readonly CookieSighting[]): FrontendSuggestion[] {
  const found: Array<{ cookie: string; member: string; where: string }> = [];
  for (const s of sightings) {
    for (const a of affinityCookies([[s.header, s.value]]))
      if (a.member) found.push({ cookie: a.cookie, member: a.member, where: s.where });
    for (const m of s.value.matchAll(REDACTED_MEMBER)) found.push({ cookie: m[1]!, member: m[2]!, where: s.where });
  }
  const byAddress = new Map<string, FrontendSuggestion>();
  for (const f of found) {
    const member = splitMember(f.member);
    if (!member) continue;
    const address = memberAddress(member.host, member.port);
    const origin: SuggestionOrigin = {
      kind: 'affinity-cookie',
      cookie: f.cookie,
      where: f.where,
      ...(member.routeDomain !== undefined ? { routeDomain: member.routeDomain } : {}),
    };
    const s = byAddress.get(address) ?? { address, origins: [] };
    if (!s.origins.some((o) => o.kind === 'affinity-cookie' && o.cookie === f.cookie)) s.origins.push(origin);
    byAddress.set(address, s);
  }
  return [...byAddress.values()];
}

/** Where a suggestion came from, in one sentence for the form. */
export function originText(o: SuggestionOrigin): string {
  if (o.kind === 'dns')
    return `DNS ${o.family === 4 ? 'A' : 'AAAA'} record of ${o.host} (often the load balancer or a CDN rather than one frontend)`;
  return `pool member named by the BIG-IP cookie ${o.cookie}, seen on ${o.where}${o.routeDomain !== undefined ? ` (route domain ${o.routeDomain})` : ''}`;
}

/** Joins lists of suggestions: one entry per address, its origins in the order met. */
export function joinSuggestions(...lists: FrontendSuggestion[][]): FrontendSuggestion[] {
  const out = new Map<string, FrontendSuggestion>();
  for (const s of lists.flat()) {
    const mine = out.get(s.address);
    if (mine) mine.origins.push(...s.origins);
    else out.set(s.address, { address: s.address, origins: [...s.origins] });
  }
  return [...out.values()];
}
