// Reads OTA lines pasted from Service Center's Error log or a device log (iOS, Android logcat) and says,
// for each, what happened in plain words and what to do next. The wordings are the runtime's own
// (docs and code variants both, see ota-facts.md §4). Pure: no I/O, runs in the renderer too.

export type LogKind =
  | 'checksum-failed'
  | 'store-failed'
  | 'download-failed'
  | 'download-timeout'
  | 'download-aborted'
  | 'retrying'
  | 'rollback'
  | 'rollback-database'
  | 'rollback-ignored'
  | 'cache-manifest-corrupt'
  | 'cache-manifest-missing'
  | 'cache-manifest-unreadable'
  | 'input-stream'
  | 'healing'
  | 'healing-retrieve'
  | 'resource-not-found'
  | 'switch-cache-failed'
  | 'swap-cache-failed'
  | 'cache-inconsistency'
  | 'manifest-inconsistency'
  | 'database-close'
  | 'loader-error'
  | 'manifest-invalid'
  | 'caching-rejected'
  | 'caching-info'
  | 'new-version'
  | 'caching-error';

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
  severity: 'error' | 'warning' | 'info';
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
}

export interface ChecksumFailure {
  path: string;
  url: string;
  expected: string;
  calculated: string;
  lines: number[];
}

type Severity = LogEntry['severity'];

interface Advice {
  severity: Severity;
  title: string;
  explanation: string;
  nextStep: string;
}

const RUN_CHECK = 'Run the OTA check on this app to compare the file on every server and through the public address.';
const FIND_CAUSE = "Look at the lines just before this one for the error that caused it, and follow that line's next step.";
const DEVICE_STORAGE_STEP =
  'Ask the user to close and reopen the app with a good connection so it can download its files again; if it keeps happening, reinstall the app. If many users see it, collect device logs and open a support case.';

