// The OTA check as a service: fetch moduleinfo from every point, then each resource from every frontend,
// the public URL (as the device asks, repeated, and cache-bypassed two ways), the HAR and the device log;
// hash, diff and judge. Used by `hash-workbench diagnose` and by the app.
import http from 'node:http';
import https from 'node:https';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fromHex, toOutSystems } from '../../common/encodings.js';
import { WorkbenchError } from '../../common/errors.js';
import { unique } from '../../common/unique.js';
import { diffBytes } from '../../common/ota/byte-diff.js';
import { decideCurrentVersion } from '../../common/ota/current-version.js';
import { harEntriesFor, type Har } from '../../common/ota/har.js';
import { headerValue, redactHeaders, redactUrl } from '../../common/ota/headers.js';
import { checksumFailures, resourcesNamed, type LogEntry } from '../../common/ota/log-lines.js';
import {
  findVersionToken,
  isVersionTokenFile,
  moduleInfoUrl,
  moduleNameFromAppUrl,
  moduleVersionInfoUrl,
  parseModuleInfo,
  parseModuleVersionInfo,
  type ModuleInfo,
} from '../../common/ota/moduleinfo.js';
import { describeProblem } from '../../common/ota/parse-result.js';
import { buildReport, type OtaReport, type RunInfo } from '../../common/ota/report.js';
import type { FetchRecord, ModuleInfoCopy, Observation, Source, Vantage } from '../../common/ota/types.js';
import { sourceName, type FrontendInfo, type ModuleVersionInfo, type ResourceObservations } from '../../common/ota/verdict.js';
import type { HashPool } from '../hash-pool.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, fetchPoint, type PointResult, type TrustOptions } from './fetch-point.js';
import type { ProxyChoice } from './proxy.js';

export interface FrontendTarget extends FrontendInfo {
  /** For addresses: where to connect, and with which scheme. */
  host?: string;
  port?: number;
  scheme?: 'http:' | 'https:';
}

export interface DiagnoseOptions {
  appUrl: string;
  frontends: FrontendTarget[];
  /** A moduleinfo given by the user (pasted or a file). */
  moduleinfoText?: string;
  log?: LogEntry[];
  har?: Har;
  resources?: string[];
  all?: boolean;
  samples?: number;
  ca?: string;
  caLabel?: string;
  trust?: Record<string, string>;
  insecure?: boolean;
  proxy?: ProxyChoice;
  proxySource?: RunInfo['network']['proxySource'];
  timeoutMs?: number;
  concurrency?: number;
  maxBytes?: number;
  vantage?: Vantage;
  command?: string;
  toolVersion?: string;
  signal?: AbortSignal;
  onProgress?: (p: SweepProgress) => void;
  pool: HashPool;
}

export interface SweepProgress {
  phase: 'moduleinfo' | 'resources' | 'moduleinfo-end' | 'done';
  done: number;
  total: number;
  path?: string;
}

/** The check could not run at all (no moduleinfo from any source): the CLI exits 2. */
export class CannotRun extends Error {}

interface Point {
  source: Source;
  /** Undefined for a folder. */
  agent?: http.Agent;
  connectTo?: { host: string; port: number };
  origin?: string;
  folder?: string;
  trust: TrustOptions;
  proxy?: ProxyChoice;
}

