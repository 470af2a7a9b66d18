// The patterns of the runtime's OTA log messages: where a message starts inside a line, and what each
// wording says (resource URL, hashes, token, error text). The plain-words advice per kind is log-advice.ts;
// parsing a whole pasted log is log-lines.ts.
import { FIND_CAUSE } from './log-steps.js';
import { RUNTIME_STARTS, classifyRuntime } from './log-patterns-runtime.js';
import type { Advice } from './log-advice.js';
import { bare, text, unquote, word, type Found } from './log-words.js';

export type { Found } from './log-words.js';

const EMPTY_FILE: Partial<Advice> = {
  title: 'Downloaded file rejected: empty or missing',
  explanation:
    'The device downloaded this file but found nothing to keep: the body was empty or the file was not written (a 204 answer, a proxy ' +
    'that drops bodies, a download cut off). The device rejects the file and retries; the upgrade may roll back.',
};

const NOT_200: Partial<Advice> = {
  title: 'Download refused: the answer was not 200',
  explanation:
    'On iOS "with error: (null)" means the server, or something between it and the device, answered this file with a status other ' +
    'than 200 (an error, a redirect, 203, 204, 206 or 304). iOS accepts only 200; the device retries, and the upgrade may roll back.',
};

const TLS_FAILED: Partial<Advice> = {
  title: 'Download refused: certificate or pinning',
  explanation:
    "The device (Android) refused the server's certificate for this file: it is not trusted, does not name the app's address, or does " +
    'not match the pinned certificate (a proxy inspecting HTTPS gives this).',
  nextStep:
    "Check the certificate the customer's network presents for the app's address (the OTA check records it) against the pinned one.",
};

/** Where an OTA message starts inside a line; the leftmost wins, so "Aborting…" beats the "Failed to download…" it contains. */
export const STARTER = new RegExp(
  '(?<![A-Za-z0-9_])(?:' +
    [
      'Checksum\\s+failed\\s+for\\s+file',
      'Failed\\s+to\\s+store\\s+download(?:ed)?\\s+resource',
      'Aborting\\s+resources\\s+download',
      'Failed\\s+to\\s+download\\s+resource',
      'Cancell?ed\\s+download\\s+for\\s+resource',
      'Retrying\\s+resource',
      'Upgrade\\s+failed\\s*-',
      'Cache\\s+manifest\\s+file\\s+is\\s+corrupt',
      'Failed\\s+to\\s+(?:load|read|parse)\\s+cache\\s+manifest',
      'Could\\s+not\\s+get\\s+InputStream',
      'Healing\\s+resource',
      'Trying\\s+to\\s+retrieve\\s+the\\s+latest\\s+version',
      'Unable\\s+to\\s+find\\s+resource',
      'Unable\\s+to\\s+switch',
      'Failed\\s+to\\s+switch\\s+to\\s+cache\\s+version',
      '(?:Failed|Unable)\\s+to\\s+swap\\s+cache',
      'Inconsistency\\s+on\\s+cache\\s+version',
      'Manifest\\s+inconsistency',
      'Database\\s+\\S+\\s+failed\\s+to\\s+close',
      'Failed\\s+to\\s+close\\s+database',
      'Error\\s+parsing\\s+manifest\\s+JSON',
      "Unable\\s+to\\s+access\\s+'",
      'Unable\\s+to\\s+parse\\s+payload\\s+downloaded\\s+from',
      'Caching\\s+operation\\s+was',
      'startCachingId\\s*:',
      'startCaching\\s+(?:started|finished)',
      'Version\\s+token\\s+before\\s+downloading',
      'Start\\s+Caching\\.\\.\\.',
      'New\\s+application\\s+version\\s+detected',
      'Reloading\\s+application\\s*-',
      'Caching\\s+error\\s*:',
      'File\\s+not\\s+found\\s+or\\s+is\\s+empty',
      'Unable\\s+to\\s+validate\\s+downloaded\\s+file',
      'Failed\\s+to\\s+check\\s+the\\s+integrity',
      'Failed\\s+to\\s+load\\s+resource',
      'Downloaded\\s+resource',
      'Resource\\s+already\\s+fetched',
      'Downloading\\s+resources\\s+for',
      'Started\\s+caching\\s+resources',
      'Caching\\s+progress',
      'Caching\\s+finished',
      'Switching\\s+cached\\s+resources',
      'Upgrade\\s+finished\\s+successfully',
      'Upgrade\\s+failed\\s+with\\s+reason',
      'Version\\s+check\\s+found',
      ...RUNTIME_STARTS,
    ].join('|') +
    ')',
  'i',
);

