// The verdict: a pure function from every observation of a check to the side at fault, per resource and
// overall, with the evidence that decided it in plain sentences. Same observations, same verdict.
import { unique } from '../unique.js';
import { countSamples, cap, frontendLabel, isBypass, isFrontend, isPublic, isShort, short, sourceName } from './sources.js';
import { describeWrongFrontend, describeWrongPublic, type Context } from './verdict-evidence.js';
import { judgeModuleInfo, redeploy } from './verdict-moduleinfo.js';
import { decideCurrentVersion, type CurrentVersion } from './current-version.js';
import { cacheEvidence } from './cache-detection.js';
import { affinityCookies } from './cookies.js';
import { CAUSES, FAULT_ORDER, type Cause, type Fault, type ModuleInfoCopy, type Observation } from './types.js';

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

export interface CheckObservations {
  moduleName?: string;
  frontends: FrontendInfo[];
  moduleinfo: ModuleInfoCopy[];
  versions: ModuleVersionInfo[];
  resources: ResourceObservations[];
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
}

type State = 'right' | 'wrong' | 'missing' | 'unreached' | 'unknown';

const ALTERATIONS = new Set(['bom', 'line-endings', 'whitespace', 'insertion', 'deletion', 'html-page']);

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
  const resources: ResourceVerdict[] = [judgeModuleInfo(input, current)];
  for (const r of input.resources) {
    resources.push(judgeResource(r, { input, current, expected: version?.resources[r.path], older, frontendsWithOldManifest }));
  }
  return combine(input, current, resources);
}

function stateOf(o: Observation, ctx: Context, ref: string | undefined, tokenFile: boolean): State {
  if (o.source === 'device') return o.hash === undefined ? 'unknown' : o.hash === ctx.expected ? 'right' : 'wrong';
  if (o.body === 'not-captured') return 'unknown';
  if (o.errorCode === 'MISSING' || o.status === 404 || o.status === 410) return isFrontend(o.source) ? 'missing' : 'wrong';
  if (o.status !== undefined && o.status >= 400 && o.status < 500 && o.hash !== undefined) return 'wrong';
  if (o.hash === undefined || (o.status !== undefined && o.status !== 200) || o.errorCode === 'TOO_LARGE' || o.errorCode === 'TIMEOUT')
    return 'unreached';
  if (tokenFile) {
    if (o.token !== ctx.expected) return 'wrong';
    // Right token, but a public copy whose bytes were altered in transit is still wrong.
    return ref && !isFrontend(o.source) && o.hash !== ref && o.diff && ALTERATIONS.has(o.diff.class) ? 'wrong' : 'right';
  }
  return o.hash === ctx.expected ? 'right' : 'wrong';
}