export async function diagnose(opts: DiagnoseOptions): Promise<OtaReport> {
  const startedAt = new Date().toISOString();
  const vantage = opts.vantage ?? 'agent';
  const app = new URL(opts.appUrl.endsWith('/') ? opts.appUrl : `${opts.appUrl}/`);
  const moduleName = moduleNameFromAppUrl(app.href);
  const problems: string[] = [];
  const redacted = new Set<string>();
  const samples = Math.max(1, opts.samples ?? 3);
  const concurrency = Math.max(1, opts.concurrency ?? 8);
  const common = { timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, signal: opts.signal };
  // No TLS session reuse: a resumed session shows no certificate, and each connection's issuer is evidence.
  const makeAgent = (secure: boolean) =>
    new (secure ? https.Agent : http.Agent)({ keepAlive: true, maxSockets: concurrency, ...(secure ? { maxCachedSessions: 0 } : {}) });
  const points: Point[] = opts.frontends.map((f) => {
    const trust: TrustOptions = { ca: opts.ca, insecure: opts.insecure, fingerprint: opts.trust?.[f.label] };
    if (f.kind === 'folder') return { source: `frontend:${f.label}`, folder: f.address, trust };
    const secure = (f.scheme ?? app.protocol) === 'https:';
    return {
      source: `frontend:${f.label}`,
      trust,
      agent: makeAgent(secure),
      connectTo: { host: f.host!, port: f.port ?? (Number(app.port) || (secure ? 443 : 80)) },
      // The frontend is asked for the public URL (Host and SNI kept); only the scheme may differ.
      origin: `${f.scheme ?? app.protocol}//${app.host}`,
    };
  });
  const publicPoint: Point = {
    source: 'public',
    agent: opts.proxy ? undefined : makeAgent(app.protocol === 'https:'),
    origin: app.origin,
    trust: { ca: opts.ca, insecure: opts.insecure },
    proxy: opts.proxy,
  };
  const progress = (p: SweepProgress) => opts.onProgress?.(p);

  // Devices' HTTP stacks (OkHttp, NSURLSession) ask for compressed bodies and undo the compression
  // before hashing: so do we, keeping the wire bytes' hash as evidence.
  const fetchVia = (point: Point, pathAndQuery: string, headers?: Record<string, string>) =>
    fetchPoint({
      url: `${point.origin}${pathAndQuery}`,
      connectTo: point.connectTo,
      agent: point.agent,
      proxy: point.proxy,
      trust: point.trust,
      headers: { 'accept-encoding': 'gzip, deflate, br', ...headers },
      ...common,
    });

  // 1. moduleinfo from every point, and the one given.
  const versions = new Map<string, ModuleVersionInfo>();
  const parsed = new Map<string, ModuleInfo>();
  const copies: ModuleInfoCopy[] = [];
  const addVersion = (m: ModuleInfo) => {
    if (versions.has(m.versionToken)) return;
    versions.set(m.versionToken, {
      versionToken: m.versionToken,
      versionSequence: m.versionSequence,
      resources: Object.fromEntries(m.resources.map((r) => [r.path, r.expected])),
    });
    parsed.set(m.versionToken, m);
  };
  if (opts.moduleinfoText !== undefined) {
    const r = parseModuleInfo(opts.moduleinfoText);
    if (!r.ok) throw new CannotRun(`the moduleinfo given cannot be used: ${describeProblem(r.error)}`);
    addVersion(r.value);
    copies.push({
      source: 'moduleinfo',
      vantage,
      moment: 'given',
      versionToken: r.value.versionToken,
      versionSequence: r.value.versionSequence,
      at: startedAt,
    });
  }
  const moduleinfoPath = new URL(moduleInfoUrl(app.href)).pathname;
  const versionInfoPath = new URL(moduleVersionInfoUrl(app.href)).pathname;
  const readModuleInfos = async (moment: 'start' | 'end') => {
    const fetchable = [...points.filter((p) => !p.folder), publicPoint];
    progress({ phase: moment === 'start' ? 'moduleinfo' : 'moduleinfo-end', done: 0, total: fetchable.length });
    await Promise.all(
      fetchable.map(async (p) => {
        const res = await fetchVia(p, moduleinfoPath, { accept: 'application/json' });
        const copy: ModuleInfoCopy = {
          source: p.source,
          vantage,
          moment,
          status: res.record.status,
          fetch: tidy(res.record, redacted),
          at: new Date().toISOString(),
        };
        if (res.body) copy.hash = await osMd5(opts.pool, res.body);
        if (res.error) copy.error = `moduleinfo: ${res.error.message}`;
        else if (res.body) {
          const m = parseModuleInfo(new TextDecoder().decode(res.body));
          if (m.ok) {
            addVersion(m.value);
            copy.versionToken = m.value.versionToken;
            copy.versionSequence = m.value.versionSequence;
          } else copy.error = `moduleinfo cannot be parsed: ${describeProblem(m.error)}`;
        }
        if (moment === 'start') {
          // The version the runtime polls for first (with a timestamp as cache buster, as it does).
          const vi = await fetchVia(p, `${versionInfoPath}?${Date.now()}`, { accept: 'application/json' });
          const parsedVi = vi.body && !vi.error ? parseModuleVersionInfo(new TextDecoder().decode(vi.body)) : undefined;
          if (parsedVi?.ok) copy.versionInfoToken = parsedVi.value.versionToken;
        }
        if (copy.error) problems.push(`${sourceName({ source: p.source, vantage })}: ${copy.error}`);
        copies.push(copy);
      }),
    );
  };
  await readModuleInfos('start');
  const current = decideCurrentVersion(copies);
  const currentInfo = current.versionToken ? parsed.get(current.versionToken) : undefined;
  if (!currentInfo) {
    destroyAgents(points, publicPoint);
    throw new CannotRun(`no usable moduleinfo: ${current.how}${problems.length ? ` (${problems.join('; ')})` : ''}`);
  }

  // 2. Which resources.
  const logEntries = opts.log ?? [];
  const fromLog = resourcesNamed(logEntries);
  const chosen = opts.resources ?? [];
  const mode: RunInfo['options']['resources'] = opts.all || (!fromLog.length && !chosen.length) ? 'all' : chosen.length ? 'chosen' : 'log';
  const paths =
    mode === 'all' ? unique([...currentInfo.resources.map((r) => r.path), ...fromLog, ...chosen]) : unique([...fromLog, ...chosen]);
  const failures = checksumFailures(logEntries);

  // 3. Every resource from every point, a bounded number at a time.
  const results: ResourceObservations[] = new Array(paths.length);
  let done = 0;
  progress({ phase: 'resources', done, total: paths.length });
  const checkOne = async (index: number) => {
    const path = paths[index]!;
    const expected = currentInfo.resources.find((r) => r.path === path)?.expected;
    const tokenFile = isVersionTokenFile(path);
    const query = expected ? `?${expected}` : '';
    const copiesOf: Array<{ obs: Observation; body?: Uint8Array; contentType?: string }> = [];
    const observe = async (source: Source, res: PointResult, extra: Partial<Observation> = {}) => {
      const obs: Observation = {
        source,
        vantage,
        path,
        status: res.record.status,
        fetch: tidy(res.record, redacted),
        at: new Date().toISOString(),
        body: 'exact',
        ...extra,
      };
      if (res.body && res.error?.code !== 'TOO_LARGE') {
        obs.hash = await osMd5(opts.pool, res.body);
        obs.size = res.body.length;
        if (res.wire) obs.wireHash = await osMd5(opts.pool, res.wire);
        if (tokenFile) obs.token = findVersionToken(new TextDecoder().decode(res.body));
      }
      if (res.error) {
        obs.error = res.error.message;
        obs.errorCode = res.error.code;
      }
      copiesOf.push({ obs, body: obs.hash ? res.body : undefined, contentType: headerValue(res.record.headers, 'content-type') });
    };
    const jobs: Promise<void>[] = [];
    for (const p of points) {
      if (p.folder)
        jobs.push(
          readFromFolder(p, path, moduleName, opts.pool, common.maxBytes, vantage, tokenFile).then((c) => {
            copiesOf.push(c);
          }),
        );
      else jobs.push(fetchVia(p, `${path}${query}`).then((res) => observe(p.source, res)));
    }
    for (let i = 1; i <= samples; i++)
      jobs.push(fetchVia(publicPoint, `${path}${query}`).then((res) => observe('public', res, { sample: i })));
    jobs.push(fetchVia(publicPoint, `${path}${query}`, { 'cache-control': 'no-cache' }).then((res) => observe('public-nocache', res)));
    const nonce = `_hwb=${Date.now().toString(36)}${index.toString(36)}`;
    jobs.push(fetchVia(publicPoint, `${path}${query ? `${query}&` : '?'}${nonce}`).then((res) => observe('public-busted', res)));
    await Promise.all(jobs);
    if (opts.har) {
      for (const e of harEntriesFor(opts.har, path)) {
        const obs: Observation = {
          source: 'har',
          vantage: 'customer',
          path,
          status: e.status,
          at: e.startedDateTime ?? new Date().toISOString(),
          body: e.body.kind,
          fetch: harRecord(e),
        };
        let body: Uint8Array | undefined;
        if (e.body.kind !== 'not-captured') {
          body = e.body.bytes;
          obs.hash = await osMd5(opts.pool, body);
          obs.size = body.length;
          if (tokenFile) obs.token = findVersionToken(new TextDecoder().decode(body));
        } else obs.error = `body not captured: ${e.body.reason}`;
        copiesOf.push({ obs, body, contentType: e.mimeType });
      }
    }
    for (const f of failures.filter((x) => x.path === path)) {
      copiesOf.push({
        obs: { source: 'device', vantage: 'customer', path, hash: f.calculated, logExpected: f.expected, body: 'log', at: startedAt },
      });
    }
    diffAgainstReference(copiesOf, expected, tokenFile);
    results[index] = { path, versionTokenFile: tokenFile, observations: copiesOf.map((c) => c.obs) };
    progress({ phase: 'resources', done: ++done, total: paths.length, path });
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, paths.length) }, async () => {
      while (next < paths.length && !opts.signal?.aborted) await checkOne(next++);
    }),
  );

  // 4. moduleinfo again: a change in between is itself evidence.
  if (!opts.signal?.aborted) await readModuleInfos('end');
  destroyAgents(points, publicPoint);
  progress({ phase: 'done', done: paths.length, total: paths.length });
  for (const r of opts.har?.redacted ?? []) redacted.add(r);

  const run: RunInfo = {
    appUrl: app.href,
    vantage,
    startedAt,
    finishedAt: new Date().toISOString(),
    toolVersion: opts.toolVersion ?? 'dev',
    command: opts.command ?? '',
    cancelled: opts.signal?.aborted || undefined,
    options: { samples, timeoutSeconds: Math.round(common.timeoutMs / 1000), concurrency, resources: mode, maxBytes: common.maxBytes },
    network: {
      proxy: opts.proxy?.display,
      proxySource: opts.proxy ? opts.proxySource : undefined,
      ca: opts.caLabel,
      trust: opts.trust ?? {},
      insecure: !!opts.insecure,
    },
  };
  if (opts.signal?.aborted) problems.push(`cancelled after ${done} of ${paths.length} resources; what was checked is kept`);
  return buildReport(
    {
      moduleName,
      frontends: opts.frontends.map(({ label, kind, address }) => ({ label, kind, address })),
      moduleinfo: copies,
      versions: [...versions.values()],
      resources: results.filter(Boolean),
    },
    {
      runs: [run],
      problems,
      redacted: [...redacted],
      log: logEntries
        .filter((e) => e.path)
        .map((e) => ({ line: e.line, kind: e.kind, path: e.path, expected: e.expected, calculated: e.calculated, message: e.message })),
    },
  );
}

