// The report of an OTA check: everything observed, so the app can reopen it and redraw the same screen,
// and `merge` can join a customer's report with an agent's and judge them again. Versioned schema.
import { ValidationError } from '../ipc/schema.js';
import { unique } from '../unique.js';
import type { ReportComparison } from './compare-reports.js';
import { parseReportBody } from './report-schema.js';
import type { ParseResult } from './parse-result.js';
import type { ModuleInfoCopy, Vantage } from './types.js';
import { judge, type CheckObservations, type FrontendInfo, type ModuleVersionInfo, type ResourceVerdict, type Verdict } from './verdict.js';

export const REPORT_SCHEMA = 'hash-workbench/ota-report';
/** 2: per-copy acceptance, the platform judged for, what the device got and the also-found list. Version 1 stays readable. */
export const REPORT_SCHEMA_VERSION = 2;

/** Which client the check's requests imitate: the iOS or Android cache plugin, or a browser. */
export type DeviceProfile = 'ios' | 'android' | 'browser';

export interface RunInfo {
  appUrl: string;
  vantage: Vantage;
  startedAt: string;
  finishedAt: string;
  toolVersion: string;
  /** The equivalent CLI command, so an agent can run it again. */
  command: string;
  options: {
    samples: number;
    timeoutSeconds: number;
    concurrency: number;
    resources: 'log' | 'chosen' | 'all';
    maxBytes: number;
    /** Whose requests the check made (absent in reports from before: a browser-like client). */
    as?: DeviceProfile;
  };
  /** Network settings in force: proxy, extra CA, per-frontend trust, insecure. */
  network: {
    proxy?: string;
    proxySource?: 'option' | 'environment' | 'system';
    ca?: string;
    trust: Record<string, string>;
    insecure: boolean;
  };
  cancelled?: boolean;
}

/** The verdict's fields at the top (fault, cause, frontends, headline, evidence…), then everything observed. */
export interface OtaReport extends Omit<Verdict, 'resources'> {
  schema: typeof REPORT_SCHEMA;
  schemaVersion: number;
  moduleName?: string;
  /** Every run joined into this report (one, or more after merge). */
  runs: RunInfo[];
  setup: { frontends: FrontendInfo[] };
  moduleinfo: ModuleInfoCopy[];
  versions: ModuleVersionInfo[];
  resources: ResourceVerdict[];
  /** Recognised log lines that named a resource (checksum failures first). */
  log: Array<{ line: number; kind: string; path?: string; expected?: string; calculated?: string; message: string }>;
  /** Problems met while running (an unreachable frontend, a bad HAR entry…); the run went on. */
  problems: string[];
  /** What was redacted from the report (cookie values, Authorization, query tokens). */
  redacted: string[];
  /** Set by a check run again (`--compare-with`, the app's Check again): what changed since the earlier report. */
  comparedWith?: ReportComparison;
}

const isModuleInfoRow = (r: ResourceVerdict) => r.versionTokenFile && r.path.endsWith('/moduleservices/moduleinfo');

/** The observations a report holds, ready to be judged again. */
export function observationsOf(report: OtaReport): CheckObservations {
  return {
    moduleName: report.moduleName,
    frontends: report.setup.frontends,
    moduleinfo: report.moduleinfo,
    versions: report.versions,
    resources: report.resources
      .filter((r) => !isModuleInfoRow(r))
      .map((r) => ({
        path: r.path,
        versionTokenFile: r.versionTokenFile,
        observations: r.observations
          .map(({ matches: _m, acceptance: _a, ...o }) => o)
          .filter((o) => !(o.source === 'device' && o.at === '')),
      })),
    log: report.log,
    as: asOf(report.runs),
  };
}

/** Builds (or rebuilds) a report from observations and run information: the verdict is always recomputed. */
/** The platform a run asked to be judged for (`--as`), when its RunInfo records one. */
function asOf(runs: RunInfo[]): string | undefined {
  for (const r of runs) {
    const as = (r as { as?: unknown }).as;
    if (typeof as === 'string') return as;
  }
  return undefined;
}

