// The pure parts of customer mode: the address as typed, support's file list, the pasted error, the
// words for paths, and which input a failed run concerns.
import { describe, expect, it } from 'vitest';
import { strings } from '../../strings/index.js';
import { normaliseAppUrl, parseResourceLines } from './address.js';
import { summariseLog, MAX_LOG_CHARS } from './log-summary.js';
import { displayPath, jargonIn } from './words.js';
import { runProblem } from './actions.js';

describe('normaliseAppUrl', () => {
  it.each([
    ['https://apps.example.com/MyApp/', 'https://apps.example.com/MyApp/', false],
    ['  https://apps.example.com/MyApp  ', 'https://apps.example.com/MyApp/', true],
    ['apps.example.com/MyApp', 'https://apps.example.com/MyApp/', true],
    ['http://10.0.0.5:8080/MyApp/Home?x=1#top', 'http://10.0.0.5:8080/MyApp/', true],
    ['HTTPS://Apps.Example.com/MyApp/', 'https://apps.example.com/MyApp/', true],
    ['localhost:8443/MyApp', 'https://localhost:8443/MyApp/', true],
  ])('%s → %s', (typed, url, changed) => {
    expect(normaliseAppUrl(typed)).toEqual({ ok: true, url, changed });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['https://apps.example.com/', 'noApp'],
    ['apps.example.com', 'noApp'],
    ['ftp://apps.example.com/MyApp/', 'scheme'],
    ['mailto:support@example.com', 'scheme'],
    ['not an address', 'notAddress'],
    ['https://user:pw@apps.example.com/MyApp/', 'notAddress'],
    ['https://[zz]/MyApp/', 'notAddress'],
    [`https://apps.example.com/${'a'.repeat(2100)}/`, 'tooLong'],
  ])('refuses %s (%s)', (typed, problem) => {
    expect(normaliseAppUrl(typed)).toEqual({ ok: false, problem });
  });
});

describe('parseResourceLines', () => {
  it('takes paths, full URLs and names relative to the app, once each', () => {
    const text =
      'scripts/a.js\r\n\n  /MyApp/scripts/a.js  \nhttps://apps.example.com/MyApp/css/b.css?Xr5tDq0ZkSRmLw1fHf2bXg\nMyApp/img/c.png\n/';
    expect(parseResourceLines(text, 'MyApp')).toEqual({
      ok: true,
      resources: ['/MyApp/scripts/a.js', '/MyApp/css/b.css', '/MyApp/img/c.png'],
    });
  });

  it('keeps a relative path as it is when the app is not known, and refuses a line too long', () => {
    expect(parseResourceLines('scripts/a.js', undefined)).toEqual({ ok: true, resources: ['/scripts/a.js'] });
    expect(parseResourceLines(`/a\n/${'x'.repeat(2100)}`, 'MyApp')).toEqual({ ok: false, problem: 'tooLong', line: 2 });
  });
});

describe('summariseLog', () => {
  it('names the files that failed, once each, from every wording of a failed file', () => {
    const log = [
      'Checksum failed for file /MyApp/scripts/a.js?Xr5tDq0ZkSRmLw1fHf2bXg Received hash: Xr5tDq0ZkSRmLw1fHf2bXg | Calculated hash: 9vB1c2JxkT5Lq8eVYk0bMw',
      'Failed to store download resource /MyApp/scripts/a.js?Xr5tDq0ZkSRmLw1fHf2bXg with error: File is corrupt or invalid.',
      'Failed to download resource /MyApp/css/b.css?AAAAAAAAAAAAAAAAAAAAAA: File is corrupt or invalid',
    ].join('\n');
    expect(summariseLog(log)).toEqual({ kind: 'files', files: ['/MyApp/scripts/a.js', '/MyApp/css/b.css'] });
  });

  it('tells a failed update without a file from text it does not know, and a paste too long', () => {
    expect(summariseLog('Upgrade failed - rolling back to the previous application version.')).toEqual({ kind: 'noFile' });
    expect(summariseLog('Good morning')).toEqual({ kind: 'unrecognised' });
    expect(summariseLog(' \n ')).toEqual({ kind: 'empty' });
    expect(summariseLog('x'.repeat(MAX_LOG_CHARS + 1))).toEqual({ kind: 'tooLong' });
  });
});

describe('words', () => {
  it('writes paths as the customer knows them, and the manifest by what it is', () => {
    expect(displayPath('/MyApp/scripts/MyApp.controller.js')).toBe('scripts/MyApp.controller.js');
    expect(displayPath('/MyApp/moduleservices/moduleinfo')).toBe(strings.customer.error.listOfFiles);
    expect(displayPath('scripts/x.js?abc')).toBe('scripts/x.js');
    expect(displayPath('/index.html')).toBe('index.html');
  });

  it('finds the technical words that need explaining', () => {
    expect(jargonIn('A cache on the network (a CDN or proxy) keeps handing out an old copy.')).toEqual(['CDN', 'proxy']);
    expect(jargonIn('Front-end FE2 serves a hash that is not in the moduleinfo')).toEqual(['moduleinfo', 'frontend', 'hash']);
    expect(jargonIn('Everything we could check delivers the right files.')).toEqual([]);
    expect(jargonIn('hashing and hashtags')).toEqual([]);
  });
});

describe('runProblem', () => {
  const s = strings.customer;
  it('puts each failure next to the input it concerns', () => {
    expect(runProblem({ code: 'CANNOT_RUN', message: 'no usable moduleinfo: public: ENOTFOUND' }, false)).toMatchObject({
      concern: 'address',
      message: s.address.unreachable,
    });
    const timedOut = { code: 'CANNOT_RUN', message: 'no usable moduleinfo: public: timed out', details: { kind: 'timeout' } } as const;
    expect(runProblem(timedOut, false)).toMatchObject({ concern: 'address', message: s.address.timeout });
    expect(runProblem({ code: 'ETIMEDOUT', message: 'connect ETIMEDOUT 10.0.0.1:443' }, true)).toMatchObject({
      concern: 'address',
      message: s.address.timeout,
    });
    const refused = { code: 'CANNOT_RUN', message: 'no usable moduleinfo', details: { kind: 'certificate' } } as const;
    expect(runProblem(refused, false)).toMatchObject({ concern: 'address', message: s.address.unreachable });
    expect(runProblem({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, true)).toMatchObject({ message: s.address.unreachable });
    // The words of a message decide nothing: only the code and the details do.
    expect(runProblem({ code: 'FAILED', message: 'connect ETIMEDOUT 10.0.0.1:443 (certificate)' }, false)).toMatchObject({
      concern: 'general',
    });
    expect(
      runProblem(
        { code: 'INVALID', message: 'ota:diagnose: $.appUrl: text not in the expected form', details: { field: 'appUrl' } },
        false,
      ),
    ).toMatchObject({
      concern: 'address',
      message: s.address.refused,
    });
    expect(
      runProblem({ code: 'INVALID', message: 'HAR file: line 1: not JSON', details: { field: 'harPath', line: 1 } }, true),
    ).toMatchObject({
      concern: 'capture',
      message: s.capture.bad,
    });
    expect(runProblem({ code: 'ENOENT', message: '/x.har: no such file or folder' }, true)).toMatchObject({
      concern: 'capture',
      message: s.capture.unreadable,
    });
    expect(runProblem({ code: 'FAILED', message: 'something else' }, false)).toEqual({
      concern: 'general',
      message: s.checking.failed,
      detail: 'something else',
    });
  });
});
