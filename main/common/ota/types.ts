// The vocabulary of an OTA check: what was observed at each point, how two copies differ, and the verdict.
// These shapes are the report's JSON (see report.ts for its schema version): keep them plain data.
import type { DeviceJudgement, TokenMatch } from './acceptance.js';
import type { VariantName } from './device-got.js';

/** Where an observation was made from: support's side or the customer's network. */
export type Vantage = 'agent' | 'customer';

/**
 * Which point a copy came from. `frontend:<label>` is one server reached directly (or its Running folder);
 * `public` the URL as the device asks for it; `public-nocache` with `Cache-Control: no-cache`;
 * `public-busted` with an extra query parameter; `device` the hash in the device's log; `har` a captured body.
 * `moduleinfo` is the manifest given by the user (pasted or a file).
 */
export type Source = `frontend:${string}` | 'public' | 'public-nocache' | 'public-busted' | 'device' | 'har' | 'moduleinfo';

/** One header as received: lower-cased name, value as sent; order and repeats kept. */
export type Header = [name: string, value: string];

export interface RedirectHop {
  url: string;
  status: number;
  location: string;
}

export interface TlsInfo {
  protocol?: string;
  subject: string;
  issuer: string;
  /** SHA-256 of the leaf certificate, colon-separated upper-case hex as Node prints it. */
  fingerprint256: string;
  validTo?: string;
  /** Whether the certificate is valid for the public host under the trust in force. */
  authorized: boolean;
  authorizationError?: string;
  /** What made the connection acceptable: the system/bundled roots, --ca, a --trust fingerprint, or --insecure. */
  trustedBy: 'roots' | 'ca' | 'fingerprint' | 'insecure' | 'none';
}

export interface Timings {
  /** ms from the start of the request. */
  connectMs?: number;
  firstByteMs?: number;
  totalMs: number;
}

/** What one HTTP exchange showed (the last hop when redirects were reported). */
export interface FetchRecord {
  url: string;
  method: 'GET';
  requestHeaders: Header[];
  /** The address actually connected (`ip:port`); for a proxy, the proxy's. */
  address?: string;
  /** `direct`, or the proxy URL (without credentials) the request went through. */
  route: string;
  status?: number;
  statusText?: string;
  redirects: RedirectHop[];
  headers: Header[];
  tls?: TlsInfo;
  timings: Timings;
  /** Bytes received on the wire (before decoding Content-Encoding). */
  wireBytes: number;
  contentLength?: number;
  contentEncoding?: string;
  /** Set when the body went over the size cap: the bytes kept are a prefix. */
  capped?: boolean;
  /** Why the fetch was retried once (a kept-alive connection closed on reuse). */
  retried?: string;
  /** The peer sent bytes beyond its Content-Length. */
  overLength?: boolean;
}

/** How one copy of a resource differs from another (the reference, usually the expected copy). */
export type DiffClass =
  | 'identical'
  | 'encoding-only' // same bytes once Content-Encoding is removed
  | 'bom' // a UTF-8 BOM added or removed
  | 'line-endings' // equal once CRLF/CR are made LF
  | 'whitespace' // equal once whitespace and comments are removed (minified)
  | 'prefix' // strict prefix: cut short at `offset`
  | 'insertion' // one contiguous insertion at `offset` of `length` bytes
  | 'deletion' // one contiguous deletion at `offset` of `length` bytes
  | 'html-page' // the body was replaced by an HTML page
  | 'substitution' // same size, some bytes replaced
  | 'different'; // entirely different bytes

export interface DiffResult {
  class: DiffClass;
  /** Sizes of the reference and of the copy, in bytes. */
  referenceSize: number;
  size: number;
  /** First byte where they differ (in the copy), when meaningful. */
  offset?: number;
  /** Inserted or missing bytes (insertion, deletion, bom). */
  length?: number;
  /** Up to 200 bytes of what was inserted or removed, or of the copy at `offset`. */
  excerptHex?: string;
  excerptText?: string;
  /** The same window in the reference, when it helps to set them side by side. */
  referenceExcerptHex?: string;
  referenceExcerptText?: string;
  /** Up to 64 bytes just before `offset` (from a line start when one is near), the same in both copies: context. */
  leadHex?: string;
  /** One plain sentence: "One block of 48 bytes inserted at byte 312, starting `<script`". */
  summary: string;
  /** Set by the verdict when the copy's bytes are a known older version's: its token. */
  knownVersion?: string;
}