const ADVICE: Record<LogKind, Advice> = {
  'checksum-failed': {
    severity: 'error',
    title: "Downloaded file does not match the app's manifest",
    explanation:
      'The device downloaded this file but its content is not the version the app\'s manifest (moduleinfo) lists: the hash of the bytes it received ("calculated") differs from the hash in the manifest ("received"). ' +
      'Usual causes: a cache, proxy, CDN or load balancer serving an older copy or changing the file, a front-end server with outdated files, or a new deployment published during the upgrade. The device rejects the file and the upgrade rolls back.',
    nextStep: RUN_CHECK,
  },
  'store-failed': {
    severity: 'error',
    title: 'Downloaded file rejected as corrupt',
    explanation:
      'The device refused to keep a file it downloaded because its content failed the integrity check (the hash did not match the manifest). It usually follows a "Checksum failed" line for the same file; the device retries and may roll the upgrade back.',
    nextStep: RUN_CHECK,
  },
  'download-failed': {
    severity: 'warning',
    title: 'One download attempt failed',
    explanation:
      'One attempt to download this file failed; the device retries, but the number of retries is limited for the whole upgrade. The error text says why: "File is corrupt or invalid" means its content did not match the manifest.',
    nextStep:
      'If the error is "File is corrupt or invalid", run the OTA check on this app; for a network error, test the app\'s address from the customer\'s network.',
  },
  'download-timeout': {
    severity: 'error',
    title: 'Upgrade stopped: a download timed out',
    explanation:
      'The device gave up the whole upgrade because this file took too long to download (the limit is about 30 seconds per file). Usual causes: a slow or unstable mobile network, a large file, or a proxy or firewall holding the connection. The app stays on its previous version.',
    nextStep:
      "Run the OTA check from the customer's network to see this file's size and download time, and try the app on another network (for example Wi-Fi instead of mobile data).",
  },
  'download-aborted': {
    severity: 'error',
    title: 'Upgrade stopped: a file could not be downloaded',
    explanation:
      'The device gave up the whole upgrade because this file kept failing after its retries. The error text says why; "File is corrupt or invalid" means its content did not match the manifest. The app stays on its previous version.',
    nextStep: RUN_CHECK,
  },
  retrying: {
    severity: 'info',
    title: 'Retrying a download',
    explanation:
      'The previous attempt at this file failed and the device is trying again. Retries are shared by the whole upgrade (at least 10), so many failing files can use them up and end the upgrade.',
    nextStep: 'Look at the lines just before this one for why the attempt failed.',
  },
  rollback: {
    severity: 'error',
    title: 'Upgrade failed and was rolled back',
    explanation:
      'The over-the-air upgrade did not complete, so the app went back to the version it had before. Users can keep working, but calls to server actions that changed in the new version may fail. This line is the result; the cause is logged before it.',
    nextStep: FIND_CAUSE,
  },
  'rollback-database': {
    severity: 'error',
    title: "Upgrade failed: the app's local database could not be opened",
    explanation:
      'The upgrade stopped because the app could not open its local storage database on the device, so it went back to the previous version. This is a problem on the device (its local data or storage), not with the downloaded files.',
    nextStep:
      'Check the device log around this time for database errors. If it repeats for one user, reinstalling the app usually clears it (data stored only on the device is lost).',
  },
  'rollback-ignored': {
    severity: 'warning',
    title: 'Upgrade error ignored because the user moved to another screen',
    explanation:
      'An upgrade error happened while the user was navigating, and the app ignored it instead of rolling back. The upgrade is tried again later.',
    nextStep: 'Usually nothing to do. If the upgrade never completes, look for other upgrade errors from the same device.',
  },
  'cache-manifest-corrupt': {
    severity: 'error',
    title: "The app's list of stored files is damaged",
    explanation:
      'The device keeps a list of the files it has stored for the app (the cache manifest). That list failed its integrity check, so the app cannot trust the files it stored.',
    nextStep: DEVICE_STORAGE_STEP,
  },
  'cache-manifest-missing': {
    severity: 'warning',
    title: "The app's list of stored files was not found",
    explanation:
      'The device could not find its list of the files it stored for the app (the cache manifest). On the first run after install this is expected; otherwise the file was deleted or never written, and the app has to download its files again.',
    nextStep:
      "If this is not the first run, check whether the device is short of storage or the app's data was cleared; reinstalling the app creates the file again.",
  },
  'cache-manifest-unreadable': {
    severity: 'error',
    title: "The app's list of stored files could not be read",
    explanation:
      'The device found its list of the files it stored for the app (the cache manifest) but could not read or understand it, so it cannot use those files.',
    nextStep: DEVICE_STORAGE_STEP,
  },
  'input-stream': {
    severity: 'error',
    title: 'A stored file could not be read on the device',
    explanation:
      'The app (Android) tried to read this file from the copy stored on the device and could not open it: the stored copy is missing or unreadable.',
    nextStep: DEVICE_STORAGE_STEP,
  },
  healing: {
    severity: 'error',
    title: 'Repair of a stored file failed',
    explanation:
      'The app found its stored copy of this file missing or broken and tried to replace it, from the copy built into the installed app ("prebundle") or from the server ("web"), and that failed.',
    nextStep:
      'For "from web", run the OTA check on this app to see what the server sends for this file. For "from prebundle", the installed build may not contain the file: check the next lines for the repair from the server.',
  },
  'healing-retrieve': {
    severity: 'info',
    title: 'Fetching a fresh copy of a file',
    explanation: 'The app is downloading the current version of this file from the server to repair its stored copy.',
    nextStep: 'Look at the next lines: "Healing resource … from web: FAILED" means the copy from the server could not be used.',
  },
  'resource-not-found': {
    severity: 'error',
    title: "File not found in the app's storage",
    explanation:
      'The app needed this file and it was not among the files stored on the device (this appears in the device log only). The screen or script that uses it may fail to load.',
    nextStep:
      "Check that the file is listed in the app's moduleinfo (run the OTA check). If it is, reopen the app online so it downloads it, or reinstall the app.",
  },
  'switch-cache-failed': {
    severity: 'error',
    title: 'Could not switch to the downloaded version',
    explanation:
      "The app could not start using a version it had stored (or could not find the app's stored versions), so it stays on the version it was running.",
    nextStep: DEVICE_STORAGE_STEP,
  },
  'swap-cache-failed': {
    severity: 'error',
    title: 'Could not activate the downloaded version',
    explanation:
      'After downloading a new version, the app could not replace the old stored version with it, because the stored version was missing or not in the expected state. The app stays on the version it was running.',
    nextStep: DEVICE_STORAGE_STEP,
  },
  'cache-inconsistency': {
    severity: 'error',
    title: 'Stored versions are inconsistent',
    explanation: "The app's record of which version it has stored does not agree with what it found on the device.",
    nextStep: DEVICE_STORAGE_STEP,
  },
  'manifest-inconsistency': {
    severity: 'error',
    title: 'An address in the manifest points to a file that is not stored',
    explanation:
      "The app's manifest maps an address (a screen route) to a file that is not in its list of files, so the app cannot serve that address from storage.",
    nextStep:
      "Load the app's moduleinfo in the workbench and look for url mappings whose file is not listed; republishing the app regenerates it.",
  },
  'database-close': {
    severity: 'error',
    title: "The app's local database could not be closed",
    explanation:
      'The app tried to close its local database while a database transaction was still running, usually during an upgrade that changes local storage (local entities).',
    nextStep:
      'Look for a slow or stuck local-storage action around this time. Ask the user to restart the app; if it persists, reinstall the app (data stored only on the device is lost).',
  },
  'loader-error': {
    severity: 'error',
    title: "Could not get the app's manifest",
    explanation:
      'The app could not download or read its manifest (moduleinfo or the version check) from the server: no network connection, an HTTP error code, or an answer that is not the expected JSON.',
    nextStep:
      "Open the named address from the customer's network (the OTA check does this) and check the status code and that the answer is the manifest JSON, not a login, proxy or error page.",
  },
  'manifest-invalid': {
    severity: 'error',
    title: "The app's manifest is invalid",
    explanation:
      'The app downloaded its manifest (moduleinfo) but a required field is missing or has the wrong type, so it cannot upgrade. A proxy or error page answering instead of the server is a common cause.',
    nextStep: 'Load the moduleinfo in the workbench (or run the OTA check) to see which field is wrong and what the server actually sent.',
  },
  'caching-rejected': {
    severity: 'error',
    title: 'The device refused to start the upgrade',
    explanation:
      'The device refused to start downloading because the list of files or addresses the manifest gave it was empty or invalid.',
    nextStep: "Load the app's moduleinfo in the workbench and check that it lists resources (urlVersions) and url mappings.",
  },
  'caching-info': {
    severity: 'info',
    title: 'Upgrade progress',
    explanation: 'A progress note from the upgrade: which version is being downloaded, that it finished, or that it was already stored.',
    nextStep: 'Nothing to do; the version token tells which lines belong to the same upgrade.',
  },
  'new-version': {
    severity: 'info',
    title: 'New version found on the server',
    explanation: 'The app found a newer version on the server and is starting the over-the-air upgrade.',
    nextStep: 'Nothing to do; the lines that follow show whether the upgrade worked.',
  },
  'caching-error': {
    severity: 'error',
    title: 'Error while downloading the new version',
    explanation: 'The app\'s upgrade code reported an error while downloading the new version; the text after "Caching error:" says what.',
    nextStep: 'Read the error text and the lines around it; if a more specific error is logged, follow its next step.',
  },
};

