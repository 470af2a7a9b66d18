// The OTA check as a service: fetch moduleinfo from every point, then each resource from every frontend,
// the public URL (as the device asks, repeated, and cache-bypassed two ways), the HAR and the device log;
// hash, diff and judge. Used by `hash-workbench diagnose` and by the app.
import { WorkbenchError, type ErrorDetails, type ErrorKind } from '../../common/errors.js';
import { unique } from '../../common/unique.js';
import { decideCurrentVersion } from '../../common/ota/current-version.js';
import { DIAGNOSE_LIMITS } from '../../common/ota/frontend-spec.js';
import { harEntriesFor, type Har } from '../../common/ota/har.js';
import { headerValue } from '../../common/ota/headers.js';
import { checksumFailures, resourcesNamed, type LogEntry } from '../../common/ota/log-lines.js';
import {
  isVersionTokenFile,
  moduleInfoUrl,
  moduleNameFromAppUrl,
  moduleVersionInfoUrl,
  parseModuleInfo,
  parseModuleVersionInfo,
  type ModuleInfo,
} from '../../common/ota/moduleinfo.js';
import { clipMiddle } from '../../common/clip.js';
import { describeProblem, type ParseProblem } from '../../common/ota/parse-result.js';
import { buildReport, type DeviceProfile, type OtaReport, type RunInfo } from '../../common/ota/report.js';
import type { ModuleInfoCopy, Observation, Source, Vantage } from '../../common/ota/types.js';
import { sourceName } from '../../common/ota/sources.js';
import type { ModuleVersionInfo, ResourceObservations } from '../../common/ota/verdict.js';
import type { HashPool } from '../hash-pool.js';
import { CancelGroup } from './cancel.js';
import type { PointError, PointResult } from './fetch-point.js';
import {
  bodyFacts,
  diffAgainstReference,
  harCopy,
  Interner,
  readFromFolder,
  slimRightCopies,
  tidy,
  variantHashes,
  type Copy,
} from './observe.js';
import { fetchVia, makePoints, type FetchLimits, type FrontendTarget, type Point, type Points } from './points.js';
import { clientHeaders, downloadHeaders } from './device-profile.js';
import type { ProxyChoice } from './proxy.js';
import { resolveKey } from './resource-key.js';
import { decodeText } from './text.js';

export type { FrontendTarget } from './points.js';
export { osMd5 } from './observe.js';