const TIMESTAMP_SOURCE =
  '(?:\\d{4}-\\d{2}-\\d{2}[ T]\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?(?:Z|\\s?[+-]\\d{2}:?\\d{2})?' + // 2026-11-20 10:31:07.123
  '|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4},?\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?(?:\\s?[AP]M)?' + // 20/11/2026 10:31:07 AM
  '|\\d{2}-\\d{2}\\s+\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)'; // logcat 11-20 10:31:07.123
export const TIMESTAMP = new RegExp(TIMESTAMP_SOURCE, 'i');
const TIMESTAMP_AT_START = new RegExp(`^${TIMESTAMP_SOURCE}`, 'i');
/** Quotes and a level column (Error, [ERROR], E…) that may come before a line's timestamp. */
const LEADING = /^[\s"'`]*(?:\[?(?:error|err|warning|warn|info|debug|trace|fatal|verbose)\]?:?[\s,|]+)?[\s"'`,]*/i;

export const startsWithTimestamp = (text: string): boolean => TIMESTAMP_AT_START.test(text.replace(LEADING, ''));

/**
 * The hash at the start of `s`. A hash broken across two lines arrives with one space inside
 * (continuations are joined with a space); the halves are rejoined when together they make 22 characters.
 */
function takeHash(s: string): string | undefined {
  const t = s.trim();
  const first = /^[A-Za-z0-9+/_=-]+/.exec(t)?.[0];
  if (first === undefined) return undefined;
  if (first.length < 22) {
    const rest = /^\s+([A-Za-z0-9+/_=-]+)/.exec(t.slice(first.length))?.[1];
    if (rest !== undefined && first.length + rest.length === 22) return first + rest;
  }
  return first;
}

/** url and the error text of "<url>: <detail>" / "<url> with error: <detail>". */
function urlAndDetail(rest: string): Pick<Found, 'url' | 'detail'> {
  // ':' only ends the URL when a space or the end follows, so "https://…" stays whole.
  // Android's TLS failures say "with pinning or SSL error:"; the JS runtime's "with status:" and "from storage:".
  const m = /^(\S+?)(?:\s+with\s+(?:pinning\s+or\s+SSL\s+)?error\s*:|\s+with\s+status\s*:|\s+from\s+storage\s*:|:(?=\s|$))\s*(.*)$/is.exec(
    rest.trim(),
  );
  if (!m) {
    const url = /^\S+/.exec(rest.trim())?.[0];
    return url === undefined ? {} : { url: unquote(bare(url)) };
  }
  const detail = m[2]!.trim();
  return detail === '' ? { url: unquote(m[1]!) } : { url: unquote(m[1]!), detail };
}

function checksum(message: string): Found {
  const m = /^Checksum\s+failed\s+for\s+file\s+(.*?)\.?\s*Received\s+hash\s*:\s*(.*?)(?:\s*\|\s*Calculated\s+hash\s*:\s*(.*))?$/is.exec(
    message,
  );
  if (!m) return { kind: 'checksum-failed', ...urlAndDetail(message.replace(/^Checksum\s+failed\s+for\s+file/i, '')), detail: undefined };
  const expected = takeHash(m[2]!);
  const calculated = m[3] === undefined ? undefined : takeHash(m[3]);
  let url = m[1]!.trim();
  // A line wrapped inside the URL: rejoin only when that gives back the URL's own hash.
  const joined = url.replace(/\s+/g, '');
  if (joined !== url && expected !== undefined && joined.endsWith(`?${expected}`)) url = joined;
  return { kind: 'checksum-failed', url, expected, calculated };
}

function download(message: string): Found | undefined {
  const abort = /^Aborting\s+resources\s+download\.?\s*(.*)$/is.exec(message);
  if (abort) {
    const inner = /^Failed\s+to\s+download\s+resource\s+(.*)$/is.exec(abort[1]!);
    const found = inner ? urlAndDetail(inner[1]!) : { url: classify(abort[1]!)?.url, detail: text(abort[1]) };
    const timedOut = /timed?\s*out|timeout/i.test(found.detail ?? '');
    const aborted: Found = { kind: timedOut ? 'download-timeout' : 'download-aborted' };
    if (found.url !== undefined) aborted.url = found.url;
    if (found.detail !== undefined) aborted.detail = found.detail;
    return aborted;
  }
  const failed = /^Failed\s+to\s+download\s+resource\s+(.*)$/is.exec(message);
  if (failed) {
    const found: Found = { kind: 'download-failed', ...urlAndDetail(failed[1]!) };
    if (/^\(null\)$/.test(found.detail ?? '')) found.advice = NOT_200;
    if (/\bwith\s+pinning\s+or\s+SSL\s+error/i.test(failed[1]!)) found.advice = TLS_FAILED;
    return found;
  }
  const canceled = /^Cancell?ed\s+download\s+for\s+resource\s+(\S+)/i.exec(message);
  if (canceled) {
    return {
      kind: 'download-aborted',
      url: bare(canceled[1]!),
      advice: {
        severity: 'info',
        title: 'Download canceled',
        explanation:
          'The device stopped this download because the upgrade was being stopped for another reason; this line is a consequence, not the cause.',
        nextStep: FIND_CAUSE,
      },
    };
  }
  return undefined;
}

function healing(message: string): Found | undefined {
  const m = /^Healing\s+resource\s+(\S+)\s+from\s+(prebundle|web)\s*:?\s*(\w+)?/i.exec(message);
  if (!m) return undefined;
  const said = m[3]?.toUpperCase();
  // The iOS code logs "SUCCEDED" (sic).
  const outcome = said === undefined ? undefined : /^SUCC?E+DE*D$/.test(said) ? 'SUCCEEDED' : said === 'FAILED' ? 'FAILED' : undefined;
  const found: Found = { kind: 'healing', url: m[1]!, detail: m[2]!.toLowerCase() };
  if (outcome !== undefined) found.outcome = outcome;
  if (outcome === 'SUCCEEDED') {
    found.advice = {
      severity: 'info',
      title: 'Stored file repaired',
      explanation: 'The app found its stored copy of this file missing or broken and replaced it successfully.',
      nextStep: 'Nothing to do, unless it happens often on the same devices.',
    };
  }
  return found;
}

/** startCaching progress lines, and the rejection, that may follow a `startCachingId: <id> -` prefix. */
function caching(rest: string): Found | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^Caching\s+operation\s+was\s+rejected\s*:?\s*(?:version\s+(\S+)\s+is\s+already\s+being\s+cached)?(.*)$/is.exec(rest))) {
    if (m[1] !== undefined) return { kind: 'caching-info', token: word(m[1]), detail: 'already being cached' };
    return { kind: 'caching-rejected', detail: text(m[2]) };
  }
  if ((m = /^Caching\s+operation\s+was\s+skipped\s*:?\s*(?:version\s+(\S+))?(.*)$/is.exec(rest))) {
    return { kind: 'caching-info', token: word(m[1]), detail: text(m[2]) };
  }
  if ((m = /^startCaching\s+started\s+for\s+version\s*:?\s*([^\s,]+),?(?:\s+from\s*:?\s*(\S+))?/i.exec(rest))) {
    return { kind: 'caching-info', token: word(m[1]), detail: m[2] === undefined ? undefined : `from: ${bare(m[2])}` };
  }
  if ((m = /^startCaching\s+finished\s+for\s+version\s*:?\s*(\S+)?/i.exec(rest))) return { kind: 'caching-info', token: word(m[1]) };
  if ((m = /^Version\s+token\s+before\s+downloading\s*:?\s*(\S+)?/i.exec(rest))) return { kind: 'caching-info', token: word(m[1]) };
  if ((m = /^Start\s+Caching\.\.\.\s*(.*)$/is.exec(rest))) return { kind: 'caching-info', detail: text(m[1]) };
  return undefined;
}

