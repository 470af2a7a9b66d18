// The verdict: a pure function from every observation of a check to the side at fault, per resource and
// overall, with the evidence that decided it in plain sentences. Same observations, same verdict.
import { unique } from '../unique.js';
import type { Platform } from './acceptance.js';
import { decideCurrentVersion, type CurrentVersion } from './current-version.js';
import { isRejection } from './log-lines.js';
import { frontendLabel, isFrontend } from './sources.js';
import { CAUSES, FAULT_ORDER, type Cause, type Fault, type ModuleInfoCopy, type Observation } from './types.js';
import { judgeModuleInfo } from './verdict-moduleinfo.js';
import { judgeResource } from './verdict-resource.js';

export interface FrontendInfo {
  label: string;
  kind: 'address' | 'folder';
  /** `host:port`, a URL, or the folder path. */
  address: string;
}

/** One moduleinfo version seen during the check: its token and the hash it lists per resource. */
export interface ModuleVersionInfo {
  versionToken: string;
  versionSequence?: number;
  resources: Record<string, string>;
}

export interface ResourceObservations {
  path: string;
  versionTokenFile: boolean;
  observations: Observation[];
}

/** A recognised log line that names a resource, as the report keeps it. */
export interface LogRow {
  line: number;
  kind: string;
  path?: string;
  expected?: string;
  calculated?: string;
  message: string;
}

export interface CheckObservations {
  moduleName?: string;
  frontends: FrontendInfo[];
  moduleinfo: ModuleInfoCopy[];
  versions: ModuleVersionInfo[];
  resources: ResourceObservations[];
  /** The device's log lines: the resources it rejected are explained first. */
  log?: LogRow[];
  /** The platform to judge for when the log does not show it (`--as`; ios, the stricter, by default). */
  as?: string;
  /** A run was cancelled: with no fault found in what was checked, that is the answer, not "no fault". */
  cancelled?: boolean;
}

export interface ResourceVerdict {
  path: string;
  /** The hash the current moduleinfo lists (for version-token files, the token). */
  expected?: string;
  versionTokenFile: boolean;
  fault: Fault;
  cause: Cause;
  /** Frontends at fault for this resource. */
  frontends: string[];
  evidence: string[];
  next: string[];
  observations: Observation[];
  /** The device's log says it rejected this resource. */
  logged?: boolean;
  /** Alterations a device accepts, each sentence saying so: never the cause of a checksum failure. */
  findings?: string[];
  /** What the device got, when its calculated hash matches something known. */
  deviceGot?: string;
}

export interface Verdict {
  fault: Fault;
  cause: Cause;
  /** Frontends named at fault, over all resources. */
  frontends: string[];
  /** The side at fault in one sentence, for the agent. */
  headline: string;
  /** The same in plain words for a customer. */
  customer: string;
  evidence: string[];
  next: string[];
  current: CurrentVersion;
  resources: ResourceVerdict[];
  counts: Partial<Record<Cause, number>>;
  /** The platform whose rules judged every copy, and how it was chosen. */
  platform?: { judgedFor: Platform; how: string };
  /** Everything else found: accepted alterations, and the faults of resources the device did not report. */
  alsoFound?: string[];
}

export function judge(input: CheckObservations): Verdict {
  const current = decideCurrentVersion(input.moduleinfo);
  const version = input.versions.find((v) => v.versionToken === current.versionToken);
  const older = input.versions.filter((v) => v.versionToken !== current.versionToken);
  const frontendsWithOldManifest = new Map<string, string>();
  for (const c of input.moduleinfo) {
    if (
      isFrontend(c.source) &&
      c.versionToken &&
      current.versionToken &&
      c.versionToken !== current.versionToken &&
      !current.changedDuringCheck
    ) {
      frontendsWithOldManifest.set(frontendLabel(c.source), c.versionToken);
    }
  }
  const platform = platformFor(input);
  const rejections = new Map<string, LogRow[]>();
  for (const row of input.log ?? []) if (isRejection(row)) rejections.set(row.path!, [...(rejections.get(row.path!) ?? []), row]);
  const resources: ResourceVerdict[] = [judgeModuleInfo(input, current)];
  for (const r of input.resources) {
    const ctx = {
      input,
      current,
      expected: version?.resources[r.path],
      older,
      frontendsWithOldManifest,
      platform: platform.judgedFor,
      rejections,
    };
    resources.push(judgeResource(r, ctx));
  }
  return combine(input, current, resources, platform);
}

