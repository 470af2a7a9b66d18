// Every message the runtime writes, as copied into fixtures/runtime-messages.txt from the public runtime sources
// (OSCacheResources.m, OSNativeCache.m, CacheResources.java, NativeCache.java, OutSystemsManifestLoader.js,
// OutSystems.js, pwaServiceWorker.js) and the support articles: the share parse-log recognises, and what it reads
// from each line that names a resource.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isRejection, parseLog, resourcesNamed, type LogEntry } from './log-lines.js';

const PATH = '/MyApp/scripts/MyApp.controller.js';
const EXPECTED = 'Ux+rVJ8uHJtnxJ4yVjYV_A';
const HOST = 'apps.example.com';

const VALUES: Record<string, string> = {
  expected: EXPECTED,
  hash: 'eZeyznlO_xx2+8Xt0B1UNg',
  path: PATH,
  token: '49NNIDchMt9XlrZrEO_H4A',
  text: 'The network connection was lost.',
  n: '3',
  file: '/data/user/0/com.example.myapp/files/OSNativeCache/nativeCache.manifest',
  asset: 'www/scripts/MyApp.controller.js',
  uuid: '6F1C0D1E-2A3B-4C5D-8E9F-0A1B2C3D4E5F',
  host: HOST,
  app: 'MyApp',
  key: '1480376353',
  cache: 'MyApp-49NNIDchMt9XlrZrEO_H4A',
  bool: 'true',
  name: 'MyApp.model',
  moduleinfo: '/MyApp/moduleservices/moduleinfo?49NNIDchMt9XlrZrEO_H4A',
};

interface Message {
  source: string;
  level: string;
  template: string;
}

const MESSAGES: Message[] = readFileSync(new URL('./fixtures/runtime-messages.txt', import.meta.url), 'utf8')
  .replace(/\\\n\s*/g, '')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'))
  .map((l) => {
    const [source = '', level = '', template = ''] = l.split('\t');
    return { source, level, template };
  });

/** The message with its placeholders filled in; {url} as the device logs it, or as a full URL. */
function fill(template: string, url: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'url' ? url : (VALUES[name] ?? `{${name}}`)));
}

const RELATIVE = `${PATH}?${EXPECTED}`;
const ABSOLUTE = `https://${HOST}${PATH}?${EXPECTED}`;

/** The one entry a single message gives, or undefined when parse-log does not recognise it. */
function read(text: string): LogEntry | undefined {
  const r = parseLog(text);
  return r.entries.length === 1 && r.unrecognised === 0 ? r.entries[0] : undefined;
}