export interface Observation {
  source: Source;
  vantage: Vantage;
  /** The moduleinfo key, e.g. `/MyApp/scripts/MyApp.controller.js`. */
  path: string;
  /** For repeated public samples: 1, 2, 3… */
  sample?: number;
  /** OutSystems form of the MD5 of the decoded bytes. */
  hash?: string;
  /** The same of the bytes on the wire, when they differ from the decoded ones. */
  wireHash?: string;
  /** Version-token files: the token found in the body (absent when none). */
  token?: string;
  /** Set by the verdict: whether this copy is the current version. */
  matches?: boolean;
  status?: number;
  /** Device log lines: the hash the URL asked for ("Received hash" in the log). */
  logExpected?: string;
  /** Why this point gave no copy (refused, DNS, TLS, timeout, redirect, 404…). */
  error?: string;
  errorCode?: string;
  /** exact bytes, text-derived (HAR text), not captured (HAR without body), a file on disk, or the hash from a log. */
  body?: 'exact' | 'text-derived' | 'not-captured' | 'file' | 'log';
  size?: number;
  /** The file read for a Running-folder frontend. */
  file?: string;
  fetch?: FetchRecord;
  /** Against the reference copy, when this copy is not the current version. */
  diff?: DiffResult;
  /** Whether the body's text carries the requested token by the runtime's pattern (set by the sweep). */
  tokenMatch?: TokenMatch;
  /** OutSystems MD5 of the right copy's byte variants (BOM, line endings…), hashed by the sweep in flight. */
  variants?: Partial<Record<VariantName, string>>;
  /** Whether the request asked for a byte range (devices never do). */
  rangeAsked?: boolean;
  /** Set by the verdict: whether iOS and Android would accept this copy, and why. */
  acceptance?: DeviceJudgement;
  /** ISO time of the observation. */
  at: string;
}

/** One copy of moduleinfo as seen from one source, at the start or the end of the check. */
export interface ModuleInfoCopy {
  source: Source;
  vantage: Vantage;
  moment: 'start' | 'end' | 'given';
  versionToken?: string;
  versionSequence?: number;
  /** The token moduleversioninfo announced from the same source at the start. */
  versionInfoToken?: string;
  /** OutSystems-form MD5 of the body, to tell two copies apart when the token is missing. */
  hash?: string;
  status?: number;
  error?: string;
  fetch?: FetchRecord;
  at: string;
}

export type Fault = 'deployment' | 'frontend' | 'network' | 'inconclusive' | 'none';

/** The precedence in which resource verdicts combine: a proved fault is never hidden by a weaker one. */
export const FAULT_ORDER: readonly Fault[] = ['deployment', 'frontend', 'network', 'inconclusive', 'none'];

/** Where a cause's headline can name the frontends at fault and the number of files. */
export interface HeadlineFacts {
  frontends: readonly string[];
  /** Files at fault with this cause (moduleinfo not counted when other files are). */
  files: number;
}

/** Everything said about one cause, in one place: the verdict, the HTML report, the CLI and the screens read it. */
export interface CauseInfo {
  fault: Fault;
  /** A few plain words ("stale cache"), for tables and the fault line. */
  words: string;
  /** The side at fault in one sentence, for the agent. */
  headline: (facts: HeadlineFacts) => string;
  /** The same in plain words for a customer. */
  customer: string;
  /** What happened to one file, in the customer's words ("it arrived incomplete."). */
  customerFile: string;
  /** The usual next step; the verdict gives a more precise one where the evidence allows. */
  next: string;
}

const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

/**
 * The verdict's causes. Adding one here (and the branch of the verdict that names it) is all a new cause needs:
 * `Cause` is derived from this table, and every reader indexes it, so the compiler finds any gap.
 */
