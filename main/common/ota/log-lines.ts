// Reads OTA lines pasted from Service Center's Error log or a device log (iOS, Android logcat) and says,
// for each, what happened in plain words and what to do next (log-advice.ts). The wordings are the
// runtime's own, as the cache plugins (`OSCacheResources.m`, `CacheResources.java`) and the JS loader
// (`OutSystemsManifestLoader.js`) write them, and the support documents' variants. Pure: no I/O.

import { ADVICE, type LogKind, type Severity } from './log-advice.js';
import { classify, STARTER, startsWithTimestamp, TIMESTAMP, type Found } from './log-patterns.js';

export interface LogEntry {
  /** 1-based line in the pasted text where the entry starts. */
  line: number;
  /** The whole logical entry (wrapped continuation lines joined with one space). */
  raw: string;
  /** The OTA message itself, with timestamp/columns/prefixes stripped. */
  message: string;
  kind: LogKind;
  title: string;
  explanation: string;
  nextStep: string;
  severity: Severity;
  /** As written in the line, when one precedes the message. */
  timestamp?: string;
  /** `<path>?<hash>` when the line names a resource. */
  url?: string;
  /** Before the first '?' (scheme and host removed when the line gives a full URL). */
  path?: string;
  /** Checksum lines: the "Received hash" (= the hash from moduleinfo in the URL). */
  expected?: string;
  /** Checksum lines: the "Calculated hash" (hash of the bytes the device got). */
  calculated?: string;
  /** Version token when the line names one. */
  token?: string;
  outcome?: 'FAILED' | 'SUCCEEDED';
  /** E.g. the error text after "with error:". */
  detail?: string;
  /** The platform whose runtime writes this wording, when only one does. */
  platform?: 'ios' | 'android';
}

export interface ChecksumFailure {
  path: string;
  url: string;
  expected: string;
  calculated: string;
  lines: number[];
}

/** The moduleinfo-key form of a URL: before the first '?', without scheme and host. */
const pathOf = (url: string): string => url.split('?')[0]!.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');

interface Logical {
  line: number;
  parts: string[];
}

export function parseLog(input: string): { entries: LogEntry[]; unrecognised: number } {
  const physical = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const logical: Logical[] = [];
  let current: Logical | undefined;
  physical.forEach((rawLine, i) => {
    const line = rawLine.trim();
    if (line === '') {
      current = undefined;
      return;
    }
    // "Aborting resources download." wrapped before its "Failed to download…" is still one message.
    const abortWrapped =
      current !== undefined &&
      /Aborting\s+resources\s+download\.?$/i.test(current.parts.join(' ')) &&
      /^Failed\s+to\s+download/i.test(line);
    if (current === undefined || (!abortWrapped && (startsWithTimestamp(line) || STARTER.test(line)))) {
      current = { line: i + 1, parts: [line] };
      logical.push(current);
    } else current.parts.push(line);
  });

  const entries: LogEntry[] = [];
  let unrecognised = 0;
  for (const l of logical) {
    const raw = l.parts.join(' ');
    const start = STARTER.exec(raw);
    const message = start ? messageAt(raw, start.index) : '';
    const found = start ? classify(message) : undefined;
    if (!start || !found) {
      unrecognised++;
      continue;
    }
    entries.push(toEntry(l.line, raw, start.index, message, found));
  }
  return { entries, unrecognised };
}

