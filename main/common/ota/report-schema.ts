// The report's JSON checked in full before anything reads it: a report from disk or from another process
// (a customer's report to merge) is untrusted input. Built from the IPC schema combinators, so a bad field
// fails with its path in one line: `resources[3].observations[1].status: expected a number, got text`.
// Each object's fields are checked against its TypeScript type (see `sameKeys`): a field added to a type
// must be added here too, or the build fails.
import { array, boolean, number, object, oneOf, optional, record, string, ValidationError, type Schema } from '../ipc/schema.js';
import type { Acceptance, DeviceJudgement, TokenMatch } from './acceptance.js';
import { comparisonSchema } from './compare-schema.js';
import type { CurrentVersion } from './current-version.js';
import type { VariantName } from './device-got.js';
import type { OtaReport, RunInfo } from './report.js';
import {
  CAUSE_NAMES,
  type DiffClass,
  type DiffResult,
  type FetchRecord,
  type Header,
  type ModuleInfoCopy,
  type Observation,
  type RedirectHop,
  type Source,
  type TlsInfo,
  type Timings,
} from './types.js';
import type { FrontendInfo, ModuleVersionInfo, ResourceVerdict } from './verdict.js';

/** Reports hold up to --max-resources files, each with many copies and long header values. */
const BIG = 10_000_000;
const text = string({ max: BIG });
const texts = array(text, { max: BIG });
const count = number({ min: 0 });
const whole = number({ min: 0, int: true });
const list = <T>(item: Schema<T>) => array(item, { max: BIG });
const map = <T>(value: Schema<T>) => record(value, { max: BIG });

/** A fixed-length list such as a header `[name, value]`. */
function pair<A, B>(a: Schema<A>, b: Schema<B>): Schema<[A, B]> {
  return {
    describe: `[${a.describe}, ${b.describe}]`,
    parse(v, path = '$') {
      if (!Array.isArray(v) || v.length !== 2) throw new ValidationError(path, 'expected a [name, value] pair');
      return [a.parse(v[0], `${path}[0]`), b.parse(v[1], `${path}[1]`)];
    },
  };
}

/** Text of a union of template or literal types, checked by a pattern. */
const patterned = <T extends string>(pattern: RegExp, describe: string): Schema<T> => ({
  describe,
  parse(v, path = '$') {
    const s = text.parse(v, path);
    if (!pattern.test(s)) throw new ValidationError(path, `expected ${describe}`);
    return s as T;
  },
});

// A compile-time check that a schema's fields are exactly the type's (no field forgotten, none invented).
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
function sameKeys<T>() {
  return <S extends Record<string, Schema<unknown>>>(shape: S & (SameKeys<S, Required<T>> extends true ? unknown : never)): S => shape;
}

const source = patterned<Source>(/^(frontend:.+|public|public-nocache|public-busted|device|har|moduleinfo)$/, 'a point of the check');
const vantage = oneOf(['agent', 'customer']);
const header: Schema<Header> = pair(text, text);
const cause = oneOf(CAUSE_NAMES);
const fault = oneOf(['deployment', 'frontend', 'network', 'inconclusive', 'none']);
const DIFF_CLASSES: DiffClass[] = [
  'identical',
  'encoding-only',
  'bom',
  'line-endings',
  'whitespace',
  'prefix',
  'insertion',
  'deletion',
  'html-page',
  'substitution',
  'different',
];

const PLATFORM = ['ios', 'android'] as const;
const RULES = ['accepted', 'accepted-by-token', 'status', 'empty', 'transfer', 'redirect', 'hash', 'no-answer'] as const;
const acceptance: Schema<Acceptance> = object(sameKeys<Acceptance>()({ accepted: boolean, rule: oneOf(RULES), reason: text }));
const judgement: Schema<DeviceJudgement> = object(sameKeys<DeviceJudgement>()({ ios: acceptance, android: acceptance }));
const tokenMatch: Schema<TokenMatch> = object(sameKeys<TokenMatch>()({ lines: boolean, joined: boolean }));
const VARIANTS: VariantName[] = ['bom-removed', 'bom-added', 'bom-removed-lf', 'crlf-to-lf', 'lf-to-crlf', 'trimmed', 'wire'];
const variants = record(text, { max: VARIANTS.length, key: new RegExp(`^(${VARIANTS.join('|')})$`) }) as Schema<
  Partial<Record<VariantName, string>>
>;

const redirect: Schema<RedirectHop> = object(sameKeys<RedirectHop>()({ url: text, status: whole, location: text }));

const tls: Schema<TlsInfo> = object(
  sameKeys<TlsInfo>()({
    protocol: optional(text),
    subject: text,
    issuer: text,
    fingerprint256: text,
    validTo: optional(text),
    authorized: boolean,
    authorizationError: optional(text),
    trustedBy: oneOf(['roots', 'ca', 'fingerprint', 'insecure', 'none']),
  }),
);

const timings: Schema<Timings> = object(sameKeys<Timings>()({ connectMs: optional(count), firstByteMs: optional(count), totalMs: count }));

const fetchRecord: Schema<FetchRecord> = object(
  sameKeys<FetchRecord>()({
    url: text,
    method: oneOf(['GET']),
    requestHeaders: list(header),
    address: optional(text),
    route: text,
    status: optional(whole),
    statusText: optional(text),
    redirects: list(redirect),
    headers: list(header),
    tls: optional(tls),
    timings,
    wireBytes: whole,
    contentLength: optional(whole),
    contentEncoding: optional(text),
    capped: optional(boolean),
    retried: optional(text),
    overLength: optional(boolean),
  }),
);