describe('the runtime’s messages (fixtures/runtime-messages.txt)', () => {
  it('holds the texts of every source', () => {
    const sources = new Set(MESSAGES.map((m) => m.source));
    expect([...sources].sort()).toEqual(
      [
        'ApplicationCache.java',
        'CacheResources.java',
        'MimeTypesHelper.java',
        'NativeCache.java',
        'OSApplicationCache.m',
        'OSCache.java',
        'OSCache.m',
        'OSCacheEntry.m',
        'OSCacheResources.m',
        'OSCordovaLoaderProtocol.m',
        'OSManifestParser.java',
        'OSManifestParser.m',
        'OSMimeTypesHelper.m',
        'OSNativeCache.m',
        'OutSystems.js',
        'OutSystemsManifestLoader.js',
        'pwaServiceWorker.js',
        'support',
      ].sort(),
    );
    expect(MESSAGES.length).toBeGreaterThan(300);
  });

  it('recognises at least 95% of them, alone, after a logcat prefix and after a Service Center timestamp column', () => {
    const forms = (m: Message) => {
      const text = fill(m.template, RELATIVE);
      return [text, `11-20 10:31:07.123  4242  4300 D OSCache: ${text}`, `2026-11-20 10:31:07\tMyApp\tOSCache\t${text}`];
    };
    const missed = MESSAGES.filter((m) => forms(m).some((f) => read(f) === undefined));
    const share = 1 - missed.length / MESSAGES.length;
    console.log(`runtime messages recognised: ${MESSAGES.length - missed.length} of ${MESSAGES.length} (${(share * 100).toFixed(1)}%)`);
    expect(missed.map((m) => m.template)).toEqual([]);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it('gives every kind a title, an explanation and a next step', () => {
    for (const m of MESSAGES) {
      const e = read(fill(m.template, RELATIVE));
      expect(e?.title, m.template).toMatch(/\S/);
      expect(e?.explanation, m.template).toMatch(/\S{3}/);
      expect(e?.nextStep, m.template).toMatch(/\S{3}/);
    }
  });

  it('reads the path (before ?, no host) and the hash of every line naming a resource, as logged and as a full URL', () => {
    for (const m of MESSAGES.filter((x) => x.template.includes('{url}'))) {
      for (const url of [RELATIVE, ABSOLUTE]) {
        const e = read(fill(m.template, url));
        expect({ line: m.template, path: e?.path, expected: e?.expected }).toEqual({ line: m.template, path: PATH, expected: EXPECTED });
      }
    }
    for (const m of MESSAGES.filter((x) => x.template.includes('{path}'))) {
      expect({ line: m.template, path: read(fill(m.template, RELATIVE))?.path }).toEqual({ line: m.template, path: PATH });
    }
  });

  it('numbers each entry by its 1-based line in a pasted log', () => {
    const log = MESSAGES.map((m) => `2026-11-20 10:31:07\t${fill(m.template, RELATIVE)}`).join('\n');
    const r = parseLog(log);
    expect(r.unrecognised).toBe(0);
    expect(r.entries.map((e) => e.line)).toEqual(MESSAGES.map((_, i) => i + 1));
  });

  it('counts as rejections exactly the wordings after which the device does not keep the file', () => {
    const rejected = (template: string) => {
      const e = read(fill(template, RELATIVE));
      return e !== undefined && isRejection(e);
    };
    for (const t of [
      'Checksum failed for file {url}. Received hash: {expected} | Calculated hash: {hash}',
      'Failed to store downloaded resource {url}: File is corrput or invalid',
      'Failed to store download resource {url} with error: File is corrupt or invalid.',
      'Failed to download resource {url} with error: (null)',
      'Aborting resources download. Failed to download resource {url} with error: File is corrupt or invalid',
      'Failed to store downloaded resource {url}: File not found or is empty',
      'Failed to store downloaded resource {url}: Unable to validate downloaded file',
      'Caching error: Aborting resources download. Failed to download resource {url} with error: File is corrupt or invalid',
      'Upgrade failed - rolling back to previous application version. Aborting resources download. Failed to download resource {url} with error: (null)',
    ])
      expect({ t, rejected: rejected(t) }).toEqual({ t, rejected: true });
    for (const t of [
      'Failed to check the integrity of the file {url}',
      'Downloaded resource {url}',
      'Resource already fetched: {url}',
      'Unable to find resource: {url}',
      '{n}/{n}: {url}',
      'Resource loaded from cache {url}',
    ])
      expect({ t, rejected: rejected(t) }).toEqual({ t, rejected: false });
  });

  it('keeps Service Center lines cut short after the URL', () => {
    for (const cut of [
      `Checksum failed for file ${RELATIVE}`,
      `Failed to store downloaded resource ${RELATIVE}`,
      `Aborting resources download. Failed to download resource ${RELATIVE}`,
      `Failed to download resource ${RELATIVE}`,
    ]) {
      const e = read(cut);
      expect({ cut, path: e?.path, expected: e?.expected }).toEqual({ cut, path: PATH, expected: EXPECTED });
    }
  });

  it('asks to check the resources of failure lines, not of the lines listing what was cached', () => {
    const lines = [
      `1/40: /MyApp/scripts/A.js?${EXPECTED}`,
      `Requesting resource: /MyApp/scripts/B.js?${EXPECTED}`,
      fill('Failed to download resource {url} with error: Not Found', RELATIVE),
    ];
    expect(resourcesNamed(parseLog(lines.join('\n')).entries)).toEqual([PATH]);
  });
});