/** Wordings only the Android plugin writes (CacheResources.java, NativeCache.java). */
const ANDROID_WORDING =
  /\bcorrput\b|pinning\s+or\s+SSL\s+error|Could\s+not\s+get\s+InputStream|Failed\s+to\s+check\s+the\s+integrity\s+of\s+the\s+file/i;

/** The platform the log's wording shows, else `--as` (ios by default: it accepts only status 200). */
function platformFor(input: CheckObservations): { judgedFor: Platform; how: string } {
  const lines = (input.log ?? []).map((l) => l.message);
  if (lines.some((m) => ANDROID_WORDING.test(m))) return { judgedFor: 'android', how: 'the device log has Android’s wording (“corrput”)' };
  if (lines.some((m) => /Checksum\s+failed|with\s+error\s*:\s*\(null\)/i.test(m))) {
    return { judgedFor: 'ios', how: 'the device log has iOS’s wording (“Checksum failed”, “with error: (null)”)' };
  }
  if (input.as === 'android') return { judgedFor: 'android', how: 'as asked (--as android)' };
  return {
    judgedFor: 'ios',
    how: input.as === 'ios' ? 'as asked (--as ios)' : 'iOS by default, the stricter (it accepts only status 200)',
  };
}

const NAMES = { ios: 'iOS', android: 'Android' } as const;

function combine(
  input: CheckObservations,
  current: CurrentVersion,
  resources: ResourceVerdict[],
  platform: Verdict['platform'] & {},
): Verdict {
  const rank = (f: Fault) => FAULT_ORDER.indexOf(f);
  // The device's own report comes first: the resources its log says it rejected own the verdict.
  const logged = resources.filter((r) => r.logged);
  const pool = logged.length ? logged : resources;
  const top = [...pool].sort((a, b) => rank(a.fault) - rank(b.fault))[0]!;
  const unfinished = input.cancelled && (top.fault === 'none' || top.fault === 'inconclusive');
  const cause: Cause = current.changedDuringCheck ? 'new-deployment' : unfinished ? 'cancelled' : top.cause;
  const fault = CAUSES[cause].fault;
  const atFault = pool.filter((r) => r.cause === cause);
  const frontends = unique(pool.filter((r) => r.fault === 'frontend').flatMap((r) => r.frontends));
  const counts: Partial<Record<Cause, number>> = {};
  for (const r of resources) counts[r.cause] = (counts[r.cause] ?? 0) + 1;
  const evidence = [
    `Current version: ${current.how}.`,
    `Each copy is judged as ${NAMES[platform.judgedFor]} would judge it: ${platform.how}.`,
  ];
  for (const r of atFault.slice(0, 5))
    if (r.cause !== 'consistent')
      evidence.push(...r.evidence.filter((e) => !e.startsWith('Current version')).map((e) => `${r.path}: ${e}`));
  if (!input.frontends.length) evidence.push('No frontend was given: only what the public URL shows was judged.');
  const alsoFound = unique([
    ...(logged.length
      ? resources
          .filter((r) => !r.logged && r.cause !== 'consistent' && r.fault !== 'inconclusive')
          .map((r) =>
            `${r.path}: ${CAUSES[r.cause].words}: ${r.evidence.find((e) => !e.startsWith('Current version')) ?? ''}`.replace(/: $/, '.'),
          )
      : []),
    ...resources.flatMap((r) => (r.findings ?? []).map((f) => `${r.path}: ${f}`)),
  ]);
  const files = atFault.filter((r) => !r.path.endsWith('/moduleservices/moduleinfo')).length;
  const base = CAUSES[cause].headline({ frontends, files: files || atFault.length });
  const named = logged.map((r) => r.path);
  const headline = named.length
    ? `The device rejected ${named.slice(0, 3).join(', ')}${named.length > 3 ? ` and ${named.length - 3} more` : ''}. ${base}`
    : base;
  return {
    fault,
    cause,
    frontends,
    headline,
    customer: CAUSES[cause].customer,
    evidence: unique(evidence),
    // A cause no resource carries (a cancelled run) still has its next step.
    next: atFault.length ? unique(atFault.flatMap((r) => r.next)) : [CAUSES[cause].next],
    current,
    resources,
    counts,
    platform,
    alsoFound,
  };
}
