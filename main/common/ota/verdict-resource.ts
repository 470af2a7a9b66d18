// One resource's verdict: every copy judged as the device judges it, then the side at fault. The device's
// own report (a rejection in its log) is explained first; alterations a device accepts are findings only.
import { unique } from '../unique.js';
import { affinityCookies } from './cookies.js';
import { cacheEvidence } from './cache-detection.js';
import { copyErrorKind } from './copy-errors.js';
import { whatTheDeviceGot, type VariantName } from './device-got.js';
import { cap, countSamples, foldFrontends, frontendLabel, inWords, isBypass, isFrontend, isPublic, short, sourceName } from './sources.js';
import { CAUSES, type Cause, type Observation } from './types.js';
import { acceptedAlterations, isBrokenAnswer, isBrokenTransfer, judgeObservation, type CopyJudgement } from './verdict-copies.js';
import { describeWrongFrontend, describeWrongPublic, type Context } from './verdict-evidence.js';
import { redeploy } from './verdict-moduleinfo.js';
import type { ResourceObservations, ResourceVerdict } from './verdict.js';

const ALTERATIONS = new Set(['bom', 'line-endings', 'whitespace', 'insertion', 'deletion', 'html-page', 'substitution']);

/** The device's log lines for this resource as observations, when the sweep made none (Android logs no hash). */
function withLoggedRejections(r: ResourceObservations, ctx: Context): Observation[] {
  // Object.assign, not a spread: Node 20's spread of these gave every copy a hidden class of its own (~3.5 KB a resource).
  const observations = r.observations.map((o) => Object.assign({}, o));
  const rows = ctx.rejections.get(r.path) ?? [];
  if (rows.length && !observations.some((o) => o.source === 'device')) {
    for (const row of unique(rows.map((x) => `${x.expected ?? ''}|${x.calculated ?? ''}`))) {
      const [logExpected, hash] = row.split('|');
      const obs: Observation = { source: 'device', vantage: 'customer', path: r.path, body: 'log', at: '' };
      if (logExpected) obs.logExpected = logExpected;
      if (hash) obs.hash = hash;
      observations.push(obs);
    }
  }
  return observations;
}

