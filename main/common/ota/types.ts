// The vocabulary of an OTA check: what was observed at each point, how two copies differ, and the verdict.
// These shapes are the report's JSON (see report.ts for its schema version): keep them plain data.

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
  /** One plain sentence: "One block of 48 bytes inserted at byte 312, starting `<script`". */
  summary: string;
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

export type Cause =
  | 'new-deployment'
  | 'outdated-frontend'
  | 'manifest-mismatch'
  | 'stale-cache'
  | 'altered-content'
  | 'truncated'
  | 'device-network'
  | 'consistent'
  | 'unreachable'
  | 'inconclusive';

/** The precedence in which resource verdicts combine: a proved fault is never hidden by a weaker one. */
export const FAULT_ORDER: readonly Fault[] = ['deployment', 'frontend', 'network', 'inconclusive', 'none'];

/** Each cause in a few plain words, for the report, the CLI and the screens alike. */
export const CAUSE_WORDS: Readonly<Record<Cause, string>> = {
  'new-deployment': 'new deployment during the upgrade',
  'outdated-frontend': 'outdated frontend',
  'manifest-mismatch': 'files do not match their moduleinfo',
  'stale-cache': 'stale cache',
  'altered-content': 'content altered on the way',
  truncated: 'cut short on the way',
  'device-network': 'changed on the device’s network',
  consistent: 'consistent',
  unreachable: 'unreachable',
  inconclusive: 'inconclusive',
};
