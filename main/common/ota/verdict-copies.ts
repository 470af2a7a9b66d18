// Each copy judged as the device would judge it (acceptance.ts), for the platform the check is for: right,
// wrong (and why: a status, an empty body, a broken transfer, a redirect elsewhere, other bytes), missing on a
// frontend, or not reached. Also the alterations a device accepts, which are findings and never a cause.
import { judgeCopy, type AcceptanceRule, type CopyFacts, type Platform } from './acceptance.js';
import { copyErrorKind } from './copy-errors.js';
import { headerValue } from './headers.js';
import { cap, isFrontend, isPublic, isShort, sourceName } from './sources.js';
import type { Observation } from './types.js';

export type State = 'right' | 'wrong' | 'missing' | 'unreached' | 'unknown';

export interface CopyJudgement {
  state: State;
  /** Why a wrong copy is wrong, for the platform judged. */
  rule?: AcceptanceRule;
}

const isMissing = (o: Observation) => copyErrorKind(o.errorCode) === 'missing' || o.status === 404 || o.status === 410;

/** What the acceptance model needs, read from an observation. */
export function copyFacts(o: Observation, path: string, expected: string | undefined): CopyFacts {
  const last = o.fetch?.redirects.at(-1);
  const transfer = copyErrorKind(o.errorCode) === 'transfer' ? (o.error ?? o.errorCode) : isShort(o) ? shortWords(o) : undefined;
  return {
    path,
    expected,
    // A Running-folder file is what IIS would serve with 200.
    status: o.body === 'file' && o.hash !== undefined ? 200 : o.status,
    rangeAsked: o.rangeAsked,
    contentType: o.fetch ? headerValue(o.fetch.headers, 'content-type') : undefined,
    hash: o.hash,
    size: o.size,
    transferFailure: transfer,
    redirectElsewhere: copyErrorKind(o.errorCode) === 'redirect' ? (last?.location ?? o.error ?? 'another origin') : undefined,
    tokenMatch:
      o.tokenMatch ??
      (o.token !== undefined && expected !== undefined ? { lines: o.token === expected, joined: o.token === expected } : undefined),
  };
}

function shortWords(o: Observation): string {
  return `only ${o.fetch!.wireBytes} of the ${o.fetch!.contentLength} bytes announced by Content-Length arrived`;
}

/**
 * The state of one copy for `platform`, and its acceptance for both platforms set on the observation.
 * `rejectedByDevice`: the device's log says it rejected this resource (a log line without a calculated hash).
 */
export function judgeObservation(
  o: Observation,
  at: { path: string; expected: string | undefined; platform: Platform; rejectedByDevice: boolean },
): CopyJudgement {
  if (o.source === 'device') {
    if (o.hash === undefined) return { state: at.rejectedByDevice ? 'wrong' : 'unknown' };
    return { state: o.hash === at.expected ? 'right' : 'wrong', rule: o.hash === at.expected ? undefined : 'hash' };
  }
  if (o.body === 'not-captured') return { state: 'unknown' };
  if (at.expected === undefined) return { state: 'unknown' };
  const kind = copyErrorKind(o.errorCode);
  if (o.status === undefined && (kind === 'no-answer' || kind === 'not-read')) return { state: 'unreached' };
  if (kind === 'unjudged') return { state: 'unknown' };
  // A broken answer (not valid HTTP) has no status but is still a copy the device fails to download.
  if (o.status === undefined && o.hash === undefined && kind !== 'redirect' && kind !== 'transfer' && !isMissing(o))
    return { state: 'unreached' };
  if (isMissing(o) && isFrontend(o.source)) return { state: 'missing', rule: 'status' };
  const judgement = judgeCopy(copyFacts(o, at.path, at.expected));
  o.acceptance = judgement;
  const mine = judgement[at.platform];
  return mine.accepted ? { state: 'right' } : { state: 'wrong', rule: mine.rule };
}

/** Wrong for a reason of the transfer or the answer itself, rather than other bytes. */
export const isBrokenAnswer = (rule: AcceptanceRule | undefined) => rule === 'status' || rule === 'redirect';
export const isBrokenTransfer = (rule: AcceptanceRule | undefined) => rule === 'transfer' || rule === 'empty';

/** Alterations a device accepts, each said with its reason: never the cause of a checksum failure. */
export function acceptedAlterations(observations: Observation[], states: Map<Observation, CopyJudgement>, reference?: string): string[] {
  const out: string[] = [];
  for (const o of observations) {
    if (states.get(o)?.state !== 'right' || !(isPublic(o.source) || o.source === 'har')) continue;
    const who = cap(sourceName(o));
    if (o.acceptance?.ios.rule === 'accepted-by-token' && reference !== undefined && o.hash !== reference) {
      const what = o.diff ? o.diff.summary.replace(/\.$/, '') : 'its bytes differ from the frontends’ copy';
      out.push(`${who} serves an altered copy (${what}); devices accept it (the token is present): not the cause of a checksum failure.`);
    }
    if (o.wireHash && o.wireHash !== o.hash) {
      const enc = o.fetch?.contentEncoding ?? 'encoded';
      out.push(`${who} arrives compressed (${enc}); devices decode it and accept it: not the cause of a checksum failure.`);
    }
  }
  return [...new Set(out)];
}