function judgeResource(r: ResourceObservations, ctx: Context): ResourceVerdict {
  const { expected } = ctx;
  const observations = r.observations.map((o) => ({ ...o }));
  const base = { path: r.path, expected, versionTokenFile: r.versionTokenFile, observations };
  const verdict = (cause: Cause, evidence: string[], next: string[], frontends: string[] = []): ResourceVerdict => ({
    ...base,
    fault: CAUSES[cause].fault,
    cause,
    frontends,
    evidence,
    next,
  });
  if (expected === undefined) {
    return verdict(
      'inconclusive',
      [
        ctx.current.versionToken
          ? `The current moduleinfo (${ctx.current.versionToken}) does not list ${r.path}.`
          : 'The current version could not be decided, so there is no expected hash to judge against.',
      ],
      ['Check the resource path against the moduleinfo keys (they start with /<Module>/).'],
    );
  }
  // Reference bytes for version-token files: what the right frontends serve.
  const refHash = r.versionTokenFile ? observations.find((o) => isFrontend(o.source) && o.token === expected && o.hash)?.hash : expected;
  const states = new Map<Observation, State>();
  for (const o of observations) {
    const s = stateOf(o, ctx, refHash, r.versionTokenFile);
    states.set(o, s);
    if (s === 'right') o.matches = true;
    else if (s === 'wrong' || s === 'missing') o.matches = false;
  }
  const frontends = observations.filter((o) => isFrontend(o.source));
  const pick = (xs: Observation[], s: State) => xs.filter((o) => states.get(o) === s);
  const right = pick(frontends, 'right');
  const wrong = [...pick(frontends, 'wrong'), ...pick(frontends, 'missing')];
  const unreachedFrontends = pick(frontends, 'unreached');
  const device = observations.filter((o) => o.source === 'device');
  const evidence: string[] = [];
  const unreachedNotes = unreachedFrontends.map(
    (o) => `Frontend ${frontendLabel(o.source)} could not be read: ${o.error ?? `status ${o.status}`}.`,
  );

  // 1. The device asked for a hash the current moduleinfo does not list while the frontends serve the current version.
  const logged = device.find((o) => o.logExpected && o.logExpected !== expected && !r.versionTokenFile);
  if (logged && right.length && !wrong.length) {
    const olderVersion = ctx.older.find((v) => v.resources[r.path] === logged.logExpected);
    return verdict(
      'new-deployment',
      [
        `The device asked for ${r.path}?${logged.logExpected}, but the current moduleinfo lists ${expected}` +
          `${olderVersion ? ` (${logged.logExpected} is the hash of version ${olderVersion.versionToken})` : ''}.`,
        `The frontends (${right.map((o) => frontendLabel(o.source)).join(', ')}) serve the current version, ` +
          'so the app was republished while the device was upgrading.',
      ],
      ['Let the device retry the upgrade now that publishing has finished; avoid publishing while devices upgrade.'],
    );
  }

  // 2. Frontends disagree, or all serve the same wrong bytes.
  if (wrong.length) {
    for (const o of wrong) evidence.push(describeWrongFrontend(o, ctx, r));
    for (const o of right) evidence.push(`Frontend ${frontendLabel(o.source)} serves the current version (${short(o.hash)}).`);
    evidence.push(...unreachedNotes);
    const labels = unique(wrong.map((o) => frontendLabel(o.source)));
    if (right.length) {
      return verdict('outdated-frontend', evidence, [redeploy(labels)], labels);
    }
    const hashes = unique(wrong.map((o) => (states.get(o) === 'missing' ? 'missing' : o.hash)));
    const oldManifest = labels.filter((l) => ctx.frontendsWithOldManifest.has(l));
    if (oldManifest.length) {
      return verdict('outdated-frontend', evidence, [redeploy(oldManifest)], oldManifest);
    }
    if (hashes.length === 1 && hashes[0] !== 'missing') {
      evidence.push(
        `Every frontend checked serves the current moduleinfo but the same bytes for this file, which are not the version it lists.`,
      );
      return verdict(
        'manifest-mismatch',
        evidence,
        ['Republish the module so its files and its moduleinfo match; check the Running folder on each frontend.'],
        labels,
      );
    }
    evidence.push('No frontend serves the version the moduleinfo lists, and they do not agree with each other.');
    return verdict('manifest-mismatch', evidence, ['Republish the module to every frontend, then run the check again.'], labels);
  }

  // 3. The frontends are right (or none were given): judge the path between them and the devices.
  const publics = observations.filter((o) => isPublic(o.source) || o.source === 'har');
  const pubWrong = pick(publics, 'wrong');
  const pubRight = pick(publics, 'right');
  const pubUnreached = pick(publics, 'unreached');
  const noFrontends = frontends.length === 0;
  if (right.length) {
    const one = right.length === 1;
    const labels = right.map((o) => frontendLabel(o.source)).join(', ');
    const what = r.versionTokenFile ? `token ${expected}` : short(expected);
    evidence.push(`${one ? 'Frontend' : 'Frontends'} ${labels} ${one ? 'serves' : 'serve'} the current version (${what}).`);
  }
  evidence.push(...unreachedNotes);

  if (pubWrong.length) {
    // Samples that got the same bytes are described once, naming every sample.
    const groups = new Map<string, Observation[]>();
    for (const o of pubWrong) {
      const key = `${o.hash}|${o.status}|${o.diff?.class}|${o.vantage}`;
      groups.set(key, [...(groups.get(key) ?? []), o]);
    }
    const publicEvidence = [...groups.values()].map((g) => describeWrongPublic(g, ctx, r));
    const truncated = pubWrong.filter((o) => o.diff?.class === 'prefix' || isShort(o));
    if (truncated.length) {
      return verdict(
        'truncated',
        [...evidence, ...publicEvidence],
        ['Check the size and time limits of the proxies and load balancer on the way, then retry.'],
      );
    }
    const altered = pubWrong.filter((o) => (o.diff && ALTERATIONS.has(o.diff.class)) || (o.status !== undefined && o.status >= 400));
    const cached = pubWrong.filter((o) => o.fetch && cacheEvidence(o.fetch.headers).hit);
    const bypassRight = pubRight.filter((o) => isBypass(o.source));
    if (altered.length) {
      return verdict('altered-content', [...evidence, ...publicEvidence], [CAUSES['altered-content'].next]);
    }
    if (cached.length || bypassRight.length) {
      const extra = bypassRight.map((o) => `${cap(sourceName(o))} gets the current version, so a stored copy is served to the plain URL.`);
      const element = cached.map((o) => cacheEvidence(o.fetch!.headers).element).find(Boolean);
      const keyHint = pubWrong.some((o) => o.source === 'public-busted')
        ? ' The cache ignores the query string in its key: include it.'
        : '';
      return verdict(
        'stale-cache',
        [...evidence, ...publicEvidence, ...extra],
        [`Purge the cache${element ? ` of ${element}` : ''} in front of the app and include the query string in its cache key.${keyHint}`],
      );
    }
    const samples = publics.filter((o) => o.source === 'public');
    if (samples.some((o) => states.get(o) === 'right') && samples.some((o) => states.get(o) === 'wrong') && !noFrontends) {
      const members = unique(
        samples.flatMap((o) =>
          o.fetch
            ? affinityCookies(o.fetch.headers)
                .map((a) => a.member)
                .filter(Boolean)
            : [],
        ) as string[],
      );
      return verdict(
        'outdated-frontend',
        [
          ...evidence,
          ...publicEvidence,
          'Repeated requests to the public URL alternate between the current version and other bytes, with no sign of a cache: ' +
            `the load balancer reaches a server not in the list${members.length ? ` (members seen: ${members.join(', ')})` : ''}.`,
        ],
        ['Add every server behind the load balancer to the check, and redeploy the one that serves the old copy.'],
        ['(not in the list)'],
      );
    }
    return verdict(
      'inconclusive',
      [
        ...evidence,
        ...publicEvidence,
        noFrontends
          ? 'No frontend was checked, so the public copy cannot be set against the servers.'
          : 'There is no cache header and no bypassed sample that is right, so the stored copy cannot be placed.',
      ],
      [
        noFrontends
          ? 'Add the frontends (support can reach them) and run the check again.'
          : 'Ask which caches and proxies sit in front of the app, and add every server behind the load balancer.',
      ],
    );
  }

  const deviceWrong = device.filter((o) => states.get(o) === 'wrong');
  if (deviceWrong.length && (pubRight.length || right.length)) {
    return verdict(
      'device-network',
      [
        ...evidence,
        pubRight.length ? `The public URL serves the current version (${countSamples(pubRight)}).` : 'The public URL was not checked.',
        ...deviceWrong.map((o) => `The device calculated ${o.hash} for ${r.path}, not ${expected}.`),
      ],
      [CAUSES['device-network'].next],
    );
  }
  if (unreachedFrontends.length || pubUnreached.length) {
    return verdict(
      'unreachable',
      [...evidence, ...pubUnreached.map((o) => `${cap(sourceName(o))} could not be read: ${o.error ?? `status ${o.status}`}.`)],
      [
        ...(unreachedFrontends.length
          ? ['Check that the frontends named can be reached from here (address, port, certificate), or give their Running folder instead.']
          : []),
        ...(pubUnreached.length
          ? ['Open the public URL in a browser from this network to see what answers (a sign-in page, an error page, a timeout).']
          : []),
      ],
    );
  }
  if (noFrontends && !pubRight.length) {
    return verdict('inconclusive', [...evidence, 'Nothing was fetched for this file.'], ['Add the frontends, or check the public URL.']);
  }
  const encodingOnly = publics.filter((o) => states.get(o) === 'right' && o.wireHash && o.wireHash !== o.hash);
  if (encodingOnly.length)
    evidence.push(
      `${cap(sourceName(encodingOnly[0]!))} arrives compressed (${encodingOnly[0]!.fetch?.contentEncoding ?? 'encoded'}); ` +
        'once decoded it is the same file, which is no fault.',
    );
  if (pubRight.length) evidence.push(`The public URL serves the current version (${countSamples(pubRight)}).`);
  if (noFrontends) evidence.push('The frontends were not checked from here.');
  return verdict('consistent', evidence, []);
}