/** What a matcher finds in one message; `advice` overrides the kind's wording for a variant. */
interface Found {
  kind: LogKind;
  url?: string;
  expected?: string;
  calculated?: string;
  token?: string;
  outcome?: 'FAILED' | 'SUCCEEDED';
  detail?: string;
  advice?: Partial<Advice>;
}

/** Where an OTA message starts inside a line; the leftmost wins, so "Aborting…" beats the "Failed to download…" it contains. */
const STARTER = new RegExp(
  '\\b(?:' +
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
    ].join('|') +
    ')',
  'i',
);

const TIMESTAMP_SOURCE =
  '(?:\\d{4}-\\d{2}-\\d{2}[ T]\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?(?:Z|\\s?[+-]\\d{2}:?\\d{2})?' + // 2026-11-20 10:31:07.123
  '|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4},?\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?(?:\\s?[AP]M)?' + // 20/11/2026 10:31:07 AM
  '|\\d{2}-\\d{2}\\s+\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)'; // logcat 11-20 10:31:07.123
const TIMESTAMP = new RegExp(TIMESTAMP_SOURCE, 'i');
const TIMESTAMP_AT_START = new RegExp(`^${TIMESTAMP_SOURCE}`, 'i');
/** Quotes and a level column (Error, [ERROR], E…) that may come before a line's timestamp. */
const LEADING = /^[\s"'`]*(?:\[?(?:error|err|warning|warn|info|debug|trace|fatal|verbose)\]?:?[\s,|]+)?[\s"'`,]*/i;

const startsWithTimestamp = (text: string): boolean => TIMESTAMP_AT_START.test(text.replace(LEADING, ''));

/** Trailing sentence punctuation and quotes that are not part of a URL or token. */
const bare = (s: string): string => s.replace(/["'`]+$/, '').replace(/[.,;:)]+$/, '');

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
  const m = /^(\S+?)(?:\s+with\s+error\s*:|:(?=\s|$))\s*(.*)$/is.exec(rest.trim());
  if (!m) {
    const url = /^\S+/.exec(rest.trim())?.[0];
    return url === undefined ? {} : { url: bare(url) };
  }
  const detail = m[2]!.trim();
  return detail === '' ? { url: m[1]! } : { url: m[1]!, detail };
}

const word = (s: string | undefined): string | undefined => {
  const w = s === undefined ? undefined : bare(s.trim().split(/\s+/)[0] ?? '');
  return w === '' ? undefined : w;
};

const text = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  return t === undefined || t === '' ? undefined : t;
};

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
    if (!inner) return { kind: 'download-aborted', detail: text(abort[1]) };
    const found = urlAndDetail(inner[1]!);
    const timedOut = /timed?\s*out|timeout/i.test(found.detail ?? '');
    return { kind: timedOut ? 'download-timeout' : 'download-aborted', ...found };
  }
  const failed = /^Failed\s+to\s+download\s+resource\s+(.*)$/is.exec(message);
  if (failed) return { kind: 'download-failed', ...urlAndDetail(failed[1]!) };
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
  if ((m = /^Caching\s+operation\s+was\s+rejected\s*:?\s*(.*)$/is.exec(rest))) return { kind: 'caching-rejected', detail: text(m[1]) };
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

