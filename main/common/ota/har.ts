// Reads a HAR 1.2 capture (browser DevTools, Fiddler, Charles…) as an import source: per entry the URL,
// status, headers and the body with how trustworthy its bytes are. Credentials are redacted on the way in,
// because a HAR is often pasted straight from a customer.

import { fromBase64Any } from '../encodings.js';
import { jsonSyntaxProblem, lineLocator, walkJson } from './json-text.js';
import { redactHeaders, redactUrl } from './redaction.js';
import type { ParseProblem, ParseResult } from './parse-result.js';
import type { Header } from './types.js';

export interface HarEntry {
  /** Position in `log.entries`, so warnings and entries agree. */
  index: number;
  startedDateTime?: string;
  method: string;
  /** Redacted (see redactUrl). */
  url: string;
  status: number;
  statusText?: string;
  httpVersion?: string;
  /** Lower-cased names, redacted. */
  requestHeaders: Header[];
  headers: Header[];
  /** serverIPAddress without IPv6 brackets. */
  serverIp?: string;
  mimeType?: string;
  body: { kind: 'exact'; bytes: Uint8Array } | { kind: 'text-derived'; bytes: Uint8Array } | { kind: 'not-captured'; reason: string };
  bodySize?: number;
  transferSize?: number;
  contentSize?: number;
  timeMs?: number;
}

export interface Har {
  creator?: string;
  browser?: string;
  entries: HarEntry[];
  /** What was hidden, deduplicated, e.g. `cookie values (Set-Cookie: session)`, `Authorization header`. */
  redacted: string[];
  /** Entries left out for want of a usable URL (or not being objects). */
  skipped: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: Json | undefined): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function num(v: Json | undefined): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Entries

function headerList(v: Json | undefined): Header[] {
  if (!Array.isArray(v)) return [];
  const out: Header[] = [];
  for (const h of v) {
    if (!isObject(h) || typeof h.name !== 'string') continue;
    out.push([h.name.toLowerCase(), typeof h.value === 'string' ? h.value : String(h.value ?? '')]);
  }
  return out;
}

function nameVersion(v: Json | undefined): string | undefined {
  if (!isObject(v)) return undefined;
  const name = str(v.name);
  const version = str(v.version);
  if (!name) return undefined;
  return version ? `${name} ${version}` : name;
}

const FIREFOX_NO_BODIES = 'Response bodies are not included.';

function harBody(content: Json | undefined, entry: JsonObject, warn: (message: string, sub: string) => void): HarEntry['body'] {
  if (!isObject(content)) return { kind: 'not-captured', reason: 'The HAR has no content for this response.' };
  const text = content.text;
  if (text === FIREFOX_NO_BODIES || content.comment === FIREFOX_NO_BODIES) {
    return { kind: 'not-captured', reason: 'The HAR was saved without response bodies ("Response bodies are not included.").' };
  }
  if (typeof text !== 'string') {
    // Chrome leaves out bodies it took from its own cache: capture again with "Disable cache" on.
    const fromCache = typeof entry._fromCache === 'string' ? entry._fromCache : undefined;
    return {
      kind: 'not-captured',
      reason: fromCache
        ? `The browser served this from its ${fromCache} cache and saved no body; capture again with "Disable cache" on.`
        : 'The HAR has no body for this response (content.text is missing).',
    };
  }
  const size = num(content.size);
  if (text === '' && size !== undefined && size > 0) {
    return { kind: 'not-captured', reason: `content.text is empty but content.size is ${size}: the body was not saved.` };
  }
  const encoding = content.encoding;
  if (encoding === 'base64') {
    // Some tools wrap long Base64 lines.
    const bytes = fromBase64Any(text.replace(/\s+/g, ''));
    if (!bytes) {
      warn('content.text is not valid Base64; the body is left out', '.response.content.text');
      return { kind: 'not-captured', reason: 'content.text is marked Base64 but does not decode.' };
    }
    return { kind: 'exact', bytes };
  }
  if (encoding !== undefined && encoding !== null && encoding !== '') {
    warn(`unknown content.encoding ${JSON.stringify(encoding)}; the body is left out`, '.response.content.encoding');
    return { kind: 'not-captured', reason: `content.encoding ${JSON.stringify(encoding)} is not one this reader knows.` };
  }
  // HAR text is the decoded body transcoded to UTF-8: its bytes may differ from what the server sent.
  return { kind: 'text-derived', bytes: new TextEncoder().encode(text) };
}

