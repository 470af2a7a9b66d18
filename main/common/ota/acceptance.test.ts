import { describe, expect, it } from 'vitest';
import { describeJudgement, judgeCopy, tokenMatches, type CopyFacts } from './acceptance.js';

// MD5 in the OutSystems form of `var x = 3;\n` (A) and `var x = 62;\n` (B); T is an index version token.
const A = 'Ux+rVJ8uHJtnxJ4yVjYV_A';
const B = 'eZeyznlO_xx2+8Xt0B1UNg';
const T = 'VK+uxZBPgSEt3QyA_9zPxg';
const JS = '/MyApp/scripts/MyApp.controller.js';
const INDEX_TEXT = `<html><script type="text/javascript">OSManifestLoader.indexVersionToken = "${T}";</script></html>`;

const copy = (extra: Partial<CopyFacts>): CopyFacts => ({ path: JS, expected: A, status: 200, hash: A, size: 11, ...extra });
const verdicts = (c: CopyFacts) => {
  const j = judgeCopy(c);
  return [j.ios.accepted, j.android.accepted, j.ios.rule, j.android.rule];
};

describe('the device acceptance model', () => {
  const table: Array<[string, Partial<CopyFacts>, boolean, boolean, string, string]> = [
    ['the right bytes with 200', {}, true, true, 'accepted', 'accepted'],
    ['other bytes with 200', { hash: B }, false, false, 'hash', 'hash'],
    ['203: iOS takes only 200, Android any 2xx', { status: 203 }, false, true, 'status', 'accepted'],
    ['204 with an empty body', { status: 204, size: 0, hash: '1B2M2Y8AsgTpgAmY7PhCfg' }, false, false, 'status', 'empty'],
    ['206 without a Range asked, part of the file', { status: 206, hash: B, size: 5 }, false, false, 'status', 'hash'],
    ['304 with no body', { status: 304, hash: undefined, size: undefined }, false, false, 'status', 'status'],
    ['404', { status: 404, hash: B }, false, false, 'status', 'status'],
    ['an empty 200', { size: 0, hash: '1B2M2Y8AsgTpgAmY7PhCfg', expected: A }, false, false, 'empty', 'empty'],
    ['a body cut short of its Content-Length', { transferFailure: '31152 of 36152 bytes' }, false, false, 'transfer', 'transfer'],
    ['a redirect to another origin', { redirectElsewhere: 'https://login.example.net/' }, false, false, 'redirect', 'redirect'],
    ['no answer at all', { status: undefined, hash: undefined }, false, false, 'no-answer', 'no-answer'],
  ];
  it.each(table)('%s', (_name, extra, ios, android, iosRule, androidRule) => {
    expect(verdicts(copy(extra))).toEqual([ios, android, iosRule, androidRule]);
  });

  const tokenFiles: Array<[string, string, string, string]> = [
    ['index.html', '/MyApp/index.html', 'text/html; charset=utf-8', INDEX_TEXT],
    ['moduleinfo', '/MyApp/moduleservices/moduleinfo', 'application/json', `{"manifest":{"versionToken":"${T}"}}`],
    ['manifest.json', '/MyApp/manifest.json', 'application/json', `{"versionToken":"${T}","name":"x"}`],
  ];
  it.each(tokenFiles)('%s: accepted by its token when its MD5 differs, on both platforms', (_n, path, contentType, text) => {
    const c = { path, expected: T, status: 200, hash: B, size: text.length, contentType, tokenMatch: tokenMatches(text, T) };
    expect(verdicts(c)).toEqual([true, true, 'accepted-by-token', 'accepted-by-token']);
    expect(describeJudgement(judgeCopy(c))).toBe('A device accepts this copy (the token is present).');
  });
  it.each(tokenFiles)('%s: rejected when its text has no token', (_n, path, contentType) => {
    const c = { path, expected: T, status: 200, hash: B, size: 10, contentType, tokenMatch: tokenMatches('<html>Sign in</html>', T) };
    expect(verdicts(c)).toEqual([false, false, 'hash', 'hash']);
  });

  it('iOS judges token files by URL, older Android by content type', () => {
    const text = `{"versionToken":"${T}"}`;
    // A JSON answer for a path iOS does not treat as a token file: Android accepts it by its type.
    const api = { path: '/MyApp/data/config.json', expected: T, hash: B, size: 20, status: 200, contentType: 'application/json' };
    expect(verdicts({ ...api, tokenMatch: tokenMatches(text, T) })).toEqual([false, true, 'hash', 'accepted-by-token']);
    // index.html served as text/plain: iOS goes by the URL, Android by the type.
    const plain = { path: '/MyApp/index.html', expected: T, hash: B, size: 20, status: 200, contentType: 'text/plain' };
    expect(verdicts({ ...plain, tokenMatch: tokenMatches(INDEX_TEXT, T) })).toEqual([true, false, 'accepted-by-token', 'hash']);
  });

  it('the token pattern: no space after the colon; case-insensitive on iOS only; newlines removed only on Android', () => {
    expect(tokenMatches(`{"versionToken":"${T}"}`, T)).toEqual({ lines: true, joined: true });
    // OSCacheResources.m compiles the pattern with NSRegularExpressionCaseInsensitive, CacheResources.java with no flag.
    expect(tokenMatches(`{"VERSIONTOKEN":"${T}"}`, T)).toEqual({ lines: true, joined: false });
    expect(tokenMatches(`{"versionToken": "${T}"}`, T)).toEqual({ lines: false, joined: false });
    expect(tokenMatches(`{"versionToken" : "${T}"}`, T)).toEqual({ lines: false, joined: false });
    expect(tokenMatches(`{"versionToken":"${T.toLowerCase()}"}`, T)).toEqual({ lines: true, joined: false });
    expect(tokenMatches(`osmanifestloader.indexversiontoken = "${T}";`, T)).toEqual({ lines: true, joined: false });
    expect(tokenMatches(`{"versionToken":"${A}"}`, T)).toEqual({ lines: false, joined: false });
    expect(tokenMatches(`OSManifestLoader.indexVersionToken = "${T}";`, T)).toEqual({ lines: true, joined: true });
    expect(tokenMatches(`OSManifestLoader.indexVersionToken\n= "${T}";`, T)).toEqual({ lines: false, joined: true });
    // The hash is matched literally: '+' is not a regular-expression quantifier here.
    expect(tokenMatches(`{"versionToken":"VKKuxZBPgSEt3QyA_9zPxg"}`, T)).toEqual({ lines: false, joined: false });
  });

  it('each version-token file, without the token, with it and with the space that the pattern does not take', () => {
    const files: Array<[string, string, (t: string) => string]> = [
      ['/MyApp/moduleservices/moduleinfo', 'application/json', (t) => `{"manifest":{"versionToken":${t}}}`],
      ['/MyApp/index.html', 'text/html', (t) => `<script>OSManifestLoader.indexVersionToken = ${t};</script>`],
      ['/MyApp/manifest.json', 'application/json', (t) => `{"versionToken":${t}}`],
    ];
    for (const [path, contentType, body] of files) {
      const judged = (text: string) =>
        verdicts({ path, expected: T, status: 200, hash: B, size: 30, contentType, tokenMatch: tokenMatches(text, T) });
      expect([path, judged(body(`"${T}"`))]).toEqual([path, [true, true, 'accepted-by-token', 'accepted-by-token']]);
      expect([path, judged(body(`"${A}"`))]).toEqual([path, [false, false, 'hash', 'hash']]);
      // The space after the colon: the JSON files no longer match; index.html's "=" form allows spaces.
      const spaced = path.endsWith('index.html') ? [true, true, 'accepted-by-token', 'accepted-by-token'] : [false, false, 'hash', 'hash'];
      expect([path, judged(body(` "${T}"`))]).toEqual([path, spaced]);
    }
  });

  it('older Android takes the type by extension when no Content-Type arrives', () => {
    const text = `{"versionToken":"${T}"}`;
    const bare = { expected: T, hash: B, size: 20, status: 200, tokenMatch: tokenMatches(text, T) };
    expect(verdicts({ ...bare, path: '/MyApp/data/config.json' })).toEqual([false, true, 'hash', 'accepted-by-token']);
    expect(verdicts({ ...bare, path: '/MyApp/scripts/config.js' })).toEqual([false, false, 'hash', 'hash']);
  });

  it('an empty body is rejected by its MD5 even when its size is not known', () => {
    expect(verdicts(copy({ hash: '1B2M2Y8AsgTpgAmY7PhCfg', size: undefined }))).toEqual([false, false, 'empty', 'empty']);
  });

  it('a same-origin redirect is judged by its final answer', () => {
    // The fetch layer follows it (up to 5) and records the final status and body: the right file with 200 is accepted.
    expect(verdicts(copy({ status: 200 }))).toEqual([true, true, 'accepted', 'accepted']);
    expect(verdicts(copy({ status: 200, hash: B }))).toEqual([false, false, 'hash', 'hash']);
  });

  it('says where the platforms differ', () => {
    expect(describeJudgement(judgeCopy(copy({ status: 206 })))).toBe(
      'Android accepts this copy, iOS does not: iOS accepts only status 200; this copy came with 206.',
    );
    expect(describeJudgement(judgeCopy(copy({ hash: B })))).toMatch(/^A device rejects this copy: its MD5 is/);
  });
});
