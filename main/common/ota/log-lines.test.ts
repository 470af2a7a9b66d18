import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LogKind } from './log-advice.js';
import { checksumFailures, isRejection, parseLog, resourcesNamed, type LogEntry } from './log-lines.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const CONTROLLER = '/MyApp/scripts/MyApp.controller.js';
const EXPECTED = 'Ux+rVJ8uHJtnxJ4yVjYV_A';
const CALCULATED = 'eZeyznlO_xx2+8Xt0B1UNg';
const CHECKSUM_LINE = `Checksum failed for file ${CONTROLLER}?${EXPECTED}. Received hash: ${EXPECTED} | Calculated hash: ${CALCULATED}`;

/** The parsed fields of an entry, without the advice texts and raw line. */
function fields(e: LogEntry | undefined): Partial<LogEntry> {
  if (!e) throw new Error('no entry');
  const { title: _t, explanation: _e, nextStep: _n, raw: _r, message: _m, line: _l, ...rest } = e;
  return rest;
}

const only = (text: string): LogEntry => {
  const r = parseLog(text);
  expect(r.entries).toHaveLength(1);
  return r.entries[0]!;
};

const CONTROLLER_CHECKSUM = {
  kind: 'checksum-failed',
  severity: 'error',
  url: `${CONTROLLER}?${EXPECTED}`,
  path: CONTROLLER,
  expected: EXPECTED,
  calculated: CALCULATED,
  platform: 'ios',
};