/** A message inside another ("Caching error: <the native error>"): its own reading when it names a resource. */
function inner(message: string): Found | undefined {
  const at = STARTER.exec(message);
  const found = at ? classify(message.slice(at.index)) : undefined;
  return found?.url === undefined ? undefined : found;
}

/** Reads one message (starting at its known opening words); undefined when the wording is not one the runtime writes. */
export function classify(message: string): Found | undefined {
  let m: RegExpExecArray | null;
  if (/^Checksum\s+failed/i.test(message)) return checksum(message);
  if ((m = /^Failed\s+to\s+store\s+download(?:ed)?\s+resource\s+(.*)$/is.exec(message))) {
    const found: Found = { kind: 'store-failed', ...urlAndDetail(m[1]!) };
    if (/not\s+found\s+or\s+is\s+empty|Unable\s+to\s+validate\s+downloaded/i.test(found.detail ?? '')) found.advice = EMPTY_FILE;
    return found;
  }
  const dl = download(message);
  if (dl) return dl;
  if ((m = /^Retrying\s+resource\s+(\S+)/i.exec(message))) return { kind: 'retrying', url: bare(m[1]!) };

  if ((m = /^Upgrade\s+failed\s*-\s*rolling\s+back\s+to\s+(?:the\s+)?previous\s+application\s+version\.?\s*(.*)$/is.exec(message))) {
    // The error attached to it (the native abort) names the file the device rejected: that reading wins.
    return inner(m[1]!) ?? { kind: 'rollback', detail: text(m[1]) };
  }
  if ((m = /^Upgrade\s+failed\s*-\s*unable\s+to\s+open\s+the\s+database\.?\s*(.*)$/is.exec(message))) {
    return { kind: 'rollback-database', detail: text(m[1]) };
  }
  if (/^Upgrade\s+failed\s*-\s*ignoring\s+error\s+due\s+to\s+concurrent\s+navigation/i.test(message)) return { kind: 'rollback-ignored' };

  if (/^Cache\s+manifest\s+file\s+is\s+corrupt/i.test(message)) return { kind: 'cache-manifest-corrupt' };
  if ((m = /^Failed\s+to\s+load\s+cache\s+manifest\s+file\b\s*(.*)$/is.exec(message)))
    return { kind: 'cache-manifest-unreadable', detail: text(m[1]) };
  if ((m = /^Failed\s+to\s+load\s+cache\s+manifest\s*[:.]?\s*(.*)$/is.exec(message))) {
    const found: Found = { kind: 'cache-manifest-missing', detail: text(m[1]) };
    if (/first\s+run/i.test(m[1]!)) {
      found.advice = {
        severity: 'info',
        nextStep: "Nothing to do: the device says this is the app's first run, when the file does not exist yet.",
      };
    }
    return found;
  }
  if ((m = /^Failed\s+to\s+(?:read|parse)\s+cache\s+manifest(?:\s+file)?\s*:?\s*(.*)$/is.exec(message))) {
    return { kind: 'cache-manifest-unreadable', detail: text(m[1]) };
  }
  if (/^Could\s+not\s+get\s+InputStream/i.test(message)) {
    return { kind: 'input-stream', url: word(/cache\s+resource\s*:?\s*(\S+)/i.exec(message)?.[1]) };
  }
  const heal = healing(message);
  if (heal) return heal;
  if ((m = /^Trying\s+to\s+retrieve\s+the\s+latest\s+version\s+of\s+the\s+resource\s+(\S+)/i.exec(message))) {
    return { kind: 'healing-retrieve', url: bare(m[1]!) };
  }
  if ((m = /^Unable\s+to\s+find\s+resource\s*:?\s*(\S+)?/i.exec(message))) return { kind: 'resource-not-found', url: word(m[1]) };

  if ((m = /^(?:Unable|Failed)\s+to\s+switch\s+to\s+cache\s+version\s*:?\s*(\S+)?/i.exec(message))) {
    return { kind: 'switch-cache-failed', token: word(m[1]) };
  }
  if ((m = /^Unable\s+to\s+switch\s+version\s*:?\s*(.*)$/is.exec(message))) return { kind: 'switch-cache-failed', detail: text(m[1]) };
  if ((m = /^Failed\s+to\s+swap\s+cache\.?\s*(.*)$/is.exec(message))) {
    const token = /version\s+(\S+)\s+with\s+status/i.exec(m[1]!)?.[1];
    return { kind: 'swap-cache-failed', token, detail: text(m[1]?.replace(/^\(|\)\.?$/g, '')) };
  }
  if ((m = /^Unable\s+to\s+swap\s+cache\s*:?\s*(.*)$/is.exec(message))) return { kind: 'swap-cache-failed', detail: text(m[1]) };
  if ((m = /^Inconsistency\s+on\s+cache\s+version\.?\s*(.*)$/is.exec(message))) return { kind: 'cache-inconsistency', detail: text(m[1]) };
  if ((m = /^Manifest\s+inconsistency\s*:?\s*(.*)$/is.exec(message))) return { kind: 'manifest-inconsistency', detail: text(m[1]) };
  if ((m = /^Database\s+(\S+)\s+failed\s+to\s+close/i.exec(message))) return { kind: 'database-close', detail: m[1]! };
  if (/^Failed\s+to\s+close\s+database/i.test(message)) return { kind: 'database-close' };

  if ((m = /^Error\s+parsing\s+manifest\s+JSON\s*,?\s*(?:missing\s+or\s+invalid\s+field\s*:\s*(.*?))?\s*\.?\s*$/is.exec(message))) {
    return { kind: 'manifest-invalid', detail: text(m[1]) };
  }
  if ((m = /^Unable\s+to\s+access\s+'([^']*)'\s*(.*)$/is.exec(message))) {
    // "- There's no network connection." / ". Error Code: 404" / "(request aborted). Error Code: 0"
    const detail = text(m[2]!.replace(/^[\s.-]+/, '').replace(/\.$/, ''));
    return { kind: 'loader-error', url: m[1]!, detail, token: manifestToken(m[1]!) };
  }
  if ((m = /^Unable\s+to\s+parse\s+payload\s+downloaded\s+from\s+'([^']*)'/i.exec(message))) {
    return { kind: 'loader-error', url: m[1]!, detail: 'the answer could not be parsed', token: manifestToken(m[1]!) };
  }

  if ((m = /^startCachingId\s*:\s*\S+\s+-\s*(.*)$/is.exec(message))) return caching(m[1]!) ?? classify(m[1]!);
  const progress = caching(message);
  if (progress) return progress;
  if (/^New\s+application\s+version\s+detected/i.test(message)) return { kind: 'new-version' };
  if (/^Reloading\s+application\s*-/i.test(message)) {
    return {
      kind: 'new-version',
      advice: {
        title: 'App reloading for a new version',
        explanation: "The app's main page (index.html) changed on the server, so the app reloads itself to pick up the new version.",
      },
    };
  }
  if ((m = /^Caching\s+error\s*:\s*(.*)$/is.exec(message))) return inner(m[1]!) ?? { kind: 'caching-error', detail: text(m[1]) };
  return deviceChecks(message) ?? progressNote(message) ?? classifyRuntime(message);
}

