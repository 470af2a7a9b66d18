// The sentences that describe a wrong copy: what a frontend or the public URL serves instead of the
// current version, with its byte diff, the older version it belongs to and the cache that held it.
import { diffClassLabel } from './byte-diff.js';
import { cacheEvidence } from './cache-detection.js';
import { copyErrorKind } from './copy-errors.js';
import type { CurrentVersion } from './current-version.js';
import { cap, frontendLabel, inWords, isShort, short, sourceName, type Frontends } from './sources.js';
import { describeJudgement, type Platform } from './acceptance.js';
import type { Observation } from './types.js';
import type { CheckObservations, LogRow, ModuleVersionInfo, ResourceObservations } from './verdict.js';

export interface Context {
  input: CheckObservations;
  current: CurrentVersion;
  expected: string | undefined;
  older: ModuleVersionInfo[];
  frontendsWithOldManifest: Map<string, string>;
  /** The platform whose rules judge each copy. */
  platform: Platform;
  /** The device log's rejections, by resource path. */
  rejections: Map<string, LogRow[]>;
}

/** What a frontend (or several alike, `f`) serves instead of the current version. */
export function describeWrongFrontend(o: Observation, f: Frontends, ctx: Context, r: ResourceObservations): string {
  const { who, many } = f;
  if (copyErrorKind(o.errorCode) === 'missing' || o.status === 404 || o.status === 410) {
    const why = o.status ? `status ${o.status}` : (o.error ?? 'no such file');
    return `${who} ${many ? 'do' : 'does'} not have ${r.path} (${why}), which the current version lists.`;
  }
  const old = ctx.frontendsWithOldManifest.get(frontendLabel(o.source));
  const olderVersion = ctx.older.find((v) => v.resources[r.path] === (r.versionTokenFile ? o.token : o.hash));
  const what = r.versionTokenFile ? `token ${o.token ?? '(none found)'}` : o.hash;
  const version = olderVersion ? `: the copy of version ${olderVersion.versionToken}` : '';
  const diff = o.diff ? ` (${o.diff.summary.replace(/\.$/, '')})` : '';
  return `${who} ${many ? 'serve' : 'serves'} ${what}, not ${ctx.expected}${version}${old ? `; ${many ? 'their' : 'its'} moduleinfo is ${old}` : ''}${diff}.`;
}

/** The points that got one copy, each named once: repeated samples of the public URL as "3 samples of the public URL". */
function pointNames(group: Observation[]): string[] {
  const names: string[] = [];
  for (const x of group) {
    const samples = x.source === 'public' ? group.filter((y) => y.source === 'public' && y.vantage === x.vantage) : [x];
    const name =
      samples.length > 1 ? `${samples.length} samples of ${sourceName({ source: 'public', vantage: x.vantage })}` : sourceName(x);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

export function describeWrongPublic(group: Observation[], ctx: Context, r: ResourceObservations): string {
  const o = group[0]!;
  const who = inWords(pointNames(group));
  const status = o.status !== undefined && o.status !== 200 ? `status ${o.status} with ` : '';
  const token = r.versionTokenFile ? ` (token ${o.token ?? 'none'})` : '';
  const parts = [`${cap(who)} ${group.length === 1 ? 'serves' : 'get'} ${status}${short(o.hash)}${token}, not ${short(ctx.expected)}.`];
  if (o.acceptance) parts.push(describeJudgement(o.acceptance));
  if (o.diff) parts.push(`Byte diff: ${o.diff.summary} (${diffClassLabel(o.diff.class)}).`);
  if (isShort(o)) parts.push(`Only ${o.fetch!.wireBytes} of the ${o.fetch!.contentLength} bytes announced by Content-Length arrived.`);
  const olderVersion = ctx.older.find((v) => v.resources[r.path] === o.hash);
  if (olderVersion) parts.push(`Those bytes are the copy of version ${olderVersion.versionToken}.`);
  const device = r.observations.find((d) => d.source === 'device' && d.hash && d.hash === o.hash);
  if (device) parts.push('They hash to the value the device calculated.');
  if (o.fetch) {
    const cache = cacheEvidence(o.fetch.headers);
    parts.push(...cache.statements);
    if (o.fetch.tls && o.fetch.tls.issuer) parts.push(`TLS issuer: ${o.fetch.tls.issuer}.`);
  }
  return parts.join(' ');
}
