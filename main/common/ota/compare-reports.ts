// Check again: an earlier report set against a new one of the same app, per faulty resource and per point,
// in sentences an agent can read out ("FE3 now serves the current version: fixed"). Pure: values in and out.
import { cacheEvidence } from './cache-detection.js';
import type { OtaReport } from './report.js';
import type { Cause, Fault, Observation } from './types.js';
import type { ResourceVerdict } from './verdict.js';

/** What one point (a frontend, the public samples together, a bypassed sample, the device…) showed. */
export type PointState = 'right' | 'wrong' | 'unread' | 'not-checked';

/** How a point or a resource moved between the two checks. */
export type ChangeKind = 'fixed' | 'still-wrong' | 'new-problem' | 'changed' | 'now-read' | 'now-unread' | 'unchanged' | 'not-checked';

export interface PointChange {
  /** `frontend:FE3`, `public`, `public-nocache`…, with `@customer` for the customer's copies. */
  point: string;
  /** The point in words: "FE3", "the public URL". */
  name: string;
  before: PointState;
  after: PointState;
  kind: ChangeKind;
  sentence: string;
}

export interface ResourceChange {
  path: string;
  kind: ChangeKind;
  before?: { fault: Fault; cause: Cause };
  after?: { fault: Fault; cause: Cause };
  /** The resource in one sentence ("fixed: every copy checked now matches the current version"). */
  sentence: string;
  /** Only the points whose state is worth saying: every wrong one, before or after. */
  points: PointChange[];
}

export interface ReportComparison {
  /** The earlier report's file name, when it came from one. */
  file?: string;
  before: { fault: Fault; cause: Cause; headline: string; finishedAt?: string; versionToken?: string };
  after: { fault: Fault; cause: Cause; headline: string; finishedAt?: string; versionToken?: string };
  /** The whole check in one word: fixed (no fault left), better, same, worse. */
  overall: 'fixed' | 'better' | 'same' | 'worse';
  /** The whole check in one sentence, first in the CLI and on the screen. */
  summary: string;
  /** Every resource that was not consistent in either check, faulty ones first. */
  changes: ResourceChange[];
  /** Resources consistent both times. */
  unchangedConsistent: number;
}

const KIND_ORDER: readonly ChangeKind[] = [
  'new-problem',
  'still-wrong',
  'changed',
  'now-unread',
  'fixed',
  'now-read',
  'not-checked',
  'unchanged',
];

export function compareReports(before: OtaReport, after: OtaReport, file?: string): ReportComparison {
  const earlier = new Map(before.resources.map((r) => [r.path, r]));
  const later = new Map(after.resources.map((r) => [r.path, r]));
  const paths = [...new Set([...earlier.keys(), ...later.keys()])];
  const changes: ResourceChange[] = [];
  let unchangedConsistent = 0;
  for (const path of paths) {
    const b = earlier.get(path);
    const a = later.get(path);
    if (isOk(b) && isOk(a)) unchangedConsistent++;
    else if (b || a) changes.push(compareResource(path, b, a));
  }
  changes.sort((x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind));
  const ends = (r: OtaReport) => ({
    fault: r.fault,
    cause: r.cause,
    headline: r.headline,
    finishedAt: r.runs[r.runs.length - 1]?.finishedAt,
    versionToken: r.current.versionToken,
  });
  const overall = overallOf(before, after, changes);
  return {
    ...(file ? { file } : {}),
    before: ends(before),
    after: ends(after),
    overall,
    summary: summaryOf(before, after, overall, changes),
    changes,
    unchangedConsistent,
  };
}

const isOk = (r: ResourceVerdict | undefined) => !r || r.cause === 'consistent';

function overallOf(before: OtaReport, after: OtaReport, changes: ResourceChange[]): ReportComparison['overall'] {
  if (after.fault === 'none' && before.fault !== 'none') return 'fixed';
  const count = (k: ChangeKind) => changes.filter((c) => c.kind === k).length;
  if (count('new-problem') || count('now-unread')) return 'worse';
  if (count('fixed') || count('now-read')) return 'better';
  return 'same';
}