describe('parseLog: the runtime’s example lines (OSCacheResources.m, CacheResources.java, support documents)', () => {
  const r = parseLog(fixture('log-runtime-examples.txt'));

  it('recognises every line', () => {
    expect(r.unrecognised).toBe(0);
    expect(r.entries.map((e) => e.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('reads each one', () => {
    expect(r.entries.map(fields)).toEqual([
      CONTROLLER_CHECKSUM,
      CONTROLLER_CHECKSUM,
      {
        kind: 'store-failed',
        severity: 'error',
        url: `${CONTROLLER}?${EXPECTED}`,
        path: CONTROLLER,
        expected: EXPECTED,
        detail: 'File is corrupt or invalid',
      },
      {
        kind: 'store-failed',
        severity: 'error',
        url: `${CONTROLLER}?${EXPECTED}`,
        path: CONTROLLER,
        expected: EXPECTED,
        detail: 'File is corrupt or invalid.',
      },
      {
        kind: 'store-failed',
        severity: 'error',
        url: '/MyApp/css/MyApp.MyApp.css?bI6d3XMm_cJXEVG_GF2lNA',
        path: '/MyApp/css/MyApp.MyApp.css',
        expected: 'bI6d3XMm_cJXEVG_GF2lNA',
        detail: 'File is corrput or invalid',
        platform: 'android',
      },
      {
        kind: 'download-aborted',
        severity: 'error',
        url: `${CONTROLLER}?${EXPECTED}`,
        path: CONTROLLER,
        expected: EXPECTED,
        detail: 'File is corrupt or invalid',
      },
      {
        kind: 'download-timeout',
        severity: 'error',
        url: '/MyApp/img/MyApp.Logo.png?XrY7u+Ae7tCTyyK7j1rNww',
        path: '/MyApp/img/MyApp.Logo.png',
        expected: 'XrY7u+Ae7tCTyyK7j1rNww',
        detail: 'The request timed out.',
      },
      { kind: 'rollback', severity: 'error' },
      { kind: 'rollback', severity: 'error' },
      {
        kind: 'cache-manifest-missing',
        severity: 'warning',
        detail: 'File /data/user/0/com.example.myapp/files/OSNativeCache/nativeCache.manifest not found. The file was never created.',
      },
      {
        kind: 'healing',
        severity: 'error',
        url: '/MyApp/scripts/MyApp.index.js?1B2M2Y8AsgTpgAmY7PhCfg',
        path: '/MyApp/scripts/MyApp.index.js',
        expected: '1B2M2Y8AsgTpgAmY7PhCfg',
        outcome: 'FAILED',
        detail: 'prebundle',
      },
      {
        kind: 'input-stream',
        severity: 'error',
        url: '/MyApp/scripts/MyApp.index.js?1B2M2Y8AsgTpgAmY7PhCfg',
        path: '/MyApp/scripts/MyApp.index.js',
        expected: '1B2M2Y8AsgTpgAmY7PhCfg',
        platform: 'android',
      },
    ]);
  });

  it('keeps the message as written and gives plain advice', () => {
    const e = r.entries[0]!;
    expect(e.message).toBe(CHECKSUM_LINE);
    expect(e.raw).toBe(CHECKSUM_LINE);
    expect(e.title).toBe("Downloaded file does not match the app's manifest");
    expect(e.explanation).toMatch(/^The device downloaded this file but its content is not the version the app's manifest/);
    expect(e.nextStep).toBe('Run the OTA check on this app to compare the file on every server and through the public address.');
    expect(e.timestamp).toBeUndefined();
  });

  it('reads the same from Windows CRLF line endings', () => {
    const crlf = parseLog(fixture('log-runtime-examples.txt').replace(/\r?\n/g, '\r\n'));
    expect(crlf.entries.map(fields)).toEqual(r.entries.map(fields));
    expect(crlf.entries.map((e) => e.line)).toEqual(r.entries.map((e) => e.line));
    expect(crlf.entries.some((e) => e.raw.includes('\r'))).toBe(false);
  });
});

describe('parseLog: where lines come from', () => {
  it("Service Center's Error log: tab or space columns, with or without a level column", () => {
    const r = parseLog(fixture('log-service-center.txt'));
    expect(r.unrecognised).toBe(0);
    expect(r.entries.map((e) => [e.line, e.kind, e.timestamp])).toEqual([
      [1, 'checksum-failed', '2026-11-20 10:31:07'],
      [2, 'store-failed', '2026-11-20 10:31:07'],
      [3, 'checksum-failed', '2026-11-20 10:31:09'],
      [4, 'checksum-failed', '2026-11-20 10:31:12'],
      [5, 'download-aborted', '2026-11-20 10:31:13'],
      [6, 'rollback', '2026-11-20 10:31:13'],
    ]);
    expect(fields(r.entries[0])).toEqual({ ...CONTROLLER_CHECKSUM, timestamp: '2026-11-20 10:31:07' });
    expect(r.entries[0]!.message).toBe(CHECKSUM_LINE);
    expect(fields(r.entries[3])).toMatchObject({
      path: '/MyApp/css/MyApp.MyApp.css',
      expected: 'bI6d3XMm_cJXEVG_GF2lNA',
      calculated: 'YfcDuAVlyYSL6I29207CLA',
    });
  });

  it('iOS device log: [module] LEVEL: prefix, unrelated lines counted', () => {
    const r = parseLog(fixture('log-device-ios.txt'));
    expect(r.unrecognised).toBe(1);
    expect(r.entries.map((e) => [e.line, e.kind])).toEqual([
      [1, 'caching-info'],
      [2, 'checksum-failed'],
      [3, 'retrying'],
      [5, 'resource-not-found'],
    ]);
    expect(r.entries[0]).toMatchObject({
      token: '49NNIDchMt9XlrZrEO_H4A',
      detail: 'from: EEtZtRyG_45VdflpWRQexA',
      timestamp: '2026-11-20 10:31:06.001',
    });
    expect(r.entries[0]!.message).toMatch(/^startCachingId: 3F2504E0-/);
    expect(fields(r.entries[1])).toEqual({ ...CONTROLLER_CHECKSUM, timestamp: '2026-11-20 10:31:07.123' });
    expect(r.entries[3]).toMatchObject({ path: '/MyApp/scripts/MyApp.index.js', url: '/MyApp/scripts/MyApp.index.js' });
  });

  it('Android logcat: date without year, pid/tid and tag columns', () => {
    const r = parseLog(fixture('log-logcat.txt'));
    expect(r.unrecognised).toBe(0);
    expect(r.entries.map((e) => e.kind)).toEqual([
      'checksum-failed',
      'store-failed',
      'input-stream',
      'healing',
      'healing-retrieve',
      'healing',
    ]);
    expect(fields(r.entries[0])).toEqual({ ...CONTROLLER_CHECKSUM, timestamp: '11-20 10:31:07.123' });
    expect(r.entries[5]).toMatchObject({ outcome: 'SUCCEEDED', detail: 'web', severity: 'info', title: 'Stored file repaired' });
  });

  it('joins wrapped lines: before "Received hash:", inside the calculated hash, after "Aborting…"', () => {
    const r = parseLog(fixture('log-wrapped.txt'));
    expect(r.unrecognised).toBe(0);
    expect(r.entries.map((e) => e.line)).toEqual([1, 3, 5]);
    expect(fields(r.entries[0])).toEqual({ ...CONTROLLER_CHECKSUM, timestamp: '2026-11-20 10:31:07' });
    expect(fields(r.entries[1])).toEqual({ ...CONTROLLER_CHECKSUM, timestamp: '2026-11-20 10:31:09' });
    expect(r.entries[1]!.raw).toMatch(/Calculated hash: eZeyznlO_xx2 \+8Xt0B1UNg$/);
    expect(r.entries[2]).toMatchObject({ kind: 'download-timeout', path: '/MyApp/img/MyApp.Logo.png', detail: 'The request timed out.' });
  });

  it('joins a line broken inside the URL when that gives back its hash', () => {
    const e = only(
      `Checksum failed for file /MyApp/scripts/MyApp.con\ntroller.js?${EXPECTED} Received hash: ${EXPECTED} | Calculated hash: ${CALCULATED}`,
    );
    expect(fields(e)).toEqual(CONTROLLER_CHECKSUM);
  });

  it('strips surrounding quotes, whole-line and CSV style', () => {
    expect(fields(only(`"${CHECKSUM_LINE}"`))).toEqual(CONTROLLER_CHECKSUM);
    const csv = only(`"2026-11-20 10:31:07","MyApp","${CHECKSUM_LINE}"`);
    expect(fields(csv)).toEqual({ ...CONTROLLER_CHECKSUM, timestamp: '2026-11-20 10:31:07' });
    expect(csv.message).toBe(CHECKSUM_LINE);
  });

  it('tolerates case and extra spaces', () => {
    const e = only(`checksum  FAILED for file  ${CONTROLLER}?${EXPECTED}.  received hash:${EXPECTED}|calculated hash:  ${CALCULATED}`);
    expect(fields(e)).toEqual(CONTROLLER_CHECKSUM);
  });

  it('counts unrecognised logical lines; a blank line ends an entry', () => {
    const r = parseLog(
      'hello\nworld\n\n2026-11-20 10:00:00 something else\n\nUpgrade failed - rolling back to previous application version.\n   \n',
    );
    expect(r.unrecognised).toBe(2);
    expect(r.entries.map((e) => [e.line, e.kind])).toEqual([[6, 'rollback']]);
    expect(parseLog('').entries).toEqual([]);
  });
});

describe('parseLog: every other wording', () => {
  const U = `${CONTROLLER}?${EXPECTED}`;
  const cases: [string, Partial<LogEntry>][] = [
    [
      `Failed to download resource ${U} with error: File is corrupt or invalid`,
      { kind: 'download-failed', severity: 'warning', url: U, path: CONTROLLER, detail: 'File is corrupt or invalid' },
    ],
    [
      `Failed to download resource https://host.example.com${U}: timeout`,
      { kind: 'download-failed', url: `https://host.example.com${U}`, path: CONTROLLER, detail: 'timeout' },
    ],
    [
      `Aborting resources download. Failed to download resource ${U} with error: The network connection was lost.`,
      { kind: 'download-aborted', detail: 'The network connection was lost.' },
    ],
    [`Canceled download for resource ${U}`, { kind: 'download-aborted', severity: 'info', url: U, title: 'Download canceled' }],
    [`Retrying resource ${U}`, { kind: 'retrying', url: U, path: CONTROLLER }],
    ['Upgrade failed - unable to open the database.', { kind: 'rollback-database', severity: 'error' }],
    ['Upgrade failed - ignoring error due to concurrent navigation.', { kind: 'rollback-ignored', severity: 'warning' }],
    ['Cache manifest file is corrupt or invalid', { kind: 'cache-manifest-corrupt', severity: 'error' }],
    [
      "Failed to load cache manifest: File /var/OSNativeCache/OSCacheManifest.plist not found. This is the first run so it's expected.",
      { kind: 'cache-manifest-missing', severity: 'info' },
    ],
    [
      'Failed to read cache manifest file: file /x/nativeCache.manifest is invalid or corrupted',
      { kind: 'cache-manifest-unreadable', detail: 'file /x/nativeCache.manifest is invalid or corrupted' },
    ],
    [
      'Failed to parse cache manifest file /x/nativeCache.manifest: Unexpected end',
      { kind: 'cache-manifest-unreadable', detail: '/x/nativeCache.manifest: Unexpected end' },
    ],
    [`Healing resource ${U} from web: FAILED`, { kind: 'healing', outcome: 'FAILED', detail: 'web', severity: 'error' }],
    [`Healing resource ${U} from prebundle: SUCCEDED`, { kind: 'healing', outcome: 'SUCCEEDED', detail: 'prebundle', severity: 'info' }],
    [`Trying to retrieve the latest version of the resource ${U} from the server`, { kind: 'healing-retrieve', url: U, path: CONTROLLER }],
    ['Unable to switch to cache version', { kind: 'switch-cache-failed' }],
    ['Failed to switch to cache version 49NNIDchMt9XlrZrEO_H4A', { kind: 'switch-cache-failed', token: '49NNIDchMt9XlrZrEO_H4A' }],
    [
      'Unable to switch version: app https://host.example.com/MyApp not found',
      { kind: 'switch-cache-failed', detail: 'app https://host.example.com/MyApp not found' },
    ],
    [
      'Failed to swap cache. (New cache frame version 49NNIDchMt9XlrZrEO_H4A with status: 2).',
      {
        kind: 'swap-cache-failed',
        token: '49NNIDchMt9XlrZrEO_H4A',
        detail: 'New cache frame version 49NNIDchMt9XlrZrEO_H4A with status: 2',
      },
    ],
    [
      'Unable to swap cache: missing application or wrong cache status',
      { kind: 'swap-cache-failed', detail: 'missing application or wrong cache status' },
    ],
    ['Inconsistency on cache version', { kind: 'cache-inconsistency' }],
    ['Manifest inconsistency: URL for mapping was not found', { kind: 'manifest-inconsistency', detail: 'URL for mapping was not found' }],
    [
      'Database LocalDB_1 failed to close database cannot be closed while a transaction is in progress.',
      { kind: 'database-close', detail: 'LocalDB_1' },
    ],
    [
      'Error parsing manifest JSON , missing or invalid field: manifest.urlVersions.',
      { kind: 'manifest-invalid', detail: 'manifest.urlVersions' },
    ],
    ['Error parsing manifest JSON .', { kind: 'manifest-invalid' }],
    [
      "Unable to access '/MyApp/moduleservices/moduleinfo?49NNIDchMt9XlrZrEO_H4A' - There's no network connection.",
      {
        kind: 'loader-error',
        url: '/MyApp/moduleservices/moduleinfo?49NNIDchMt9XlrZrEO_H4A',
        path: '/MyApp/moduleservices/moduleinfo',
        token: '49NNIDchMt9XlrZrEO_H4A',
        detail: "There's no network connection",
      },
    ],
    [
      "Unable to access '/MyApp/moduleservices/moduleversioninfo?1763634667000'. Error Code: 404",
      { kind: 'loader-error', detail: 'Error Code: 404' },
    ],
    [
      "Unable to access '/MyApp/moduleservices/moduleinfo?cached' (request aborted). Error Code: 0",
      { kind: 'loader-error', detail: '(request aborted). Error Code: 0' },
    ],
    [
      "Unable to parse payload downloaded from '/MyApp/moduleservices/moduleinfo?tok'.",
      { kind: 'loader-error', url: '/MyApp/moduleservices/moduleinfo?tok', token: 'tok' },
    ],
    [
      'Caching operation was rejected: resource list and url mappings dictionary are not valid',
      { kind: 'caching-rejected', detail: 'resource list and url mappings dictionary are not valid' },
    ],
    [
      'startCachingId: 3F2504E0-4F89-11D3-9A0C-0305E82C3301 - Caching operation was rejected: resource list and url mappings dictionary are not valid',
      { kind: 'caching-rejected' },
    ],
    [
      'startCachingId: 3F2504E0-4F89-11D3-9A0C-0305E82C3301 - Version token before downloading: EEtZtRyG_45VdflpWRQexA',
      { kind: 'caching-info', token: 'EEtZtRyG_45VdflpWRQexA' },
    ],
    [
      'startCachingId: 3F2504E0-4F89-11D3-9A0C-0305E82C3301 - startCaching finished for version: 49NNIDchMt9XlrZrEO_H4A',
      { kind: 'caching-info', token: '49NNIDchMt9XlrZrEO_H4A' },
    ],
    [
      'startCachingId: 3F2504E0-4F89-11D3-9A0C-0305E82C3301 - Caching operation was skipped: version 49NNIDchMt9XlrZrEO_H4A is already available in cache',
      { kind: 'caching-info', token: '49NNIDchMt9XlrZrEO_H4A' },
    ],
    ['Start Caching... 42 files: ', { kind: 'caching-info', detail: '42 files:' }],
    ['New application version detected, starting upgrade...', { kind: 'new-version', severity: 'info' }],
    ['Reloading application - index.html was changed in the server', { kind: 'new-version', title: 'App reloading for a new version' }],
    ['Caching error: Failed to fetch', { kind: 'caching-error', detail: 'Failed to fetch' }],
    [
      'Upgrade failed - rolling back to previous application version. Error: resource download failed',
      { kind: 'rollback', detail: 'Error: resource download failed' },
    ],
  ];
  it.each(cases)('%s', (line, expected) => {
    expect(only(line)).toMatchObject(expected);
  });

  it('gives every kind a title, an explanation and a next step', () => {
    const all: LogKind[] = [
      'checksum-failed',
      'store-failed',
      'download-failed',
      'download-timeout',
      'download-aborted',
      'retrying',
      'rollback',
      'rollback-database',
      'rollback-ignored',
      'cache-manifest-corrupt',
      'cache-manifest-missing',
      'cache-manifest-unreadable',
      'input-stream',
      'healing',
      'healing-retrieve',
      'resource-not-found',
      'switch-cache-failed',
      'swap-cache-failed',
      'cache-inconsistency',
      'manifest-inconsistency',
      'database-close',
      'loader-error',
      'manifest-invalid',
      'caching-rejected',
      'caching-info',
      'new-version',
      'caching-error',
    ];
    const text = [fixture('log-runtime-examples.txt'), ...cases.map((c) => c[0]), `Unable to find resource: ${CONTROLLER}`].join('\n');
    const entries = parseLog(text).entries;
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(all));
    for (const e of entries) {
      expect(e.title.length).toBeGreaterThan(10);
      expect(e.explanation.length).toBeGreaterThan(40);
      expect(e.nextStep.length).toBeGreaterThan(20);
    }
  });
});

describe('checksumFailures and resourcesNamed', () => {
  const text = [
    `2026-11-20 10:31:07\tMyApp\tOSCache\t${CHECKSUM_LINE}`,
    `Failed to store downloaded resource /MyApp/css/MyApp.MyApp.css?bI6d3XMm_cJXEVG_GF2lNA: File is corrupt or invalid`,
    'Checksum failed for file /MyApp/css/MyApp.MyApp.css?bI6d3XMm_cJXEVG_GF2lNA ' +
      'Received hash: bI6d3XMm_cJXEVG_GF2lNA | Calculated hash: YfcDuAVlyYSL6I29207CLA',
    "Unable to access '/MyApp/moduleservices/moduleinfo?tok' - There's no network connection.",
    CHECKSUM_LINE,
    `Checksum failed for file ${CONTROLLER}?${EXPECTED}. Received hash: ${EXPECTED} | Calculated hash: 1B2M2Y8AsgTpgAmY7PhCfg`,
    'Healing resource /MyApp/scripts/MyApp.index.js?1B2M2Y8AsgTpgAmY7PhCfg from prebundle: FAILED',
  ].join('\n');
  const { entries } = parseLog(text);

  it('groups checksum failures by (path, expected, calculated) with every line', () => {
    expect(checksumFailures(entries)).toEqual([
      { path: CONTROLLER, url: `${CONTROLLER}?${EXPECTED}`, expected: EXPECTED, calculated: CALCULATED, lines: [1, 5] },
      {
        path: '/MyApp/css/MyApp.MyApp.css',
        url: '/MyApp/css/MyApp.MyApp.css?bI6d3XMm_cJXEVG_GF2lNA',
        expected: 'bI6d3XMm_cJXEVG_GF2lNA',
        calculated: 'YfcDuAVlyYSL6I29207CLA',
        lines: [3],
      },
      { path: CONTROLLER, url: `${CONTROLLER}?${EXPECTED}`, expected: EXPECTED, calculated: '1B2M2Y8AsgTpgAmY7PhCfg', lines: [6] },
    ]);
  });

  it('lists the resources named, first seen first, without the manifest endpoint', () => {
    expect(resourcesNamed(entries)).toEqual([CONTROLLER, '/MyApp/css/MyApp.MyApp.css', '/MyApp/scripts/MyApp.index.js']);
  });
});

describe('parseLog: every device wording that names a resource gives its path and hash', () => {
  const r = parseLog(fixture('log-device-rejections.txt'));
  const U = '/MyApp/scripts/MyApp.util.js';
  const I = '/MyApp/scripts/MyApp.index.js';
  const rows: Array<[number, string, string | undefined, string | undefined, 'ios' | 'android' | undefined, boolean]> = [
    [1, 'download-failed', CONTROLLER, EXPECTED, 'ios', true],
    [2, 'download-failed', '/MyApp/img/MyApp.Logo.png', 'XrY7u+Ae7tCTyyK7j1rNww', 'android', true],
    [3, 'store-failed', '/MyApp/css/MyApp.MyApp.css', 'bI6d3XMm_cJXEVG_GF2lNA', 'android', true],
    [4, 'file-empty', I, '1B2M2Y8AsgTpgAmY7PhCfg', undefined, true],
    [5, 'file-empty', I, '1B2M2Y8AsgTpgAmY7PhCfg', undefined, true],
    [6, 'integrity-unchecked', U, 'eZeyznlO_xx2+8Xt0B1UNg', 'android', false],
    [7, 'load-failed', U, 'eZeyznlO_xx2+8Xt0B1UNg', undefined, false],
    [8, 'load-failed', U, 'eZeyznlO_xx2+8Xt0B1UNg', undefined, false],
    [9, 'resource-not-found', '/MyApp/img/a.png', 'XrY7u+Ae7tCTyyK7j1rNww', undefined, false],
    [10, 'resource-not-found', '/MyApp/img/b.png', 'XrY7u+Ae7tCTyyK7j1rNww', undefined, false],
    [11, 'healing', I, '1B2M2Y8AsgTpgAmY7PhCfg', undefined, false],
    [12, 'input-stream', I, '1B2M2Y8AsgTpgAmY7PhCfg', 'android', false],
    [13, 'checksum-failed', CONTROLLER, EXPECTED, 'ios', true],
    [14, 'store-failed', CONTROLLER, EXPECTED, undefined, true],
    [15, 'resource-downloaded', CONTROLLER, EXPECTED, undefined, false],
    [16, 'resource-downloaded', I, '1B2M2Y8AsgTpgAmY7PhCfg', undefined, false],
    [17, 'caching-info', undefined, undefined, undefined, false],
    [18, 'caching-info', undefined, undefined, undefined, false],
    [19, 'caching-info', undefined, undefined, undefined, false],
    [20, 'caching-info', undefined, undefined, undefined, false],
    [21, 'caching-info', undefined, undefined, undefined, false],
    [22, 'caching-info', undefined, undefined, undefined, false],
    [23, 'new-version', undefined, undefined, undefined, false],
    [24, 'rollback', undefined, undefined, undefined, false],
  ];
  it('recognises every line', () => expect([r.unrecognised, r.entries.length]).toEqual([0, rows.length]));
  it.each(rows)('line %i: %s', (line, kind, path, expected, platform, rejection) => {
    const e = r.entries.find((x) => x.line === line)!;
    expect([e.kind, e.path, e.expected, e.platform, isRejection(e)]).toEqual([kind, path, expected, platform, rejection]);
  });
  it('reads the status, the progress and the token of informational lines', () => {
    expect(r.entries.find((x) => x.line === 7)?.detail).toBe('404');
    expect(r.entries.find((x) => x.line === 19)?.detail).toBe('12 / 40');
    expect(r.entries.find((x) => x.line === 23)?.token).toBe('49NNIDchMt9XlrZrEO_H4A');
  });
  it('checks the resources named, not the plain download notes', () => {
    expect(resourcesNamed(r.entries)).not.toContain('/MyApp/scripts/none.js');
    expect(resourcesNamed(parseLog('Downloaded resource /MyApp/x.js?Ux+rVJ8uHJtnxJ4yVjYV_A').entries)).toEqual([]);
  });
});
