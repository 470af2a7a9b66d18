// From what a point gave to an observation: the one place a body becomes a hash, a size and a token,
// for fetched copies, Running-folder files, HAR entries and moduleinfo copies alike.
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fromHex, toOutSystems } from '../../common/encodings.js';
import { diffBytes } from '../../common/ota/byte-diff.js';
import { variantsOf, type VariantName } from '../../common/ota/device-got.js';
import type { CopyErrorCode } from '../../common/ota/copy-errors.js';
import type { Har } from '../../common/ota/har.js';
import { headerValue } from '../../common/ota/headers.js';
import { redactHeaders, redactUrl } from '../../common/ota/redaction.js';
import { tellingHeaders } from '../../common/ota/telling-headers.js';
import { findVersionToken } from '../../common/ota/moduleinfo.js';
import type { FetchRecord, Header, Observation, Source, Vantage } from '../../common/ota/types.js';
import type { HashPool } from '../hash-pool.js';

/** An observation and, while the resource is judged, the body it came from (for the diff). */
export interface Copy {
  obs: Observation;
  body?: Uint8Array;
  contentType?: string;
}

export interface BodyFacts {
  hash: string;
  size: number;
  wireHash?: string;
  token?: string;
}

/** Hash (MD5, OutSystems form), size and, for version-token files, the token a body carries. */
export async function bodyFacts(
  pool: HashPool,
  body: Uint8Array,
  opts: { wire?: Uint8Array; tokenFile?: boolean } = {},
): Promise<BodyFacts> {
  const facts: BodyFacts = { hash: await osMd5(pool, body), size: body.length };
  if (opts.wire) facts.wireHash = await osMd5(pool, opts.wire);
  if (opts.tokenFile) {
    const token = findVersionToken(new TextDecoder().decode(body));
    if (token !== undefined) facts.token = token;
  }
  return facts;
}

/** Bodies up to this size are hashed on this thread: a worker round trip costs more than MD5 of a few KiB. */
const INLINE_MAX = 1 << 20;

export async function osMd5(pool: HashPool, bytes: Uint8Array): Promise<string> {
  if (bytes.length <= INLINE_MAX) return toOutSystems(createHash('md5').update(bytes).digest());
  const r = await pool.hashBytes(bytes, ['md5']);
  return toOutSystems(fromHex(r.digests.md5!)!);
}

/** Variants are hashed for right copies up to this size: a resource a device rejected is a script or a page, not a video. */
export const VARIANTS_MAX_BYTES = 1 << 20;

/**
 * The OutSystems MD5 of a right copy's byte variants (BOM removed or added, line endings swapped, trimmed), so
 * that a device's calculated hash can be recognised as "the right file, altered so". Only for a resource a device
 * rejected, while its body is still at hand: bodies are not kept once the resource is judged.
 */
export function variantHashes(body: Uint8Array): Partial<Record<VariantName, string>> | undefined {
  if (body.length > VARIANTS_MAX_BYTES) return undefined;
  const out: Partial<Record<VariantName, string>> = {};
  for (const [name, bytes] of Object.entries(variantsOf(body)) as Array<[VariantName, Uint8Array]>)
    out[name] = toOutSystems(createHash('md5').update(bytes).digest());
  return out;
}

/**
 * A resource /<Module>/<rest> read from a Running folder, where it is the file <folder>/<rest>. `urlPath` is the
 * key resolved on the app's origin (no `..` left); the file's real path, links followed, must lie inside the folder.
 */