function summaryOf(before: OtaReport, after: OtaReport, overall: ReportComparison['overall'], changes: ResourceChange[]): string {
  const n = (k: ChangeKind) => changes.filter((c) => c.kind === k).length;
  const files = (k: number) => `${k} file${k === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (n('fixed')) parts.push(`${files(n('fixed'))} fixed`);
  if (n('still-wrong') + n('changed')) parts.push(`${files(n('still-wrong') + n('changed'))} still wrong`);
  if (n('new-problem')) parts.push(`${files(n('new-problem'))} newly wrong`);
  if (n('now-unread')) parts.push(`${files(n('now-unread'))} could not be read this time`);
  const republished =
    before.current.versionToken && after.current.versionToken && before.current.versionToken !== after.current.versionToken
      ? ` The app was published again in between (version ${before.current.versionToken} → ${after.current.versionToken}):` +
        ' each check is judged against its own current version.'
      : '';
  const lead =
    overall === 'fixed'
      ? 'Fixed: every copy checked now matches the current version.'
      : overall === 'same' && after.cause === before.cause
        ? `No change: still ${after.cause}.`
        : `${overall === 'better' ? 'Better' : overall === 'worse' ? 'Worse' : 'Changed'}: now ${after.cause} (was ${before.cause}).`;
  return `${lead}${parts.length ? ` ${cap(parts.join(', '))}.` : ''}${republished}`;
}

function compareResource(path: string, b: ResourceVerdict | undefined, a: ResourceVerdict | undefined): ResourceChange {
  const points = comparePoints(b, a).filter((p) => p.before === 'wrong' || p.after === 'wrong' || p.kind === 'now-unread');
  const ends = {
    ...(b ? { before: { fault: b.fault, cause: b.cause } } : {}),
    ...(a ? { after: { fault: a.fault, cause: a.cause } } : {}),
  };
  if (!a) return { path, kind: 'not-checked', ...ends, sentence: `${path}: not checked this time (it was ${b!.cause}).`, points };
  if (a.cause === 'consistent')
    return { path, kind: 'fixed', ...ends, sentence: `${path}: fixed, every copy checked now matches the current version.`, points };
  const unread = a.cause === 'unreachable' || a.cause === 'inconclusive';
  if (b && unread) {
    const kind = b.cause === a.cause ? 'still-wrong' : 'now-unread';
    return {
      path,
      kind,
      ...ends,
      sentence: `${path}: ${kind === 'now-unread' ? `now ${a.cause} (was ${b.cause})` : `still ${a.cause}`}.`,
      points,
    };
  }
  if (!b || b.cause === 'consistent')
    return { path, kind: 'new-problem', ...ends, sentence: `${path}: new problem, ${a.cause}${b ? '' : ' (not checked before)'}.`, points };
  if (a.cause === b.cause) return { path, kind: 'still-wrong', ...ends, sentence: `${path}: still ${a.cause}${where(a)}.`, points };
  return { path, kind: 'changed', ...ends, sentence: `${path}: still wrong, now ${a.cause} (was ${b.cause})${where(a)}.`, points };
}

/** "at FE3", "at the cache (Fastly)": where the fault now sits, for a resource still wrong. */
function where(r: ResourceVerdict): string {
  if (r.frontends.length) return ` at ${r.frontends.join(', ')}`;
  if (r.cause !== 'stale-cache') return '';
  const element = r.observations
    .map((o) => (o.matches === false && o.fetch ? cacheEvidence(o.fetch.headers).element : undefined))
    .find(Boolean);
  return ` at the cache${element ? ` (${element})` : ''}`;
}

function pointKey(o: Observation): string {
  return `${o.source}${o.vantage === 'customer' ? '@customer' : ''}`;
}

function pointName(key: string): string {
  const [source, who] = key.split('@');
  const from = who ? ' from the customer’s network' : '';
  if (source!.startsWith('frontend:')) return source!.slice('frontend:'.length);
  if (source === 'public') return `the public URL${from}`;
  if (source === 'public-nocache') return `the public URL with Cache-Control: no-cache${from}`;
  if (source === 'public-busted') return `the public URL with an extra query parameter${from}`;
  if (source === 'har') return `the captured traffic${from}`;
  if (source === 'device') return 'the device log';
  return 'the moduleinfo given';
}

function stateOf(obs: Observation[] | undefined): { state: PointState; wrong: number; of: number } {
  if (!obs?.length) return { state: 'not-checked', wrong: 0, of: 0 };
  const wrong = obs.filter((o) => o.matches === false).length;
  const right = obs.filter((o) => o.matches === true).length;
  return { state: wrong ? 'wrong' : right ? 'right' : 'unread', wrong, of: obs.length };
}

function group(r: ResourceVerdict | undefined): Map<string, Observation[]> {
  const m = new Map<string, Observation[]>();
  for (const o of r?.observations ?? []) m.set(pointKey(o), [...(m.get(pointKey(o)) ?? []), o]);
  return m;
}

function comparePoints(b: ResourceVerdict | undefined, a: ResourceVerdict | undefined): PointChange[] {
  const gb = group(b);
  const ga = group(a);
  const out: PointChange[] = [];
  for (const point of [...new Set([...gb.keys(), ...ga.keys()])]) {
    const before = stateOf(gb.get(point));
    const after = stateOf(ga.get(point));
    const name = pointName(point);
    const Name = cap(name);
    const stillStale = a?.cause === 'stale-cache' && point.startsWith('public') ? ': still stale at the cache' : '';
    const samples = after.of > 1 ? ` (${after.wrong} of ${after.of} samples)` : '';
    const sameLog = point === 'device' && sameHashes(gb.get(point), ga.get(point));
    let kind: ChangeKind;
    let sentence: string;
    if (before.state === 'wrong' && after.state === 'right') {
      kind = 'fixed';
      sentence = `${Name} now ${serves(point)} the current version: fixed.`;
    } else if (before.state === 'wrong' && after.state === 'wrong') {
      kind = 'still-wrong';
      sentence = sameLog
        ? `${Name} shows the same failure: it is the same log; retry the upgrade on the device and read its new log.`
        : `${Name} still ${serves(point)} a wrong copy${samples}${stillStale}.`;
    } else if (after.state === 'wrong') {
      kind = 'new-problem';
      sentence = `${Name} now ${serves(point)} a wrong copy${samples}: new problem${before.state === 'not-checked' ? ' (not checked before)' : ''}.`;
    } else if (before.state === 'wrong' && after.state === 'unread') {
      kind = 'now-unread';
      sentence = `${Name} could not be read this time, so whether it is fixed is not known.`;
    } else if (before.state === 'wrong') {
      kind = 'not-checked';
      sentence = `${Name} was not checked this time.`;
    } else if (before.state === 'unread' && after.state === 'right') {
      kind = 'now-read';
      sentence = `${Name} can be read now and ${serves(point)} the current version.`;
    } else {
      kind = 'unchanged';
      sentence = `${Name}: ${after.state}, as before.`;
    }
    out.push({ point, name, before: before.state, after: after.state, kind, sentence });
  }
  return out;
}

const serves = (point: string) => (point === 'device' ? 'shows' : 'serves');

function sameHashes(b: Observation[] | undefined, a: Observation[] | undefined): boolean {
  const hashes = (xs: Observation[] | undefined) => (xs ?? []).map((o) => `${o.hash}|${o.logExpected}`).join(',');
  return hashes(b) === hashes(a);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The comparison as plain text, for the CLI after its verdict. */
export function comparisonText(c: ReportComparison): string {
  const lines = [
    `Compared with ${c.file ?? 'the earlier report'}${c.before.finishedAt ? ` (checked ${c.before.finishedAt})` : ''}:`,
    `  ${c.summary}`,
  ];
  for (const r of c.changes.slice(0, 20)) {
    lines.push(`  - ${r.sentence}`);
    for (const p of r.points) lines.push(`      ${p.sentence}`);
  }
  if (c.changes.length > 20) lines.push(`  … and ${c.changes.length - 20} more (see --json)`);
  return `${lines.join('\n')}\n`;
}