/** Reads one message (starting at its known opening words); undefined when the wording is not one the runtime writes. */
function classify(message: string): Found | undefined {
  let m: RegExpExecArray | null;
  if (/^Checksum\s+failed/i.test(message)) return checksum(message);
  if ((m = /^Failed\s+to\s+store\s+download(?:ed)?\s+resource\s+(.*)$/is.exec(message)))
    return { kind: 'store-failed', ...urlAndDetail(m[1]!) };
  const dl = download(message);
  if (dl) return dl;
  if ((m = /^Retrying\s+resource\s+(\S+)/i.exec(message))) return { kind: 'retrying', url: bare(m[1]!) };

  if ((m = /^Upgrade\s+failed\s*-\s*rolling\s+back\s+to\s+(?:the\s+)?previous\s+application\s+version\.?\s*(.*)$/is.exec(message))) {
    return { kind: 'rollback', detail: text(m[1]) };
  }
  if ((m = /^Upgrade\s+failed\s*-\s*unable\s+to\s+open\s+the\s+database\.?\s*(.*)$/is.exec(message))) {
    return { kind: 'rollback-database', detail: text(m[1]) };
  }
  if (/^Upgrade\s+failed\s*-\s*ignoring\s+error\s+due\s+to\s+concurrent\s+navigation/i.test(message)) return { kind: 'rollback-ignored' };

  if (/^Cache\s+manifest\s+file\s+is\s+corrupt/i.test(message)) return { kind: 'cache-manifest-corrupt' };
  if ((m = /^Failed\s+to\s+load\s+cache\s+manifest\s*:?\s*(.*)$/is.exec(message))) {
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

  if ((m = /^startCachingId\s*:\s*\S+\s+-\s*(.*)$/is.exec(message))) return caching(m[1]!);
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
  if ((m = /^Caching\s+error\s*:\s*(.*)$/is.exec(message))) return { kind: 'caching-error', detail: text(m[1]) };
  return undefined;
}

/** The version token in a moduleinfo URL (`…/moduleservices/moduleinfo?<token>`); `?cached` is not one. */
function manifestToken(url: string): string | undefined {
  const t = /moduleservices\/moduleinfo\?([^&#\s]+)/i.exec(url)?.[1];
  return t === undefined || t === 'cached' ? undefined : t;
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

/** Kinds whose URL is an app file; loader errors name the manifest endpoint, not a resource. */
const RESOURCE_KINDS: ReadonlySet<LogKind> = new Set<LogKind>([
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
]);

export function resourcesNamed(entries: LogEntry[]): string[] {
  const seen = new Set<string>();
  for (const e of entries) if (RESOURCE_KINDS.has(e.kind) && e.path !== undefined && e.path !== '') seen.add(e.path);
  return [...seen];
}