export interface DiagnoseOptions {
  appUrl: string;
  frontends: FrontendTarget[];
  /** A moduleinfo given by the user (pasted or a file). */
  moduleinfoText?: string;
  log?: LogEntry[];
  har?: Har;
  /** Problem lines from reading the inputs (a log or HAR with nothing usable), reported with the others. */
  notes?: string[];
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
  /** Whose requests the check imitates (default ios). */
  as?: DeviceProfile;
  /** Above this many resources in moduleinfo a whole-module check does not run. */
  maxResources?: number;
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

/** The check could not run at all (no moduleinfo from any source): CANNOT_RUN, and the CLI exits 2. */
export class CannotRun extends WorkbenchError {
  constructor(message: string, details?: ErrorDetails) {
    super('CANNOT_RUN', message, details);
  }
}

/** Why no moduleinfo came from any point, for the screens: a timeout first, then a certificate, then no connection. */
export function unreachableKind(codes: readonly PointError['code'][]): ErrorKind | undefined {
  if (codes.includes('TIMEOUT')) return 'timeout';
  if (codes.includes('TLS')) return 'certificate';
  if (codes.some((c) => c === 'REFUSED' || c === 'DNS' || c === 'RESET' || c === 'NETWORK' || c === 'PROXY')) return 'unreachable';
  return undefined;
}

/** A resource: its moduleinfo key and the path it is fetched at (the key resolved on the app's origin). */
interface Resolved {
  key: string;
  path: string;
}

/** What every phase of one run shares. */
interface Run {
  opts: DiagnoseOptions;
  app: URL;
  moduleName?: string;
  vantage: Vantage;
  startedAt: string;
  points: Points;
  limits: FetchLimits;
  samples: number;
  concurrency: number;
  problems: string[];
  /** The codes of the moduleinfo fetches that failed, to say why none could be used. */
  moduleinfoErrors: PointError['code'][];
  redacted: Set<string>;
  /** moduleinfo versions seen, by token, and every copy read. */
  versions: Map<string, { info: ModuleVersionInfo; parsed: ModuleInfo }>;
  copies: ModuleInfoCopy[];
  /** moduleinfo bodies parsed, by their MD5. */
  parsed: Map<string, ReturnType<typeof parseModuleInfo>>;
  /** The current version's token, once decided (the iOS plugin names it in x-version-tokens). */
  currentToken?: string;
  progress(p: SweepProgress): void;
}

export async function diagnose(opts: DiagnoseOptions): Promise<OtaReport> {
  const app = new URL(opts.appUrl.endsWith('/') ? opts.appUrl : `${opts.appUrl}/`);
  const L = DIAGNOSE_LIMITS;
  const concurrency = Math.max(1, opts.concurrency ?? L.concurrency.default);
  const cancel = new CancelGroup(opts.signal);
  const run: Run = {
    opts,
    app,
    moduleName: moduleNameFromAppUrl(app.href),
    vantage: opts.vantage ?? 'agent',
    startedAt: new Date().toISOString(),
    points: makePoints(app, { ...opts, concurrency }),
    limits: {
      headers: clientHeaders(opts.as ?? L.as.default),
      timeoutMs: opts.timeoutMs ?? L.timeoutSeconds.default * 1000,
      maxBytes: opts.maxBytes ?? L.maxBytes,
      cancel,
    },
    samples: Math.max(1, opts.samples ?? L.samples.default),
    concurrency,
    problems: [...(opts.notes ?? [])],
    moduleinfoErrors: [],
    redacted: new Set(),
    versions: new Map(),
    copies: [],
    parsed: new Map(),
    progress: (p) => opts.onProgress?.(p),
  };
  try {
    if (opts.moduleinfoText !== undefined) addGivenModuleInfo(run, opts.moduleinfoText);
    await readModuleInfos(run, 'start');
    const current = decideCurrentVersion(run.copies);
    const currentInfo = current.versionToken ? run.versions.get(current.versionToken)?.parsed : undefined;
    if (!currentInfo) {
      const why = run.problems.length ? ` (${run.problems.join('; ')})` : '';
      throw new CannotRun(`no usable moduleinfo: ${current.how}${why}`, { kind: unreachableKind(run.moduleinfoErrors) });
    }
    run.currentToken = currentInfo.versionToken;
    const { paths, mode } = chooseResources(run, currentInfo);
    const { results, done, partly } = await checkResources(run, currentInfo, paths);
    if (!cancel.aborted) await readModuleInfos(run, 'end');
    run.progress({ phase: 'done', done: cancel.aborted ? done : paths.length, total: paths.length });
    if (cancel.aborted) run.problems.push(cancelledLine(done, partly, paths.length));
    return report(run, results, mode);
  } finally {
    run.points.destroy();
    cancel.dispose();
  }
}

/** The one line a cancelled check adds: how much was checked, and that it is kept. */
function cancelledLine(done: number, partly: number, total: number): string {
  const whole = done - partly;
  const part = partly ? `, ${partly} more in part (the copies fetched before the cancel)` : '';
  return `cancelled: ${whole} of ${total} resources checked${part}; what was checked is kept`;
}

/** A crafted moduleinfo may hold thousands of bad entries: this many lines name them, one more counts the rest. */
const WARNINGS_SHOWN = 20;

function addVersion(run: Run, m: ModuleInfo, warnings: readonly ParseProblem[] = []): void {
  if (run.versions.has(m.versionToken)) return;
  for (const w of warnings.slice(0, WARNINGS_SHOWN)) run.problems.push(`moduleinfo ${m.versionToken}: ${w.message}`);
  if (warnings.length > WARNINGS_SHOWN)
    run.problems.push(`moduleinfo ${m.versionToken}: ${warnings.length - WARNINGS_SHOWN} more problems like these`);
  const resources = Object.fromEntries(m.resources.map((r) => [r.path, r.expected]));
  run.versions.set(m.versionToken, { info: { versionToken: m.versionToken, versionSequence: m.versionSequence, resources }, parsed: m });
}

function addGivenModuleInfo(run: Run, text: string): void {
  const r = parseModuleInfo(text.replace(/^\uFEFF/, ''));
  if (!r.ok) throw new CannotRun(`the moduleinfo given cannot be used: ${describeProblem(r.error)}`);
  addVersion(run, r.value, r.warnings);
  const { versionToken, versionSequence } = r.value;
  run.copies.push({ source: 'moduleinfo', vantage: run.vantage, moment: 'given', versionToken, versionSequence, at: run.startedAt });
}

/** Phase 1 and 3: moduleinfo from every fetchable point; at the start also moduleversioninfo, as the runtime polls it. */
async function readModuleInfos(run: Run, moment: 'start' | 'end'): Promise<void> {
  const moduleinfoPath = new URL(moduleInfoUrl(run.app.href)).pathname;
  const versionInfoPath = new URL(moduleVersionInfoUrl(run.app.href)).pathname;
  const fetchable = [...run.points.frontends.filter((p) => !p.folder), run.points.public];
  run.progress({ phase: moment === 'start' ? 'moduleinfo' : 'moduleinfo-end', done: 0, total: fetchable.length });
  const json = { accept: 'application/json' };
  await Promise.all(
    fetchable.map(async (p) => {
      const res = await fetchVia(p, moduleinfoPath, run.limits, json);
      const copy: ModuleInfoCopy = {
        source: p.source,
        vantage: run.vantage,
        moment,
        status: res.record.status,
        fetch: tidy(res.record, run.redacted),
        at: new Date().toISOString(),
      };
      if (res.body) copy.hash = (await bodyFacts(run.opts.pool, res.body)).hash;
      if (res.error) {
        copy.error = `moduleinfo: ${res.error.message}`;
        run.moduleinfoErrors.push(res.error.code);
      } else if (res.body) {
        // Every point usually serves the same bytes at the start and the end: each distinct body is parsed once.
        const m = run.parsed.get(copy.hash!) ?? parseModuleInfo(decodeText(res.body));
        if (run.parsed.size < 16) run.parsed.set(copy.hash!, m);
        if (m.ok) {
          addVersion(run, m.value, m.warnings);
          copy.versionToken = m.value.versionToken;
          copy.versionSequence = m.value.versionSequence;
        } else copy.error = `moduleinfo cannot be parsed: ${describeProblem(m.error)}`;
      }
      if (moment === 'start') {
        // With a timestamp as cache buster, as the runtime does.
        const vi = await fetchVia(p, `${versionInfoPath}?${Date.now()}`, run.limits, json);
        const parsedVi = vi.body && !vi.error ? parseModuleVersionInfo(decodeText(vi.body)) : undefined;
        if (parsedVi?.ok) copy.versionInfoToken = parsedVi.value.versionToken;
      }
      if (copy.error) run.problems.push(`${sourceName({ source: p.source, vantage: run.vantage })}: ${copy.error}`);
      run.copies.push(copy);
    }),
  );
}

/**
 * Which resources: the log's and the chosen ones, or the whole module, each key resolved on the app's origin.
 * A key that would leave it (another host, `..` above the root, a backslash, a control character) is refused
 * with one problem line, and the check goes on with the rest.
 */
function chooseResources(run: Run, current: ModuleInfo): { paths: Resolved[]; mode: RunInfo['options']['resources'] } {
  const { opts } = run;
  const fromLog = resourcesNamed(opts.log ?? []);
  const chosen = opts.resources ?? [];
  const mode: RunInfo['options']['resources'] = opts.all || (!fromLog.length && !chosen.length) ? 'all' : chosen.length ? 'chosen' : 'log';
  const max = opts.maxResources ?? DIAGNOSE_LIMITS.maxResources.default;
  if (mode === 'all' && current.resources.length > max)
    throw new CannotRun(
      `moduleinfo lists ${current.resources.length} resources, over --max-resources ${max}; narrow the check with --resource or --log`,
    );
  const keys = mode === 'all' ? unique([...current.resources.map((r) => r.path), ...fromLog, ...chosen]) : unique([...fromLog, ...chosen]);
  const paths: Resolved[] = [];
  for (const key of keys) {
    const r = resolveKey(key, run.app.origin);
    if (r.ok) paths.push({ key, path: r.url.pathname });
    else run.problems.push(`resource ${clipMiddle(JSON.stringify(key))} refused: ${r.why}; not fetched`);
  }
  return { paths, mode };
}

/** Phase 2: every resource from every point, `concurrency` resources at a time. */
async function checkResources(
  run: Run,
  current: ModuleInfo,
  paths: Resolved[],
): Promise<{ results: ResourceObservations[]; done: number; partly: number }> {
  const expectedOf = new Map(current.resources.map((r) => [r.path, r.expected]));
  const failures = new Map<string, ReturnType<typeof checksumFailures>>();
  for (const f of checksumFailures(run.opts.log ?? [])) failures.set(f.path, [...(failures.get(f.path) ?? []), f]);
  const results: ResourceObservations[] = new Array(paths.length);
  const intern = new Interner();
  let done = 0;
  let partly = 0;
  let next = 0;
  run.progress({ phase: 'resources', done, total: paths.length });
  await Promise.all(
    Array.from({ length: Math.min(run.concurrency, paths.length) }, async () => {
      while (next < paths.length && !run.limits.cancel.aborted) {
        const index = next++;
        const { key: path, path: urlPath } = paths[index]!;
        const fetched = await checkOne(run, path, urlPath, expectedOf.get(path), index);
        // A fetch stopped by the cancel says nothing about its point: it is left out, not judged as unreached.
        const copies = fetched.filter((c) => c.obs.errorCode !== 'CANCELLED');
        if (copies.length < fetched.length) {
          if (!copies.length) continue;
          partly++;
        }
        for (const f of failures.get(path) ?? [])
          copies.push({
            obs: {
              source: 'device',
              vantage: 'customer',
              path,
              hash: f.calculated,
              logExpected: f.expected,
              body: 'log',
              at: run.startedAt,
            },
          });
        const expected = expectedOf.get(path);
        if (failures.has(path) && expected) {
          // The device said what it calculated: hash the right copy's variants while its body is here.
          const right = copies.find((c) => c.body && !c.obs.error && c.obs.hash === expected);
          const variants = right && variantHashes(right.body!);
          if (variants) right.obs.variants = variants;
        }
        diffAgainstReference(copies, expectedOf.get(path), isVersionTokenFile(path));
        slimRightCopies(copies, expectedOf.get(path), isVersionTokenFile(path), intern);
        results[index] = { path, versionTokenFile: isVersionTokenFile(path), observations: copies.map((c) => c.obs) };
        run.progress({ phase: 'resources', done: ++done, total: paths.length, path });
      }
    }),
  );
  return { results: results.filter(Boolean), done, partly };
}

/** One resource from every frontend, the public samples and the HAR. */
async function checkOne(run: Run, path: string, urlPath: string, expected: string | undefined, index: number): Promise<Copy[]> {
  const tokenFile = isVersionTokenFile(path);
  const query = expected ? `?${expected}` : '';
  const download = downloadHeaders(run.opts.as ?? DIAGNOSE_LIMITS.as.default, run.currentToken);
  const { pool } = run.opts;
  const observe = async (source: Source, res: PointResult, extra: Partial<Observation> = {}): Promise<Copy> => {
    const obs: Observation = {
      source,
      vantage: run.vantage,
      path,
      status: res.record.status,
      fetch: tidy(res.record, run.redacted),
      at: new Date().toISOString(),
      body: 'exact',
      ...extra,
    };
    const keep = res.body && res.error?.code !== 'TOO_LARGE';
    if (keep) Object.assign(obs, await bodyFacts(pool, res.body!, { wire: res.wire, tokenFile }));
    if (res.error) {
      obs.error = res.error.message;
      obs.errorCode = res.error.code;
    }
    return { obs, body: keep ? res.body : undefined, contentType: headerValue(res.record.headers, 'content-type') };
  };
  const get = (p: Point, source: Source, pathAndQuery: string, headers?: Record<string, string>, extra?: Partial<Observation>) =>
    fetchVia(p, pathAndQuery, run.limits, { ...download, ...headers }).then((res) => observe(source, res, extra));
  const jobs: Array<Promise<Copy>> = [];
  for (const p of run.points.frontends) {
    if (p.folder) {
      const at = { source: p.source, folder: p.folder, vantage: run.vantage, moduleName: run.moduleName, maxBytes: run.limits.maxBytes };
      jobs.push(readFromFolder({ ...at, tokenFile }, path, urlPath, pool));
    } else jobs.push(get(p, p.source, `${urlPath}${query}`));
  }
  const pub = run.points.public;
  for (let i = 1; i <= run.samples; i++) jobs.push(get(pub, 'public', `${urlPath}${query}`, undefined, { sample: i }));
  jobs.push(get(pub, 'public-nocache', `${urlPath}${query}`, { 'cache-control': 'no-cache' }));
  const nonce = `_hwb=${Date.now().toString(36)}${index.toString(36)}`;
  jobs.push(get(pub, 'public-busted', `${urlPath}${query ? `${query}&` : '?'}${nonce}`));
  const copies = await Promise.all(jobs);
  for (const e of run.opts.har ? harEntriesFor(run.opts.har, path) : []) copies.push(await harCopy(e, path, pool, tokenFile));
  return copies;
}

function report(run: Run, resources: ResourceObservations[], mode: RunInfo['options']['resources']): OtaReport {
  const { opts, limits } = run;
  for (const r of opts.har?.redacted ?? []) run.redacted.add(r);
  const info: RunInfo = {
    appUrl: run.app.href,
    vantage: run.vantage,
    startedAt: run.startedAt,
    finishedAt: new Date().toISOString(),
    toolVersion: opts.toolVersion ?? 'dev',
    command: opts.command ?? '',
    cancelled: limits.cancel.aborted || undefined,
    options: {
      samples: run.samples,
      timeoutSeconds: Math.round(limits.timeoutMs / 1000),
      concurrency: run.concurrency,
      resources: mode,
      maxBytes: limits.maxBytes,
      as: opts.as ?? DIAGNOSE_LIMITS.as.default,
    },
    network: {
      proxy: opts.proxy?.display,
      proxySource: opts.proxy ? opts.proxySource : undefined,
      ca: opts.caLabel,
      trust: opts.trust ?? {},
      insecure: !!opts.insecure,
    },
  };
  return buildReport(
    {
      moduleName: run.moduleName,
      frontends: opts.frontends.map(({ label, kind, address }) => ({ label, kind, address })),
      moduleinfo: run.copies,
      versions: [...run.versions.values()].map((v) => v.info),
      resources,
    },
    {
      runs: [info],
      problems: run.problems,
      redacted: [...run.redacted],
      log: (opts.log ?? [])
        .filter((e) => e.path)
        .map((e) => ({ line: e.line, kind: e.kind, path: e.path, expected: e.expected, calculated: e.calculated, message: e.message })),
    },
  );
}
