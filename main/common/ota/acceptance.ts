// Whether a device would accept one copy of a resource, for iOS and for Android, and why: the runtime's own
// rules, as the cache plugins apply them after a download (`OSCacheResources.m` / `OSNativeCache.m` on iOS,
// `CacheResources.java` / `NativeCache.java` on Android). A copy is wrong for the verdict exactly when a
// device would reject it. Pure: facts in, a judgement out.

export type Platform = 'ios' | 'android';
export const PLATFORMS: readonly Platform[] = ['ios', 'android'];

/** What is known of one copy, as the device would receive it. */
export interface CopyFacts {
  /** The moduleinfo key (`/MyApp/index.html`), without the query. */
  path: string;
  /** The hash after `?` in the URL the device asks for (the moduleinfo's value). */
  expected?: string;
  /** The final status, after same-origin redirects. */
  status?: number;
  /** Whether the request asked for a byte range (devices never do). */
  rangeAsked?: boolean;
  contentType?: string;
  /** OutSystems-form MD5 of the decoded body (after Content-Encoding). */
  hash?: string;
  /** Decoded body size in bytes. */
  size?: number;
  /** The transfer broke: fewer bytes than Content-Length, a reset mid-body, broken chunking. */
  transferFailure?: string;
  /** A redirect to another origin (never followed: the device would get something else). */
  redirectElsewhere?: string;
  /** Whether the body's text matches the runtime's token pattern for `expected` (see tokenMatches). */
  tokenMatch?: TokenMatch;
}

export interface TokenMatch {
  /** On the text as it is (iOS). */
  lines: boolean;
  /** On the text with newlines removed (older Android). */
  joined: boolean;
}

export type AcceptanceRule = 'accepted' | 'accepted-by-token' | 'status' | 'empty' | 'transfer' | 'redirect' | 'hash' | 'no-answer';

export interface Acceptance {
  accepted: boolean;
  rule: AcceptanceRule;
  /** One sentence: "iOS accepts only status 200; this copy came with 206." */
  reason: string;
}

export type DeviceJudgement = Record<Platform, Acceptance>;

const NAMES: Record<Platform, string> = { ios: 'iOS', android: 'Android' };

/**
 * The runtime's pattern for a version token in a file's text, with the hash escaped. iOS compiles it case-insensitive
 * (`NSRegularExpressionCaseInsensitive`, OSCacheResources.m); the older Android plugin with no flag (CacheResources.java).
 */
export function tokenPattern(hash: string, caseInsensitive = true): RegExp {
  const escaped = hash.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`(OSManifestLoader\\.indexVersionToken.*=.*|"versionToken":)"${escaped}"`, caseInsensitive ? 'i' : '');
}

/**
 * Whether a text carries the token `hash` as each platform looks for it: iOS on the text as it is, case-insensitive;
 * older Android on the lines joined (readLine drops the line ends), case-sensitive. `"versionToken": "X"` never matches.
 */
export function tokenMatches(text: string, hash: string): TokenMatch {
  return { lines: tokenPattern(hash).test(text), joined: tokenPattern(hash, false).test(text.replace(/[\r\n]/g, '')) };
}

/** iOS applies the token rule by URL: moduleinfo, index.html and manifest.json. */
export function iosTokenFile(path: string): boolean {
  const p = path.split('?')[0] ?? path;
  return /^\/.+\/moduleservices\/moduleinfo$/.test(p) || /^\/.+\/index\.html$/.test(p) || /^\/.+\/manifest\.json$/.test(p);
}

/**
 * Older Android applies it to any entry whose type is application/json or text/html: the Content-Type served, else the
 * type its file extension gives (the plugin's entry keeps that one when no Content-Type arrives).
 */
export function androidTokenFile(contentType: string | undefined, path = ''): boolean {
  if (contentType !== undefined && contentType.trim() !== '') return /^\s*(application\/json|text\/html)\b/i.test(contentType);
  return /\.(?:html?|json)$/i.test(path.split('?')[0] ?? path);
}