function stripBrackets(ip: string | undefined): string | undefined {
  if (!ip) return undefined;
  const m = /^\[(.*)\]$/.exec(ip.trim());
  return m ? m[1] : ip.trim();
}

// Headers that carry a URL: the same query secrets as request.url would leak through them.
const URL_HEADERS = new Set([':path', 'referer', 'location', 'content-location']);

function redactEntryHeaders(headers: Header[]): { headers: Header[]; redacted: string[] } {
  const r = redactHeaders(headers);
  const notes = [...r.redacted];
  const out = r.headers.map(([name, value]): Header => {
    if (!URL_HEADERS.has(name)) return [name, value];
    const u = redactUrl(value);
    notes.push(...u.redacted);
    return [name, u.url];
  });
  return { headers: out, redacted: notes };
}

/** A URL we can match against a moduleinfo path: absolute http(s). data:, blob: and relative ones are not. */
function usableUrl(url: string): boolean {
  return /^https?:\/\/[^/?#]+/i.test(url);
}

/**
 * Merges redaction notes from many entries: `cookie values (Set-Cookie: a)` and `cookie values (Set-Cookie: b)`
 * become `cookie values (Set-Cookie: a, b)`; other notes appear once.
 */
function mergeRedacted(notes: string[]): string[] {
  const out: string[] = [];
  const lists = new Map<string, string[]>();
  for (const note of notes) {
    const m = /^(cookie values \([^:]+): (.*)\)$/.exec(note);
    if (!m) {
      if (!out.includes(note)) out.push(note);
      continue;
    }
    const key = m[1]!;
    let names = lists.get(key);
    if (!names) {
      names = [];
      lists.set(key, names);
      out.push(key); // placeholder, filled below, keeps first-seen order
    }
    for (const n of m[2]!.split(', ')) if (!names.includes(n)) names.push(n);
  }
  return out.map((o) => {
    const names = lists.get(o);
    return names ? `${o}: ${names.join(', ')})` : o;
  });
}

/** Parses a HAR 1.2 file. Fatal: not JSON, no `log`, `log.entries` not an array. A bad entry is skipped with a warning. */
export function parseHar(input: string): ParseResult<Har> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let root: Json;
  try {
    root = JSON.parse(text) as Json;
  } catch (e) {
    return { ok: false, error: jsonSyntaxProblem(text, e instanceof Error ? e.message : String(e)) };
  }

  // Places are looked up only when something is wrong, so a clean 100 MB HAR is walked once, by JSON.parse.
  let places: Map<string, number> | undefined;
  const lineColumn = lineLocator(text);
  const place = (path: string): { line?: number; column?: number } => {
    places ??= walkJson(
      text,
      (p) =>
        p === '$' ||
        p === '$.log' ||
        p === '$.log.entries' ||
        /^\$\.log\.entries\[\d+\](\.(request|response)(\.content(\.(text|encoding))?|\.url)?)?$/.test(p),
    ).found;
    const at = places.get(path);
    return at === undefined ? {} : lineColumn(at);
  };
  const problem = (message: string, jsonPath: string): ParseProblem => ({ message, jsonPath, ...place(jsonPath) });

  if (!isObject(root))
    return { ok: false, error: problem('A HAR file is a JSON object with a "log" property; this is not an object.', '$') };
  const log = root.log;
  if (!isObject(log))
    return {
      ok: false,
      error: problem(
        log === undefined ? 'No "log" property: this is not a HAR file.' : '"log" is not an object.',
        log === undefined ? '$' : '$.log',
      ),
    };
  if (!Array.isArray(log.entries)) {
    return {
      ok: false,
      error: problem(
        log.entries === undefined ? 'No "log.entries": this is not a HAR file.' : '"log.entries" is not an array.',
        log.entries === undefined ? '$.log' : '$.log.entries',
      ),
    };
  }

  const warnings: ParseProblem[] = [];
  const notes: string[] = [];
  const entries: HarEntry[] = [];
  let skipped = 0;
  let otherSchemes = 0;

  log.entries.forEach((raw, index) => {
    const path = `$.log.entries[${index}]`;
    const warn = (message: string, sub = '') => warnings.push(problem(`${path}${sub}: ${message}`, `${path}${sub}`));
    if (!isObject(raw)) {
      skipped++;
      warn('not an object; entry skipped');
      return;
    }
    const request = isObject(raw.request) ? raw.request : undefined;
    const url = request ? str(request.url) : undefined;
    if (!url) {
      skipped++;
      warn(request ? 'request.url is missing; entry skipped' : 'no request; entry skipped');
      return;
    }
    if (!usableUrl(url)) {
      // data: and blob: URLs are normal in browser captures; one summary warning is enough.
      skipped++;
      otherSchemes++;
      return;
    }
    const response = isObject(raw.response) ? raw.response : undefined;
    const u = redactUrl(url);
    const rq = redactEntryHeaders(headerList(request?.headers));
    const rs = redactEntryHeaders(headerList(response?.headers));
    notes.push(...u.redacted, ...rq.redacted, ...rs.redacted);

    const entry: HarEntry = {
      index,
      method: str(request?.method) ?? 'GET',
      url: u.url,
      status: typeof response?.status === 'number' ? response.status : 0,
      requestHeaders: rq.headers,
      headers: rs.headers,
      body: response ? harBody(response.content, raw, warn) : { kind: 'not-captured', reason: 'The HAR has no response for this request.' },
    };
    const started = str(raw.startedDateTime);
    if (started) entry.startedDateTime = started;
    const statusText = str(response?.statusText);
    if (statusText) entry.statusText = statusText;
    const httpVersion = str(response?.httpVersion);
    if (httpVersion) entry.httpVersion = httpVersion;
    const ip = stripBrackets(str(raw.serverIPAddress));
    if (ip) entry.serverIp = ip;
    const content = isObject(response?.content) ? response.content : undefined;
    const mime = str(content?.mimeType);
    if (mime) entry.mimeType = mime;
    const transfer = num(response?._transferSize);
    if (transfer !== undefined) entry.transferSize = transfer;
    // Chrome writes bodySize -1 for HTTP/2: take it from _transferSize less the headers when both are known.
    const bodySize = num(response?.bodySize);
    const headersSize = num(response?.headersSize);
    if (bodySize !== undefined) entry.bodySize = bodySize;
    else if (transfer !== undefined && headersSize !== undefined && transfer >= headersSize) entry.bodySize = transfer - headersSize;
    const contentSize = num(content?.size);
    if (contentSize !== undefined) entry.contentSize = contentSize;
    const time = num(raw.time);
    if (time !== undefined) entry.timeMs = time;
    entries.push(entry);
  });

  if (otherSchemes > 0) {
    warnings.push({
      message: `${otherSchemes} ${otherSchemes === 1 ? 'entry' : 'entries'} with a non-HTTP URL (data:, blob:, …) left out.`,
      jsonPath: '$.log.entries',
    });
  }

  const har: Har = { entries, redacted: mergeRedacted(notes), skipped };
  const creator = nameVersion(log.creator);
  if (creator) har.creator = creator;
  const browser = nameVersion(log.browser);
  if (browser) har.browser = browser;
  return { ok: true, value: har, warnings };
}

// ---------------------------------------------------------------------------------------------------------
// Matching

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/** The pathname of an absolute URL (or of a path), without query or fragment. */
function pathnameOf(url: string): string {
  const noQuery = url.replace(/[?#].*$/s, '');
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(.*)$/i.exec(noQuery);
  const p = m ? m[1]! : noQuery;
  return p === '' ? '/' : p;
}

/** Entries whose URL path is `path` (a moduleinfo key like `/MyApp/scripts/A.js`), compared decoded, in capture order. */
export function harEntriesFor(har: Har, path: string): HarEntry[] {
  const wanted = decodePath(pathnameOf(path));
  return har.entries.filter((e) => decodePath(pathnameOf(e.url)) === wanted);
}
