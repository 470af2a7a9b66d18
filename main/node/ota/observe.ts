// From what a point gave to an observation: the one place a body becomes a hash, a size and a token,
// for fetched copies, Running-folder files, HAR entries and moduleinfo copies alike.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fromHex, toOutSystems } from '../../common/encodings.js';
import { diffBytes } from '../../common/ota/byte-diff.js';
import type { Har } from '../../common/ota/har.js';
import { headerValue } from '../../common/ota/headers.js';
import { redactHeaders, redactUrl } from '../../common/ota/redaction.js';
import { findVersionToken } from '../../common/ota/moduleinfo.js';
import type { FetchRecord, Observation, Source, Vantage } from '../../common/ota/types.js';
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

export async function osMd5(pool: HashPool, bytes: Uint8Array): Promise<string> {
  const r = await pool.hashBytes(bytes, ['md5']);
  return toOutSystems(fromHex(r.digests.md5!)!);
}

/** A resource /<Module>/<rest> read from a Running folder, where it is the file <folder>/<rest>. */
export async function readFromFolder(
  at: { source: Source; folder: string; vantage: Vantage; moduleName?: string; maxBytes: number; tokenFile: boolean },
  path: string,
  pool: HashPool,
): Promise<Copy> {
  const { moduleName } = at;
  const rest = moduleName && path.startsWith(`/${moduleName}/`) ? path.slice(moduleName.length + 2) : path.replace(/^\/[^/]+\//, '');
  const file = join(at.folder, ...rest.split('/'));
  const obs: Observation = { source: at.source, vantage: at.vantage, path, body: 'file', file, at: new Date().toISOString() };
  const fail = (code: string, error: string): Copy => ({ obs: { ...obs, errorCode: code, error } });
  try {
    const st = await stat(file);
    if (!st.isFile()) return fail('EISDIR', `${file}: not a file`);
    if (st.size > at.maxBytes) return fail('TOO_LARGE', `${file}: over the ${at.maxBytes} bytes cap`);
    const body = new Uint8Array(await readFile(file));
    Object.assign(obs, await bodyFacts(pool, body, { tokenFile: at.tokenFile }));
    return { obs, body };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return e.code === 'ENOENT'
      ? fail('MISSING', `${file}: no such file in the Running folder`)
      : fail(e.code ?? 'ERROR', `${file}: ${e.message}`);
  }
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