/** The checks a device runs on a downloaded file, and the JS runtime's loads, that name a resource. */
function deviceChecks(message: string): Found | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(?:File\s+not\s+found\s+or\s+is\s+empty|Unable\s+to\s+validate\s+downloaded\s+file)\s*[:.]?\s*(.*)$/is.exec(message))) {
    return { kind: 'file-empty', ...urlAndDetail(m[1]!) };
  }
  if ((m = /^Failed\s+to\s+check\s+the\s+integrity\s+of\s+the\s+file\s*:?\s*(.*)$/is.exec(message))) {
    return { kind: 'integrity-unchecked', ...urlAndDetail(m[1]!) };
  }
  if ((m = /^Failed\s+to\s+load\s+resource\s+from\s+storage\s*:?\s*(.*)$/is.exec(message)))
    return { kind: 'load-failed', detail: text(m[1]) };
  if ((m = /^Failed\s+to\s+load\s+resource\s+(.*)$/is.exec(message))) return { kind: 'load-failed', ...urlAndDetail(m[1]!) };
  if ((m = /^(?:Downloaded\s+resource|Resource\s+already\s+fetched)\s*:?\s*(\S+)/i.exec(message))) {
    return { kind: 'resource-downloaded', url: unquote(bare(m[1]!)) };
  }
  return undefined;
}