export function judgeResource(r: ResourceObservations, ctx: Context): ResourceVerdict {
  const { expected } = ctx;
  const observations = withLoggedRejections(r, ctx);
  const logged = (ctx.rejections.get(r.path) ?? []).length > 0;
  const base = { path: r.path, expected, versionTokenFile: r.versionTokenFile, observations, logged };
  const findings: string[] = [];
  const said: { deviceGot?: string } = {};
  const verdict = (cause: Cause, evidence: string[], next: string[], frontends: string[] = []): ResourceVerdict => ({
    ...base,
    fault: CAUSES[cause].fault,
    cause,
    frontends,
    evidence: said.deviceGot ? [said.deviceGot, ...evidence] : evidence,
    next,
    ...(findings.length ? { findings } : {}),
    ...(said.deviceGot ? { deviceGot: said.deviceGot } : {}),
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
  const states = new Map<Observation, CopyJudgement>();
  for (const o of observations) {
    const j = judgeObservation(o, { path: r.path, expected, platform: ctx.platform, rejectedByDevice: logged });
    states.set(o, j);
    if (j.state === 'right') o.matches = true;
    else if (j.state === 'wrong' || j.state === 'missing') o.matches = false;
  }
  // A wrong copy that is an older version's bytes says which version (and is a stale copy, not an alteration).
  const versionOf = (o: Observation) => (o.hash ? ctx.older.find((v) => v.resources[r.path] === o.hash)?.versionToken : undefined);
  for (const o of observations) {
    const known = versionOf(o);
    if (known && o.diff && states.get(o)!.state === 'wrong') o.diff = { ...o.diff, knownVersion: known };
  }
  const stateOf = (o: Observation) => states.get(o)!.state;
  const ruleOf = (o: Observation) => states.get(o)!.rule;
  const frontends = observations.filter((o) => isFrontend(o.source));
  const pick = (xs: Observation[], s: CopyJudgement['state']) => xs.filter((o) => stateOf(o) === s);
  const right = pick(frontends, 'right');
  const broken = pick(frontends, 'wrong').filter((o) => isBrokenAnswer(ruleOf(o)) || isBrokenTransfer(ruleOf(o)));
  const wrong = [...pick(frontends, 'wrong').filter((o) => !broken.includes(o)), ...pick(frontends, 'missing')];
  const unreachedFrontends = pick(frontends, 'unreached');
  const device = observations.filter((o) => o.source === 'device');
  const publics = observations.filter((o) => isPublic(o.source) || o.source === 'har');
  const refHash = r.versionTokenFile ? right.find((o) => o.hash)?.hash : expected;
  findings.push(...acceptedAlterations(publics, states, refHash));
  said.deviceGot = deviceSentence(observations, device, ctx, r);
  const evidence: string[] = [];
  const unreachedNotes = foldFrontends(unreachedFrontends, (o, f) => `${f.who} could not be read: ${o.error ?? `status ${o.status}`}.`);
  const rightNotes = () =>
    foldFrontends(right, (o, f) => `${f.who} ${f.many ? 'serve' : 'serves'} the current version (${short(o.hash)}).`);

  // 1. The device asked for a hash the current moduleinfo does not list: a version of an earlier deployment.
  const loggedOld = device.find((o) => o.logExpected && o.logExpected !== expected && !r.versionTokenFile);
  const olderVersion = loggedOld && ctx.older.find((v) => v.resources[r.path] === loggedOld.logExpected);
  if (loggedOld && !wrong.length && !broken.length && (right.length || olderVersion)) {
    return verdict(
      'new-deployment',
      [
        `The device asked for ${r.path}?${loggedOld.logExpected}, but the current moduleinfo lists ${expected}` +
          `${olderVersion ? ` (${loggedOld.logExpected} is the hash of version ${olderVersion.versionToken})` : ''}.`,
        right.length
          ? `The frontends (${inWords(unique(right.map((o) => frontendLabel(o.source))))}) serve the current version, ` +
            'so the app was republished while the device was upgrading.'
          : 'The device upgraded from a version that is no longer the current one: the app was republished meanwhile.',
      ],
      [CAUSES['new-deployment'].next],
    );
  }

  // 2. Frontends disagree, or all serve the same wrong bytes.
  if (wrong.length) {
    evidence.push(...foldFrontends(wrong, (o, f) => describeWrongFrontend(o, f, ctx, r)), ...rightNotes());
    evidence.push(...unreachedNotes);
    const labels = unique(wrong.map((o) => frontendLabel(o.source)));
    if (right.length) return verdict('outdated-frontend', evidence, [redeploy(labels)], labels);
    const hashes = unique(wrong.map((o) => (stateOf(o) === 'missing' ? 'missing' : o.hash)));
    const oldManifest = labels.filter((l) => ctx.frontendsWithOldManifest.has(l));
    if (oldManifest.length) return verdict('outdated-frontend', evidence, [redeploy(oldManifest)], oldManifest);
    if (hashes.length === 1 && hashes[0] !== 'missing') {
      evidence.push(
        'Every frontend checked serves the current moduleinfo but the same bytes for this file, which are not the version it lists.',
      );
      return verdict('manifest-mismatch', evidence, [CAUSES['manifest-mismatch'].next], labels);
    }
    evidence.push('No frontend serves the version the moduleinfo lists, and they do not agree with each other.');
    return verdict('manifest-mismatch', evidence, ['Republish the module to every frontend, then run the check again.'], labels);
  }

  // 2b. A frontend answered, but with what no device keeps: a status, an empty body, a broken transfer.
  if (broken.length) {
    const labels = unique(broken.map((o) => frontendLabel(o.source)));
    evidence.push(
      ...foldFrontends(broken, (o, f) => `${f.who}: ${o.acceptance?.[ctx.platform].reason ?? o.error ?? `status ${o.status}`}.`),
      ...rightNotes(),
    );
    return verdict('frontend-error', [...evidence, ...unreachedNotes], [CAUSES['frontend-error'].next], labels);
  }

  // 3. The frontends are right (or none were given): judge the path between them and the devices.
  const pubWrong = pick(publics, 'wrong');
  const pubRight = pick(publics, 'right');
  const pubUnreached = pick(publics, 'unreached');
  const noFrontends = frontends.length === 0;
  if (right.length) {
    // Every right copy is the current version: one statement for them all, whatever their bytes.
    const what = r.versionTokenFile ? `token ${expected}` : short(expected);
    const [all] = foldFrontends(right, (_o, f) => `${f.who} ${f.many ? 'serve' : 'serves'} the current version (${what}).`);
    evidence.push(all!);
  }
  evidence.push(...unreachedNotes);

  if (pubWrong.length) {
    // Samples that got the same bytes are described once, naming every sample.
    const groups = new Map<string, Observation[]>();
    for (const o of pubWrong) {
      const key = `${o.hash}|${o.status}|${o.diff?.class}|${o.vantage}|${ruleOf(o)}`;
      groups.set(key, [...(groups.get(key) ?? []), o]);
    }
    const all = [...evidence, ...[...groups.values()].map((g) => describeWrongPublic(g, ctx, r))];
    // A body cut short is truncated, unless a status the device refuses came with it (a 204 has no body: altered).
    if (pubWrong.some((o) => isBrokenTransfer(ruleOf(o)) || (o.diff?.class === 'prefix' && !isBrokenAnswer(ruleOf(o))))) {
      return verdict('truncated', all, [CAUSES.truncated.next]);
    }
    // A same-size change is an alteration unless a cache explains it (an older build of the same size).
    const altered = (o: Observation, withSubstitution: boolean) =>
      !!o.diff && ALTERATIONS.has(o.diff.class) && !versionOf(o) && (withSubstitution || o.diff.class !== 'substitution');
    if (pubWrong.some((o) => isBrokenAnswer(ruleOf(o)) || altered(o, false))) {
      return verdict('altered-content', all, [CAUSES['altered-content'].next]);
    }
    const cached = pubWrong.filter((o) => o.fetch && cacheEvidence(o.fetch.headers).hit);
    const bypassRight = pubRight.filter((o) => isBypass(o.source));
    if (cached.length || bypassRight.length) {
      const extra = bypassRight.map((o) => `${cap(sourceName(o))} gets the current version, so a stored copy is served to the plain URL.`);
      const element = cached.map((o) => cacheEvidence(o.fetch!.headers).element).find(Boolean);
      const keyHint = pubWrong.some((o) => o.source === 'public-busted')
        ? ' The cache ignores the query string in its key: include it.'
        : '';
      return verdict(
        'stale-cache',
        [...all, ...extra],
        [`Purge the cache${element ? ` of ${element}` : ''} in front of the app and include the query string in its cache key.${keyHint}`],
      );
    }
    if (pubWrong.some((o) => altered(o, true))) return verdict('altered-content', all, [CAUSES['altered-content'].next]);
    const samples = publics.filter((o) => o.source === 'public');
    if (samples.some((o) => stateOf(o) === 'right') && samples.some((o) => stateOf(o) === 'wrong') && !noFrontends) {
      const members = unique(
        samples.flatMap((o) => (o.fetch ? affinityCookies(o.fetch.headers).map((a) => a.member) : [])).filter(Boolean) as string[],
      );
      return verdict(
        'outdated-frontend',
        [
          ...all,
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
        ...all,
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

  // A public copy too large to read whole is not judged: what passes through to devices stays unknown.
  const unjudged = publics.filter((o) => copyErrorKind(o.errorCode) === 'unjudged');
  if (unjudged.length && !pubRight.length) {
    return verdict(
      'inconclusive',
      [
        ...evidence,
        ...unjudged.slice(0, 1).map((o) => `${cap(sourceName(o))} could not be judged: ${o.error ?? 'the body is over the size cap'}.`),
      ],
      ['Fetch this file from the public URL with a browser or curl and compare its hash, or check it from a HAR capture of a device.'],
    );
  }

  const deviceWrong = device.filter((o) => stateOf(o) === 'wrong');
  if (deviceWrong.length && (pubRight.length || right.length)) {
    return verdict(
      'device-network',
      [
        ...evidence,
        pubRight.length ? `The public URL serves the current version (${countSamples(pubRight)}).` : 'The public URL was not checked.',
        ...deviceWrong.map((o) =>
          o.hash
            ? `The device calculated ${o.hash} for ${r.path}, not ${expected}.`
            : `The device's log says it rejected ${r.path}, while every copy checked from here is right.`,
        ),
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
  if (pubRight.length) evidence.push(`The public URL serves the current version (${countSamples(pubRight)}).`);
  if (noFrontends) evidence.push('The frontends were not checked from here.');
  return verdict('consistent', [...evidence, ...findings], []);
}

/** "The device received …": what its calculated hash matches, among the copies and the right file's variants. */
function deviceSentence(observations: Observation[], device: Observation[], ctx: Context, r: ResourceObservations): string | undefined {
  const calculated = device.find((o) => o.hash && o.hash !== ctx.expected)?.hash;
  if (!calculated) return undefined;
  const served = observations.filter((o) => o.source !== 'device' && o.hash).map((o) => ({ hash: o.hash, who: sourceName(o) }));
  const variants: Partial<Record<VariantName, string>> = {};
  for (const o of observations) {
    if (o.hash !== ctx.expected) continue;
    if (o.variants) Object.assign(variants, o.variants);
    // The compressed bytes of a right copy, as they travelled: what a device that does not decode them hashes.
    if (o.wireHash && o.wireHash !== o.hash) variants.wire ??= o.wireHash;
  }
  const versions = ctx.older.flatMap((v) => (v.resources[r.path] ? [{ versionToken: v.versionToken, hash: v.resources[r.path]! }] : []));
  return whatTheDeviceGot({ calculated, served, variants, versions });
}