export async function readFromFolder(
  at: { source: Source; folder: string; vantage: Vantage; moduleName?: string; maxBytes: number; tokenFile: boolean },
  path: string,
  urlPath: string,
  pool: HashPool,
): Promise<Copy> {
  const { moduleName } = at;
  const prefix = moduleName ? `/${moduleName}/` : (/^\/[^/]+\//.exec(urlPath)?.[0] ?? '/');
  const rest = urlPath.slice(prefix.length);
  const segments = rest.split('/').map(decodeSegment);
  const shown = join(at.folder, ...segments.map((x) => x ?? '?'));
  const obs: Observation = { source: at.source, vantage: at.vantage, path, body: 'file', file: shown, at: new Date().toISOString() };
  const fail = (code: CopyErrorCode, error: string): Copy => ({ obs: { ...obs, errorCode: code, error } });
  if (!urlPath.startsWith(prefix) || prefix === '/')
    return fail('OUTSIDE', `${path}: not under ${prefix}, so not in the Running folder; not read`);
  if (segments.some((x) => x === undefined)) return fail('OUTSIDE', `${path}: a path segment that is not a file name; not read`);
  try {
    const root = await realpath(at.folder);
    const real = await realpath(shown);
    if (real !== root && !real.startsWith(root.endsWith(sep) ? root : `${root}${sep}`))
      return fail('OUTSIDE', `${shown}: resolves to ${real}, outside the Running folder; not read`);
    const st = await stat(real);
    if (!st.isFile()) return fail('NOT_A_FILE', `${shown}: not a file`);
    if (st.size > at.maxBytes) return fail('TOO_LARGE', `${shown}: over the ${at.maxBytes} bytes cap`);
    const body = new Uint8Array(await readFile(real));
    Object.assign(obs, await bodyFacts(pool, body, { tokenFile: at.tokenFile }));
    return { obs, body };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return e.code === 'ENOENT'
      ? fail('MISSING', `${shown}: no such file in the Running folder`)
      : fail('UNREADABLE', `${shown}: ${e.message}`);
  }
}

/** A URL path segment as a file name, or undefined when it cannot be one (a separator, NUL, `..` once decoded). */
function decodeSegment(segment: string): string | undefined {
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  return /[/\\\0]/.test(name) || name === '..' || name === '.' ? undefined : name;
}

/** A HAR entry for a resource as an observation from the customer's side. */
export async function harCopy(e: Har['entries'][number], path: string, pool: HashPool, tokenFile: boolean): Promise<Copy> {
  const obs: Observation = {
    source: 'har',
    vantage: 'customer',
    path,
    status: e.status,
    at: e.startedDateTime ?? new Date().toISOString(),
    body: e.body.kind,
    fetch: harRecord(e),
  };
  if (e.body.kind === 'not-captured') return { obs: { ...obs, error: `body not captured: ${e.body.reason}` }, contentType: e.mimeType };
  Object.assign(obs, await bodyFacts(pool, e.body.bytes, { tokenFile }));
  return { obs, body: e.body.bytes, contentType: e.mimeType };
}

function harRecord(e: Har['entries'][number]): FetchRecord {
  return {
    url: e.url,
    method: 'GET',
    requestHeaders: e.requestHeaders,
    route: 'captured',
    address: e.serverIp,
    status: e.status,
    statusText: e.statusText,
    redirects: [],
    headers: e.headers,
    timings: { totalMs: Math.round(e.timeMs ?? 0) },
    wireBytes: e.transferSize ?? e.bodySize ?? 0,
    contentLength: Number(headerValue(e.headers, 'content-length')) || undefined,
    contentEncoding: headerValue(e.headers, 'content-encoding'),
  };
}

/** Redacts secrets from a fetch record before it goes into a report; what was redacted is added to `redacted`. */
export function tidy(record: FetchRecord, redacted: Set<string>): FetchRecord {
  const h = redactHeaders(record.headers);
  const rq = redactHeaders(record.requestHeaders);
  const u = redactUrl(record.url);
  for (const r of [...h.redacted, ...rq.redacted, ...u.redacted]) redacted.add(r);
  return {
    ...record,
    url: u.url,
    headers: h.headers,
    requestHeaders: rq.headers,
    redirects: record.redirects.map((x) => ({ ...x, url: redactUrl(x.url).url, location: redactUrl(x.location).url })),
  };
}

/** Diffs every copy that is not the current version against one that is (a frontend's when possible). */
export function diffAgainstReference(copies: Copy[], expected: string | undefined, tokenFile: boolean): void {
  if (!expected) return;
  const isRight = (o: Observation) => (tokenFile ? o.token === expected : o.hash === expected);
  const withBody = copies.filter((c) => c.body);
  const ref = withBody.find((c) => c.obs.source.startsWith('frontend:') && isRight(c.obs)) ?? withBody.find((c) => isRight(c.obs));
  if (!ref) return;
  for (const c of withBody) {
    if (c === ref || c.obs.hash === ref.obs.hash) continue;
    c.obs.diff = diffBytes(ref.body!, c.body!, { contentType: c.contentType });
  }
}

/**
 * Repeated strings and header pairs shared between observations (Server, Date, Content-Type, a frontend's
 * address…): twenty thousand resources times eight copies would otherwise each hold their own. Bounded: the
 * table starts again when full, and what was shared stays shared.
 */
export class Interner {
  private readonly texts = new Map<string, string>();
  private readonly headers = new Map<string, Map<string, Header>>();
  private readonly telling = new Map<string, Set<string>>();
  private size = 0;
  constructor(private readonly max = 8192) {}
  private room(): void {
    if (++this.size <= this.max) return;
    this.texts.clear();
    this.headers.clear();
    this.size = 0;
  }
  text(s: string): string;
  text(s: string | undefined): string | undefined;
  text(s: string | undefined): string | undefined {
    if (s === undefined) return s;
    const known = this.texts.get(s);
    if (known !== undefined) return known;
    this.room();
    this.texts.set(s, s);
    return s;
  }
  header(h: Header): Header {
    let byValue = this.headers.get(h[0]);
    if (!byValue) this.headers.set(h[0], (byValue = new Map()));
    const known = byValue.get(h[1]);
    if (known) return known;
    this.room();
    byValue.set(h[1], h);
    return h;
  }
  /** The names of the telling headers (telling-headers.ts decides), worked out once per list of names without cookies. */
  tellingNames(headers: Header[]): Set<string> {
    const names = headers.map(([n]) => n);
    if (names.includes('set-cookie') || names.includes('cookie')) return namesOf(headers);
    const key = names.join('\n');
    let set = this.telling.get(key);
    if (!set) {
      if (this.telling.size >= 256) this.telling.clear();
      this.telling.set(key, (set = namesOf(headers)));
    }
    return set;
  }
}

const namesOf = (headers: Header[]) => new Set(tellingHeaders(headers).map((t) => t.name.toLowerCase()));

/**
 * A right copy keeps its status, hash, size and the telling headers: its request headers, timings past the
 * total and the other response headers are dropped, and what repeats is shared, so a whole-module report
 * costs little per resource.
 */
export function slimRightCopies(copies: Copy[], expected: string | undefined, tokenFile: boolean, intern: Interner): void {
  if (!expected) return;
  for (const { obs } of copies) {
    const right = !obs.error && (tokenFile ? obs.token === expected : obs.hash === expected);
    if (!right || !obs.fetch) continue;
    const f = obs.fetch;
    const keep = intern.tellingNames(f.headers);
    const slim: FetchRecord = {
      url: intern.text(f.url),
      method: f.method,
      requestHeaders: [],
      route: intern.text(f.route),
      redirects: f.redirects,
      headers: f.headers.filter(([name]) => keep.has(name)).map((h) => intern.header(h)),
      timings: { totalMs: f.timings.totalMs },
      wireBytes: f.wireBytes,
    };
    // Set in one order, never deleted, so the records share their shapes.
    if (f.address !== undefined) slim.address = intern.text(f.address);
    if (f.status !== undefined) slim.status = f.status;
    if (f.statusText !== undefined) slim.statusText = intern.text(f.statusText);
    if (f.tls !== undefined) slim.tls = f.tls;
    if (f.contentLength !== undefined) slim.contentLength = f.contentLength;
    if (f.contentEncoding !== undefined) slim.contentEncoding = intern.text(f.contentEncoding);
    if (f.capped !== undefined) slim.capped = f.capped;
    if (f.retried !== undefined) slim.retried = f.retried;
    if (f.overLength !== undefined) slim.overLength = f.overLength;
    obs.fetch = slim;
    obs.at = intern.text(obs.at);
    obs.hash = intern.text(obs.hash);
  }
}