/** The message from its first word to the end of its column (Service Center columns are tab-separated), unquoted. */
function messageAt(raw: string, index: number): string {
  let msg = raw.slice(index).split('\t')[0]!.trimEnd();
  msg = msg.replace(/["`]+$/, '');
  if (raw[index - 1] === "'") msg = msg.replace(/'+$/, '');
  return msg.trimEnd();
}

function toEntry(line: number, raw: string, start: number, message: string, found: Found): LogEntry {
  const advice = { ...ADVICE[found.kind], ...found.advice };
  const entry: LogEntry = { line, raw, message, kind: found.kind, ...advice };
  const timestamp = TIMESTAMP.exec(raw.slice(0, start))?.[0];
  if (timestamp !== undefined) entry.timestamp = timestamp;
  if (found.url !== undefined && found.url !== '') {
    entry.url = found.url;
    entry.path = pathOf(found.url);
  }
  for (const k of ['expected', 'calculated', 'token', 'outcome', 'detail'] as const) {
    if (found[k] !== undefined) (entry as unknown as Record<string, unknown>)[k] = found[k];
  }
  // Every line naming a resource gives its hash: the value after '?' in the URL is the one moduleinfo lists.
  const asked = found.url === undefined ? undefined : /\?([A-Za-z0-9+_]{22})(?:[&#\s]|$)/.exec(found.url)?.[1];
  if (entry.expected === undefined && asked !== undefined && found.kind !== 'loader-error') entry.expected = asked;
  const platform = platformOf(message, found.kind);
  if (platform) entry.platform = platform;
  return entry;
}

export function checksumFailures(entries: LogEntry[]): ChecksumFailure[] {
  const byKey = new Map<string, ChecksumFailure>();
  for (const e of entries) {
    if (
      e.kind !== 'checksum-failed' ||
      e.path === undefined ||
      e.url === undefined ||
      e.expected === undefined ||
      e.calculated === undefined
    )
      continue;
    const key = JSON.stringify([e.path, e.expected, e.calculated]);
    const known = byKey.get(key);
    if (known) known.lines.push(e.line);
    else byKey.set(key, { path: e.path, url: e.url, expected: e.expected, calculated: e.calculated, lines: [e.line] });
  }
  return [...byKey.values()];
}

/**
 * Which runtime writes a wording: the iOS plugin logs "Checksum failed" and an HTTP error as "with error: (null)";
 * the older Android plugin has the "corrput" typo, "pinning or SSL error", InputStream and integrity-check lines.
 */
function platformOf(message: string, kind: LogKind): LogEntry['platform'] {
  if (/\bcorrput\b|pinning\s+or\s+SSL\s+error|Could\s+not\s+get\s+InputStream|Failed\s+to\s+check\s+the\s+integrity/i.test(message))
    return 'android';
  if (kind === 'checksum-failed' || /with\s+error\s*:\s*\(null\)/i.test(message)) return 'ios';
  return undefined;
}

/** Kinds whose lines say the device did not keep the file it downloaded (a rejection, or a failed download). */
const REJECTION_KINDS: ReadonlySet<LogKind> = new Set<LogKind>([
  'checksum-failed',
  'store-failed',
  'download-failed',
  'download-timeout',
  'download-aborted',
  'file-empty',
]);

/** Whether a line is the device's own report that it rejected a resource. "Failed to check the integrity" is not one. */
export function isRejection(e: { kind: string; path?: string }): boolean {
  return REJECTION_KINDS.has(e.kind as LogKind) && e.path !== undefined && e.path !== '';
}

/** Kinds whose lines name an app file worth checking on the servers (a failure, a repair, a file not found). */
const CHECK_KINDS: ReadonlySet<LogKind> = new Set<LogKind>([
  'checksum-failed',
  'store-failed',
  'download-failed',
  'download-timeout',
  'download-aborted',
  'retrying',
  'input-stream',
  'healing',
  'healing-retrieve',
  'resource-not-found',
  'file-empty',
  'integrity-unchecked',
  'load-failed',
  'service-worker-error',
]);

/** The resources a log asks to check: every line naming one, except plain "Downloaded resource" notes. */
export function resourcesNamed(entries: LogEntry[]): string[] {
  const seen = new Set<string>();
  for (const e of entries) {
    if (CHECK_KINDS.has(e.kind) && e.path !== undefined && e.path !== '') seen.add(e.path);
  }
  return [...seen];
}