/** One string per platform for the common case, shared by every copy a big check accepts. */
const ACCEPTED: Record<Platform, string> = {
  ios: `${NAMES.ios} accepts it: its MD5 is the one asked for`,
  android: `${NAMES.android} accepts it: its MD5 is the one asked for`,
};

/** MD5 of no bytes, in the OutSystems form: a body that hashes to it is empty whatever its size says. */
const EMPTY_MD5 = '1B2M2Y8AsgTpgAmY7PhCfg';

function judgeFor(p: Platform, c: CopyFacts): Acceptance {
  const who = NAMES[p];
  const reject = (rule: AcceptanceRule, reason: string): Acceptance => ({ accepted: false, rule, reason });
  if (c.redirectElsewhere !== undefined) {
    return reject('redirect', `the answer redirects to another origin (${c.redirectElsewhere}): the device would get that page instead`);
  }
  // An answer that is not valid HTTP has no status: the download fails all the same.
  if (c.status === undefined && c.transferFailure !== undefined) return reject('transfer', `the download fails: ${c.transferFailure}`);
  if (c.status === undefined) return reject('no-answer', 'no answer arrived');
  if (p === 'ios' && c.status !== 200) return reject('status', `iOS accepts only status 200; this copy came with ${c.status}`);
  if (p === 'android' && (c.status < 200 || c.status > 299)) {
    return reject('status', `Android accepts only a 2xx status; this copy came with ${c.status}`);
  }
  if (c.transferFailure !== undefined) return reject('transfer', `the download fails: ${c.transferFailure}`);
  if (c.size === 0 || c.hash === EMPTY_MD5) return reject('empty', 'the body is empty ("File not found or is empty")');
  if (c.hash === undefined) return reject('no-answer', 'no body arrived');
  if (c.expected === undefined || c.hash === c.expected) return { accepted: true, rule: 'accepted', reason: ACCEPTED[p] };
  const tokenRule = p === 'ios' ? iosTokenFile(c.path) : androidTokenFile(c.contentType, c.path);
  const carries = p === 'ios' ? c.tokenMatch?.lines : c.tokenMatch?.joined;
  if (tokenRule && carries) {
    return {
      accepted: true,
      rule: 'accepted-by-token',
      reason: `${who} accepts it: its MD5 differs, but its text carries the token ${c.expected}`,
    };
  }
  const why = tokenRule
    ? `its MD5 is ${c.hash}, not ${c.expected}, and its text does not carry the token in the form the runtime looks for`
    : `its MD5 is ${c.hash}, not ${c.expected} ("Checksum failed")`;
  return reject('hash', why);
}

/** The judgement of one copy for both platforms. */
export function judgeCopy(c: CopyFacts): DeviceJudgement {
  const ios = judgeFor('ios', c);
  const android = judgeFor('android', c);
  // The common case is one shared (frozen) judgement: a whole-module check holds 160,000 of them.
  return ios.rule === 'accepted' && android.rule === 'accepted' ? BOTH_ACCEPT : { ios, android };
}

const BOTH_ACCEPT: DeviceJudgement = Object.freeze({
  ios: Object.freeze({ accepted: true, rule: 'accepted' as const, reason: ACCEPTED.ios }),
  android: Object.freeze({ accepted: true, rule: 'accepted' as const, reason: ACCEPTED.android }),
});

/** "A device accepts this", "a device rejects it: …", or "Android accepts this 206, iOS does not: …". */
export function describeJudgement(j: DeviceJudgement): string {
  if (j.ios.accepted && j.android.accepted)
    return `A device accepts this copy${j.ios.rule === 'accepted-by-token' ? ' (the token is present)' : ''}.`;
  if (!j.ios.accepted && !j.android.accepted) return `A device rejects this copy: ${j.ios.reason}.`;
  const [yes, no] = j.ios.accepted ? (['iOS', j.android] as const) : (['Android', j.ios] as const);
  return `${yes} accepts this copy, ${yes === 'iOS' ? 'Android' : 'iOS'} does not: ${no.reason}.`;
}