export function buildReport(obs: CheckObservations, rest: Pick<OtaReport, 'runs' | 'log' | 'problems' | 'redacted'>): OtaReport {
  const v = judge({
    ...obs,
    log: obs.log ?? rest.log,
    as: obs.as ?? asOf(rest.runs),
    cancelled: obs.cancelled ?? rest.runs.some((r) => r.cancelled),
  });
  return {
    schema: REPORT_SCHEMA,
    schemaVersion: REPORT_SCHEMA_VERSION,
    fault: v.fault,
    cause: v.cause,
    frontends: v.frontends,
    headline: v.headline,
    customer: v.customer,
    evidence: v.evidence,
    next: v.next,
    current: v.current,
    counts: v.counts,
    platform: v.platform,
    alsoFound: v.alsoFound,
    moduleName: obs.moduleName,
    runs: rest.runs,
    setup: { frontends: obs.frontends },
    moduleinfo: obs.moduleinfo,
    versions: obs.versions,
    resources: v.resources,
    log: rest.log,
    problems: rest.problems,
    redacted: rest.redacted,
  };
}

/**
 * Joins two reports of the same app (a customer's and an agent's) and judges them again. Observations
 * keep their vantage; frontends and versions are united; a resource seen by both gets both sets.
 */
export function mergeReports(a: OtaReport, b: OtaReport): OtaReport {
  const oa = observationsOf(a);
  const ob = observationsOf(b);
  const frontends = [...oa.frontends];
  for (const f of ob.frontends) if (!frontends.some((x) => x.label === f.label)) frontends.push(f);
  const versions = [...oa.versions];
  for (const v of ob.versions) if (!versions.some((x) => x.versionToken === v.versionToken)) versions.push(v);
  const resources = new Map(oa.resources.map((r) => [r.path, { ...r, observations: [...r.observations] }]));
  for (const r of ob.resources) {
    const mine = resources.get(r.path);
    if (mine) mine.observations.push(...r.observations);
    else resources.set(r.path, { ...r, observations: [...r.observations] });
  }
  return buildReport(
    {
      moduleName: oa.moduleName ?? ob.moduleName,
      frontends,
      versions,
      moduleinfo: [...oa.moduleinfo, ...ob.moduleinfo],
      resources: [...resources.values()],
    },
    {
      runs: [...a.runs, ...b.runs],
      log: [...a.log, ...b.log],
      problems: unique([...a.problems, ...b.problems]),
      redacted: unique([...a.redacted, ...b.redacted]),
    },
  );
}

/** Reads a report file's text. */
export function parseReport(text: string): ParseResult<OtaReport> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, error: { message: `not a JSON report (${(err as Error).message})` } };
  }
  return checkReport(value);
}

/** Checks that a JSON value (parsed already, e.g. received over IPC) is a report this version can read, field by field. */
export function checkReport(value: unknown): ParseResult<OtaReport> {
  const r = value as Partial<OtaReport> | null;
  if (!r || typeof r !== 'object' || r.schema !== REPORT_SCHEMA)
    return { ok: false, error: { message: `not a Hash Workbench OTA report (schema is not ${REPORT_SCHEMA})`, jsonPath: '$.schema' } };
  if (typeof r.schemaVersion !== 'number' || r.schemaVersion > REPORT_SCHEMA_VERSION) {
    return {
      ok: false,
      error: {
        message: `report schema version ${String(r.schemaVersion)} is newer than this app reads (${REPORT_SCHEMA_VERSION}); update Hash Workbench`,
        jsonPath: '$.schemaVersion',
      },
    };
  }
  try {
    return { ok: true, value: parseReportBody(value), warnings: [] };
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    // `$.resources[3].observations[1].status` → `resources[3].observations[1].status`, said once in the message.
    const jsonPath = err.path.replace(/^\$\.?/, '') || '$';
    return { ok: false, error: { message: err.message.slice(err.path.length + 2), jsonPath } };
  }
}