/** Informational lines of an upgrade, so a pasted log is accounted for line by line. */
function progressNote(message: string): Found | undefined {
  let m: RegExpExecArray | null;
  if (
    (m = /^(?:Downloading\s+resources\s+for\s+the\s+cache\s+version|Started\s+caching\s+resources\s+for\s+version)\s*:?\s*(\S+)?/i.exec(
      message,
    ))
  ) {
    return { kind: 'caching-info', token: word(m[1]) };
  }
  if ((m = /^Switching\s+cached\s+resources\s+to\s+version\s*:?\s*(\S+)?/i.exec(message)))
    return { kind: 'caching-info', token: word(m[1]) };
  if ((m = /^Caching\s+progress\s*:?\s*(\d+\s*\/\s*\d+)?/i.exec(message))) return { kind: 'caching-info', detail: text(m[1]) };
  if (/^(?:Caching\s+finished|Upgrade\s+finished\s+successfully)/i.test(message)) return { kind: 'caching-info' };
  if ((m = /^Version\s+check\s+found\s+a\s+new\s+version\s+'([^']*)'/i.exec(message))) return { kind: 'new-version', token: m[1]! };
  if ((m = /^Upgrade\s+failed\s+with\s+reason\s*:?\s*(\S+)?/i.exec(message))) {
    return { kind: 'rollback', detail: m[1] === '1' ? 'reason 1: the resources could not be downloaded' : text(m[1]) };
  }
  return undefined;
}

/** The version token in a moduleinfo URL (`…/moduleservices/moduleinfo?<token>`); `?cached` is not one. */
function manifestToken(url: string): string | undefined {
  const t = /moduleservices\/moduleinfo\?([^&#\s]+)/i.exec(url)?.[1];
  return t === undefined || t === 'cached' ? undefined : t;
}
