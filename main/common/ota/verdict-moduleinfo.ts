// moduleinfo itself in the verdict: judged by the token each copy carries, and by what moduleversioninfo
// announces beside it (the runtime polls that endpoint to learn of a new version).
import { unique } from '../unique.js';
import { cacheEvidence } from './cache-detection.js';
import type { CurrentVersion } from './current-version.js';
import { cap, frontendLabel, isFrontend, isPublic, sourceName } from './sources.js';
import { CAUSES, type Cause, type Observation } from './types.js';
import type { CheckObservations, ResourceVerdict } from './verdict.js';

const causeOf = (cause: Cause) => ({ fault: CAUSES[cause].fault, cause });

/** moduleinfo itself, judged by its token: a frontend serving an older one is outdated. */
export function judgeModuleInfo(input: CheckObservations, current: CurrentVersion): ResourceVerdict {
  const path = `/${input.moduleName ?? '<module>'}/moduleservices/moduleinfo`;
  const observations: Observation[] = input.moduleinfo.map((c) => ({
    source: c.source,
    vantage: c.vantage,
    path,
    token: c.versionToken,
    hash: c.hash,
    status: c.status,
    error: c.error,
    fetch: c.fetch,
    at: c.at,
    body: c.source === 'moduleinfo' ? 'file' : 'exact',
    matches: c.versionToken !== undefined && current.versionToken !== undefined ? c.versionToken === current.versionToken : undefined,
  }));
  const base = { path, expected: current.versionToken, versionTokenFile: true, observations };
  const evidence = [`Current version: ${current.how}.`];
  // moduleversioninfo is what devices poll: one announcing another token than its moduleinfo sends them
  // after a version that source does not serve.
  for (const c of input.moduleinfo) {
    if (c.versionInfoToken && c.versionToken && c.versionInfoToken !== c.versionToken) {
      const frontend = isFrontend(c.source);
      const who = frontend ? `frontend ${frontendLabel(c.source)}` : `the ${c.source} URL`;
      const balancer = frontend ? '' : ' (a balancer may have answered the two from different servers)';
      evidence.push(
        `${cap(who)} announces version ${c.versionInfoToken} in moduleversioninfo but serves moduleinfo ${c.versionToken}${balancer}.`,
      );
    }
  }
  if (current.changedDuringCheck) {
    return {
      ...base,
      ...causeOf('new-deployment'),
      frontends: [],
      evidence,
      next: ['Wait until publishing has finished, then retry the upgrade on the device and run the check again.'],
    };
  }
  if (!current.versionToken) {
    return {
      ...base,
      ...causeOf('inconclusive'),
      frontends: [],
      evidence,
      next: ['Give the moduleinfo the device used (--moduleinfo), or add every frontend so a majority can decide.'],
    };
  }
  const frontendCopies = observations.filter((o) => isFrontend(o.source) && o.token);
  const stale = frontendCopies.filter((o) => o.matches === false);
  if (stale.length && stale.length < frontendCopies.length) {
    const labels = unique(stale.map((o) => frontendLabel(o.source)));
    // Read at the start and at the end: one sentence per frontend and token is enough.
    evidence.push(
      ...unique(stale.map((o) => `Frontend ${frontendLabel(o.source)} serves moduleinfo ${o.token}, not ${current.versionToken}.`)),
    );
    return { ...base, ...causeOf('outdated-frontend'), frontends: labels, evidence, next: [redeploy(labels)] };
  }
  const publicStale = observations.filter((o) => isPublic(o.source) && o.matches === false);
  if (publicStale.length) {
    evidence.push(...unique(publicStale.map((o) => `${cap(sourceName(o))} serves moduleinfo ${o.token}, not ${current.versionToken}.`)));
    const cached = publicStale.some((o) => o.fetch && cacheEvidence(o.fetch.headers).hit);
    if (cached)
      return {
        ...base,
        ...causeOf('stale-cache'),
        frontends: [],
        evidence,
        next: ['Purge the cache in front of the app, and keep moduleinfo out of it.'],
      };
    return {
      ...base,
      ...causeOf('inconclusive'),
      frontends: [],
      evidence,
      next: ['Add every server behind the load balancer to the check: one of them may serve an older moduleinfo.'],
    };
  }
  evidence.push(`Every copy of moduleinfo read carries the current token ${current.versionToken}.`);
  return { ...base, ...causeOf('consistent'), frontends: [], evidence, next: [] };
}

/** One wording for the fix of an outdated frontend, so the steps of several files collapse into one. */
export function redeploy(labels: string[]): string {
  return `Redeploy the module to ${labels.join(', ')} (check that its Deployment Service was running during the publish).`;
}