function combine(input: CheckObservations, current: CurrentVersion, resources: ResourceVerdict[]): Verdict {
  const rank = (f: Fault) => FAULT_ORDER.indexOf(f);
  const ordered = [...resources].sort((a, b) => rank(a.fault) - rank(b.fault));
  const top = ordered[0]!;
  const fault = top.fault;
  const cause: Cause = current.changedDuringCheck ? 'new-deployment' : top.cause;
  const atFault = resources.filter((r) => r.fault === fault && r.cause === cause);
  const frontends = unique(resources.filter((r) => r.fault === 'frontend').flatMap((r) => r.frontends));
  const counts: Partial<Record<Cause, number>> = {};
  for (const r of resources) counts[r.cause] = (counts[r.cause] ?? 0) + 1;
  const evidence = [`Current version: ${current.how}.`];
  for (const r of atFault.slice(0, 5))
    if (r.cause !== 'consistent')
      evidence.push(...r.evidence.filter((e) => !e.startsWith('Current version')).map((e) => `${r.path}: ${e}`));
  if (!input.frontends.length) evidence.push('No frontend was given: only what the public URL shows was judged.');
  const files = atFault.filter((r) => !r.path.endsWith('/moduleservices/moduleinfo')).length;
  return {
    fault,
    cause,
    frontends,
    headline: CAUSES[cause].headline({ frontends, files: files || atFault.length }),
    customer: CAUSES[cause].customer,
    evidence: unique(evidence),
    next: unique(atFault.flatMap((r) => r.next)),
    current,
    resources,
    counts,
  };
}