const CAUSE_TABLE = {
  'new-deployment': {
    fault: 'deployment',
    words: 'new deployment during the upgrade',
    headline: () => 'The app was republished while the check or the upgrade ran: a new deployment, not a fault of a server or the network.',
    customer: 'The app was updated on the server while your device was downloading it. Open the app again to retry the update.',
    customerFile: 'the app was updated on the server while we checked.',
    next: 'Let the device retry the upgrade now that publishing has finished; avoid publishing while devices upgrade.',
  },
  'outdated-frontend': {
    fault: 'frontend',
    words: 'outdated frontend',
    headline: (f) =>
      `Frontend ${f.frontends.join(', ')} serve${f.frontends.length === 1 ? 's' : ''} an outdated copy of ${files(f.files)}.`,
    customer:
      "One of the app's servers has an old copy of some files. Support will fix the server; there is nothing to change on your side.",
    customerFile: 'one of the app’s servers has an old copy.',
    next: 'Redeploy the module to the frontends named (check that its Deployment Service was running during the publish).',
  },
  'manifest-mismatch': {
    fault: 'frontend',
    words: 'files do not match their moduleinfo',
    headline: (f) => `The frontends serve files that do not match their own moduleinfo (${files(f.files)}).`,
    customer: "The app's files on the server do not match the list of files the update expects. The app needs to be published again.",
    customerFile: 'the server’s copy does not match what the update expects.',
    next: 'Republish the module so its files and its moduleinfo match; check the Running folder on each frontend.',
  },
  'frontend-error': {
    fault: 'frontend',
    words: 'frontend answers with an error',
    headline: (f) =>
      `Frontend ${f.frontends.join(', ')} answer${f.frontends.length === 1 ? 's' : ''} ${files(f.files)} with a status, ` +
      'an empty body or a broken transfer that devices reject.',
    customer: "One of the app's servers sends some files incompletely or with an error. Support will fix the server.",
    customerFile: 'one of the app’s servers sends it incompletely or with an error.',
    next: "Check the frontend named: its IIS logs for the resource's requests, its disk space and any module or filter in front of it.",
  },
  'stale-cache': {
    fault: 'network',
    words: 'stale cache',
    headline: (f) => `A cache between the servers and the devices serves an old copy of ${files(f.files)}.`,
    customer: 'A cache on the network (a CDN or proxy) keeps handing out an old copy of some files. Its owner needs to clear it.',
    customerFile: 'an old copy arrived instead of the current one.',
    next: 'Purge the cache in front of the app and include the query string in its cache key.',
  },
  'altered-content': {
    fault: 'network',
    words: 'content altered on the way',
    headline: (f) => `Something between the servers and the devices changes the content of ${files(f.files)}.`,
    customer: "Something on the network (a proxy, security product or CDN) changes the app's files on their way to the device.",
    customerFile: 'it arrived changed.',
    next:
      'Turn off content rewriting, injection or minification for this host on the proxy, CDN or security product in the path ' +
      '(or exempt the host from inspection).',
  },
  truncated: {
    fault: 'network',
    words: 'cut short on the way',
    headline: (f) =>
      `${files(f.files).replace(/^./, (c) => c.toUpperCase())} arrive${f.files === 1 ? 's' : ''} cut short through the public URL.`,
    customer: 'Some files arrive incomplete on this network. A proxy or firewall may be cutting them short.',
    customerFile: 'it arrived incomplete.',
    next: 'Check the size and time limits of the proxies and load balancer on the way, then retry.',
  },
  'device-network': {
    fault: 'network',
    words: 'changed on the device’s network',
    headline: () => "The servers and the public URL are right from here; something on the device's network changes the files.",
    customer:
      "The files are correct on the internet, but arrive changed on the device's network. Try the update on another network (for example mobile data).",
    customerFile: 'it arrives changed on the phone’s network.',
    next:
      "Something on the device's network changes the file (corporate proxy, operator, antivirus): " +
      'test from another network, or with inspection disabled for this host.',
  },
  consistent: {
    fault: 'none',
    words: 'consistent',
    headline: () => 'Every copy checked matches the current version: no fault found.',
    customer: 'Everything we could check delivers the right files. If the update still fails, send this report to support.',
    customerFile: 'it arrived as expected.',
    next: 'Nothing to do: no fault was found.',
  },
  unreachable: {
    fault: 'inconclusive',
    words: 'unreachable',
    headline: () => 'Some points could not be reached, and what was reached shows no fault.',
    customer: 'Some addresses could not be reached, so the check is incomplete. Send this report to support.',
    customerFile: 'we could not download it from here.',
    next: 'Check that every point named can be reached from here (address, port, certificate), then run the check again.',
  },
  cancelled: {
    fault: 'inconclusive',
    words: 'cancelled before it finished',
    headline: () => 'The check was cancelled before it finished, and what it checked shows no fault.',
    customer: 'The check was stopped before it finished. Run it again and let it finish, then send the report to support.',
    customerFile: 'the check stopped before this file.',
    next: 'Run the check again and let it finish (or narrow it to the files the device rejected with --resource or --log).',
  },
  inconclusive: {
    fault: 'inconclusive',
    words: 'inconclusive',
    headline: () => 'The evidence is not enough to name the side at fault.',
    customer: 'The check could not tell where the problem is. Send this report to support.',
    customerFile: 'we could not tell whether it is right.',
    next: 'Add every frontend and the device log, then run the check again.',
  },
} satisfies Record<string, CauseInfo>;

/** The cause of a verdict, one of the keys of `CAUSES`. */
export type Cause = keyof typeof CAUSE_TABLE;

export const CAUSES: Readonly<Record<Cause, CauseInfo>> = CAUSE_TABLE;

/** The causes in the table's order (for schemas and lists). */
export const CAUSE_NAMES = Object.keys(CAUSES) as Cause[];

/** One column of the table as its own record, e.g. every cause's words for a screen's strings. */
export function causeColumn<K extends 'words' | 'customer' | 'customerFile' | 'next'>(key: K): Readonly<Record<Cause, string>> {
  return Object.fromEntries(CAUSE_NAMES.map((c) => [c, CAUSES[c][key]])) as Record<Cause, string>;
}