const diff: Schema<DiffResult> = object(
  sameKeys<DiffResult>()({
    class: oneOf(DIFF_CLASSES),
    referenceSize: whole,
    size: whole,
    offset: optional(whole),
    length: optional(whole),
    excerptHex: optional(text),
    excerptText: optional(text),
    referenceExcerptHex: optional(text),
    referenceExcerptText: optional(text),
    leadHex: optional(text),
    summary: text,
    knownVersion: optional(text),
  }),
);

const observation: Schema<Observation> = object(
  sameKeys<Observation>()({
    source,
    vantage,
    path: text,
    sample: optional(whole),
    hash: optional(text),
    wireHash: optional(text),
    token: optional(text),
    matches: optional(boolean),
    status: optional(whole),
    logExpected: optional(text),
    error: optional(text),
    errorCode: optional(text),
    body: optional(oneOf(['exact', 'text-derived', 'not-captured', 'file', 'log'])),
    size: optional(whole),
    file: optional(text),
    fetch: optional(fetchRecord),
    diff: optional(diff),
    tokenMatch: optional(tokenMatch),
    variants: optional(variants),
    rangeAsked: optional(boolean),
    acceptance: optional(judgement),
    at: text,
  }),
);

const moduleInfoCopy: Schema<ModuleInfoCopy> = object(
  sameKeys<ModuleInfoCopy>()({
    source,
    vantage,
    moment: oneOf(['start', 'end', 'given']),
    versionToken: optional(text),
    versionSequence: optional(number()),
    versionInfoToken: optional(text),
    hash: optional(text),
    status: optional(whole),
    error: optional(text),
    fetch: optional(fetchRecord),
    at: text,
  }),
);

const resourceVerdict: Schema<ResourceVerdict> = object(
  sameKeys<ResourceVerdict>()({
    path: text,
    expected: optional(text),
    versionTokenFile: boolean,
    fault,
    cause,
    frontends: texts,
    evidence: texts,
    next: texts,
    observations: list(observation),
    logged: optional(boolean),
    findings: optional(texts),
    deviceGot: optional(text),
  }),
);

const current: Schema<CurrentVersion> = object(
  sameKeys<CurrentVersion>()({ versionToken: optional(text), versionSequence: optional(number()), changedDuringCheck: boolean, how: text }),
);

const frontendInfo: Schema<FrontendInfo> = object(
  sameKeys<FrontendInfo>()({ label: text, kind: oneOf(['address', 'folder']), address: text }),
);

const moduleVersion: Schema<ModuleVersionInfo> = object(
  sameKeys<ModuleVersionInfo>()({ versionToken: text, versionSequence: optional(number()), resources: map(text) }),
);

const run: Schema<RunInfo> = object(
  sameKeys<RunInfo>()({
    appUrl: text,
    vantage,
    startedAt: text,
    finishedAt: text,
    toolVersion: text,
    command: text,
    options: object({
      samples: whole,
      timeoutSeconds: count,
      concurrency: whole,
      resources: oneOf(['log', 'chosen', 'all']),
      maxBytes: whole,
      as: optional(oneOf(['ios', 'android', 'browser'])),
    }),
    network: object({
      proxy: optional(text),
      proxySource: optional(oneOf(['option', 'environment', 'system'])),
      ca: optional(text),
      trust: map(text),
      insecure: boolean,
    }),
    cancelled: optional(boolean),
  }),
);

type LogRow = OtaReport['log'][number];
const logRow: Schema<LogRow> = object(
  sameKeys<LogRow>()({
    line: whole,
    kind: text,
    path: optional(text),
    expected: optional(text),
    calculated: optional(text),
    message: text,
  }),
);

/** Every field of a report but `schema` and `schemaVersion`, which are read first to say what the file is. */
const body = object(
  sameKeys<Omit<OtaReport, 'log' | 'problems' | 'redacted'> & { log?: unknown; problems?: unknown; redacted?: unknown }>()({
    schema: text,
    schemaVersion: whole,
    fault,
    cause,
    frontends: texts,
    headline: text,
    customer: text,
    evidence: texts,
    next: texts,
    current,
    counts: record(whole, { max: CAUSE_NAMES.length, key: new RegExp(`^(${CAUSE_NAMES.join('|')})$`) }),
    platform: optional(object({ judgedFor: oneOf(PLATFORM), how: text })),
    alsoFound: optional(texts),
    moduleName: optional(text),
    runs: list(run),
    setup: object({ frontends: list(frontendInfo) }),
    moduleinfo: list(moduleInfoCopy),
    versions: list(moduleVersion),
    resources: list(resourceVerdict),
    log: optional(list(logRow)),
    problems: optional(texts),
    redacted: optional(texts),
    comparedWith: optional(comparisonSchema),
  }),
);

/** The report's fields checked in full; throws a ValidationError naming the first bad field's path. */
export function parseReportBody(value: unknown): OtaReport {
  const r = body.parse(value);
  return { ...r, log: r.log ?? [], problems: r.problems ?? [], redacted: r.redacted ?? [] } as OtaReport;
}