/** Diffs every copy that is not the current version against one that is (a frontend's when possible). */
function diffAgainstReference(
  copies: Array<{ obs: Observation; body?: Uint8Array; contentType?: string }>,
  expected: string | undefined,
  tokenFile: boolean,
): void {
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

async function readFromFolder(
  p: Point,
  path: string,
  moduleName: string | undefined,
  pool: HashPool,
  maxBytes: number,
  vantage: Vantage,
  tokenFile: boolean,
) {
  // A resource /<Module>/<rest> is the file <folder>/<rest>.
  const rest = moduleName && path.startsWith(`/${moduleName}/`) ? path.slice(moduleName.length + 2) : path.replace(/^\/[^/]+\//, '');
  const file = join(p.folder!, ...rest.split('/'));
  const obs: Observation = { source: p.source, vantage, path, body: 'file', file, at: new Date().toISOString() };
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new WorkbenchError('EISDIR', 'not a file');
    if (st.size > maxBytes) throw new WorkbenchError('TOO_LARGE', `over the ${maxBytes} bytes cap`);
    const body = new Uint8Array(await readFile(file));
    obs.hash = await osMd5(pool, body);
    obs.size = body.length;
    if (tokenFile) obs.token = findVersionToken(new TextDecoder().decode(body));
    return { obs, body };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    obs.errorCode = e.code === 'ENOENT' ? 'MISSING' : (e.code ?? 'ERROR');
    obs.error = e.code === 'ENOENT' ? `${file}: no such file in the Running folder` : `${file}: ${e.message}`;
    return { obs };
  }
}

export async function osMd5(pool: HashPool, bytes: Uint8Array): Promise<string> {
  const r = await pool.hashBytes(bytes, ['md5']);
  return toOutSystems(fromHex(r.digests.md5!)!);
}

/** Redacts secrets from a fetch record before it goes into a report. */
function tidy(record: FetchRecord, redacted: Set<string>): FetchRecord {
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

function destroyAgents(points: Point[], pub: Point): void {
  for (const p of [...points, pub]) p.agent?.destroy();
}
